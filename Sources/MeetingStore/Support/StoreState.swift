import Foundation
import GRDB

/// What a ``Store`` may change after it opened: its connections become writable at the first write
/// when another process held the write lock at open, and a legacy audit log gets its key.
/// A lock makes the store safe to share between threads (the server's).
final class StoreState: @unchecked Sendable {
    private let lock = NSLock()
    private var currentWriter: any DatabaseWriter
    private var isWritable: Bool
    private var currentKey: AuditKey?

    init(writer: any DatabaseWriter, writable: Bool, key: AuditKey?) {
        currentWriter = writer
        isWritable = writable
        currentKey = key
    }

    var writer: any DatabaseWriter { lock.withLock { currentWriter } }
    var writable: Bool { lock.withLock { isWritable } }
    var key: AuditKey? { lock.withLock { currentKey } }

    /// Replaces read-only connections with writable ones (another thread may have done it first).
    func becomeWritable(_ writer: any DatabaseWriter) {
        lock.withLock {
            guard !isWritable else { return }
            currentWriter = writer
            isWritable = true
        }
    }

    func adopt(_ key: AuditKey) { lock.withLock { currentKey = key } }
}
