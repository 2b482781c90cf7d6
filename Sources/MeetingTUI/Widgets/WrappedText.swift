/// Wraps text into rows of at most `width` display columns, never splitting a wide
/// (Chinese) character; each newline starts a new row.
public enum WrappedText {
    public static func rows(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var rows: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var current = ""
            var used = 0
            for c in line {
                let w = DisplayWidth.of(c)
                if used + w > width, !current.isEmpty {
                    rows.append(current)
                    current = ""
                    used = 0
                }
                current.append(c)
                used += w
            }
            rows.append(current)
        }
        return rows
    }
}
