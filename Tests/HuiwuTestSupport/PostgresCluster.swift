import Foundation
import MeetingStore
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A throwaway PostgreSQL cluster for the tests: `initdb` and `pg_ctl` in a temporary
/// directory, listening only on a private socket directory (no TCP), started once per test
/// process and stopped when it exits. Each test takes a database of its own (``database()``).
///
/// PostgreSQL refuses to run as root, and CI runs as root: then the cluster belongs to the
/// OS account `huiwupg`, created like the accounts of the server tests (``OSAccounts``).
/// Without PostgreSQL's binaries (the README's install line adds `postgresql`), a test that
/// needs them is skipped with a message, except under `CI=true`, where it fails
/// (``Trait/postgres``).
public final class PostgresCluster: @unchecked Sendable {
    /// The OS account that owns the cluster when the tests run as root.
    public static let osUser = "huiwupg"
    /// The database superuser, reached with trust authentication on the private socket.
    public static let superuser = "huiwu"

    public let directory: String
    public let socketDirectory: String
    public let port: Int
    let binDirectory: String

    /// The directory of `initdb` and `pg_ctl`: `HUIWU_PG_BINDIR`, else Debian's newest
    /// `/usr/lib/postgresql/N/bin`, else `pg_config --bindir`.
    public static var binDirectory: String? {
        let fm = FileManager.default
        if let dir = ProcessInfo.processInfo.environment["HUIWU_PG_BINDIR"], fm.isExecutableFile(atPath: dir + "/initdb") { return dir }
        let versions = ((try? fm.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []).compactMap(Int.init).sorted()
        for version in versions.reversed() where fm.isExecutableFile(atPath: "/usr/lib/postgresql/\(version)/bin/initdb") {
            return "/usr/lib/postgresql/\(version)/bin"
        }
        for dir in ["/usr/bin", "/usr/local/bin"] where fm.isExecutableFile(atPath: dir + "/pg_config") {
            if let out = try? Subprocess.run(dir + "/pg_config", ["--bindir"]), out.status == 0 {
                let bin = out.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
                if fm.isExecutableFile(atPath: bin + "/initdb") { return bin }
            }
        }
        return nil
    }

    /// Why no cluster can be started here, or nil when one can.
    public static var unavailable: String? {
        guard binDirectory != nil else {
            return "PostgreSQL's initdb and pg_ctl were not found (apt-get install postgresql, or set HUIWU_PG_BINDIR)"
        }
        if getuid() == 0, let reason = OSAccounts.unavailable { return reason }
        return nil
    }

    /// The cluster of this test process, started at its first use.
    public static func shared() throws -> PostgresCluster {
        try lock.withLock {
            if let started { return started }
            let cluster = try PostgresCluster.start()
            started = cluster
            atexit { PostgresCluster.started?.remove() }
            return cluster
        }
    }

    nonisolated(unsafe) private static var started: PostgresCluster?
    private static let lock = NSLock()

    /// Settings given to the server at every start (`-c name=value`).
    let settings: [String]

    private init(directory: String, port: Int, binDirectory: String, settings: [String]) {
        self.directory = directory
        self.socketDirectory = directory + "/socket"
        self.port = port
        self.binDirectory = binDirectory
        self.settings = settings
    }

    /// A new cluster of its own, for a test that stops servers (``remove()`` when done):
    /// `settings` are server settings such as `synchronous_standby_names=standby1`.
    public static func start(settings: [String] = []) throws -> PostgresCluster {
        let cluster = try prepare(settings: settings)
        try cluster.control("initdb", ["-D", cluster.dataDirectory, "-U", superuser, "--auth=trust", "--encoding=UTF8",
                                       "--locale=\(clusterLocale)", "--no-sync"])
        try cluster.startServer()
        return cluster
    }

    /// A hot standby of this cluster, streaming from it as `name` (the name
    /// `synchronous_standby_names` lists), on a socket directory of its own.
    public func startStandby(name: String) throws -> PostgresCluster {
        let standby = try PostgresCluster.prepare(settings: settings)
        try control("pg_basebackup", ["-D", standby.dataDirectory, "-h", socketDirectory, "-p", String(port), "-U",
                                      PostgresCluster.superuser, "-X", "stream", "--checkpoint=fast", "--no-sync"])
        let conninfo = "host=\(socketDirectory) port=\(port) user=\(PostgresCluster.superuser) application_name=\(name)"
        try standby.control("/bin/sh", ["-c", "touch '\(standby.dataDirectory)/standby.signal' && echo \"primary_conninfo = '\(conninfo)'\" >> '\(standby.dataDirectory)/postgresql.auto.conf'"])
        try standby.startServer()
        return standby
    }

    /// A hot standby named `standby1` that this cluster waits for at every commit
    /// (`synchronous_standby_names`), once it streams synchronously (within 30 s).
    public func startSynchronousStandby() throws -> PostgresCluster {
        let standby = try startStandby(name: "standby1")
        try psql("postgres", "ALTER SYSTEM SET synchronous_standby_names = 'standby1'")
        try psql("postgres", "SELECT pg_reload_conf()")
        let deadline = Date().addingTimeInterval(30)
        while try psql("postgres", "SELECT sync_state FROM pg_stat_replication").trimmingCharacters(in: .whitespacesAndNewlines) != "sync" {
            guard Date() < deadline else {
                standby.remove()
                throw Failure.command("waiting for the standby to stream synchronously", "not synchronous after 30 s")
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return standby
    }

    /// A multi-host URL of `database` on this primary, then `standby`, that only a server
    /// accepting writes satisfies (docs/deployment.md).
    public func failoverURL(database: String, standby: PostgresCluster) -> String {
        "postgresql://\(PostgresCluster.superuser)@/\(database)?host=\(socketDirectory),\(standby.socketDirectory)"
            + "&port=\(port),\(standby.port)&target_session_attrs=read-write&connect_timeout=2"
    }

    /// Makes a standby the primary (`pg_ctl promote`, waiting until it accepts writes).
    public func promote() throws {
        try control("pg_ctl", ["-D", dataDirectory, "-w", "-t", "60", "promote"])
    }

    /// Stops the server at once and deletes its files.
    public func remove() {
        stop(mode: "immediate")
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// A directory for a new cluster, owned by the cluster's OS account.
    private static func prepare(settings: [String]) throws -> PostgresCluster {
        if let reason = unavailable { throw Failure.unavailable(reason) }
        let directory = NSTemporaryDirectory() + "huiwu-pg-" + UUID().uuidString.prefix(8)
        try FileManager.default.createDirectory(atPath: directory + "/socket", withIntermediateDirectories: true)
        // A port number only names the socket file here (no TCP).
        let cluster = PostgresCluster(directory: directory, port: Int.random(in: 20000...60000), binDirectory: binDirectory!,
                                      settings: settings)
        if getuid() == 0 {
            try OSAccounts.ensure(osUser)
            guard let uid = OSAccounts.uid(osUser), let gid = OSAccounts.gid(osUser) else { throw Failure.unavailable("no account \(osUser)") }
            for path in [directory, directory + "/socket"] { chown(path, uid, gid) }
        }
        return cluster
    }

    /// The locale of the test cluster, as a deployment should choose it: pg_trgm takes word
    /// characters from `LC_CTYPE`, and only a UTF-8 locale classifies Chinese as letters
    /// (docs/architecture.md, "Search on PostgreSQL"; `TrigramSearchTests`).
    public static let clusterLocale = "C.UTF-8"

    public var dataDirectory: String { directory + "/data" }

    /// Starts the server (again, after ``stop(mode:)``).
    public func startServer() throws {
        let options = (["-k \(socketDirectory) -p \(port) -c listen_addresses='' -c fsync=off -c max_connections=200"]
                       + settings.map { "-c \($0)" }).joined(separator: " ")
        try control("pg_ctl", ["-D", dataDirectory, "-l", directory + "/server.log", "-o", options, "-w", "-t", "60", "start"])
    }

    /// Stops the server: `immediate` is a crash as far as the data is concerned.
    public func stop(mode: String = "fast") {
        _ = try? control("pg_ctl", ["-D", dataDirectory, "-m", mode, "-w", "stop"])
    }

    /// A URL of a new, empty database on this cluster, for one test.
    public func database(prefix: String = "t") throws -> String {
        let name = prefix + "_" + UUID().uuidString.prefix(12).lowercased().replacingOccurrences(of: "-", with: "")
        try psql("postgres", "CREATE DATABASE \(name)")
        return url(database: name)
    }

    public func url(database: String) -> String {
        "postgresql://\(PostgresCluster.superuser)@/\(database)?host=\(socketDirectory)&port=\(port)"
    }

    /// Runs SQL with `psql` on `database`; what it printed (unaligned, tuples only).
    @discardableResult
    public func psql(_ database: String, _ sql: String) throws -> String {
        let result = try Subprocess.runCapturing(binDirectory + "/psql", ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1",
                                                                          "-h", socketDirectory, "-p", String(port),
                                                                          "-U", PostgresCluster.superuser, "-d", database, "-c", sql])
        guard result.status == 0 else { throw Failure.command("psql -c \(sql)", result.stderr) }
        return result.stdout
    }

    /// Runs one of PostgreSQL's programs as the cluster's owner.
    func control(_ program: String, _ arguments: [String]) throws {
        let path = program.hasPrefix("/") ? program : binDirectory + "/" + program
        let result = getuid() == 0
            ? try Subprocess.runCapturing("/usr/sbin/runuser", ["-u", PostgresCluster.osUser, "--", path] + arguments)
            : try Subprocess.runCapturing(path, arguments)
        guard result.status == 0 else {
            let log = (try? String(contentsOfFile: directory + "/server.log", encoding: .utf8)) ?? ""
            throw Failure.command(program + " " + arguments.joined(separator: " "), result.stderr + result.stdout + log)
        }
    }

    public enum Failure: Error, CustomStringConvertible {
        case unavailable(String)
        case command(String, String)
        public var description: String {
            switch self {
            case .unavailable(let reason): "no PostgreSQL for the tests: \(reason)"
            case .command(let command, let output): "\(command) failed: \(output)"
            }
        }
    }
}

extension Trait where Self == ConditionTrait {
    /// A test that needs PostgreSQL: skipped with the reason where its binaries are missing,
    /// but run (and failing) under `CI=true`, where `.ci/run` installed them.
    public static var postgres: Self {
        .enabled(if: PostgresCluster.unavailable == nil || SlowTests.inCI,
                 Comment(rawValue: PostgresCluster.unavailable ?? "PostgreSQL is available"))
    }
}
