import Foundation
import GRDB
import MeetingStore

/// A fresh database on either engine, for tests that run the same statements on both: an
/// empty one (``blank(_:_:)``) or one with the store's schema (``migrated(_:_:)``).
package enum ScratchDatabase {
    /// The engines to test on: SQLite always, PostgreSQL where its binaries are (and always
    /// under `CI=true`, where a missing PostgreSQL fails the test rather than hiding it).
    package static var engines: [StoreEngine] {
        if PostgresCluster.unavailable == nil || SlowTests.inCI { return [.sqlite, .postgresql] }
        print("PostgreSQL tests skipped: \(PostgresCluster.unavailable ?? "")")
        return [.sqlite]
    }

    /// Runs `body` on a connection to a new, empty database, outside any transaction.
    package static func blank<T>(_ engine: StoreEngine, _ body: (any SQLConnection) throws -> T) throws -> T {
        switch engine {
        case .sqlite:
            let queue = try DatabaseQueue(path: TestOffice.temporaryDirectory() + "/scratch.sqlite")
            return try queue.inDatabase { try body($0) }
        case .postgresql:
            let adapter = try PostgresAdapter.connect(PostgresURL(try PostgresCluster.shared().database(), osUser: "root"))
            defer { adapter.close() }
            return try body(adapter)
        }
    }

    /// Runs `body` on a connection to a new database with the store's schema (SQLite's through
    /// ``Store``, PostgreSQL's through its migrations), outside any transaction.
    package static func migrated<T>(_ engine: StoreEngine, _ body: (any SQLConnection) throws -> T) throws -> T {
        switch engine {
        case .sqlite:
            let store = try Store.open(at: TestOffice.temporaryDirectory() + "/huiwu.sqlite", create: true)
            return try store.writer.writeWithoutTransaction { try body($0) }
        case .postgresql:
            return try blank(.postgresql) { db in
                try PostgresSchema.migrate(db)
                return try body(db)
            }
        }
    }
}
