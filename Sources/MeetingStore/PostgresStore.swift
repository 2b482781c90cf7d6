import Foundation
import MeetingKit

/// An office on PostgreSQL, as ``Store`` holds it: the URL, a few connections that connect
/// again by themselves (``PostgresLink``), and the audit key and anchor, which are files of
/// the service account in the server's state directory, named after the database
/// (`<dbname>.auditkey`, `<dbname>.audit-head`; docs/architecture.md, "The database port").
///
/// Safe to share between threads (`huiwu serve` runs a thread per client): each call takes a
/// connection no other thread is using, or makes one, and gives it back afterwards.
final class PostgresStore: @unchecked Sendable {
    let url: PostgresURL
    /// The audit key's file and the anchor's.
    let keyPath: String
    let anchorPath: String
    private let lock = NSLock()
    private var idle: [PostgresLink] = []
    private var currentKey: AuditKey?

    init(url: PostgresURL, stateDirectory: String) {
        self.url = url
        let base = (stateDirectory as NSString).appendingPathComponent(url.database)
        keyPath = AuditKey.path(forDatabase: base)
        anchorPath = AuditAnchor.path(forDatabase: base)
    }

    var key: AuditKey? { lock.withLock { currentKey } }
    func adopt(_ key: AuditKey) { lock.withLock { currentKey = key } }

    /// Runs `body` in one read-only transaction: a consistent snapshot, as SQLite's reads are
    /// (`REPEATABLE READ`: every statement sees the database as of the first one).
    func read<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        try withLink { link in
            try link.run { db in try db.transaction(["BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"], { try body($0) }) }
        }
    }

    /// Runs `body` in one write transaction, writers of every server taking turns
    /// (``SQLDialect/beginWrite``).
    func write<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        try withLink { link in try link.write(body) }
    }

    /// Runs `body` on a connection outside any transaction (migrations manage their own).
    func direct<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        try withLink { link in try link.run(body) }
    }

    /// postgres-nio requires every connection to be closed before it is released.
    deinit { close() }

    func close() {
        let links = lock.withLock { () -> [PostgresLink] in
            defer { idle = [] }
            return idle
        }
        for link in links { link.close() }
    }

    private func withLink<T>(_ body: (PostgresLink) throws -> T) throws -> T {
        let link = lock.withLock { idle.popLast() } ?? PostgresLink(url: url)
        defer { lock.withLock { idle.append(link) } }
        return try body(link)
    }
}
