import Foundation
import GRDB
import HuiwuTestSupport
import MeetingKit
import MeetingStore
import Testing

/// The chain's head is kept outside the database, so deleting the newest events (which
/// leaves a shorter chain that links perfectly) is detected.
@Suite("Audit head anchored outside the database", .requires(SQLiteShell.isAvailable, "sqlite3"))
struct AuditAnchorTests {
    func head(_ office: TestOffice) throws -> AuditHead { try #require(try office.session().auditHead()) }

    @Test("each write that appends events records the committed head beside the database, mode 0600")
    func recordedAfterWrites() throws {
        let office = try TestOffice()
        try office.session().addPerson(Person(login: "wanglei", name: "王磊", role: .secretary, departmentCode: "ZFB"))
        let anchorPath = office.path + ".audit-head"
        let recorded = try JSONDecoder().decode(AuditHead.self, from: try Data(contentsOf: URL(fileURLWithPath: anchorPath)))
        #expect(recorded == (try head(office)))
        #expect(try FileManager.default.attributesOfItem(atPath: anchorPath)[.posixPermissions] as? Int == 0o600)
        // A read appends nothing and leaves it alone.
        _ = try office.session().people()
        #expect(try JSONDecoder().decode(AuditHead.self, from: try Data(contentsOf: URL(fileURLWithPath: anchorPath))) == recorded)
    }

    @Test("the newest events deleted with sqlite3: audit verify fails naming the missing seq, and later writes keep the evidence")
    func truncationDetected() throws {
        let office = try TestOffice()
        let admin = try office.session()
        for login in ["wanglei", "zhoumin", "liuyang"] {
            try admin.addPerson(Person(login: login, name: login, role: .secretary, departmentCode: "ZFB"))
        }
        let newest = try head(office).seq
        let shell = try SQLiteShell.run(office.path, "DELETE FROM audit_event WHERE seq > \(newest - 2);")
        #expect(shell.status == 0, "\(shell.stderr)")
        #expect(try admin.verifyAudit().firstBreak == .anchoredHeadMissing(seq: newest))
        let huiwu = Binary(database: office.path)
        let verify = try huiwu.run(["audit", "verify", "--lang", "en"])
        #expect(verify.status == 1)
        #expect(verify.stderr.hasPrefix("huiwu: audit event #\(newest), the chain's head recorded outside the database, is missing or different"), "\(verify.stderr)")
        // New writes refill the sequence, but the anchor keeps naming the deleted head.
        for login in ["a1", "a2", "a3"] {
            #expect(try huiwu.run(["people", "add", "--login", login, "--name", login, "--role", "secretary", "--dept", "ZFB"]).status == 0)
        }
        #expect(try huiwu.run(["audit", "verify"]).status == 1)
    }

    @Test("every backup writes a manifest: head, key id, SHA-256 of the copy, schema version")
    func backupManifest() throws {
        let office = try TestOffice()
        let admin = try office.session()
        let backup = office.directory + "/b.sqlite"
        let headBefore = try head(office)
        let manifest = try admin.backup(to: backup)
        let stored = try JSONDecoder().decode(BackupManifest.self, from: try Data(contentsOf: URL(fileURLWithPath: backup + ".manifest.json")))
        #expect(stored == manifest)
        #expect(manifest.auditHead == headBefore)
        #expect(manifest.auditKeyId == office.store.auditKey?.id)
        #expect(manifest.file == "b.sqlite")
        #expect(manifest.sha256 == SHA256.hex(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: backup)))))
        #expect(manifest.schemaVersion == Store.schemaVersion)
        #expect(try FileManager.default.attributesOfItem(atPath: backup + ".manifest.json")[.posixPermissions] as? Int == 0o600)
    }
}
