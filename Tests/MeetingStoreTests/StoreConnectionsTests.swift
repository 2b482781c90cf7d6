import Foundation
import GRDB
import HuiwuTestSupport
@testable import MeetingStore
import Testing

@Suite("The store's connections: one for a user's own process, readers beside the writer for a server")
struct StoreConnectionsTests {
    /// The office's file opened with a configuration that counts the connections SQLite opens.
    func open(_ office: TestOffice, concurrentReads: Bool) throws -> (Store, ConnectionCount) {
        let opened = ConnectionCount()
        var configuration = Store.configuration()
        configuration.prepareDatabase { _ in opened.add() }
        return (try Store.open(at: office.path, configuration: configuration, concurrentReads: concurrentReads), opened)
    }

    /// A read that tries to write: refused, and nothing is left behind.
    func expectReadOnly(_ store: Store) throws {
        #expect(throws: (any Error).self) { try store.read { try $0.execute(sql: "CREATE TABLE scratch (x)") } }
        #expect(try store.read { try $0.tableExists("scratch") } == false)
    }

    @Test("a user's process reads on the writer's one connection; a server's reads on a reader beside it; neither read writes",
          arguments: zip([false, true], [1, 2]))
    func readsAndTheirConnections(concurrentReads: Bool, connections: Int) throws {
        let office = try TestOffice()
        let (store, opened) = try open(office, concurrentReads: concurrentReads)
        let people = try store.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM person") }
        #expect((people ?? 0) > 0)
        try expectReadOnly(store)
        // A write after reads, and a read after it, open no connection of their own.
        try store.write { try $0.execute(sql: "UPDATE setting SET value = value WHERE key = 'none'") }
        _ = try store.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM person") }
        #expect(opened.value == connections)
    }

    @Test("a user's process opens and reads an office without writing to it: its write-ahead log stays empty")
    func openingWritesNothing() throws {
        let office = try TestOffice()
        try office.closeCleanly()
        let (store, opened) = try open(office, concurrentReads: false)
        _ = try store.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM person") }
        #expect(opened.value == 1)
        var wal = stat()
        #expect(stat(office.path + "-wal", &wal) == 0, "the connection has the log open")
        #expect(wal.st_size == 0, "nothing was written to open and read")
        try store.write { try $0.execute(sql: "CREATE TABLE scratch (x); DROP TABLE scratch") }
        #expect(stat(office.path + "-wal", &wal) == 0 && wal.st_size > 0, "a write is logged")
    }
}

/// How many connections a store opened (GRDB prepares each one as it opens it, from its own thread).
final class ConnectionCount: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func add() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
