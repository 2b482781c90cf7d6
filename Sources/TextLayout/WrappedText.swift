/// Wraps text into rows of at most `width` display columns, never splitting a wide
/// (Chinese) character; each newline starts a new row. Latin words move whole to the next
/// row (the break falls on a space), unless one word alone is wider than a row; Chinese
/// breaks between any two characters, except that no row starts with closing punctuation
/// (“、”“，”“。”“）”…, the line-breaking rule of Chinese typesetting): the character before it
/// moves down with it. Indentation at the start of a line is kept.
public enum WrappedText {
    /// Punctuation that never starts a row: it closes what precedes it.
    public static let closing: Set<Character> = Set("、，。．；：！？）］｝》〉」』】〕〗〙〛”’…‥·・％,.;:!?)]}%")

    /// How many characters at the end of `row` move to the next row so that it does not start
    /// with `next` closing punctuation: the run of closing punctuation before it and the
    /// character they close; 0 when `next` is not closing or the row would be left empty.
    public static func carried(_ row: [Character], before next: Character) -> Int {
        guard closing.contains(next) else { return 0 }
        var k = 1
        while k < row.count, closing.contains(row[row.count - k]) { k += 1 }
        guard k < row.count, row[row.count - k] != " " else { return 0 }
        return k
    }

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
                    } else if case let k = carried(current, before: c), k > 0,
                              current.suffix(k).reduce(w, { $0 + DisplayWidth.of($1) }) <= width {
                        // The closing punctuation takes the character it closes to the next row.
                        rows.append(String(current[..<(current.count - k)]))
                        current = Array(current[(current.count - k)...])
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
