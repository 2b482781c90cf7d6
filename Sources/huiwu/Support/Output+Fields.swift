import MeetingKit
import TextLayout

extension Output {
    /// "label: value" lines with the values aligned by display width, for one record.
    static func fields(_ pairs: [(String, String)]) -> String {
        let width = pairs.map { DisplayWidth.of($0.0) }.max() ?? 0
        return pairs.map { DisplayWidth.pad($0.0 + ":", to: width + 1) + "  " + TextSafety.inert($0.1) }.joined(separator: "\n")
    }
}
