/// Wraps text into rows of at most `width` display columns, never splitting a wide
/// (Chinese) character; each newline starts a new row. Latin words move whole to the next
/// row (the break falls on a space), unless one word alone is wider than a row; Chinese
/// breaks between any two characters. Indentation at the start of a line is kept.
public enum WrappedText {
    public static func rows(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var rows: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var current: [Character] = []
            var used = 0
            /// True right after a break made by wrapping: spaces there are the gap between words.
            var afterWrap = false
            for c in line {
                if afterWrap, current.isEmpty, c == " " { continue }
                afterWrap = false
                let w = DisplayWidth.of(c)
                if used + w > width, !current.isEmpty {
                    if c != " ", let space = current.lastIndex(of: " "), current[..<space].contains(where: { $0 != " " }),
                       current[(space + 1)...].allSatisfy({ DisplayWidth.of($0) == 1 }) {
                        // Carry the row's last (Latin) word over whole.
                        var head = current[..<space]
                        while head.last == " " { head.removeLast() }
                        rows.append(String(head))
                        current = Array(current[(space + 1)...])
                        used = current.reduce(0) { $0 + DisplayWidth.of($1) }
                    } else {
                        rows.append(String(current))
                        current = []
                        used = 0
                        afterWrap = true
                        if c == " " { continue }
                        afterWrap = false
                    }
                }
                current.append(c)
                used += w
            }
            rows.append(String(current))
        }
        return rows
    }
}
