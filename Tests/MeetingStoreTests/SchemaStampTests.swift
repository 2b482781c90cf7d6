import Foundation
import GRDB
import HuiwuTestSupport
@testable import MeetingStore
import Testing

/// The schema stamp in the file header: a large office's start trusts it instead of opening a
/// read-only connection of its own, and only when nothing may have changed the file unseen.
@Suite("The schema stamp in the file header")
struct SchemaStampTests {
    /// The header's user version (offset 60), read from the file's bytes as SQLite would.
    func headerStamp(_ path: String) throws -> Int32 {
        let header = try #require(FileHandle(forReadingAtPath: path)).readData(ofLength: 100)
        return Int32(bitPattern: header[60..<64].reduce(0) { $0 << 8 | UInt32($1) })
    }

    @Test("a large office carries the stamp; a start trusts it and reads nothing through SQLite, a backup's check does not")
    func trusted() throws {
        let path = try TestOffice.large()
        #expect(try headerStamp(path) == Schema.stamp)
        let start = try Store.inspect(path, trustingStamp: true)
        #expect(start.isStamped && start.pendingMigrations.isEmpty && !start.isEmpty)
        #expect(start.keyId == nil, "the audit key's identity is read only by the read-only connection, which a trusted start skips")
        let full = try Store.inspect(path)
        #expect(full.isStamped && full.pendingMigrations.isEmpty)
        #expect(full.keyId != nil)
        let store = try Store.open(at: path)
        #expect(try store.auditHead() != nil, "the store opened through the trusted start resolves the audit key and reads")
    }

    @Test("not trusted beside a write-ahead log, on a small file, or when the stamp is not this program's")
    func notTrusted() throws {
        let path = try TestOffice.large()
        let writer = try DatabasePool(path: path)
        try writer.write { try $0.execute(sql: "UPDATE setting SET value = value WHERE key = 'audit.keyId'") }
        #expect(FileManager.default.fileExists(atPath: path + "-wal"))
        #expect(try Store.inspect(path, trustingStamp: true).keyId != nil)
        try writer.close()

        try DatabaseQueue(path: path).write { try $0.execute(sql: "PRAGMA user_version = \(Schema.stamp &+ 1)") }
        let other = try Store.inspect(path, trustingStamp: true)
        #expect(other.keyId != nil && !other.isStamped)

        let small = try TestOffice()
        let smallPath = small.path
        try small.closeCleanly()
        #expect(try headerStamp(smallPath) == Schema.stamp)
        #expect(try Store.inspect(smallPath, trustingStamp: true).keyId != nil, "a small file gets quick_check at every start")
    }

    @Test("a file without the stamp (an earlier release's) is stamped at its first writable start, once")
    func stampedAtFirstStart() throws {
        let path = try TestOffice.large()
        try DatabaseQueue(path: path).write { try $0.execute(sql: "PRAGMA user_version = 0") }
        #expect(try headerStamp(path) == 0)
        let store = try Store.open(at: path)
        try store.writer.writeWithoutTransaction { try $0.checkpoint(.truncate) }
        #expect(try headerStamp(path) == Schema.stamp)
        try store.writer.close()
    }
}
