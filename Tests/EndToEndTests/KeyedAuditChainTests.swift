import Foundation
import GRDB
import HuiwuTestSupport
import MeetingKit
@testable import MeetingStore
import Testing

/// The audit chain is an HMAC under a key beside the database: whoever can rewrite the file
/// but not read the key cannot re-chain a rewritten log.
@Suite("Keyed audit chain", .requires(SQLiteShell.isAvailable, "sqlite3"))
struct KeyedAuditChainTests {
    @Test("init creates a 32-byte key beside the database, mode 0600; audit verify and doctor name it and its id")
    func keyCreatedAndNamed() throws {
        let dir = TestOffice.temporaryDirectory()
        let path = dir + "/office.sqlite"
        let huiwu = Binary(database: path)
        #expect(try huiwu.run(["init"]).status == 0)
        let keyPath = path + ".auditkey"
        let attributes = try FileManager.default.attributesOfItem(atPath: keyPath)
        #expect(attributes[.posixPermissions] as? Int == 0o600)
        #expect(attributes[.size] as? Int == 32)
        let key = try #require(try AuditKey.load(at: keyPath))
        #expect(key.id.count == 16)
        let verify = try huiwu.run(["audit", "verify", "--lang", "en"])
        #expect(verify.status == 0, "\(verify.stderr)")
        #expect(verify.stdout.contains("verified with key \(keyPath) (id \(key.id))"))
        let json = try #require(try huiwu.json(["audit", "verify"]) as? [String: Any])
        #expect(json["keyId"] as? String == key.id)
        let doctor = try huiwu.run(["doctor", "--lang", "en"])
        #expect(doctor.stdout.contains("verified with key \(keyPath) (id \(key.id))"), "\(doctor.stdout)")
    }

    @Test("an audit table rewritten with sqlite3 and re-chained with plain SHA-256 fails audit verify")
    func plainRechainFails() throws {
        let office = try TestOffice()
        try office.session().addPerson(Person(login: "wanglei", name: "王磊", role: .secretary, departmentCode: "ZFB"))
        let path = office.path
        try office.closeCleanly()
        try TestOffice.rewriteAuditWithPlainSHA256(path, altering: 3, after: "{\"forged\":true}")
        let verify = try Binary(database: path).run(["audit", "verify", "--lang", "en"])
        #expect(verify.status == 1)
        #expect(verify.stderr.hasPrefix("huiwu: audit event #1 was altered, or was not sealed with this office's key (MAC mismatch)"), "\(verify.stderr)")
        #expect(verify.stderr.contains("verified with key \(path).auditkey"))
    }

    /// Turns an office into one written before keys: plain SHA-256 chain, no key, no marker.
    func makeLegacy(_ office: TestOffice) throws -> (path: String, head: AuditHead) {
        let path = office.path
        try office.closeCleanly()
        let legacy = try DatabaseQueue(path: path)
        try legacy.write { db in
            try db.execute(sql: "DELETE FROM setting WHERE key = 'audit.keyId'")
            try AuditLog.rechain(db, mac: AuditChain.plainSHA256)
        }
        let head = try #require(try legacy.read(AuditLog.head))
        try legacy.close()
        for file in [path + ".auditkey", path + ".audit-head"] { try FileManager.default.removeItem(atPath: file) }
        return (path, head)
    }

    @Test("a legacy plain chain is verified, re-chained with a new key in one transaction, and audit.rekey names the legacy head")
    func legacyUpgrade() throws {
        let (path, legacyHead) = try makeLegacy(try TestOffice())
        let store = try Store.open(at: path)
        let key = try #require(store.auditKey)
        #expect(FileManager.default.fileExists(atPath: path + ".auditkey"))
        let events = try store.read { try AuditEvent.order(Column("seq")).fetchAll($0) }
        let rekey = try #require(events.last)
        #expect(rekey.action == "audit.rekey")
        #expect(rekey.seq == legacyHead.seq + 1)
        #expect(rekey.before.contains("\"legacyHeadSeq\":\"\(legacyHead.seq)\"") && rekey.before.contains(legacyHead.mac))
        #expect(rekey.entityId == key.id)
        #expect(AuditChain.firstBreak(in: events, mac: key.mac) == nil)
        #expect(try Binary(database: path).run(["audit", "verify"]).status == 0)
    }

    @Test("a legacy chain that is already broken is not re-keyed: reads work, writes are refused")
    func brokenLegacyNotRekeyed() throws {
        let (path, _) = try makeLegacy(try TestOffice())
        try SQLiteShell.run(path, "UPDATE audit_event SET actor = 'mallory' WHERE seq = 4;")
        let huiwu = Binary(database: path)
        #expect(try huiwu.run(["meeting", "list"]).status == 0)
        let add = try huiwu.run(["meeting", "add", "--kind", "executive", "--at", "2026-03-12T09:00", "--lang", "en"])
        #expect(add.status == 6)
        #expect(add.stderr.contains("the legacy (unkeyed) audit chain is broken and will not be sealed with a key: audit event #4"), "\(add.stderr)")
        #expect(!FileManager.default.fileExists(atPath: path + ".auditkey"))
    }

    @Test("a keyed database whose key file is missing or another key is refused, never silently re-keyed")
    func missingOrWrongKey() throws {
        let office = try TestOffice()
        let path = office.path
        let keyPath = path + ".auditkey"
        let id = try #require(office.store.auditKey).id
        try office.closeCleanly()
        try FileManager.default.moveItem(atPath: keyPath, toPath: path + ".saved-key")
        #expect { try Store.open(at: path) } throws: { ($0 as? Refusal)?.code == "audit.keyMissing" }
        let missing = try Binary(database: path).run(["meeting", "list", "--lang", "en"])
        #expect(missing.status == 6)
        #expect(missing.stderr.contains("is sealed with the key \(id), but the key file \(keyPath) is missing"))
        #expect(!FileManager.default.fileExists(atPath: keyPath), "no new key was made")

        try Data(repeating: 7, count: 32).write(to: URL(fileURLWithPath: keyPath))
        #expect { try Store.open(at: path) } throws: { ($0 as? Refusal)?.code == "audit.keyMismatch" }
        try FileManager.default.removeItem(atPath: keyPath)
        try FileManager.default.moveItem(atPath: path + ".saved-key", toPath: keyPath)
        #expect(try Binary(database: path).run(["audit", "verify"]).status == 0)
    }

    @Test("a key file beside a log that names no key (the marker deleted, the chain re-hashed) is refused")
    func keyWithoutKeyedLog() throws {
        let office = try TestOffice()
        let path = office.path
        try office.closeCleanly()
        try TestOffice.rewriteAuditWithPlainSHA256(path, altering: 2, after: "{}")
        try SQLiteShell.run(path, "DELETE FROM setting WHERE key = 'audit.keyId';")
        let result = try Binary(database: path).run(["audit", "verify", "--lang", "en"])
        #expect(result.status == 6)
        #expect(result.stderr.contains("is not sealed with a key, but the key file \(path).auditkey exists"), "\(result.stderr)")
    }
}
