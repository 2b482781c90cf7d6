import Foundation
import MeetingService
import MeetingStore
#if canImport(Glibc)
import Glibc
#endif

extension Office {
    /// Waits up to `seconds` for the server to tell this client that `change` happened, as a
    /// TUI sleeping in `poll` would hear it; what it heard meanwhile, and how long it took.
    public func awaitChange(_ change: RecordChange, within seconds: TimeInterval) -> (heard: [RecordChange], after: TimeInterval) {
        let started = Date()
        var heard: [RecordChange] = []
        guard let fd = changeSignal else { return ([], 0) }
        var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        while Date().timeIntervalSince(started) < seconds, !heard.contains(change) {
            if poll(&entry, 1, 100) > 0 || hasBufferedChanges { heard += takeChanges() }
        }
        return (heard, Date().timeIntervalSince(started))
    }
}
