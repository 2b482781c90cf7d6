import Foundation
import MeetingKit
import MeetingStore

/// `huiwu serve`: the office as a service. It alone opens the database (as the service
/// account), listens on a Unix socket, knows each caller from the kernel, and runs their
/// calls with its own clock, its permission matrix, R48 and its audit log.
///
/// One thread per connection; SQLite serialises the writes (WAL, IMMEDIATE transactions)
/// while reads go on in parallel. SIGTERM or SIGINT stops it gracefully: no new
/// connections, every call already received is finished and answered, then it exits.
public final class OfficeServer: @unchecked Sendable {
    public struct Configuration: Sendable {
        public var socketPath: String
        /// The socket file's mode: 0666 lets every local user connect, 0660 only the group.
        public var socketMode: mode_t
        public var socketGroup: gid_t?
        public var clock: Clock
        /// The clock was fixed (`HUIWU_NOW`, training and tests only); clients are told.
        public var clockIsFixed: Bool
        /// Where `backup` writes and `restore` reads: clients name files here, never paths.
        public var backupDirectory: String
        /// Where the log goes: standard error, which systemd keeps in the journal.
        public var log: @Sendable (String) -> Void

        public init(socketPath: String, socketMode: mode_t = 0o666, socketGroup: gid_t? = nil, clock: Clock,
                    clockIsFixed: Bool, backupDirectory: String, log: @escaping @Sendable (String) -> Void) {
            self.socketPath = socketPath
            self.socketMode = socketMode
            self.socketGroup = socketGroup
            self.clock = clock
            self.clockIsFixed = clockIsFixed
            self.backupDirectory = backupDirectory
            self.log = log
        }
    }

    let store: Store
    let configuration: Configuration
    let broadcaster: ChangeBroadcaster
    private let lock = NSLock()
    private var connections: [ObjectIdentifier: ServerConnection] = [:]
    private let finished = NSCondition()

    public init(store: Store, configuration: Configuration) throws {
        self.store = store
        self.configuration = configuration
        broadcaster = try ChangeBroadcaster(store: store, log: configuration.log)
    }

    func log(_ line: String) { configuration.log(line) }

    /// The office as `login` sees it through this server: its store, its clock.
    func office(for login: String, asLogin: String?, onBehalfOf: String?) -> InProcessTransport {
        InProcessTransport(store: store, osUser: login, asLogin: asLogin, onBehalfOf: onBehalfOf,
                           clock: configuration.clock, fileArea: configuration.backupDirectory)
    }

    /// Listens until SIGTERM or SIGINT, then finishes the calls in progress and returns.
    public func run() throws {
        let listener = try UnixSocket.listen(path: configuration.socketPath, mode: configuration.socketMode,
                                             group: configuration.socketGroup)
        let stop = StopSignal.install()
        log("listening on \(configuration.socketPath) (database \(store.path), audit head \((try? store.auditHead()) ?? 0))")
        var entries = [pollfd(fd: listener, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: stop, events: Int16(POLLIN), revents: 0)]
        while true {
            if poll(&entries, 2, -1) < 0 {
                if errno == EINTR { continue }
                break
            }
            if entries[1].revents != 0 { break }
            guard entries[0].revents != 0 else { continue }
            let fd = accept(listener, nil, nil)
            if fd < 0 { continue }
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            start(ServerConnection(fileDescriptor: fd, server: self))
        }
        close(listener)
        unlink(configuration.socketPath)
        log("stopping: finishing the calls in progress")
        finishConnections(within: 10)
        log("stopped (audit head \((try? store.auditHead()) ?? 0))")
    }

    private func start(_ connection: ServerConnection) {
        lock.lock()
        connections[ObjectIdentifier(connection)] = connection
        lock.unlock()
        let thread = Thread { [self] in
            connection.serve()
            lock.lock()
            connections[ObjectIdentifier(connection)] = nil
            lock.unlock()
            finished.lock()
            finished.broadcast()
            finished.unlock()
        }
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// Stops reading from every client and waits until each has finished its call.
    private func finishConnections(within seconds: Double) {
        lock.lock()
        let open = Array(connections.values)
        lock.unlock()
        for connection in open { connection.channel.stopReading() }
        let deadline = Date(timeIntervalSinceNow: seconds)
        finished.lock()
        defer { finished.unlock() }
        while true {
            lock.lock()
            let remaining = connections.count
            lock.unlock()
            if remaining == 0 || !finished.wait(until: deadline) { return }
        }
    }
}
