import Foundation
import MeetingStore

/// Wakes an embedded-mode TUI when the database file changes (a CLI command in another
/// terminal, or this process), through inotify on its directory: no polling while idle.
///
/// What changed is read from the audit log after the last event seen, as the server does.
final class DatabaseWatcher: @unchecked Sendable {
    let fileDescriptor: Int32
    private let store: Store
    private let lock = NSLock()
    private var seenSeq: Int64

    init?(store: Store) {
        let fd = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard fd >= 0 else { return nil }
        let directory = (store.path as NSString).deletingLastPathComponent
        let events = UInt32(IN_MODIFY | IN_CLOSE_WRITE | IN_CREATE | IN_MOVED_TO)
        guard inotify_add_watch(fd, directory.isEmpty ? "." : directory, events) >= 0,
              let head = try? store.auditHead()?.seq ?? 0 else {
            close(fd)
            return nil
        }
        fileDescriptor = fd
        self.store = store
        seenSeq = head
    }

    deinit { close(fileDescriptor) }

    func takeChanges() -> [RecordChange] {
        lock.lock()
        defer { lock.unlock() }
        var buffer = [UInt8](repeating: 0, count: 4096)
        var woken = false
        while read(fileDescriptor, &buffer, buffer.count) > 0 { woken = true }  // the events only wake us
        guard woken else { return [] }
        // The event may come from the commit's own write, a moment before SQLite publishes it
        // in the shared index: look again briefly rather than miss the change.
        for _ in 0..<20 {
            if let (head, records) = try? store.changes(after: seenSeq), head > seenSeq {
                seenSeq = head
                return records
            }
            usleep(10_000)
        }
        return []
    }
}
