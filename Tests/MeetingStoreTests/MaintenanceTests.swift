import Foundation
import GRDB
import HuiwuTestSupport
import MeetingKit
import MeetingStore
import Testing

/// Backup and restore of a file are SQLite's (its backup API, a file replaced in one step) and
/// stay SQLite-only here; an office on PostgreSQL refuses them, naming the cluster's tools. The
/// doctor runs on both engines, each with the checks that apply to it.
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
        try office.store.writer.write { try $0.execute(sql: "UPDATE audit_event SET after = 'forged' WHERE seq = 5") }
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

    @Test("backup and restore on PostgreSQL are refused before anything is written, naming pg_dump, pg_basebackup and admin copy", .postgres)
    func clusterBackupRefused() throws {
        let office = try TestOffice(.postgresql)
        let admin = try office.session()
        let before = try office.auditCount()
        let out = office.directory + "/backup.sqlite"
        let backup = try #require(throws: Refusal.self) { try admin.backup(to: out) }
        #expect(backup.code == "backup.postgres")
        for word in ["pg_dump", "pg_restore", "pg_basebackup", "huiwu admin copy --from " + office.path] {
            #expect(backup.message.en.contains(word) && backup.message.zh.contains(word), "\(word)")
        }
        #expect(!FileManager.default.fileExists(atPath: out))
        FileManager.default.createFile(atPath: out, contents: Data("a file".utf8))
        #expect(throws: Refusal.self) { try admin.restore(from: out) }
        #expect(try office.auditCount() == before)
        #expect(FileManager.default.contents(atPath: out) == Data("a file".utf8))
        // Administrators only, as on a file: the rule comes before the engine.
        #expect { try office.session("lijing").backup(to: out) } throws: { ($0 as? Refusal)?.code == "store.notAdministrator" }
    }

    @Test("doctor on PostgreSQL passes on a healthy office and checks its migrations, triggers, keyed chain, anchor and attachments", .postgres)
    func doctorPostgres() throws {
        let office = try TestOffice(.postgresql)
        let item = try office.session("lijing").addItem(title: "议题", lead: "CGW").id!
        try office.session("lijing").attach(name: "a.txt", content: Data("甲".utf8), to: .item(item))
        let checks = try office.session().doctor()
        #expect(checks.filter { !$0.ok }.isEmpty, "\(checks.filter { !$0.ok }.map(\.detail.en))")
        #expect(Set(checks.map(\.name)).isSuperset(of: ["schema", "triggers", "audit", "attachments"]))
        let audit = try #require(checks.first { $0.name == "audit" })
        #expect(audit.detail.en.contains(office.store.auditKeyPath) && audit.detail.en.contains(office.store.auditAnchorPath))
        #expect(checks.first { $0.name == "attachments" }?.detail.en.contains("all 1 present") == true)
    }

    @Test("doctor on PostgreSQL names an altered audit event, a disabled trigger and altered attached content", .postgres)
    func doctorPostgresTampering() throws {
        let office = try TestOffice(.postgresql)
        let item = try office.session("lijing").addItem(title: "议题", lead: "CGW").id!
        let a = try office.session("lijing").attach(name: "a.txt", content: Data("甲".utf8), to: .item(item))
        let adapter = try PostgresAdapter.connect(try #require(office.store.postgresURL))
        defer { adapter.close() }
        try adapter.exec("UPDATE audit_event SET after = 'forged' WHERE seq = 5", [])
        try adapter.exec("ALTER TABLE minutes DISABLE TRIGGER minutes_signed_no_update", [])
        try adapter.exec("DELETE FROM attachment_content WHERE sha256 = ?", [.text(a.sha256)])
        try adapter.exec("INSERT INTO attachment_content (sha256, content) VALUES (?, ?)", [.text(a.sha256), .blob(Data("乙".utf8))])
        let checks = try office.session().doctor()
        let audit = try #require(checks.first { $0.name == "audit" })
        #expect(!audit.ok && audit.detail.en.contains("#5") && audit.fix?.en.contains("pg_restore") == true)
        let triggers = try #require(checks.first { $0.name == "triggers" })
        #expect(!triggers.ok && triggers.detail.en.contains("minutes_signed_no_update"))
        let attachments = try #require(checks.first { $0.name == "attachments" })
        #expect(!attachments.ok && attachments.detail.en.contains("changed"))
    }

    @Test("doctor on a PostgreSQL URL that holds no office says so as one failed check", .postgres)
    func doctorPostgresMissing() throws {
        let url = try PostgresCluster.shared().database()
        let checks = StoreDoctor.run(path: url)
        #expect(checks.count == 1 && checks[0].name == "open" && !checks[0].ok)
        #expect(checks[0].detail.en.contains("no office"))
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
