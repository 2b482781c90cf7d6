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

    /// Opens the office's database for serving: it must exist (`huiwu init` made it) and be
    /// the service account's alone, so the server is the only way in.
    public init(database path: String, configuration: Configuration) throws {
        guard Store.exists(at: path) else {
            throw Refusal.notFound("server.noDatabase", "\(path) 处没有数据库；请先以服务账号运行 huiwu --db \(path) init",
                                   "there is no database at \(path); run huiwu --db \(path) init as the service account first")
        }
        try OfficeServer.requirePrivate(path)
        store = try Store.open(at: path, concurrentReads: true) { configuration.log("upgrading the database: \($0.joined(separator: ", "))") }
        // Every page, whatever the size: a damaged office is not served (a start, not every call).
        try store.checkIntegrity()
        self.configuration = configuration
        broadcaster = try ChangeBroadcaster(store: store, log: configuration.log)
    }

    /// Refuses a database that others can read or write: the boundary would be a door.
    static func requirePrivate(_ path: String) throws {
        var info = stat()
        guard stat(path, &info) == 0 else { return }
        let mode = info.st_mode & 0o777
        guard mode & 0o077 == 0 else {
            throw Refusal(.storage, code: "server.sharedDatabase", Localized(
                zh: "\(path) 的权限是 \(String(mode, radix: 8))，其他用户可以读写；会务服务器只使用服务账号独有的文件（chmod 600 \(path)，目录 chmod 700）",
                en: "\(path) has mode \(String(mode, radix: 8)), so other users can reach it; the office server only serves a file of the service account alone (chmod 600 \(path), and 700 on its directory)"))
        }
    }

    func log(_ line: String) { configuration.log(line) }

    /// The office as `login` sees it through this server: its store, its clock.
    func office(for login: String, asLogin: String?, onBehalfOf: String?) -> InProcessTransport {
        InProcessTransport(store: store, osUser: login, asLogin: asLogin, onBehalfOf: onBehalfOf,
                           clock: configuration.clock, fileArea: configuration.backupDirectory, watchesFile: false)
    }

    /// Listens until SIGTERM or SIGINT, then finishes the calls in progress and returns.
    public func run() throws {
        let listener = try UnixSocket.listen(path: configuration.socketPath, mode: configuration.socketMode,
                                             group: configuration.socketGroup)
        let stop = StopSignal.install()
        // On PostgreSQL, other servers write the same office: their commits are announced on
        // LISTEN/NOTIFY, and this server tells its clients as after its own writes. The
        // listener connects and listens again by itself after a drop, then re-reads the log.
        let changes = store.postgresURL.map { url in
            PostgresChangeListener(url: url) { [broadcaster] _ in
                DispatchQueue.global().async { broadcaster.publishNewChanges(otherServers: true) }
            }
        }
        changes?.start()
        log("listening on \(configuration.socketPath) (database \(store.path), \(OfficeServer.headText(store)))")
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
        // The listener may be trying to reach a cluster that was stopped first: it is let go
        // after a moment, not waited for.
        changes?.stop(within: 1)
        finishConnections(within: 10)
        // Nor is the last head worth waiting for: on a stopped cluster every read keeps trying
        // to connect for the store's reconnect window (30 s), and a service must stop promptly.
        log("stopped (\(OfficeServer.headText(store, within: 2)))")
    }

    /// ``headText(_:)`` if the database answers within `seconds`, else a line that says so.
    static func headText(_ store: Store, within seconds: Double) -> String {
        let answer = Answer()
        Thread.detachNewThread { answer.set(headText(store)) }
        return answer.wait(seconds: seconds) ?? "audit head not read: the database did not answer within \(Int(seconds)) s"
    }

    /// A text another thread may or may not produce in time.
    private final class Answer: @unchecked Sendable {
        private let lock = NSLock()
        private let ready = DispatchSemaphore(value: 0)
        private var text: String?

        func set(_ value: String) {
            lock.withLock { text = value }
            ready.signal()
        }

        func wait(seconds: Double) -> String? {
            guard ready.wait(timeout: .now() + seconds) == .success else { return nil }
            return lock.withLock { text }
        }
    }

    static func headText(_ store: Store) -> String {
        let head = try? store.auditHead()
        return head.map { "audit head \($0.seq) \($0.mac)" } ?? "audit log empty"
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
