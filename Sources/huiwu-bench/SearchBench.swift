import Foundation
import MeetingKit
import MeetingStore

extension Bench {
    /// The words searched for: a two-character word, found through the trigrams that begin
    /// with it (every executive meeting's title has 常务), and a longer one, a trigram phrase
    /// in one item in nine (the generator's item titles).
    static let searchWords = (short: "常务", long: "营商环境")

    /// `huiwu search` from process start to exit, for both words, on the generated history
    /// (its rows were indexed by the search triggers as the generator inserted them): one row,
    /// "search (ms)", with every run of both words; the target holds when each word's median
    /// is within 50 ms. A second row times the search alone, in-process (without opening the
    /// database), so that start-up and search can be told apart.
    func measureSearch(huiwu: String, env: [String: String], report: inout BenchReport) throws {
        log("measuring search …")
        let words = [Bench.searchWords.short, Bench.searchWords.long]
        let runs = try words.map { try timedRuns([huiwu, "search", $0, "--json"], env: env) }
        let medians = runs.map { Stats($0).median }
        report.add("search (ms)", huiwu: runs.flatMap { $0 }, calcurse: nil,
                   target: "≤ 50 ms each: \(words[0]) (2 characters), \(words[1])",
                   ok: { _, _ in medians.allSatisfy { $0 <= 50 } })

        let store = try Store.open(at: database)
        let session = try Session.open(store: store, osUser: HuiwuBinary.osUser(), clock: .fixed(now))
        var inProcess: [[Double]] = [[], []]
        for _ in 0..<max(options.runs, 10) {
            for (i, word) in words.enumerated() {
                let start = DispatchTime.now().uptimeNanoseconds
                let found = try session.search(word)
                inProcess[i].append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
                if found.isEmpty { throw BenchError("search for \(word) found nothing") }
            }
        }
        let inMedians = inProcess.map { Stats($0).median }
        report.add("search in-process (ms)", huiwu: inProcess.flatMap { $0 }, calcurse: nil, target: "≤ 50 ms each",
                   ok: { _, _ in inMedians.allSatisfy { $0 <= 50 } })
    }
}
