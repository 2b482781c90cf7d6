// wcwidth comes through the curses shim: Swift's Glibc module leaves it out (it is behind
// _XOPEN_SOURCE), and the terminal must measure exactly as ncurses draws.
import CNcursesw
import Foundation

/// Measures text the way the terminal draws it: a Chinese character takes two columns,
/// a combining mark none. Never count characters to lay out a screen.
public enum DisplayWidth {
    /// Makes `wcwidth` (and ncurses) use UTF-8: the user's locale when it is UTF-8, else C.UTF-8.
    /// Call once at start-up, before `initscr` and before measuring anything.
    public static func activateUTF8Locale() {
        setlocale(LC_ALL, "")
        if !isUTF8Locale() { setlocale(LC_CTYPE, "C.UTF-8") }
    }

    private static func isUTF8Locale() -> Bool {
        guard let current = setlocale(LC_CTYPE, nil) else { return false }
        let name = String(cString: current).lowercased()
        return name.contains("utf-8") || name.contains("utf8")
    }

    /// Columns one scalar occupies: 0, 1 or 2. Unprintable scalars count as 1 (they are
    /// shown as visible escapes by `TextSafety` before drawing anyway).
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v >= 0x20 && v < 0x7F { return 1 }
        let w = huiwu_wcwidth(v)
        if w >= 0 { return Int(w) }
        return 1
    }

    /// Columns a character (grapheme) occupies: its first scalar's width plus any wide
    /// follower (emoji sequences); combining marks add nothing.
    public static func of(_ character: Character) -> Int {
        var width = 0
        for (i, s) in character.unicodeScalars.enumerated() {
            let w = of(s)
            width = i == 0 ? w : max(width, w)
        }
        return width
    }

    public static func of(_ text: String) -> Int {
        var total = 0
        for c in text { total += of(c) }
        return total
    }

    /// The longest prefix of `text` that fits in `columns`, never splitting a wide character.
    /// With `ellipsis`, a cut text ends in "…" inside the same width.
    public static func truncate(_ text: String, to columns: Int, ellipsis: Bool = false) -> String {
        guard columns > 0 else { return "" }
        if of(text) <= columns { return text }
        let budget = ellipsis ? columns - 1 : columns
        var used = 0
        var out = ""
        for c in text {
            let w = of(c)
            if used + w > budget { break }
            used += w
            out.append(c)
        }
        return ellipsis ? out + "…" : out
    }

    /// `text` cut or padded with spaces to exactly `columns`.
    public static func pad(_ text: String, to columns: Int) -> String {
        let cut = truncate(text, to: columns)
        return cut + String(repeating: " ", count: max(0, columns - of(cut)))
    }
}
