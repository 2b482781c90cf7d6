import Foundation
import HuiwuTestSupport
import Testing

@Suite("The benchmark runs (smoke mode: it completes; timings are not judged here)")
struct BenchSmokeTests {
    static let roles = ["mayor", "executive vice mayor", "vice mayor", "office director", "secretary", "department head",
                        "street director", "administrator"]

    /// Runs the smoke bench in a new work directory with `options`; its JSON report and the directory.
    func runSmokeBench(_ options: [String] = []) throws -> (report: [String: Any], work: String) {
        let bench = URL(fileURLWithPath: Binary.path).deletingLastPathComponent().appendingPathComponent("huiwu-bench").path
        try #require(FileManager.default.isExecutableFile(atPath: bench), "huiwu-bench not built at \(bench)")
        let work = TestOffice.temporaryDirectory()
        // A clean signal mask (Subprocess): the bench stops the programs it measures with SIGTERM.
        let run = try Subprocess.runCapturing(bench, ["--smoke", "--huiwu", Binary.path, "--work", work, "--out", work + "/bench.json"] + options)
        #expect(run.status == 0, "\(run.stderr)")
        let data = try Data(contentsOf: URL(fileURLWithPath: work + "/bench.json"))
        let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(report["completed"] as? Bool == true)
        return (report, work)
    }

    @Test("huiwu-bench --smoke generates, measures every row and writes its JSON")
    func smoke() throws {
        let report = try runSmokeBench().report
        let rows = report["rows"] as? [[String: Any]] ?? []
        let measures = rows.compactMap { $0["measure"] as? String }
        let roles = BenchSmokeTests.roles
        for expected in roles.flatMap({ ["first screen: \($0) (ms)", "first screen, server mode: \($0) (ms)"] })
                + ["followup list (ms)", "item list (ms)", "audit list (ms)", "report for a year (ms)", "installed binary, stripped (MB)"] {
            #expect(measures.contains(expected), "missing row \(expected)")
        }
        // Under CI=true (.ci/run installs valgrind) the instruction counts must be there too.
        if SlowTests.inCI || FileManager.default.isExecutableFile(atPath: "/usr/bin/valgrind") {
            for role in roles {
                let row = rows.first { $0["measure"] as? String == "first screen instructions: \(role) (millions)" }
                let median = (row?["huiwu"] as? [String: Any])?["median"] as? Double ?? 0
                #expect(median > 1, "no instruction count for the \(role)'s first screen")
            }
        }
        for expected in ["week query (ms)", "keystroke → screen, p99 (ms)", "bytes per cursor move",
                         "bytes per screen switch", "peak RSS at home screen (MB)", "plan 10 years of cadences (ms)",
                         "search (ms)", "search in-process (ms)"] {
            #expect(measures.contains(expected), "missing row \(expected)")
        }
        // Opening the week view writes a screen: a key that no longer opens it would measure nothing.
        let switches = rows.first { $0["measure"] as? String == "bytes per screen switch" }
        #expect(((switches?["huiwu"] as? [String: Any])?["max"] as? Double ?? 0) > 1000, "the screen switch wrote (almost) nothing")
        let counts = report["counts"] as? [String: Int] ?? [:]
        #expect(counts["meetings"] == 120)
        #expect(counts["items"] == 600)
    }

    @Test("huiwu-bench --smoke --engine postgresql copies the set into its own cluster, measures it beside SQLite and stops the cluster",
          .postgres)
    func smokeOnPostgres() throws {
        let (report, work) = try runSmokeBench(["--engine", "postgresql"])
        let rows = report["rows"] as? [[String: Any]] ?? []
        func median(_ measure: String) -> Double? {
            (rows.first { $0["measure"] as? String == measure }?["huiwu"] as? [String: Any])?["median"] as? Double
        }
        for expected in BenchSmokeTests.roles.flatMap({ ["first screen: \($0) (ms)", "first screen, server mode: \($0) (ms)",
                                                         "first screen, server on PostgreSQL: \($0) (ms)"] })
                + ["week query (ms)", "week query, server on SQLite (ms)", "week query, PostgreSQL (ms)",
                   "search (ms)", "search, server on SQLite (ms)", "search, PostgreSQL (ms)"] {
            #expect((median(expected) ?? 0) > 0, "missing row \(expected)")
        }
        // The copy was made by huiwu admin copy and timed; the cluster it went into is stopped.
        let postgres = report["postgres"] as? [String: Any] ?? [:]
        #expect((postgres["copySeconds"] as? Double ?? 0) > 0, "no copy time: \(postgres)")
        #expect(postgres["cached"] as? Bool == false)
        let data = work + "/smoke-20260302/postgresql/data"
        #expect(FileManager.default.fileExists(atPath: data + "/PG_VERSION"), "no cluster at \(data)")
        #expect(!FileManager.default.fileExists(atPath: data + "/postmaster.pid"), "the bench left its PostgreSQL running")
    }
}
