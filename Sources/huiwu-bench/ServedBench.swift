import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `huiwu serve` on the bench's database, for the first screen in server mode: the same
/// TUI, connected through the socket instead of opening the file.
struct ServedBench {
    let huiwu: String
    /// The SQLite file, or the `postgresql://` URL of its copy (``PostgresOffice``).
    let database: String
    let socket: String
    let env: [String: String]

    /// Runs `body` with the server listening, then stops it with SIGTERM.
    func withServer<T>(_ body: (_ clientEnvironment: [String: String]) throws -> T) throws -> T {
        if !database.hasPrefix("postgresql://") { chmod(database, 0o600) }  // the server serves only a file that is its own
        let log = socket + ".log"
        let pid = try Spawn.start([huiwu, "serve", "--db", database, "--socket", socket], env: env, errorPath: log)
        defer {
            kill(pid, SIGTERM)
            var status: Int32 = 0
            while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        }
        // The server checks every page before it listens: seconds on the default set's 2.5 GB,
        // a minute or more when the machine is busy. Not part of any figure.
        let deadline = Date(timeIntervalSinceNow: 300)
        while !((try? String(contentsOfFile: log, encoding: .utf8))?.contains("listening on") ?? false) {
            guard Date() < deadline else {
                throw BenchError("huiwu serve did not start: " + ((try? String(contentsOfFile: log, encoding: .utf8)) ?? ""))
            }
            usleep(10_000)
        }
        var client = env
        client["HUIWU_SERVER"] = socket
        return try body(client)
    }
}
