import Foundation
import GRDB
import HuiwuTestSupport
import MeetingKit
import MeetingStore
import Testing

@Suite("The store: one SQLite file, opened safely")
struct StoreTests {
    /// Opens `path` and returns the refusal it must give.
    func refusal(opening path: String, create: Bool = false) throws -> Refusal {
        do {
            _ = try Store.open(at: path, create: create)
        } catch let refusal as Refusal {
            return refusal
        }
        Issue.record("\(path) was opened, but should have been refused")
        throw CancellationError()
    }

    @Test("WAL mode, foreign keys on, a busy timeout, and synchronous FULL on every connection")
    func connectionSettings() throws {
        let office = try TestOffice()
        let read = try office.store.writer.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA foreign_keys"),
             try Int.fetchOne(db, sql: "PRAGMA busy_timeout"))
        }
        #expect(read.0 == "wal")
        #expect(read.1 == 1)
        #expect((read.2 ?? 0) >= 5_000)
        let written = try office.store.writer.write { db in
            (try Int.fetchOne(db, sql: "PRAGMA foreign_keys"), try Int.fetchOne(db, sql: "PRAGMA busy_timeout"),
             try Int.fetchOne(db, sql: "PRAGMA synchronous"))
        }
        #expect(written.0 == 1)
        #expect((written.1 ?? 0) >= 5_000)
        #expect(written.2 == 2)  // FULL: no acknowledged write is lost on power failure
        #expect(try office.store.read { try Int32.fetchOne($0, sql: "PRAGMA application_id") } == Store.applicationID)
    }

    @Test("foreign keys are enforced: a person in a department that does not exist is refused", arguments: ScratchDatabase.engines)
    func foreignKeysEnforced(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let before = try office.auditCount()
        #expect(throws: Refusal.self) {
            try office.store.transaction { db, _ in
                try db.exec("INSERT INTO person(login, name, role, department_code) VALUES ('ghost', '幽灵', 'secretary', 'NOPE')")
            }
        }
        #expect(try office.session().orgChart().person("ghost") == nil)
        #expect(try office.auditCount() == before)
    }

    @Test("a new database is private: file 0600 in a directory created 0700")
    func newFilePermissions() throws {
        let root = TestOffice.temporaryDirectory()
        let path = root + "/data/huiwu/huiwu.sqlite"
        _ = try Store.open(at: path, create: true)
        let fileMode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        let dirMode = try FileManager.default.attributesOfItem(atPath: root + "/data/huiwu")[.posixPermissions] as? Int
        #expect(fileMode.map { $0 & 0o777 } == 0o600)
        #expect(dirMode.map { $0 & 0o777 } == 0o700)
    }

    @Test("in a shared setgid directory the group may write too (0660)")
    func sharedDirectoryPermissions() throws {
        let dir = TestOffice.temporaryDirectory() + "/shared"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        #expect(chmod(dir, 0o2770) == 0)
        _ = try Store.open(at: dir + "/huiwu.sqlite", create: true)
        let fileMode = try FileManager.default.attributesOfItem(atPath: dir + "/huiwu.sqlite")[.posixPermissions] as? Int
        #expect(fileMode.map { $0 & 0o777 } == 0o660)
    }

    @Test("a missing file is not created unless asked: the message says to run huiwu init")
    func missingFile() throws {
        let path = TestOffice.temporaryDirectory() + "/typo.sqlite"
        let refusal = try refusal(opening: path)
        #expect(refusal.code == "store.missing")
        #expect(refusal.kind == .notFound)
        #expect(refusal.message.en.contains("run huiwu init"))
        #expect(refusal.message.zh.contains("huiwu init"))
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("a directory is refused")
    func directory() throws {
        let refusal = try refusal(opening: TestOffice.temporaryDirectory())
        #expect(refusal.code == "store.isDirectory")
    }

    @Test("a file that is not SQLite is refused and left byte-for-byte unchanged", arguments: [false, true])
    func notSQLite(create: Bool) throws {
        let path = TestOffice.temporaryDirectory() + "/notes.sqlite"
        try Data("会议记录草稿\nminutes draft, not a database\n".utf8).write(to: URL(fileURLWithPath: path))
        let before = try FileFingerprint(path)
        let refusal = try refusal(opening: path, create: create)
        #expect(refusal.code == "store.notSQLite")
        #expect(refusal.kind == .storage)
        #expect(refusal.message.en.contains("not an SQLite database"))
        #expect(refusal.message.en.contains("not modified"))
        #expect(try FileFingerprint(path) == before)
        #expect(FileFingerprint.sidecars(of: path).isEmpty)
    }

    @Test("another program's SQLite database is refused and left untouched, whatever its journal mode",
          arguments: ["DELETE", "WAL"])
    func foreignDatabase(journalMode: String) throws {
        let path = TestOffice.temporaryDirectory() + "/places.sqlite"
        try TestOffice.makeForeignDatabase(at: path, journalMode: journalMode)
        #expect(FileFingerprint.sidecars(of: path).isEmpty)
        let before = try FileFingerprint(path)
        for create in [false, true] {
            let refusal = try refusal(opening: path, create: create)
            #expect(refusal.code == "store.foreign")
            #expect(refusal.message.en.contains("another program's SQLite database"))
            #expect(refusal.message.en.contains("not modified"))
        }
        #expect(try FileFingerprint(path) == before)
        #expect(FileFingerprint.sidecars(of: path).isEmpty)
    }

    @Test("a damaged Huiwu database gets a clear message and is not modified")
    func corruptDatabase() throws {
        let office = try TestOffice()
        let session = try office.session()
        for week in 0..<20 {
            let day = Day(iso: "2026-03-02")!.adding(days: 7 * week)
            try session.addMeeting(kind: .topical, start: LocalDateTime(day: day, hour: 15, minute: 0)!, title: "专题研究第\(week)项工作")
        }
        let path = office.path
        try office.closeCleanly()
        try TestOffice.damageMiddlePage(of: path)
        let before = try FileFingerprint(path)
        let refusal = try refusal(opening: path)
        #expect(refusal.code == "store.corrupt")
        #expect(refusal.kind == .storage)
        #expect(refusal.message.en.contains("damaged"))
        #expect(refusal.message.zh.contains("已损坏"))
        #expect(try FileFingerprint(path) == before)
    }

    @Test("a refused write leaves nothing behind: the change and its audit event go together", arguments: ScratchDatabase.engines)
    func atomicWrite(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let before = try office.auditCount()
        let session = try office.session()
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try session.write { change in
                try change.db.exec("INSERT INTO room(name) VALUES (?)", "临时会议室")
                try change.audit("room.create", entity: "room", id: "临时会议室")
                throw Boom()
            }
        }
        #expect(try office.auditCount() == before)
        #expect(try !office.store.snapshot { try OrgRepository.rooms($0) }.contains("临时会议室"))
    }
}
