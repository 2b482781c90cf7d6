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
    /// The read transaction every ``read(_:)`` of this session joins (``reading(in:store:osUser:asLogin:onBehalfOf:clock:)``);
    /// nil: each read is a transaction of its own. Such a session lives inside the transaction's
    /// closure, on its thread, and never crosses to another.
    nonisolated(unsafe) private let snapshot: (any SQLConnection)?

    public init(store: Store, actor: Actor, clock: Clock) {
        self.init(store: store, actor: actor, clock: clock, snapshot: nil)
    }

    private init(store: Store, actor: Actor, clock: Clock, snapshot: (any SQLConnection)?) {
        self.store = store
        self.actor = actor
        self.clock = clock
        self.snapshot = snapshot
    }

    /// Resolves the acting person from the OS login (and `--as`, `--on-behalf-of`) and opens a session.
    public static func open(store: Store, osUser: String, asLogin: String? = nil, onBehalfOf: String? = nil,
                            clock: Clock) throws -> Session {
        let actor = try store.snapshot { db in
            try Identity.resolve(db, osUser: osUser, asLogin: asLogin, onBehalfOf: onBehalfOf)
        }
        return Session(store: store, actor: actor, clock: clock)
    }

    /// A session for a call that only reads, inside the read transaction `snapshot` (from
    /// ``Store/snapshot(_:)``): the acting person is resolved in it, and every read of the call
    /// joins it. One transaction instead of two, and the org chart read once for both: on
    /// PostgreSQL each transaction is two round trips more, and a first screen is such a call
    /// (issue 21). A write from such a session still commits in a transaction of its own (the
    /// audit of a refused read), but the session's later reads do not see it: only calls
    /// that do not read what they wrote may use this.
    package static func reading(in snapshot: any SQLConnection, store: Store, osUser: String, asLogin: String?,
                                onBehalfOf: String?, clock: Clock) throws -> Session {
        let actor = try Identity.resolve(snapshot, osUser: osUser, asLogin: asLogin, onBehalfOf: onBehalfOf)
        return Session(store: store, actor: actor, clock: clock, snapshot: snapshot)
    }

    /// Reads a consistent snapshot through the database port, on either engine.
    public func read<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        if let snapshot { return try body(snapshot) }
        return try store.snapshot(body)
    }

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
