import Foundation
import GRDB
import HuiwuTestSupport
import MeetingKit
import MeetingStore
import Testing

@Suite("Backup, restore and doctor")
struct MaintenanceTests {
    @Test("a backup taken while the office works restores exactly, keeping the replaced content")
    func backupAndRestore() throws {
        let office = try TestOffice()
        let admin = try office.session()
        let backupPath = office.directory + "/backup.sqlite"
        try admin.backup(to: backupPath)
        #expect(try StoreBackup.problems(inBackup: backupPath, for: office.store).isEmpty)
        let mode = try FileManager.default.attributesOfItem(atPath: backupPath)[.posixPermissions] as? Int
        #expect(mode == 0o600)

        try admin.addPerson(Person(login: "wangwu", name: "王五", role: .secretary, departmentCode: "ZFB"))
        #expect(try admin.people().contains { $0.login == "wangwu" })

        let kept = try admin.restore(from: backupPath)
        #expect(try !admin.people().contains { $0.login == "wangwu" })
        #expect(try admin.verifyAudit().firstBreak == nil)
        #expect(try admin.auditEvents(limit: 1).first?.action == "store.restore")
        // The kept copy is sealed with the office's key, which stays beside the database only.
        let keptCopy = try DatabaseQueue(path: kept)
        #expect(try keptCopy.read { try Person.fetchOne($0, key: "wangwu") } != nil)
    }

    @Test("a backup never overwrites an existing file")
    func backupRefusesExisting() throws {
        let office = try TestOffice()
        let path = office.directory + "/exists.sqlite"
        FileManager.default.createFile(atPath: path, contents: Data("keep me".utf8))
        #expect(throws: Refusal.self) { try office.session().backup(to: path) }
        #expect(FileManager.default.contents(atPath: path) == Data("keep me".utf8))
    }

    @Test("a tampered backup is refused and the live data is untouched")
    func restoreRefusesTamperedBackup() throws {
        let office = try TestOffice()
        let admin = try office.session()
        let backupPath = office.directory + "/backup.sqlite"
        try admin.backup(to: backupPath)
        let tamper = try DatabaseQueue(path: backupPath)
        try tamper.write { try $0.execute(sql: "UPDATE audit_event SET actor = 'mallory' WHERE seq = 3") }
        try tamper.close()
        let before = try office.auditCount()
        #expect { try admin.restore(from: backupPath) } throws: { ($0 as? Refusal)?.code == "restore.badBackup" }
        #expect(try office.auditCount() == before)
    }

    @Test("only administrators back up and restore")
    func administratorsOnly() throws {
        let office = try TestOffice()
        #expect { try office.session("lijing").backup(to: office.directory + "/b.sqlite") } throws: {
            ($0 as? Refusal)?.code == "store.notAdministrator"
        }
        #expect(!FileManager.default.fileExists(atPath: office.directory + "/b.sqlite"))
    }

    @Test("doctor passes on a healthy office and names an altered audit event")
    func doctor() throws {
        let office = try TestOffice()
        let failing = try StoreDoctor.run(path: office.path).filter { !$0.ok }
        #expect(failing.isEmpty, "\(failing.map(\.detail.en))")
        try office.store.pool.write { try $0.execute(sql: "UPDATE audit_event SET after = 'forged' WHERE seq = 5") }
        let audit = try StoreDoctor.run(path: office.path).first { $0.name == "audit" }
        #expect(audit?.ok == false)
        #expect(audit?.detail.en.contains("#5") == true)
        #expect(audit?.fix != nil)
    }

    @Test("doctor flags a database readable by others, with the chmod that fixes it")
    func doctorPermissions() throws {
        let office = try TestOffice()
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: office.path)
        let file = try StoreDoctor.run(path: office.path).first { $0.name == "file" && $0.detail.en.contains(office.path + " ") }
        #expect(file?.ok == false)
        #expect(file?.fix?.en.contains("chmod o-rwx") == true)
    }

    @Test("another process's commit changes data_version; our own does not")
    func dataVersion() throws {
        let office = try TestOffice()
        let seen = office.store.dataVersion()
        try office.session().addPerson(Person(login: "own", name: "自己", role: .secretary))
        #expect(office.store.dataVersion() == seen)
        let other = try Store.open(at: office.path)
        try Session(store: other, actor: try office.session().actor, clock: office.clock)
            .addPerson(Person(login: "other", name: "他人", role: .secretary))
        #expect(office.store.dataVersion() != seen)
    }
}
