extension Bench {
    /// The list commands a user runs on the whole history, process start to exit: each must
    /// answer its first page quickly however long the history (issue 20). A few runs only:
    /// before they page, some took seconds.
    static let listCommands: [(name: String, arguments: [String])] = [
        ("followup list", ["followup", "list", "--json"]),
        ("item list", ["item", "list", "--json"]),
        ("audit list", ["audit", "list", "--json"]),
        ("report for a year", ["report", "--from", "2025-01-01", "--to", "2025-12-31", "--json"]),
    ]

    func measureLists(huiwu: String, env: [String: String], judged: Bool, report: inout BenchReport) throws {
        log("measuring the list commands …")
        for command in Bench.listCommands {
            let times = try (0..<max(1, min(options.runs, 3))).map { _ in try Spawn.run([huiwu] + command.arguments, env: env) }
            report.add("\(command.name) (ms)", huiwu: times, calcurse: nil, target: "≤ 100 ms", judged: judged, ok: { h, _ in h <= 100 })
        }
    }
}
