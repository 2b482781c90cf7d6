/// Minimum, median and maximum of repeated measurements, plus percentiles for latencies.
struct Stats: Encodable {
    let min: Double
    let median: Double
    let max: Double
    let p50: Double
    let p99: Double
    let count: Int

    init(_ samples: [Double]) {
        let sorted = samples.sorted()
        count = sorted.count
        func at(_ q: Double) -> Double {
            guard !sorted.isEmpty else { return .nan }
            return sorted[Swift.min(sorted.count - 1, Int((Double(sorted.count - 1) * q).rounded()))]
        }
        min = sorted.first ?? .nan
        max = sorted.last ?? .nan
        median = at(0.5)
        p50 = median
        p99 = at(0.99)
    }
}
