extension Bench {
    /// The same first screens and week query on four times the history (the city's sixteen
    /// districts over ten years: 200,000 meetings, 2,000,000 items), generated once and
    /// cached like the default set: each must stay within 20 % of the default set's figure,
    /// measured in the same run (issue 20).
    func measureCity(huiwu: String, baseline: BenchReport, report: inout BenchReport) throws {
        var cityOptions = options
        cityOptions.size = .city
        cityOptions.sizeName = "4x"
        let city = Bench(options: cityOptions)
        var cityReport = BenchReport(size: city.options.size, sizeName: "4x", seed: options.seed, runs: options.runs, machine: "")
        try city.prepareData(huiwu: huiwu, report: &cityReport)
        report.cityCounts = cityReport.counts
        let env = city.environment()
        log("measuring the 4× data set's first screens and week query …")
        func compare(_ measure: String, _ times: [Double]) {
            let base = baseline.rows.first { $0.measure == measure }?.huiwu.median ?? .nan
            report.add("4×: " + measure, huiwu: times, calcurse: nil, target: String(format: "≤ 1.2 × %.2f (default set)", base),
                       ok: { h, _ in h <= base * 1.2 })
        }
        for role in BenchRole.all {
            compare("first screen: \(role.role) (ms)", try city.firstScreen(role.command(huiwu), marker: role.marker, env: env))
        }
        compare("week query (ms)", try city.timedRuns([huiwu] + Bench.weekQuery, env: env))
    }
}
