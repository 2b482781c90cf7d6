import Foundation

/// The bench's results: one row per measurement, Huiwu and calcurse side by side.
struct BenchReport: Encodable {
    struct Row: Encodable {
        var measure: String
        var huiwu: Stats
        var calcurse: Stats?
        /// Huiwu's median over calcurse's median, when both exist.
        var ratio: Double?
        var target: String
        /// Whether the target holds; nil when the target is set for another data set.
        var met: Bool?
    }

    var size: SyntheticOffice.Size
    var sizeName: String
    var seed: UInt64
    var runs: Int
    var machine: String
    var generationSeconds: Double?
    var counts: SyntheticOffice.Counts?
    /// The 4× data set's rows, when it was measured beside the default set.
    var cityCounts: SyntheticOffice.Counts?
    /// How the data set reached PostgreSQL, with `--engine postgresql`.
    var postgres: PostgresOffice.Timing?
    var rows: [Row] = []
    var completed = false

    /// Adds a row; `judged: false` shows the target without judging it (the issue sets the
    /// start-up and week-query targets for the default data set only).
    mutating func add(_ measure: String, huiwu: [Double], calcurse: [Double]?, target: String, judged: Bool = true,
                      ok: (Double, Double?) -> Bool) {
        let h = Stats(huiwu)
        let c = calcurse.map(Stats.init)
        rows.append(Row(measure: measure, huiwu: h, calcurse: c, ratio: c.map { h.median / $0.median }, target: target,
                        met: judged ? ok(h.median, c?.median) : nil))
    }

    func table() -> String {
        func f(_ x: Double) -> String { x.isNaN ? "-" : (x >= 100 ? String(format: "%.0f", x) : String(format: "%.2f", x)) }
        var lines = ["huiwu-bench: \(sizeName) data set (\(size.meetings) meetings, \(size.items) items, seed \(seed)), \(runs) runs; \(machine)"]
        if let counts = cityCounts {
            lines.append("4× data set rows: \(counts.meetings) meetings, \(counts.items) items, \(counts.audit) audit events")
        }
        if let counts {
            lines.append("rows: \(counts.meetings) meetings, \(counts.participants) participants, \(counts.items) items, \(counts.opinions) opinions, "
                         + "\(counts.events) item events, \(counts.leave) leave, \(counts.attendance) attendance, \(counts.audit) audit events")
        }
        if let postgres {
            lines.append(String(format: "PostgreSQL: the data set copied by huiwu admin copy in %.1f s, then VACUUM ANALYZE in %.1f s",
                                postgres.copySeconds, postgres.analyzeSeconds) + (postgres.cached ? " (by an earlier run; reused)" : ""))
        }
        let header = ["measure", "huiwu min/med/max", "calcurse min/med/max", "ratio", "target", ""]
        var cells = [header]
        for r in rows {
            cells.append([r.measure, "\(f(r.huiwu.min)) / \(f(r.huiwu.median)) / \(f(r.huiwu.max))",
                          r.calcurse.map { "\(f($0.min)) / \(f($0.median)) / \(f($0.max))" } ?? "-",
                          r.ratio.map { String(format: "%.3f", $0) } ?? "-", r.target, r.target.isEmpty ? "" : r.met.map { $0 ? "ok" : "MISSED" } ?? "(default data set)"])
        }
        var widths = [Int](repeating: 0, count: header.count)
        for row in cells { for (i, c) in row.enumerated() { widths[i] = max(widths[i], c.count) } }
        for row in cells {
            lines.append(row.enumerated().map { i, c in c.padding(toLength: widths[i], withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces))
        }
        return lines.joined(separator: "\n")
    }

    /// The rows whose target was judged and missed.
    var missed: [Row] { rows.filter { $0.met == false } }

    func write(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try encoder.encode(self).write(to: URL(fileURLWithPath: path))
    }
}

extension BenchReport {
    /// A run that failed part-way, with the rows measured until then (printed and written, not judged).
    struct Unfinished: Error {
        let error: any Error
        let partial: BenchReport
    }
}
