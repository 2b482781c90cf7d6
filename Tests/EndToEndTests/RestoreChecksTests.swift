import Foundation
import GRDB
import HuiwuTestSupport
import MeetingKit
import MeetingStore
import Testing

/// A forged file placed as a backup does not pass `restore`: its schema objects, integrity,
/// application id, schema version and keyed chain are all checked before anything is replaced.
@Suite("Restore refuses forged backups", .requires(SQLiteShell.isAvailable, "sqlite3"))
struct RestoreChecksTests {
    /// An office, a backup of it, and what the live data looks like before any restore.
    func officeAndBackup() throws -> (TestOffice, backup: String, content: String, events: Int) {
        let office = try TestOffice()
        let backup = office.directory + "/nightly.sqlite"
        try office.session().backup(to: backup)
        return (office, backup, try office.contentChecksum(), try office.auditCount())
    }

    func expectRefused(_ office: TestOffice, _ backup: String, content: String, events: Int, naming words: String,
                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        let result = try Binary(database: office.path).run(["restore", backup, "--lang", "en"])
        #expect(result.status == 6, sourceLocation: sourceLocation)
        #expect(result.stderr.hasPrefix("huiwu: the backup \(backup) failed verification and was not restored: "), sourceLocation: sourceLocation)
        #expect(result.stderr.contains(words), "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(try office.contentChecksum() == content, sourceLocation: sourceLocation)
        #expect(try office.auditCount() == events, sourceLocation: sourceLocation)
    }

    @Test("a genuine backup restores through the binary")
    func genuine() throws {
        let (office, backup, _, _) = try officeAndBackup()
        let result = try Binary(database: office.path).run(["restore", backup])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Binary(database: office.path).run(["audit", "verify"]).status == 0)
    }

    @Test("a backup with the signed-minutes immutability trigger dropped is refused (R43)")
    func droppedTrigger() throws {
        let (office, backup, content, events) = try officeAndBackup()
        try FileManager.default.removeItem(atPath: backup + ".manifest.json")  // a forger brings no manifest
        #expect(try SQLiteShell.run(backup, "DROP TRIGGER minutes_signed_no_update;").status == 0)
        try expectRefused(office, backup, content: content, events: events, naming: "the trigger minutes_signed_no_update is missing")
    }

    @Test("a backup with an added trigger of its own is refused")
    func addedTrigger() throws {
        let (office, backup, content, events) = try officeAndBackup()
        try FileManager.default.removeItem(atPath: backup + ".manifest.json")
        #expect(try SQLiteShell.run(backup, "CREATE TRIGGER sneak AFTER INSERT ON meeting BEGIN DELETE FROM audit_event; END;").status == 0)
        try expectRefused(office, backup, content: content, events: events, naming: "an unknown trigger sneak was added")
    }

    @Test("a backup whose chain was re-hashed with plain SHA-256 is refused")
    func plainRehash() throws {
        let (office, backup, content, events) = try officeAndBackup()
        try FileManager.default.removeItem(atPath: backup + ".manifest.json")
        try TestOffice.rewriteAuditWithPlainSHA256(backup, altering: 2, after: "{\"forged\":true}")
        try expectRefused(office, backup, content: content, events: events,
                          naming: "audit event #1 was altered, or was not sealed with this office's key")
    }

    @Test("a backup of another office (another key) is refused")
    func otherOffice() throws {
        let (office, _, content, events) = try officeAndBackup()
        let other = try TestOffice()
        let foreign = other.directory + "/other.sqlite"
        try other.session().backup(to: foreign)
        try expectRefused(office, foreign, content: content, events: events,
                          naming: "the backup's audit log is not sealed with this office's key (\(office.store.auditKey!.id))")
    }

    @Test("a backup changed after it was taken no longer matches its manifest")
    func manifestMismatch() throws {
        let (office, backup, content, events) = try officeAndBackup()
        #expect(try SQLiteShell.run(backup, "UPDATE room SET name = name || ' ' WHERE rowid = 1;").status == 0)
        try expectRefused(office, backup, content: content, events: events, naming: "does not match its manifest's SHA-256")
    }

    @Test("a backup from a newer Huiwu is refused naming both schema versions")
    func newerSchema() throws {
        let (office, backup, content, events) = try officeAndBackup()
        let known = Store.schemaVersion
        #expect(try SQLiteShell.run(backup, "INSERT INTO grdb_migrations VALUES ('v\(known + 1)-future');").status == 0)
        let result = try Binary(database: office.path).run(["restore", backup, "--lang", "en"])
        #expect(result.status == 6)
        #expect(result.stderr.contains("schema version \(known + 1); this program knows up to version \(known)"), "\(result.stderr)")
        #expect(try office.contentChecksum() == content)
        #expect(try office.auditCount() == events)
    }
}
