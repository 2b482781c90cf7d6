import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The bench's own PostgreSQL cluster: the recipe of the tests' `PostgresCluster` (initdb in
/// a directory of its own, a private socket directory and no TCP, C.UTF-8 because pg_trgm
/// classifies Chinese as letters only under a UTF-8 `LC_CTYPE`, the OS account `huiwupg`
/// when run as root, which PostgreSQL refuses). An executable cannot link the test support,
/// and the bench keeps its data directory between runs (the copied data set is cached).
struct BenchCluster {
    static let osUser = "huiwupg"
    static let superuser = "huiwu"

    /// Holds `data/` and `server.log`; the socket lives in a short /tmp path (108-byte limit).
    let directory: String
    let socketDirectory: String
    let port = Int.random(in: 20000...60000)
    let binDirectory: String

    var dataDirectory: String { directory + "/data" }

    /// Debian's newest `/usr/lib/postgresql/N/bin`, or `HUIWU_PG_BINDIR`; nil without PostgreSQL.
    static var binDirectory: String? {
        let fm = FileManager.default
        if let dir = ProcessInfo.processInfo.environment["HUIWU_PG_BINDIR"], fm.isExecutableFile(atPath: dir + "/initdb") { return dir }
        let versions = ((try? fm.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []).compactMap(Int.init).sorted()
        return versions.reversed().map { "/usr/lib/postgresql/\($0)/bin" }.first { fm.isExecutableFile(atPath: $0 + "/initdb") }
    }

    init(directory: String) throws {
        guard let bin = BenchCluster.binDirectory else {
            throw BenchError("--engine postgresql: PostgreSQL's initdb was not found (apt-get install postgresql, or set HUIWU_PG_BINDIR)")
        }
        binDirectory = bin
        self.directory = directory
        socketDirectory = NSTemporaryDirectory() + "huiwu-bench-pg-\(getpid())"
        let fm = FileManager.default
        for dir in [directory, socketDirectory] { try fm.createDirectory(atPath: dir, withIntermediateDirectories: true) }
        if getuid() == 0 {
            if getpwnam(BenchCluster.osUser) == nil {
                try Spawn.run(["/usr/sbin/useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", BenchCluster.osUser], env: [:])
            }
            let account = getpwnam(BenchCluster.osUser)!.pointee
            for dir in [directory, socketDirectory] { chown(dir, account.pw_uid, account.pw_gid) }
        }
    }

    /// A new, empty cluster in `directory` (which must hold none yet).
    func initialize() throws {
        try control("initdb", ["-D", dataDirectory, "-U", BenchCluster.superuser, "--auth=trust", "--encoding=UTF8",
                               "--locale=C.UTF-8", "--no-sync"])
    }

    /// Starts the server; one left running by a bench that was killed is stopped first.
    func start() throws {
        if FileManager.default.fileExists(atPath: dataDirectory + "/postmaster.pid") { stopServer() }
        try control("pg_ctl", ["-D", dataDirectory, "-l", directory + "/server.log", "-w", "-t", "120", "-o",
                               "-k \(socketDirectory) -p \(port) -c listen_addresses='' -c fsync=off", "start"])
    }

    /// Stops the server and removes the socket directory; the data directory stays (the cache).
    func stop() {
        stopServer()
        try? FileManager.default.removeItem(atPath: socketDirectory)
    }

    private func stopServer() {
        _ = try? control("pg_ctl", ["-D", dataDirectory, "-m", "fast", "-w", "-t", "120", "stop"])
    }

    func url(database: String) -> String {
        "postgresql://\(BenchCluster.superuser)@/\(database)?host=\(socketDirectory)&port=\(port)"
    }

    /// Runs SQL on `database` with `psql` (output discarded).
    func psql(_ database: String, _ sql: String) throws {
        try Spawn.run([binDirectory + "/psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", socketDirectory, "-p", String(port),
                       "-U", BenchCluster.superuser, "-d", database, "-c", sql], env: ["LANG": "C.UTF-8"])
    }

    /// Runs one of PostgreSQL's programs as the cluster's owner.
    private func control(_ program: String, _ arguments: [String]) throws {
        let command = [binDirectory + "/" + program] + arguments
        try Spawn.run(getuid() == 0 ? ["/usr/sbin/runuser", "-u", BenchCluster.osUser, "--"] + command : command,
                      env: ["LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"])
    }
}
