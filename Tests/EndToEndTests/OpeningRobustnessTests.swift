import Foundation
import GRDB
import HuiwuTestSupport
import MeetingKit
import MeetingStore
import Testing

/// Opening a database: an empty file, a newer schema, a damaged large file, and another
/// process holding the write lock.
@Suite("Opening robustness")
struct OpeningRobustnessTests {
    @Test("a 0-byte file given with --db is refused and left empty; init turns it into an office")
    func emptyFile() throws {
        let path = TestOffice.temporaryDirectory() + "/empty.sqlite"
        FileManager.default.createFile(atPath: path, contents: Data())
        let huiwu = Binary(database: path)
        let list = try huiwu.run(["meeting", "list", "--lang", "en"])
        #expect(list.status == 6)
        #expect(list.stderr == "huiwu: \(path) is an empty file (0 bytes), not a Huiwu office; it was not modified. To create an office there, run huiwu --db \(path) init\n")
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int == 0)
        #expect(FileFingerprint.sidecars(of: path).isEmpty)
        #expect(try huiwu.run(["init"]).status == 0)
        #expect(try huiwu.run(["meeting", "list"]).status == 0)
    }

    @Test("a database written by a newer Huiwu is refused naming both schema versions, and not written to")
    func newerSchema() throws {
        let office = try TestOffice()
        let path = office.path
        try office.closeCleanly()
        let known = Store.schemaVersion, future = "v\(known + 1)-future-rooms"
        #expect(try SQLiteShell.run(path, "INSERT INTO grdb_migrations VALUES ('\(future)');").status == 0)
        let before = try FileFingerprint(path)
        for args in [["meeting", "list"], ["meeting", "add", "--kind", "executive", "--at", "2026-03-12T09:00"]] {
            let result = try Binary(database: path).run(args + ["--lang", "en"])
            #expect(result.status == 6)
            #expect(result.stderr == "huiwu: \(path) was written by a newer Huiwu (schema version \(known + 1); this program knows up to version \(known); "
                    + "unknown migrations: \(future)); it was not modified. Upgrade huiwu\n")
        }
        #expect(try FileFingerprint(path) == before)
    }

    @Test("a large database written by a newer Huiwu, its own stamp in the header, is refused as newer, not trusted, and not written to")
    func newerStampedLargeFile() throws {
        let path = try TestOffice.large()
        let known = Store.schemaVersion, future = "v\(known + 1)-future-rooms"
        let newer = "INSERT INTO grdb_migrations VALUES ('\(future)'); PRAGMA user_version = \(Store.schemaStamp &+ 1);"
        #expect(try SQLiteShell.run(path, newer).status == 0)
        let before = try FileFingerprint(path)
        let result = try Binary(database: path).run(["meeting", "list", "--lang", "en"])
        #expect(result.status == 6)
        #expect(result.stderr.hasPrefix("huiwu: \(path) was written by a newer Huiwu (schema version \(known + 1);"), "\(result.stderr)")
        #expect(try FileFingerprint(path) == before)
    }

    @Test("a file of the previous release is upgraded at its first start, saying so on stderr once, in the user's language")
    func upgradeSaysSo() throws {
        let office = try TestOffice()
        let path = office.path
        try office.closeCleanly()
        // The file as v13 left it: v14-report's indexes as they were, and no record of it.
        let v13 = """
            DROP INDEX agenda_slot_deferred;
            DROP INDEX agenda_item_meeting; CREATE INDEX agenda_item_meeting ON agenda_item(meeting_id);
            DROP INDEX participant_meeting; CREATE INDEX participant_meeting ON participant(meeting_id, position);
            DELETE FROM grdb_migrations WHERE identifier = 'v14-report';
            """
        #expect(try SQLiteShell.run(path, v13).status == 0)
        let first = try Binary(database: path).run(["meeting", "list", "--lang", "zh"])
        #expect(first.status == 0)
        #expect(first.stderr == "huiwu: 正在升级数据库结构（v14-report）：大的办公室可能需要几分钟\n")
        let indexes = try SQLiteShell.run(path, "SELECT sql FROM sqlite_master WHERE name IN ('agenda_slot_deferred', 'agenda_item_meeting') ORDER BY name;")
        #expect(indexes.stdout.contains("agenda_item(meeting_id, state, lead_code, created_at)") && indexes.stdout.contains("WHERE deferred"), "\(indexes.stdout)")
        let second = try Binary(database: path).run(["meeting", "list", "--lang", "en"])
        #expect(second.status == 0)
        #expect(second.stderr.isEmpty, "\(second.stderr)")
        // A new office is made, not upgraded: nothing to say.
        let fresh = try Binary(database: TestOffice.temporaryDirectory() + "/new.sqlite").run(["init", "--lang", "en"])
        #expect(fresh.status == 0)
        #expect(!fresh.stderr.contains("upgrading"), "\(fresh.stderr)")
    }

    @Test("a large file cut short (a truncated copy) is refused at start, before any write")
    func truncatedLargeFile() throws {
        let path = try TestOffice.large()
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        try handle.truncate(atOffset: try handle.seekToEnd() - 64 * 4096)
        try handle.close()
        let before = try FileFingerprint(path)
        let result = try Binary(database: path).run(["meeting", "add", "--kind", "executive", "--at", "2026-03-12T09:00", "--lang", "en"])
        #expect(result.status == 6)
        #expect(result.stderr.hasPrefix("huiwu: \(path) is damaged (the file is shorter than its header says"), "\(result.stderr)")
        #expect(try FileFingerprint(path) == before)
    }

    @Test("a damaged page in a large file: a write that touches it is refused whole; doctor finds it")
    func damagedLargeFile() throws {
        let path = try TestOffice.large()
        let pageSize = 4096
        let page = try #require(try DatabaseQueue(path: path).read { db in
            try Int.fetchOne(db, sql: "SELECT max(pageno) FROM dbstat WHERE name = 'audit_event'")
        })
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        for i in 0..<pageSize { bytes[(page - 1) * pageSize + i] = UInt8(truncatingIfNeeded: 0xA5 ^ i) }
        try bytes.write(to: URL(fileURLWithPath: path))
        let huiwu = Binary(database: path)
        let add = try huiwu.run(["meeting", "add", "--kind", "executive", "--at", "2026-03-12T09:00", "--lang", "en"])
        #expect(add.status == 6)
        #expect(add.stderr.contains("is damaged"), "\(add.stderr)")
        let doctor = try huiwu.run(["doctor", "--lang", "en"])
        #expect(doctor.status == 1)
        #expect(doctor.stdout.contains("FAIL  integrity:"), "\(doctor.stdout)")
    }

    @Test("another process holding the write lock (sqlite3, BEGIN IMMEDIATE): reads answer at once; a write waits for the lock, then succeeds",
          .requires(SQLiteShell.isAvailable, "sqlite3"))
    func heldWriteLock() throws {
        let office = try TestOffice()
        let path = office.path
        try office.closeCleanly()  // no WAL content: GRDB would write to set the WAL up
        let holder = try SQLiteShell.holdWriteLock(path, seconds: 4)
        defer { holder.waitUntilExit() }
        let huiwu = Binary(database: path)
        var started = Date()
        let list = try huiwu.run(["meeting", "list"])
        #expect(list.status == 0, "\(list.stderr)")
        #expect(Date().timeIntervalSince(started) < 2, "reads do not wait for the write lock")
        #expect(try huiwu.run(["audit", "verify"]).status == 0)
        started = Date()
        let add = try huiwu.run(["meeting", "add", "--kind", "executive", "--at", "2026-03-12T09:00"])
        #expect(add.status == 0, "\(add.stderr)")
        #expect(Date().timeIntervalSince(started) > 1.5, "the write waited for the lock")
    }
}
