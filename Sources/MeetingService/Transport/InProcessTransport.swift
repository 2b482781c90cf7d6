import MeetingKit
import MeetingStore

/// Runs use cases in this process on a database file: embedded mode, and the server's side
/// of every connection.
///
/// The acting person is derived again for every call from the login and the org chart as
/// stored now, so a role change or a retirement takes effect at once, even for a TUI left open.
struct InProcessTransport: Transport {
    let store: Store
    let osUser: String
    private(set) var asLogin: String?
    private(set) var onBehalfOf: String?
    let clock: Clock
    /// On the server: the only directory a call may name files in (backups). Nil in
    /// embedded mode, where the user's own process may use any path the user can.
    let fileArea: String?
    /// Wakes the TUI when another process writes the file (nil on the server, which knows).
    let watcher: DatabaseWatcher?

    init(store: Store, osUser: String, asLogin: String?, onBehalfOf: String?, clock: Clock, fileArea: String? = nil,
         watchesFile: Bool = true) {
        self.store = store
        self.osUser = osUser
        self.asLogin = asLogin
        self.onBehalfOf = onBehalfOf
        self.clock = clock
        self.fileArea = fileArea
        watcher = watchesFile ? DatabaseWatcher(store: store) : nil
    }

    /// The same file, acting as `login` (an administrator's `--as`; nil: the OS user), watched
    /// by the same watcher.
    func acting(as login: String?) -> InProcessTransport {
        var copy = self
        copy.asLogin = login
        copy.onBehalfOf = nil
        return copy
    }

    /// The same file and person, recording for `leader` (a secretary's `--on-behalf-of`;
    /// nil: for themselves again).
    func recording(onBehalfOf leader: String?) -> InProcessTransport {
        var copy = self
        copy.onBehalfOf = leader
        return copy
    }

    func session() throws -> Session {
        try Session.open(store: store, osUser: osUser, asLogin: asLogin, onBehalfOf: onBehalfOf, clock: clock)
    }

    func perform<U: UseCase>(_ useCase: U) throws -> U.Result {
        let call = try fileArea.map { try useCase.confined(to: $0) } ?? useCase
        guard U.onlyReads else { return try call.run(in: try session()) }
        return try store.snapshot { db in
            try call.run(in: try Session.reading(in: db, store: store, osUser: osUser, asLogin: asLogin, onBehalfOf: onBehalfOf, clock: clock))
        }
    }

    func takeChanges() -> [RecordChange] { watcher?.takeChanges() ?? [] }
    var changeSignal: Int32? { watcher?.fileDescriptor }
    var hasBufferedChanges: Bool { false }
}
