import Foundation
import MeetingKit
import MeetingStore

/// Embedded mode: the office in a database file this process opens itself (a private file
/// of one user, or the service account's file for `init` and `serve`).
extension Office {
    /// Whether a database file exists at `path`.
    public static func exists(database path: String) -> Bool { Store.exists(at: path) }

    /// Opens the database at `path`; the acting person is `osUser` (or an administrator's
    /// `--as` target, or a secretary recording `--on-behalf-of` a leader). With
    /// `watchingChanges` (the full-screen interface), ``changeSignal`` wakes it when another
    /// process writes the file; a command that runs once does not pay for the watch.
    public static func embedded(database path: String, osUser: String, asLogin: String? = nil, onBehalfOf: String? = nil,
                                clock: Clock, watchingChanges: Bool = false,
                                upgrading: ((_ migrations: [String]) -> Void)? = nil) throws -> Office {
        let store = try Store.open(at: path, upgrading: upgrading)
        // PostgreSQL has no file to watch.
        let transport = InProcessTransport(store: store, osUser: osUser, asLogin: asLogin, onBehalfOf: onBehalfOf, clock: clock,
                                           watchesFile: watchingChanges && store.engine == .sqlite)
        return Office(transport: transport, actor: try transport.session().actor, clock: clock,
                      location: .embedded(database: path))
    }

    /// Creates the database at `path` (if needed) and the office in it: the demo org chart
    /// and holidays unless `seed` is nil, and `osUser` as its first administrator. Running it
    /// on an office that exists changes nothing and says so.
    public static func initialize(database path: String, seed: OfficeSeed?, holidays: [HolidayYear], osUser: String,
                                  clock: Clock) throws -> Setup.Report {
        try Setup.initialize(store: try Store.open(at: path, create: true), seed: seed, holidays: holidays,
                             osUser: osUser, clock: clock)
    }

    /// Copies the whole office in `source` (a file or a `postgresql://` URL), with its audit
    /// chain and key, into `target`, which must hold no office, and checks the copy: the same
    /// rows in every table and the chain verified on the target (`huiwu admin copy`).
    package static func copy(from source: String, to target: String) throws -> OfficeCopy.Report {
        guard source != target else {
            throw Refusal.invalid("copy.sameDatabase", "源和目标是同一个数据库：\(source)", "the source and the target are the same database: \(source)")
        }
        return try OfficeCopy.run(from: try Store.open(at: source), to: target)
    }

    /// Whether the demo's meetings, items, leave and minutes can be seeded in this database: not
    /// in PostgreSQL yet, where those use cases do not run until they move onto the database
    /// port (docs/architecture.md); `init` there seeds the demo org chart only.
    public static func canSeedDemoWork(in database: String) -> Bool { !PostgresURL.isURL(database) }

    /// The office over an open session's database, acting as its actor, without watching the
    /// file: for this package's tests and benchmarks, which drive screens in memory.
    package static func embedded(_ session: Session) -> Office {
        let actor = session.actor
        let transport = InProcessTransport(store: session.store, osUser: actor.osUser, asLogin: actor.person.login,
                                           onBehalfOf: actor.onBehalfOf?.login, clock: session.clock, watchesFile: false)
        return Office(transport: transport, actor: actor, clock: session.clock, location: .embedded(database: session.store.path))
    }
}
