import Foundation
import MeetingKit
import MeetingStore
import MeetingTUI
import TextLayout

/// `huiwu-bench`: measures Huiwu against calcurse on the same synthetic office history and
/// prints one table (and writes it as JSON). See docs/performance.md.
///
///     swift run -c release huiwu-bench            # the default: 50,000 meetings, 500,000 items
///     swift run -c release huiwu-bench --small    # one district, one year
///     swift run huiwu-bench --smoke               # tiny, checks it completes (CI)
let options = BenchOptions.parse(CommandLine.arguments.dropFirst())
DisplayWidth.activateUTF8Locale()
if let path = options.generateTo {
    do {
        guard let data = DataDirectory.locate() else { throw BenchError("cannot find Data/") }
        let counts = try SyntheticOffice(size: options.size, seed: options.seed, osUser: HuiwuBinary.osUser(), now: Bench(options: options).now)
            .generate(at: path, data: data)
        print(String(decoding: try JSONEncoder().encode(counts), as: UTF8.self))
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("huiwu-bench: \(error)\n".utf8))
        exit(1)
    }
}
do {
    let report = try Bench(options: options).run()
    print(report.table())
    try report.write(to: options.out)
    print("\nJSON: \(options.out)")
    if options.smoke && !report.completed { exit(1) }
    // The targets are the default data set's (issue 20); smaller sets only show them.
    if options.sizeName == "default" && !report.missed.isEmpty {
        FileHandle.standardError.write(Data(("huiwu-bench: \(report.missed.count) targets MISSED on the default data set: "
            + report.missed.map { "\($0.measure) \(String(format: "%.2f", $0.huiwu.median)) (\($0.target))" }.joined(separator: "; ") + "\n").utf8))
        exit(1)
    }
} catch let unfinished as BenchReport.Unfinished {
    print(unfinished.partial.table())
    try? unfinished.partial.write(to: options.out)
    FileHandle.standardError.write(Data("huiwu-bench: \(unfinished.error) (the rows above were measured before it; not judged)\n".utf8))
    exit(1)
} catch {
    FileHandle.standardError.write(Data("huiwu-bench: \(error)\n".utf8))
    exit(1)
}
