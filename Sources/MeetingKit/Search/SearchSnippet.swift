/// A short excerpt of a text around the first match, with every occurrence of the query's
/// words marked, for result lists.
///
/// Matching ignores case, as the index does. Offsets count Unicode scalars (code points) of
/// ``text``, so a script in any language can place the marks.
public struct SearchSnippet: Hashable, Sendable, Codable {
    /// One marked occurrence: `length` scalars from `start`.
    public struct Mark: Hashable, Sendable, Codable {
        public var start: Int
        public var length: Int
    }

    /// The excerpt on one line ("…" where text was left out at either end).
    public var text: String
    public var marks: [Mark]

    public init(text: String, marks: [Mark]) {
        self.text = text
        self.marks = marks
    }

    /// The excerpt of `source` around the first occurrence of any of `words`, about
    /// `width` terminal columns wide (Chinese counts two).
    public static func make(_ source: String, words: [String], width: Int = 72) -> SearchSnippet {
        // One line: newlines and tabs become spaces, one for one, so positions stay.
        let chars = Array(source).map { $0.isNewline || $0 == "\t" ? " " : $0 }
        let ranges = occurrences(of: words, in: chars)
        let first = ranges.first?.lowerBound ?? 0
        // Begin about a quarter of the width before the first match, at most.
        var start = first
        var before = 0
        while start > 0, before + columns(chars[start - 1]) <= width / 4 {
            start -= 1
            before += columns(chars[start])
        }
        var end = start
        var used = 0
        let room = width - (start > 0 ? 1 : 0)
        while end < chars.count, used + columns(chars[end]) <= room {
            used += columns(chars[end])
            end += 1
        }
        if end < chars.count {
            // Leave room for the closing "…".
            while end > start, used + 1 > room { end -= 1; used -= columns(chars[end]) }
        }
        var text = start > 0 ? "…" : ""
        let shift = text.count
        text += String(chars[start..<end])
        if end < chars.count { text += "…" }
        // Marks inside the excerpt, clipped to it, as scalar offsets.
        let scalarOffsets = scalarPrefix(of: Array(text))
        let marks: [Mark] = ranges.compactMap { r in
            let lo = max(r.lowerBound, start), hi = min(r.upperBound, end)
            guard lo < hi else { return nil }
            let a = scalarOffsets[lo - start + shift], b = scalarOffsets[hi - start + shift]
            return Mark(start: a, length: b - a)
        }
        return SearchSnippet(text: text, marks: marks)
    }

    /// The excerpt split into plain and marked parts, in order (for drawing).
    public var parts: [(text: String, marked: Bool)] {
        let scalars = Array(text.unicodeScalars)
        var out: [(String, Bool)] = []
        var at = 0
        func piece(_ a: Int, _ b: Int) -> String {
            var s = String.UnicodeScalarView()
            s.append(contentsOf: scalars[a..<b])
            return String(s)
        }
        for mark in marks.sorted(by: { $0.start < $1.start }) where mark.start >= at && mark.start + mark.length <= scalars.count {
            if mark.start > at { out.append((piece(at, mark.start), false)) }
            out.append((piece(mark.start, mark.start + mark.length), true))
            at = mark.start + mark.length
        }
        if at < scalars.count { out.append((piece(at, scalars.count), false)) }
        return out
    }

    /// The excerpt with each match between `open` and `close`, e.g. 关于【常务】会议.
    public func marked(open: String = "【", close: String = "】") -> String {
        parts.map { $0.marked ? open + $0.text + close : $0.text }.joined()
    }

    /// Where `words` occur in `chars`, ignoring case, merged where they overlap, in order.
    static func occurrences(of words: [String], in chars: [Character]) -> [Range<Int>] {
        let folded = chars.map { $0.lowercased() }
        var found: [Range<Int>] = []
        for word in words {
            let w = Array(word).map { $0.lowercased() }
            guard !w.isEmpty, w.count <= folded.count else { continue }
            var i = 0
            while i <= folded.count - w.count {
                if folded[i] == w[0] && Array(folded[i..<i + w.count]) == w {
                    found.append(i..<i + w.count)
                    i += w.count
                } else {
                    i += 1
                }
            }
        }
        var merged: [Range<Int>] = []
        for r in found.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, r.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, r.upperBound)
            } else {
                merged.append(r)
            }
        }
        return merged
    }

    /// Scalar offset of each character position (one more entry than characters).
    private static func scalarPrefix(of chars: [Character]) -> [Int] {
        var out = [0]
        for c in chars { out.append(out.last! + c.unicodeScalars.count) }
        return out
    }

    /// Terminal columns of a character, by the East Asian Width rule for the common ranges
    /// (MeetingKit has no `wcwidth`; the terminal layer measures exactly when it draws).
    static func columns(_ c: Character) -> Int {
        guard let v = c.unicodeScalars.first?.value else { return 0 }
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
             0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }
}
