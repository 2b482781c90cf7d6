/// Horizontal bars drawn with block characters, in eighths of a column: `███▍`.
public enum BarChart {
    static let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// A bar `value / maximum` of `width` columns long, padded with `track` to exactly `width`
    /// columns. A positive value shows at least a sliver.
    public static func bar(_ value: Double, maximum: Double, width: Int, track: Character = " ") -> String {
        guard width > 0 else { return "" }
        let fraction = maximum > 0 ? min(1, max(0, value / maximum)) : 0
        var units = Int((fraction * Double(width * 8)).rounded())
        if value > 0 && units == 0 { units = 1 }
        let full = units / 8, rest = units % 8
        let bar = String(repeating: "█", count: full) + eighths[rest]
        let used = full + (rest > 0 ? 1 : 0)
        return bar + String(repeating: track, count: max(0, width - used))
    }
}
