import MeetingKit
import MeetingStore

/// The office as the CLI and the TUI see it: named use cases with value-typed requests and
/// results (the `Office+<Area>.swift` files), whoever runs them.
///
/// In embedded mode the office is a private SQLite file opened by this process
/// (``embedded(_:)``); in server mode it is `huiwu serve` at the other end of a Unix socket
/// (``connect(socket:asLogin:onBehalfOf:)``), which decides who is acting, what time it is,
/// what may be done and read, and what the audit log says. Callers cannot tell the two
/// apart, and decide nothing: ``actor`` and ``clock`` are for display only.
public final class Office: Sendable {
    let transport: any Transport
    /// Who the office says is acting, as of opening (the server derives it again for every call).
    public let actor: Actor
    /// The office's clock: the server's in server mode (never `HUIWU_NOW` of this process).
    public let clock: Clock
    /// Where the office is, for `whoami`, `doctor` and messages.
    public let location: OfficeLocation

    init(transport: any Transport, actor: Actor, clock: Clock, location: OfficeLocation) {
        self.transport = transport
        self.actor = actor
        self.clock = clock
        self.location = location
    }

    /// Runs one use case where the office is.
    func run<U: UseCase>(_ useCase: U) throws -> U.Result {
        try transport.perform(useCase)
    }

    /// Connects to `huiwu serve` at `socket`; the server knows who is calling from the kernel.
    public static func connect(socket: String, asLogin: String? = nil, onBehalfOf: String? = nil) throws -> Office {
        let (transport, hello) = try SocketTransport.connect(socket: socket, asLogin: asLogin, onBehalfOf: onBehalfOf)
        return Office(transport: transport, actor: hello.actor, clock: hello.clock.clock(), location: .server(socket: socket))
    }

    /// The same office with someone else acting: an administrator's `--as` (`nil`: the OS
    /// user again). The office checks the change as it checks `--as` at start (the org chart
    /// decides who may act as whom); in server mode the client connects again.
    public func acting(as login: String?) throws -> Office {
        switch location {
        case .server(let socket):
            return try Office.connect(socket: socket, asLogin: login)
        case .embedded:
            guard let local = transport as? InProcessTransport else {
                throw Refusal.invalid("identity.cannotSwitch", "无法切换身份", "cannot change who is acting here")
            }
            let switched = local.acting(as: login)
            return Office(transport: switched, actor: try switched.session().actor, clock: clock, location: location)
        }
    }

    /// The same office with the same person recording on `leader`'s behalf (代录), as
    /// `--on-behalf-of` does at start (`nil`: for themselves again). The office checks it as it
    /// checks `--on-behalf-of`: only office staff, never for themselves, never for a retired
    /// person; in server mode the client connects again.
    public func recording(onBehalfOf leader: String?) throws -> Office {
        let asLogin = actor.person.login == actor.osUser ? nil : actor.person.login
        switch location {
        case .server(let socket):
            return try Office.connect(socket: socket, asLogin: asLogin, onBehalfOf: leader)
        case .embedded:
            guard let local = transport as? InProcessTransport else {
                throw Refusal.invalid("identity.cannotSwitch", "无法切换身份", "cannot change who is acting here")
            }
            let switched = local.recording(onBehalfOf: leader)
            return Office(transport: switched, actor: try switched.session().actor, clock: clock, location: location)
        }
    }

    /// Changes to the office made since the last call (by anyone, this process included),
    /// without waiting; empty when nothing changed.
    public func takeChanges() -> [RecordChange] { transport.takeChanges() }

    /// A file descriptor that becomes readable when the office changes: the TUI sleeps on it
    /// with the keyboard instead of polling. Nil when changes cannot be watched.
    public var changeSignal: Int32? { transport.changeSignal }

    /// Whether changes already arrived that ``changeSignal`` will not announce again.
    public var hasBufferedChanges: Bool { transport.hasBufferedChanges }
}

/// Where an office is.
public enum OfficeLocation: Hashable, Sendable, Codable {
    /// A database file this process opens itself.
    case embedded(database: String)
    /// A `huiwu serve` listening on this Unix socket.
    case server(socket: String)
}
