import Foundation
import MeetingKit
import MeetingStore
import MeetingTUI

/// Runs every measurement of docs/performance.md on one data set, Huiwu and calcurse side by side.
struct Bench {
    let options: BenchOptions
    /// The fixed "now" of every run: the week of 2026-03-02 is the home screen's week.
    let now = LocalDateTime(iso: "2026-03-02T09:00")!

    var dataDir: String { options.work + "/\(options.sizeName)-\(options.seed)" }
    var database: String { dataDir + "/huiwu.sqlite" }
    var calcurseDir: String { dataDir + "/calcurse" }

    func log(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }

    func run() throws -> BenchReport {
        let huiwu = try HuiwuBinary.locate(explicit: options.huiwu, rebuild: options.rebuild)
        var report = BenchReport(size: options.size, sizeName: options.sizeName, seed: options.seed, runs: options.runs,
                                 machine: Machine.describe())
        do {
            try measure(huiwu: huiwu, report: &report)
        } catch {
            // A run of the default set takes many minutes: what it measured before failing is kept.
            throw BenchReport.Unfinished(error: error, partial: report)
        }
        report.completed = true
        return report
    }

    /// Every row, in the order of the table.
    func measure(huiwu: String, report: inout BenchReport) throws {
        try prepareData(huiwu: huiwu, report: &report)
        let env = environment()
        let calcurse = FileManager.default.isExecutableFile(atPath: "/usr/bin/calcurse") ? "/usr/bin/calcurse" : nil
        if let calcurse { try prepareCalcurse(calcurse) } else { log("calcurse is not installed: its columns stay empty (apt-get install calcurse)") }
        let judged = options.sizeName == "default"

        let calcurseStart = try calcurse.map { try firstScreen([$0, "-D", calcurseDir], marker: "OtherCmd", env: env) }
        log("measuring each role's first screen, embedded and through huiwu serve"
            + (options.engine == .postgresql ? " on SQLite and on PostgreSQL" : "") + ", run by run in turn …")
        // In turn, not one series after the other: on a shared machine the load changes from
        // minute to minute, and the served figures are judged against the embedded one.
        let served = try withServers(huiwu: huiwu, env: env, report: &report) { clients in
            try ServedFigures(
                screens: BenchRole.all.map { role in
                    try firstScreensInTurn(role.command(huiwu), marker: role.marker, environments: [env] + clients)
                },
                queries: clients.count > 1 ? servedQueries(huiwu: huiwu, clients: clients) : [])
        }
        for (role, times) in zip(BenchRole.all, served.screens) {
            report.add("first screen: \(role.role) (ms)", huiwu: times[0], calcurse: calcurseStart,
                       target: "≤ 20 ms and ≤ 1/10 of calcurse", judged: judged,
                       ok: { h, c in h <= 20 && (c.map { h <= $0 / 10 } ?? true) })
        }
        for (role, times) in zip(BenchRole.all, served.screens) {
            report.add("first screen, server mode: \(role.role) (ms)", huiwu: times[1], calcurse: nil, target: "≤ 25 ms", judged: judged,
                       ok: { h, _ in h <= 25 })
        }
        for (role, times) in zip(BenchRole.all, served.screens) where times.count > 2 {
            report.add("first screen, server on PostgreSQL: \(role.role) (ms)", huiwu: times[2], calcurse: calcurseStart,
                       target: "≤ 1/5 of calcurse", judged: judged, ok: { h, c in c.map { h <= $0 / 5 } ?? true })
        }
        let stripped = try InstructionCount.strippedCopy(of: huiwu, in: dataDir)
        if options.instructions && InstructionCount.available {
            log("counting each role's first-screen instructions under callgrind …")
            for role in BenchRole.all {
                let count = try InstructionCount.firstScreen(role.command(stripped), marker: role.marker, env: env, work: dataDir)
                report.add("first screen instructions: \(role.role) (millions)", huiwu: [count], calcurse: nil, target: "", ok: { _, _ in true })
            }
        } else {
            log("valgrind is not installed: no instruction counts (apt-get install valgrind)")
        }

        log("measuring the week query …")
        let calcurseWeek = try calcurse.map { try timedRuns([$0, "-D", calcurseDir, "-Q", "--from", "03/02/2026", "--days", "7"], env: env) }
        report.add("week query (ms)", huiwu: try timedRuns([huiwu] + Bench.weekQuery, env: env), calcurse: calcurseWeek,
                   target: "≤ 10 ms and ≤ 1/20 of calcurse", judged: judged,
                   ok: { h, c in h <= 10 && (c.map { h <= $0 / 20 } ?? true) })
        for (measure, times) in served.queries where measure.hasPrefix("week") {
            report.add(measure, huiwu: times, calcurse: calcurseWeek, target: "", ok: { _, _ in true })
        }

        try measureSearch(huiwu: huiwu, env: env, report: &report)
        for (measure, times) in served.queries where measure.hasPrefix("search") {
            report.add(measure, huiwu: times, calcurse: nil, target: "", ok: { _, _ in true })
        }
        try measureLists(huiwu: huiwu, env: env, judged: judged, report: &report)

        log("measuring keystrokes in-process …")
        let keys = try KeystrokeBench(database: database, now: now, keys: options.keys).run()
        report.add("keystroke → screen, p50 (ms)", huiwu: keys.navigation.p50Stats, calcurse: nil, target: "", ok: { _, _ in true })
        report.add("keystroke → screen, p99 (ms)", huiwu: keys.navigation.p99Stats, calcurse: nil, target: "≤ 2 ms", ok: { h, _ in h <= 2 })
        report.add("week switch → screen, p99 (ms)", huiwu: keys.weekSwitch.p99Stats, calcurse: nil, target: "", ok: { _, _ in true })

        log("measuring terminal output and memory …")
        let terminal = try TerminalBench(huiwu: huiwu, env: env, runs: options.runs).run()
        report.add("bytes per cursor move", huiwu: terminal.cursorMoveBytes, calcurse: nil, target: "≤ 64", ok: { h, _ in h <= 64 })
        report.add("bytes per screen switch", huiwu: terminal.screenSwitchBytes, calcurse: nil, target: "", ok: { _, _ in true })
        report.add("peak RSS at home screen (MB)", huiwu: terminal.peakRSS,
                   calcurse: try calcurse.map { try TerminalBench.peakRSS([$0, "-D", calcurseDir], marker: "OtherCmd", env: env, runs: 3) },
                   target: "≤ 20 MB", judged: judged, ok: { h, _ in h <= 20 })
        let size = Double((try FileManager.default.attributesOfItem(atPath: stripped)[.size] as? Int) ?? 0) / 1_048_576
        report.add("installed binary, stripped (MB)", huiwu: [size], calcurse: nil, target: "≤ 25 MB", judged: judged, ok: { h, _ in h <= 25 })

        log("measuring planning …")
        report.add("plan 10 years of cadences (ms)", huiwu: try planningTimes(), calcurse: nil, target: "≤ 20 ms", ok: { h, _ in h <= 20 })
        if judged && options.withCity {
            try measureCity(huiwu: huiwu, baseline: report, report: &report)
        }
    }

