import Foundation

extension Bench {
    /// The words searched for: a two-character word, found through the trigrams that begin
    /// with it (every executive meeting's title has 常务), and a longer one, a trigram phrase
    /// in one item in nine (the generator's item titles).
    static let searchWords = (short: "常务", long: "营商环境")

    /// `huiwu search` from process start to exit, for both words, on the generated history
    /// (its rows were indexed by the search triggers as the generator inserted them).
    /// One row, "search (ms)": every run of both words; the target holds when each word's
    /// median is within 50 ms.
    func measureSearch(huiwu: String, env: [String: String], report: inout BenchReport) throws {
        log("measuring search …")
        let short = try timedRuns([huiwu, "search", Bench.searchWords.short, "--json"], env: env)
        let long = try timedRuns([huiwu, "search", Bench.searchWords.long, "--json"], env: env)
        let medians = (Stats(short).median, Stats(long).median)
        report.add("search (ms)", huiwu: short + long, calcurse: nil,
                   target: "≤ 50 ms each: \(Bench.searchWords.short) (2 characters), \(Bench.searchWords.long)",
                   ok: { _, _ in medians.0 <= 50 && medians.1 <= 50 })
    }
}
