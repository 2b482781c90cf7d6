import Foundation
import MeetingStore
#if canImport(Glibc)
import Glibc
#endif

/// An office served by the real `huiwu serve`, running as a service account, with clients
/// running as real OS users: the set-up of docs/deployment.md, in a temporary directory.
///
/// The binary and the demo data are copied once per test process to a directory every user
/// can read; the database directory belongs to the service account (0700), the socket's
/// directory is open to all. Processes are started with `setpriv` (which execs, so the pid
/// is the program's own: a test can SIGKILL the server itself).
public final class ServedOffice: @unchecked Sendable {
    /// The service account that owns the database and runs the server.
    public static let serviceAccount = "huiwusvc"

    public let directory: String
    /// The database file, or the PostgreSQL URL (``init(now:people:postgres:keyFrom:)``).
    public let database: String
    /// Where the server keeps the audit key and anchor of an office on PostgreSQL.
    public var stateDirectory: String { directory + "/var" }
    private let onPostgres: Bool
    public let socket: String
    public let serverLog: String
    /// The server's clock (`HUIWU_NOW` of the server process only).
    public let now: String
    public private(set) var serverPID: pid_t = 0

    /// Creates the office as the service account (`huiwu init`), or from a copy of `prepared`
    /// (an office a test filled in-process), and starts the server. `people` get OS accounts.
    public convenience init(now: String = "2026-03-02T09:00", people: [String] = ServedOffice.demoLogins, prepared: TestOffice? = nil) throws {
        try self.init(now: now, people: people, prepared: prepared, postgres: nil, keyFrom: nil)
    }

    /// An office in the PostgreSQL database `postgres` (a URL of ``PostgresCluster``), served by
    /// the service account with its state directory in this office's directory: created with
    /// `huiwu --db URL init`, or, with `keyFrom`, a second server of the same office, whose
    /// administrator copied the first one's audit key (docs/deployment.md).
    public convenience init(now: String = "2026-03-02T09:00", people: [String] = ServedOffice.demoLogins, postgres: String,
                            keyFrom: ServedOffice? = nil) throws {
        try self.init(now: now, people: people, prepared: nil, postgres: postgres, keyFrom: keyFrom)
    }

