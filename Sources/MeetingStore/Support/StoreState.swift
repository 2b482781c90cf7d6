import Foundation
import GRDB

/// What a ``Store`` may change after it opened: its pool becomes writable at the first write
/// when another process held the write lock at open, and a legacy audit log gets its key.
/// A lock makes the store safe to share between threads (the server's).
final class StoreState: @unchecked Sendable {
    private let lock = NSLock()
    private var currentPool: DatabasePool
    private var isWritable: Bool
    private var currentKey: AuditKey?

    init(pool: DatabasePool, writable: Bool, key: AuditKey?) {
        currentPool = pool
        isWritable = writable
        currentKey = key
    }

    var pool: DatabasePool { lock.withLock { currentPool } }
    var writable: Bool { lock.withLock { isWritable } }
    var key: AuditKey? { lock.withLock { currentKey } }

    /// Replaces a read-only pool with a writable one (another thread may have done it first).
    func becomeWritable(_ pool: DatabasePool) {
        lock.withLock {
            guard !isWritable else { return }
            currentPool = pool
            isWritable = true
        }
    }

    func adopt(_ key: AuditKey) { lock.withLock { currentKey = key } }
}
