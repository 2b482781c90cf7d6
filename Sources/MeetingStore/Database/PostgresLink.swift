import Foundation

/// A store's connection to the office's PostgreSQL that connects again by itself after it is
/// lost: a server restart, a network drop, or a failover, where the URL's next host (with
/// `target_session_attrs=read-write`) is the promoted standby.
///
/// A call finds its connection gone (or loses it on the way) and connects again, trying every
/// host of the URL, for up to ``reconnectWindow``; then it fails with the last error. What
/// happened to a transaction whose connection was lost before its COMMIT was answered is not
/// known to the client, so a lost write is reported, never replayed: the caller was not told
/// it succeeded, and the user retries (acknowledged writes are the ones to keep, and with a
/// synchronous standby every one of them survives the primary's loss, `FailoverTests`).
/// One caller at a time, like the adapter.
package final class PostgresLink: @unchecked Sendable {
    package let url: PostgresURL
    /// How long a call keeps trying to reach a server that accepts it.
    package let reconnectWindow: TimeInterval
    private var adapter: PostgresAdapter?
    private var connectedBefore = false
    /// Connections made after the first: what `huiwu serve` logs, and tests count.
    package private(set) var reconnections = 0

    package init(url: PostgresURL, reconnectWindow: TimeInterval = 30) {
        self.url = url
        self.reconnectWindow = reconnectWindow
    }

    /// Runs `body` on a live connection, connecting (again) first when there is none. A
    /// connection lost during `body` is dropped and the error rethrown.
    package func run<T>(_ body: (PostgresAdapter) throws -> T) throws -> T {
        let adapter = try connected()
        do {
            return try body(adapter)
        } catch let failure as PostgresFailure where failure.isConnectionLost || adapter.isClosed {
            drop()
            throw failure
        }
    }

    /// Runs `body` in one write transaction (``SQLDialect/beginWrite``): committed whole, or
    /// rolled back whole when it throws.
    package func write<T>(_ body: (PostgresAdapter) throws -> T) throws -> T {
        try run { db in try db.transaction(db.dialect.beginWrite, body) }
    }

    package func close() {
        drop()
    }

    /// postgres-nio requires every connection to be closed before it is released.
    deinit { adapter?.close() }

    private func drop() {
        adapter?.close()
        adapter = nil
    }

    private func connected() throws -> PostgresAdapter {
        if let adapter, !adapter.isClosed { return adapter }
        drop()
        let deadline = Date().addingTimeInterval(reconnectWindow)
        var pause: TimeInterval = 0.05
        while true {
            do {
                let fresh = try PostgresAdapter.connect(url)
                adapter = fresh
                if connectedBefore { reconnections += 1 }
                connectedBefore = true
                return fresh
            } catch let failure as PostgresFailure where failure.isConnectionLost && Date().addingTimeInterval(pause) < deadline {
                Thread.sleep(forTimeInterval: pause)
                pause = min(pause * 2, 0.5)
            }
        }
    }
}
