import Foundation
import GRDB
import MeetingStore
import Testing

/// Files in the states that users and disks leave them in: a cleanly stopped database, a
/// damaged one, another program's.
extension TestOffice {
    /// Moves every page into the main file, closes the store and removes the WAL files: the
    /// file as a stopped server leaves it. The office cannot be used afterwards.
    public func closeCleanly() throws {
        try store.writer.writeWithoutTransaction { try $0.checkpoint(.truncate) }
        try store.writer.close()
        for sidecar in FileFingerprint.sidecars(of: path) { try FileManager.default.removeItem(atPath: sidecar) }
    }

    /// An office of more than 2 MiB (no `quick_check` at each start), cleanly closed: its path.
    public static func large() throws -> String {
        let office = try TestOffice()
        try office.session().write { change in
            for i in 0..<6_000 { try change.audit("test.note", entity: "note", id: String(i), after: String(repeating: "会议纪要", count: 40)) }
        }
        let path = office.path
        try office.closeCleanly()
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.size] as! Int > 2 << 20)
        return path
    }

    /// Overwrites a page in the middle of the file with garbage, as a failing disk might.
    public static func damageMiddlePage(of path: String) throws {
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let pageSize = Int(bytes[16]) << 8 | Int(bytes[17])
        let pages = bytes.count / pageSize
        precondition(pages >= 4, "the database is too small to damage its middle")
        let start = (pages / 2) * pageSize
        for i in 0..<pageSize { bytes[start + i] = UInt8(truncatingIfNeeded: 0xA5 ^ i) }
        try bytes.write(to: URL(fileURLWithPath: path))
    }

    /// Another program's SQLite database with a table and a row, closed, at `path`.
    public static func makeForeignDatabase(at path: String, journalMode: String = "DELETE") throws {
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in
            _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = \(journalMode)")
            try db.execute(sql: "CREATE TABLE bookmark(id INTEGER PRIMARY KEY, url TEXT)")
            try db.execute(sql: "INSERT INTO bookmark(url) VALUES ('https://www.bjxch.gov.cn')")
        }
        try queue.close()
    }
}