    /// The week of the home screen, as `huiwu meeting list` asks for it.
    static let weekQuery = ["meeting", "list", "--from", "2026-03-02", "--to", "2026-03-08", "--json"]

    func environment() -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["HUIWU_DB"] = database
        env["HUIWU_NOW"] = now.iso
        env["LANG"] = "C.UTF-8"
        env["TERM"] = "xterm-256color"
        env["HOME"] = dataDir  // calcurse and Huiwu read no user configuration
        env["XDG_CONFIG_HOME"] = dataDir + "/config"
        env.removeValue(forKey: "NO_COLOR")
        env.removeValue(forKey: "LC_ALL")
        return env
    }

    /// Generates the database and the calcurse directory once per size and seed.
    func prepareData(huiwu: String, report: inout BenchReport) throws {
        let marker = dataDir + "/ready.json"
        if !options.regenerate, let data = FileManager.default.contents(atPath: marker),
           let counts = try? JSONDecoder().decode(SyntheticOffice.Counts.self, from: data) {
            report.counts = counts
            log("reusing \(dataDir) (--regenerate to rebuild)")
            return
        }
        try? FileManager.default.removeItem(atPath: dataDir)
        try FileManager.default.createDirectory(atPath: dataDir, withIntermediateDirectories: true)
        guard let data = DataDirectory.locate() else { throw BenchError("cannot find Data/") }
        log("generating \(options.size.meetings) meetings and \(options.size.items) items …")
        let start = Date()
        let counts = try SyntheticOffice(size: options.size, seed: options.seed, osUser: HuiwuBinary.osUser(), now: now)
            .generate(at: database, data: data)
        report.generationSeconds = Date().timeIntervalSince(start)
        report.counts = counts
        log("exporting the meetings as .ics for calcurse …")
        let ics = dataDir + "/meetings.ics"
        let from = "\(options.size.firstYear)-01-01", to = "\(options.size.firstYear + options.size.years - 1)-12-31"
        try Spawn.run([huiwu, "calendar", "export", "--from", from, "--to", to, "--out", ics], env: environment())
        try JSONEncoder().encode(counts).write(to: URL(fileURLWithPath: marker))
    }

    /// Imports the exported meetings into calcurse's directory, unless they are there: calcurse
    /// may have been installed after the data set was generated, and calcurse started on an
    /// empty calendar is no comparison (its `apts` file is then empty).
    func prepareCalcurse(_ calcurse: String) throws {
        let appointments = calcurseDir + "/apts"
        let size = (try? FileManager.default.attributesOfItem(atPath: appointments)[.size] as? Int) ?? 0
        guard size == 0 else { return }
        log("importing the exported meetings into calcurse …")
        try? FileManager.default.removeItem(atPath: calcurseDir)
        try FileManager.default.createDirectory(atPath: calcurseDir, withIntermediateDirectories: true)
        try Spawn.run([calcurse, "-D", calcurseDir, "-i", dataDir + "/meetings.ics"], env: environment())
    }

    func firstScreen(_ command: [String], marker: String, env: [String: String], runs: Int? = nil) throws -> [Double] {
        try (0..<(runs ?? options.runs)).map { _ in
            let pty = try PseudoTerminal(command, environment: env)
            guard let seconds = pty.waitFor(marker) else {
                throw BenchError("\(command[0]) drew no first screen containing '\(marker)'")
            }
            return seconds * 1000
        }
    }

    /// The same command's first screen in each environment, one run of each in turn, after
    /// one unmeasured run of each (the page cache and the servers' connections warm up).
    func firstScreensInTurn(_ command: [String], marker: String, environments: [[String: String]]) throws -> [[Double]] {
        for env in environments { _ = try firstScreen(command, marker: marker, env: env, runs: 1) }
        var times = environments.map { _ in [Double]() }
        for _ in 0..<options.runs {
            for (i, env) in environments.enumerated() { times[i] += try firstScreen(command, marker: marker, env: env, runs: 1) }
        }
        return times
    }

    func timedRuns(_ command: [String], env: [String: String]) throws -> [Double] {
        try (0..<options.runs).map { _ in try Spawn.run(command, env: env) }
    }

    /// The three cadences over ten years, with the working-day calendar, in-process.
    func planningTimes() throws -> [Double] {
        let store = try Store.open(at: database)
        let calendar = try store.read { try HolidayRepository.calendar($0) }
        let from = Day(year: 2017, month: 1, day: 1)!, to = Day(year: 2026, month: 12, day: 31)!
        return (0..<max(options.runs, 20)).map { _ in
            let start = DispatchTime.now().uptimeNanoseconds
            var total = 0
            for kind in MeetingKind.allCases {
                total += Cadence.standard(for: kind).plan(from: from, to: to, calendar: calendar).occurrences.count
            }
            precondition(total > 500)
            return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        }
    }
}
