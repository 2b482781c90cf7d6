import Foundation
import MeetingKit

/// An open store plus who is acting and what time it is: what every use case needs.
///
/// The CLI and the TUI both call the use cases on `Session` (in `Session+*.swift`), so no
/// business rule lives in a command or a screen.
package struct Session: Sendable {
    public let store: Store
    public let actor: Actor
    public let clock: Clock

    public init(store: Store, actor: Actor, clock: Clock) {
        self.store = store
        self.actor = actor
        self.clock = clock
    }

    /// Resolves the acting person from the OS login (and `--as`, `--on-behalf-of`) and opens a session.
    public static func open(store: Store, osUser: String, asLogin: String? = nil, onBehalfOf: String? = nil,
                            clock: Clock) throws -> Session {
        let actor = try store.snapshot { db in
            try Identity.resolve(db, osUser: osUser, asLogin: asLogin, onBehalfOf: onBehalfOf)
        }
        return Session(store: store, actor: actor, clock: clock)
    }

    /// Reads a consistent snapshot through the database port, on either engine.
    public func read<T>(_ body: (any SQLConnection) throws -> T) throws -> T { try store.snapshot(body) }

    /// Runs a change in one transaction; `Change.audit` records its events in the same transaction.
    public func write<T>(_ body: (Change) throws -> T) throws -> T {
        let stamp = clock.timestamp
        return try store.transaction { db, mac in try body(Change(db: db, actor: actor, at: stamp, now: clock.now, mac: mac)) }
    }

    /// The org chart as stored now.
    public func orgChart() throws -> OrgChart { try read { try OrgRepository.load($0) } }

    /// The access policy over the current org chart.
    public func policy(_ db: any SQLConnection) throws -> AccessPolicy { AccessPolicy(org: try OrgRepository.load(db)) }
}

/// A write in progress: the connection, the actor, and the moment, for audit events.
package struct Change {
    /// The transaction's connection, on the database port (either engine).
    public let db: any SQLConnection
    public let actor: Actor
    /// The audit timestamp of this change.
    public let at: String
    public let now: LocalDateTime
    /// Seals the audit events with the office's key.
    let mac: AuditMAC

    /// Records what changed, in the same transaction as the change. A decision recorded for a
    /// leader (代录) also waits on the leader's home for confirmation.
    public func audit(_ action: String, entity: String, id: String, before: String = "", after: String = "") throws {
        let event = try AuditLog.append(db, mac: mac, at: at, actor: actor, action: action, entity: entity, entityId: id, before: before, after: after)
        if let leader = actor.onBehalfOf {
            try OnBehalfRepository.insert(db, OnBehalfRecord(seq: event.seq, leaderLogin: leader.login, recorderLogin: actor.person.login,
                                                             action: action, entity: entity, entityId: id, at: at))
        }
    }
}

/// Compact, stable text of a record for the audit log's before/after columns.
public enum AuditSummary {
    public static func of<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }
}
