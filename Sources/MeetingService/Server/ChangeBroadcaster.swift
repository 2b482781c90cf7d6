import Foundation
import MeetingStore

/// Tells every connected client which records changed, after each call that wrote.
///
/// What changed is read from the audit log (every change records its entity and id there,
/// in the same transaction), so nothing a use case does can be missed, and a notice carries
/// ids only, never content a reader may not see (R48).
final class ChangeBroadcaster: @unchecked Sendable {
    private let store: Store
    private let lock = NSLock()
    private var connections: [ObjectIdentifier: ServerConnection] = [:]
    private var seenWrites: Int
    private var seenSeq: Int64
    private let log: @Sendable (String) -> Void

    init(store: Store, log: @escaping @Sendable (String) -> Void) throws {
        self.store = store
        self.log = log
        seenWrites = store.committedWrites
        seenSeq = try store.auditHead()?.seq ?? 0
    }

    func add(_ connection: ServerConnection) {
        lock.lock()
        connections[ObjectIdentifier(connection)] = connection
        lock.unlock()
    }

    func remove(_ connection: ServerConnection) {
        lock.lock()
        connections[ObjectIdentifier(connection)] = nil
        lock.unlock()
    }

    /// Sends the changes recorded since the last notice, if any write committed since: by this
    /// server, or, with `otherServers`, by another server on the same PostgreSQL database
    /// (``PostgresChangeListener`` heard it).
    func publishNewChanges(otherServers: Bool = false) {
        lock.lock()
        guard otherServers || store.committedWrites != seenWrites else { lock.unlock(); return }
        seenWrites = store.committedWrites
        guard let (head, records) = try? store.changes(after: seenSeq), head > seenSeq else { lock.unlock(); return }
        seenSeq = head
        let receivers = Array(connections.values)
        lock.unlock()
        // The chain's head, outside the database (the journal), after every write.
        if let anchor = try? store.auditHead() { log("audit head \(anchor.seq) \(anchor.mac)") }
        guard let notice = try? JSONEncoder().encode(WireNotice(params: ChangeNotice(seq: head, records: records))) else { return }
        for connection in receivers where (try? connection.channel.send(Array(notice))) == nil {
            // It could not take the notice in time: close it; its client reconnects and reloads.
            connection.channel.stopReading()
        }
    }

    /// Stops every connection's reading: each finishes the call it is in, then ends.
    func stopAll() {
        lock.lock()
        let all = Array(connections.values)
        lock.unlock()
        for connection in all { connection.channel.stopReading() }
    }
}
