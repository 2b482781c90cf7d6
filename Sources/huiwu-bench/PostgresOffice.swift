import Foundation

/// The bench's data set copied into PostgreSQL with the real `huiwu admin copy` (issue 21),
/// in a cluster of the bench's own kept beside the SQLite file (`<work>/<size>-<seed>/postgresql`):
/// copying the default set takes minutes, so it is made once per data set, like the file,
/// and removed with it when the set is regenerated.
struct PostgresOffice {
    let cluster: BenchCluster
    /// Where the server keeps the copied office's audit key and chain head (`HUIWU_STATE_DIR`).
    let stateDirectory: String
    let timing: Timing

    struct Timing: Codable {
        /// `huiwu admin copy`, process start to exit (the copy, its row counts and the chain verified).
        var copySeconds: Double
        /// `VACUUM ANALYZE` after the copy, as after any bulk load: the planner's statistics
        /// and the visibility map are then the same from run to run instead of depending on
        /// when autovacuum last passed.
        var analyzeSeconds: Double
        /// Whether this run reused the copy of an earlier one.
        var cached = false
    }

    static let database = "huiwu"
    var url: String { cluster.url(database: PostgresOffice.database) }

    /// Runs `body` with the cluster started on the copied data set (copying it first when no
    /// earlier run did), and stops the cluster afterwards, also when `body` throws.
    static func with<T>(bench: Bench, huiwu: String, _ body: (PostgresOffice) throws -> T) throws -> T {
        let directory = bench.dataDir + "/postgresql"
        let marker = directory + "/ready.json"
        let stateDirectory = directory + "/state"
        var timing = bench.options.regenerate ? nil
            : (try? Data(contentsOf: URL(fileURLWithPath: marker))).flatMap { try? JSONDecoder().decode(Timing.self, from: $0) }
        if timing == nil { try? FileManager.default.removeItem(atPath: directory) }  // a copy that did not finish
        let cluster = try BenchCluster(directory: directory)
        if timing == nil { try cluster.initialize() }
        try cluster.start()
        defer { cluster.stop() }
        if var cached = timing {
            cached.cached = true
            timing = cached
            bench.log("reusing the PostgreSQL copy in \(directory) (copied in \(Int(cached.copySeconds)) s)")
        } else {
            try FileManager.default.createDirectory(atPath: stateDirectory, withIntermediateDirectories: true)
            try cluster.psql("postgres", "CREATE DATABASE \(database)")
            bench.log("copying the data set into PostgreSQL with huiwu admin copy …")
            var env = bench.environment()
            env["HUIWU_STATE_DIR"] = stateDirectory
            let copy = try Spawn.run([huiwu, "admin", "copy", "--from", bench.database, "--to", cluster.url(database: database)], env: env)
            let analyzed = Date()
            try cluster.psql(database, "VACUUM ANALYZE")
            let made = Timing(copySeconds: copy / 1000, analyzeSeconds: Date().timeIntervalSince(analyzed))
            try JSONEncoder().encode(made).write(to: URL(fileURLWithPath: marker))
            timing = made
        }
        return try body(PostgresOffice(cluster: cluster, stateDirectory: stateDirectory, timing: timing!))
    }
}
