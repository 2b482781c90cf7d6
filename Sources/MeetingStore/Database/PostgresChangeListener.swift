import Foundation

/// Hears the changes other servers make to the same PostgreSQL database, so that every
/// server can tell its own clients within a second (docs/architecture.md, "The database port").
///
/// Every audit event appended on PostgreSQL announces its seq on the channel
/// ``channel`` (`pg_notify`, ``PostgresDialect/announce(seq:)``), in the writer's transaction,
/// so it is delivered at commit and never for a rollback. The notice carries the seq only:
/// the listener's owner reads what changed from the audit log (``Store/changes(after:)``), as
/// it does after its own writes, so no record's content travels in a notice. The listener
/// keeps one connection of its own: when that connection is lost it connects again (every
/// host of the URL, with backoff), listens again and calls `onChange(nil)`, "notices may have
/// been missed, read the log", so a failover or a restart loses no change.
package final class PostgresChangeListener: @unchecked Sendable {
    package static let channel = "huiwu_changes"

    private let url: PostgresURL
    private let onChange: @Sendable (Int64?) -> Void
    private let lock = NSLock()
    private var adapter: PostgresAdapter?
    private var stopped = false
    private var reconnectionCount = 0
    private let finished = DispatchSemaphore(value: 0)

    /// `onChange` runs on the event loop (a seq) or the listener's thread (nil after each
    /// connection): it must return quickly.
    package init(url: PostgresURL, onChange: @escaping @Sendable (Int64?) -> Void) {
        self.url = url
        self.onChange = onChange
    }

    /// How many times the listener connected again after losing its connection.
    package var reconnections: Int { lock.withLock { reconnectionCount } }

    /// Starts listening on a thread of its own.
    package func start() {
        Thread.detachNewThread { [self] in
            var pause: TimeInterval = 0.05
            var connectedBefore = false
            while !lock.withLock({ stopped }) {
                do {
                    let fresh = try PostgresAdapter.connect(url)
                    fresh.onNotification(PostgresChangeListener.channel) { [onChange] payload in onChange(Int64(payload)) }
                    try fresh.exec("LISTEN \(PostgresChangeListener.channel)")
                    let keep = lock.withLock { () -> Bool in
                        guard !stopped else { return false }
                        adapter = fresh
                        if connectedBefore { reconnectionCount += 1 }
                        return true
                    }
                    guard keep else { fresh.close(); break }
                    connectedBefore = true
                    pause = 0.05
                    onChange(nil)
                    fresh.waitUntilClosed()
                } catch {
                    Thread.sleep(forTimeInterval: pause)
                    pause = min(pause * 2, 1)
                }
            }
            finished.signal()
        }
    }

    /// Stops listening and closes the connection; returns once the thread has ended.
    package func stop() {
        closeConnection()
        finished.wait()
    }

    /// Stops listening and closes the connection; returns once the thread has ended, or after
    /// `seconds` when it has not (it may be in the middle of connecting to a server that is
    /// gone, up to the URL's connect timeout for each host): a server that stops does not wait
    /// for a database that was stopped before it. The thread ends by itself after that attempt.
    package func stop(within seconds: Double) {
        closeConnection()
        _ = finished.wait(timeout: .now() + seconds)
    }

    private func closeConnection() {
        let current = lock.withLock { () -> PostgresAdapter? in
            stopped = true
            defer { adapter = nil }
            return adapter
        }
        current?.close()
    }
}