    private init(now: String, people: [String], prepared: TestOffice?, postgres: String?, keyFrom: ServedOffice?) throws {
        self.now = now
        onPostgres = postgres != nil
        try OSAccounts.ensure(ServedOffice.serviceAccount)
        for login in people { try OSAccounts.ensure(login) }
        directory = TestOffice.temporaryDirectory()
        chmod(directory, 0o755)
        let data = directory + "/var"
        let run = directory + "/run"
        for dir in [data, run] { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: false) }
        let (uid, gid) = (OSAccounts.uid(ServedOffice.serviceAccount)!, OSAccounts.gid(ServedOffice.serviceAccount)!)
        chown(data, uid, gid)
        chmod(data, 0o700)
        chown(run, uid, gid)
        chmod(run, 0o755)
        database = postgres ?? data + "/office.sqlite"
        socket = run + "/huiwu.sock"
        serverLog = directory + "/serve.log"
        if let keyFrom, let name = try? PostgresURL(database, osUser: "root").database {
            let key = data + "/\(name).auditkey"
            try FileManager.default.copyItem(atPath: keyFrom.stateDirectory + "/\(name).auditkey", toPath: key)
            chown(key, uid, gid)
            chmod(key, 0o600)
        } else if let prepared {
            // SQLite's online backup: a consistent copy, then the service account's alone.
            try StoreBackup.backup(prepared.store, to: database, takenAt: now)
            let key = AuditKey.path(forDatabase: database)
            try FileManager.default.copyItem(atPath: AuditKey.path(forDatabase: prepared.path), toPath: key)
            for file in [database, key, BackupManifest.path(forBackup: database)] { chown(file, uid, gid); chmod(file, 0o600) }
        } else {
            let initialized = try asService(["--db", database, "init"], environment: stateEnvironment)
            guard initialized.status == 0 else { throw Failure.setup("init: " + initialized.stderr) }
        }
        try start()
    }

    deinit {
        if serverPID > 0 { kill(serverPID, SIGKILL); _ = Subprocess.wait(serverPID) }
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// `HUIWU_STATE_DIR` for an office on PostgreSQL.
    private var stateEnvironment: [String: String] { onPostgres ? ["HUIWU_STATE_DIR": stateDirectory] : [:] }

    /// Logins of the demo office that the tests act as.
    public static let demoLogins = ["zhoulixin", "chenhaifeng", "wangxiaoyan", "yangwentao", "lijing", "zhangyuhang", "xuwenbo", "tanghongxia"]

    /// Starts `huiwu serve` as the service account and waits until it accepts connections.
    public func start(environment extra: [String: String] = [:]) throws {
        let arguments = ["serve", "--db", database, "--socket", socket, "--backup-dir", directory + "/var/backups"]
        serverPID = try spawn(as: ServedOffice.serviceAccount, arguments,
                              environment: ["HUIWU_NOW": now].merging(stateEnvironment) { $1 }.merging(extra) { $1 },
                              stdout: "/dev/null", stderr: serverLog)
        let deadline = Date(timeIntervalSinceNow: 20)
        while Date() < deadline {
            if canConnect() { return }
            var status: Int32 = 0
            if waitpid(serverPID, &status, WNOHANG) == serverPID {
                serverPID = 0
                throw Failure.setup("huiwu serve ended: " + Subprocess.contents(of: serverLog))
            }
            usleep(20_000)
        }
        throw Failure.setup("huiwu serve did not listen within 20 s: " + Subprocess.contents(of: serverLog))
    }

    /// Stops the server with SIGTERM (gracefully) and returns its exit status.
    @discardableResult
    public func stop() -> Int32 {
        guard serverPID > 0 else { return 0 }
        kill(serverPID, SIGTERM)
        let status = Subprocess.wait(serverPID).status
        serverPID = 0
        return status
    }

    /// Kills the server at once (SIGKILL), as a crash or a power cut would.
    public func crash() {
        guard serverPID > 0 else { return }
        kill(serverPID, SIGKILL)
        _ = Subprocess.wait(serverPID)
        serverPID = 0
    }

    /// Adds the test process's own login (root) as an administrator, through the service
    /// account on `database`, so the test can be a client of the server as a TUI would be.
    public func admitTestRunner() throws -> Binary.Result {
        try asService(["--db", database, "people", "add", "--login", "root", "--name", "测试", "--role", "admin"],
                      environment: stateEnvironment)
    }

    /// Runs `huiwu args…` as the OS user `login`, a client of the server.
    @discardableResult
    public func run(as login: String, _ arguments: [String], environment: [String: String] = [:]) throws -> Binary.Result {
        try runProgram(as: login, ServedOffice.binary, arguments, environment: ["HUIWU_SERVER": socket].merging(environment) { $1 })
    }

    /// Runs `huiwu args…` as the service account itself (`init`, maintenance on the file).
    @discardableResult
    public func asService(_ arguments: [String], environment: [String: String] = [:]) throws -> Binary.Result {
        try runProgram(as: ServedOffice.serviceAccount, ServedOffice.binary, arguments, environment: environment)
    }

    /// Runs any program as the OS user `login` (the `sqlite3` shell of an attacker, say).
    public func runProgram(as login: String, _ program: String, _ arguments: [String],
                           environment: [String: String] = [:]) throws -> Binary.Result {
        let base = directory + "/out-" + UUID().uuidString
        defer { unlink(base + ".out"); unlink(base + ".err") }
        let pid = try spawnProgram(as: login, program, arguments, environment: environment, stdout: base + ".out", stderr: base + ".err")
        let end = Subprocess.wait(pid)
        return Binary.Result(status: end.status, stdout: Subprocess.contents(of: base + ".out"),
                             stderr: Subprocess.contents(of: base + ".err"), crashed: end.signaled)
    }

    /// Starts `huiwu args…` as `login` without waiting (concurrent clients).
    public func spawn(as login: String, _ arguments: [String], environment: [String: String] = [:],
                      stdout: String, stderr: String) throws -> pid_t {
        try spawnProgram(as: login, ServedOffice.binary, arguments, environment: environment, stdout: stdout, stderr: stderr)
    }

    /// Starts a client `huiwu args…` as `login` (with `HUIWU_SERVER` set) without waiting.
    public func spawnClient(as login: String, _ arguments: [String], stdout: String, stderr: String) throws -> pid_t {
        try spawn(as: login, arguments, environment: ["HUIWU_SERVER": socket], stdout: stdout, stderr: stderr)
    }

    /// The command line that runs `huiwu args…` as `login`, a client of the server: for tmux.
    public func clientCommand(as login: String, _ arguments: [String], environment: [String: String] = [:]) -> [String] {
        command(as: login, ServedOffice.binary, arguments, environment: ["HUIWU_SERVER": socket, "TERM": "xterm-256color"].merging(environment) { $1 })
    }

    private func command(as login: String, _ program: String, _ arguments: [String], environment: [String: String]) -> [String] {
        var env = ["PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": "/nonexistent",
                   "HUIWU_DATA": ServedOffice.staging + "/Data"]
        for (key, value) in environment { env[key] = value }
        return ["/usr/bin/setpriv", "--reuid=" + login, "--regid=" + String(OSAccounts.gid(login)!), "--init-groups", "--", "/usr/bin/env", "-i"]
            + env.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" } + [program] + arguments
    }

    private func spawnProgram(as login: String, _ program: String, _ arguments: [String], environment: [String: String],
                              stdout: String, stderr: String) throws -> pid_t {
        let command = command(as: login, program, arguments, environment: environment)
        return try Subprocess.spawn(command[0], arguments: command.dropFirst().map { Array($0.utf8) },
                                    environment: ProcessInfo.processInfo.environment,
                                    stdin: "/dev/null", stdout: stdout, stderr: stderr)
    }

    private func canConnect() -> Bool {
        let fd = Glibc.socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(socket.utf8) + [0]
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        } == 0
    }

    /// The binary and demo data, copied where every account can read them (the package may
    /// live under a private home directory).
    static let staging: String = {
        let dir = "/tmp/huiwu-served-\(getpid())"
        try? FileManager.default.removeItem(atPath: dir)
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        chmod(dir, 0o755)
        // Copied by a child process: were this process to hold the new file open for writing,
        // a fork by a parallel test could inherit that descriptor, and executing the copy would
        // fail with "Text file busy" until the child's exec.
        _ = try? Subprocess.run("/bin/cp", [Binary.path, dir + "/huiwu"])
        chmod(dir + "/huiwu", 0o755)
        try! FileManager.default.copyItem(atPath: TestOffice.packageRoot + "/Data", toPath: dir + "/Data")
        _ = try? Subprocess.run("/bin/chmod", ["-R", "a+rX", dir])
        return dir
    }()

    public static var binary: String { staging + "/huiwu" }

    public enum Failure: Error, CustomStringConvertible {
        case setup(String)
        public var description: String {
            switch self { case .setup(let text): return "served office: " + text }
        }
    }
}
