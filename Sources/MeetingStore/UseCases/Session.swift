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
