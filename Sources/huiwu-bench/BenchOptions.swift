import Foundation

/// Command-line options of `huiwu-bench` (kept to plain flags: the bench has no other users).
struct BenchOptions {
    var size = SyntheticOffice.Size.big
    var sizeName = "default"
    var seed: UInt64 = 20_260_302
    var runs = 10
    var keys = 10_000
    var smoke = false
    var work = BenchOptions.packageRoot + "/.build/bench"
    var out = BenchOptions.packageRoot + "/.build/bench/bench.json"
    var regenerate = false
    var huiwu: String?
    var rebuild = true
    /// With the default set, also the 4× set's first screens and week query (`--no-city` skips them).
    var withCity = true
    /// `--no-instructions` skips the callgrind counts (minutes on the default set when the machine is busy).
    var instructions = true
    /// `--engine postgresql`: also the first screens, week query and search on the same data set
    /// copied into a PostgreSQL cluster of the bench's own (issue 21).
    var engine = Engine.sqlite
    enum Engine: String { case sqlite, postgresql }
    /// `--generate FILE`: only write the synthetic database there (tests check it with the real binary).
    var generateTo: String?

    static let packageRoot: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    static func parse(_ args: ArraySlice<String>) -> BenchOptions {
        var o = BenchOptions()
        var it = args.makeIterator()
        while let a = it.next() {
            switch a {
            case "--small": o.size = .small; o.sizeName = "small"
            case "--city": o.size = .city; o.sizeName = "4x"
            case "--smoke": o.size = .smoke; o.sizeName = "smoke"; o.smoke = true; o.runs = 2; o.keys = 200
            case "--seed": o.seed = UInt64(it.next() ?? "") ?? o.seed
            case "--runs": o.runs = max(1, Int(it.next() ?? "") ?? o.runs)
            case "--keys": o.keys = max(10, Int(it.next() ?? "") ?? o.keys)
            case "--work": o.work = it.next() ?? o.work
            case "--out": o.out = it.next() ?? o.out
            case "--regenerate": o.regenerate = true
            case "--huiwu": o.huiwu = it.next()
            case "--no-build": o.rebuild = false
            case "--no-city": o.withCity = false
            case "--no-instructions": o.instructions = false
            case "--generate": o.generateTo = it.next()
            case "--engine":
                let name = it.next() ?? ""
                guard let engine = Engine(rawValue: name) else {
                    FileHandle.standardError.write(Data("huiwu-bench: --engine \(name): sqlite or postgresql\n".utf8))
                    exit(2)
                }
                o.engine = engine
            case "-h", "--help":
                print("""
                    huiwu-bench [--small | --smoke | --city] [--seed N] [--runs N] [--keys N] [--work DIR] [--out FILE.json] [--regenerate]
                                [--huiwu PATH | --no-build] [--no-city] [--no-instructions]
                                [--engine sqlite|postgresql]
                    huiwu-bench [--small | --smoke] [--seed N] --generate FILE.sqlite   (only generate; prints the counts as JSON)
                      the huiwu measured is --huiwu, else the one beside the bench, rebuilt first (swift build --product huiwu)
                      unless --no-build
                      default size: 50,000 meetings and 500,000 agenda items over ten years (generated once, then reused)
                      --small: one district, one year; --smoke: tiny, for CI (checks it completes, not timings);
                      --city: only the 4x set (generates it the first time)
                      with the default size, the 4x set (200,000 meetings, 2,000,000 items; generated once) is measured
                      beside it unless --no-city; a missed target on the default set makes the exit status 1
                      --engine postgresql: also copies the data set into a throwaway PostgreSQL cluster (huiwu admin copy,
                      once, kept beside the SQLite file) and measures the first screens through huiwu serve on it, the week
                      query and search beside SQLite's figures; needs PostgreSQL's initdb (apt-get install postgresql)
                    """)
                exit(0)
            default:
                FileHandle.standardError.write(Data("huiwu-bench: unknown option \(a) (see --help)\n".utf8))
                exit(2)
            }
        }
        if !o.out.hasPrefix("/") { o.out = FileManager.default.currentDirectoryPath + "/" + o.out }
        return o
    }
}
