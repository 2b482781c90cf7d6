import MeetingKit
import TextLayout

/// A multi-line text editor for when no `$VISUAL`/`$EDITOR` is set. Lines wrap by display
/// width (a Chinese character is two columns and is never split); the cursor moves by whole
/// characters; Up/Down keep the display column on the neighbouring line.
public struct TextArea: Hashable, Sendable {
    public private(set) var lines: [[Character]]
    /// Cursor: line index and character index in that line (0...count).
    public private(set) var row = 0
    public private(set) var column = 0
    public var limit: Int
    public private(set) var isModified = false

    public init(_ text: String = "", limit: Int = InputLimits.body) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
        if lines.isEmpty { lines = [[]] }
        self.limit = limit
    }

    public var text: String { lines.map { String($0) }.joined(separator: "\n") }

    private var count: Int { lines.reduce(lines.count - 1) { $0 + $1.count } }

    /// Edits or moves for a key; returns false when the key is not for the editor (Esc, F-keys …).
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .char(let c):
            guard c.unicodeScalars.allSatisfy({ !TextSafety.isDangerous($0) }) else { return true }
            insert([c])
        case .tab:
            insert(["　", "　"])  // a paragraph indent of two full-width spaces
        case .enter:
            guard count < limit else { return true }
            let rest = Array(lines[row][column...])
            lines[row].removeSubrange(column...)
            lines.insert(rest, at: row + 1)
            row += 1
            column = 0
            isModified = true
        case .backspace:
            if column > 0 {
                lines[row].remove(at: column - 1)
                column -= 1
            } else if row > 0 {
                column = lines[row - 1].count
                lines[row - 1] += lines[row]
                lines.remove(at: row)
                row -= 1
            } else {
                return true
            }
            isModified = true
        case .delete, .control("d"):
            if column < lines[row].count {
                lines[row].remove(at: column)
            } else if row + 1 < lines.count {
                lines[row] += lines[row + 1]
                lines.remove(at: row + 1)
            } else {
                return true
            }
            isModified = true
        case .left:
            if column > 0 { column -= 1 } else if row > 0 { row -= 1; column = lines[row].count }
        case .right:
            if column < lines[row].count { column += 1 } else if row + 1 < lines.count { row += 1; column = 0 }
        case .up: moveVertically(-1)
        case .down: moveVertically(1)
        case .pageUp: for _ in 0..<10 { moveVertically(-1) }
        case .pageDown: for _ in 0..<10 { moveVertically(1) }
        case .home, .control("a"): column = 0
        case .end, .control("e"): column = lines[row].count
        case .control("k"):
            if column < lines[row].count { lines[row].removeSubrange(column...); isModified = true }
        default:
            return false
        }
        return true
    }

    private mutating func insert(_ characters: [Character]) {
        guard count + characters.count <= limit else { return }
        lines[row].insert(contentsOf: characters, at: column)
        column += characters.count
        isModified = true
    }

    /// Moves to the neighbouring line at the same display column (or its end).
    private mutating func moveVertically(_ delta: Int) {
        let target = row + delta
        guard target >= 0, target < lines.count else { return }
        let wanted = lines[row][..<column].reduce(0) { $0 + DisplayWidth.of($1) }
        row = target
        var used = 0
        column = 0
        while column < lines[row].count, used + DisplayWidth.of(lines[row][column]) <= wanted {
            used += DisplayWidth.of(lines[row][column])
            column += 1
        }
    }

    /// The visual rows of the text wrapped at `width` columns: (line, start, end) in characters.
    /// The break follows ``WrappedText``'s rule of Chinese typesetting: no row starts with
    /// closing punctuation (“，”“。”“）”…), which takes the character it closes down with it.
    /// Rows keep every character (spaces included), so the cursor maps onto them one to one.
    public func visualRows(width: Int) -> [(line: Int, start: Int, end: Int)] {
        var rows: [(Int, Int, Int)] = []
        for (i, line) in lines.enumerated() {
            var start = 0, used = 0
            for (j, c) in line.enumerated() {
                let w = DisplayWidth.of(c)
                if used + w > width, j > start {
                    var cut = j
                    let carried = WrappedText.carried(Array(line[start..<j]), before: c)
                    if carried > 0, line[(j - carried)..<j].reduce(w, { $0 + DisplayWidth.of($1) }) <= width {
                        cut = j - carried
                    }
                    rows.append((i, start, cut))
                    start = cut
                    used = line[cut..<j].reduce(0) { $0 + DisplayWidth.of($1) }
                }
                used += w
            }
            rows.append((i, start, line.count))
        }
        return rows
    }

    /// The text of each visual row at `width` columns (what ``draw(into:rect:focused:)`` shows).
    public func visualLines(width: Int) -> [String] {
        visualRows(width: width).map { String(lines[$0.line][$0.start..<$0.end]) }
    }

    /// Draws the text wrapped in `rect`, scrolled so the cursor is visible, and places the
    /// terminal cursor when focused.
    public func draw(into buffer: inout ScreenBuffer, rect: Rect, focused: Bool) {
        guard rect.width > 2, rect.height > 0 else { return }
        let width = rect.width - 1  // one column for the cursor after a full row
        let rows = visualRows(width: width)
        // The cursor sits on the last visual row of its line that starts at or before it.
        let cursorRow = rows.lastIndex { $0.line == row && $0.start <= column } ?? 0
        let top = max(0, cursorRow - rect.height + 1)
        for (offset, index) in (top..<min(rows.count, top + rect.height)).enumerated() {
            let r = rows[index]
            buffer.put(String(lines[r.line][r.start..<r.end]), row: rect.top + offset, column: rect.left, maxWidth: width)
        }
        if focused {
            let r = rows[cursorRow]
            let x = lines[r.line][r.start..<column].reduce(0) { $0 + DisplayWidth.of($1) }
            buffer.cursor = (rect.top + cursorRow - top, rect.left + x)
        }
    }
}
