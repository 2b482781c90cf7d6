import Foundation

extension Bench {
    /// What was measured while the servers ran: each role's first screens per environment
    /// (embedded, served from SQLite, served from PostgreSQL with `--engine postgresql`), and
    /// the week query and search through each server (PostgreSQL only).
    struct ServedFigures {
        var screens: [[[Double]]]
        var queries: [(measure: String, times: [Double])]
    }

    /// Runs `body` with `huiwu serve` on the SQLite file and, with `--engine postgresql`, a
    /// second server on the same data set copied into PostgreSQL (``PostgresOffice``); `body`
    /// gets the clients' environments, SQLite's server first. Every server and the cluster are
    /// stopped afterwards, also when `body` throws.
    func withServers<T>(huiwu: String, env: [String: String], report: inout BenchReport,
                        _ body: (_ clients: [[String: String]]) throws -> T) throws -> T {
        let onFile = ServedBench(huiwu: huiwu, database: database, socket: dataDir + "/huiwu.sock", env: env)
        guard options.engine == .postgresql else { return try onFile.withServer { try body([$0]) } }
        return try PostgresOffice.with(bench: self, huiwu: huiwu) { office in
            report.postgres = office.timing
            var serverEnv = env
            serverEnv["HUIWU_STATE_DIR"] = office.stateDirectory
            let onPostgres = ServedBench(huiwu: huiwu, database: office.url, socket: dataDir + "/huiwu-pg.sock", env: serverEnv)
            return try onFile.withServer { file in try onPostgres.withServer { postgres in try body([file, postgres]) } }
        }
    }

    /// The week query and search through SQLite's server, then PostgreSQL's: beside the
    /// embedded figures they tell what the socket costs from what the engine costs.
    func servedQueries(huiwu: String, clients: [[String: String]]) throws -> [(measure: String, times: [Double])] {
        log("measuring the week query and search through both servers …")
        let words = [Bench.searchWords.short, Bench.searchWords.long]
        let commands = [("week query", [Bench.weekQuery])] + [("search", words.map { ["search", $0, "--json"] })]
        var rows: [(measure: String, times: [Double])] = []
        for (name, lines) in commands {
            for (client, engine) in zip(clients, ["server on SQLite", "PostgreSQL"]) {
                rows.append(("\(name), \(engine) (ms)", try lines.flatMap { try timedRuns([huiwu] + $0, env: client) }))
            }
        }
        return rows
    }
}
