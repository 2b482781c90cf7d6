import MeetingKit
import TextLayout

/// What the screen should show, cell by cell: the in-memory target every screen draws into.
///
/// The curses backend copies it to the terminal (only the cells that changed); tests read
/// it back as text snapshots. A wide (Chinese) character occupies its cell and marks the
/// next one as its continuation, so columns always match what a terminal shows.
public struct ScreenBuffer: Equatable, Sendable {
    public struct Cell: Equatable, Sendable {
        /// The character drawn here; empty for the right half of a wide character.
        public var text: String
        public var style: Style

        public static let blank = Cell(text: " ", style: .normal)
        public var isContinuation: Bool { text.isEmpty }
    }

    public let rows: Int
    public let columns: Int
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should rest (a text field being edited), if shown.
    public var cursor: (row: Int, column: Int)?

    public init(rows: Int, columns: Int) {
        self.rows = max(0, rows)
        self.columns = max(0, columns)
        cells = Array(repeating: .blank, count: self.rows * self.columns)
    }

    public static func == (a: ScreenBuffer, b: ScreenBuffer) -> Bool {
        a.rows == b.rows && a.columns == b.columns && a.cells == b.cells
            && a.cursor?.row == b.cursor?.row && a.cursor?.column == b.cursor?.column
    }

    public subscript(row: Int, column: Int) -> Cell { cells[row * columns + column] }

    /// Writes `text` at (row, column), sanitized, clipped to `maxWidth` columns and to the
    /// buffer; a wide character that would not fit whole is not drawn. Returns the columns used.
    @discardableResult
    public mutating func put(_ text: String, row: Int, column: Int, style: Style = .normal, maxWidth: Int? = nil) -> Int {
        guard row >= 0, row < rows, column < columns else { return 0 }
        let limit = min(columns, column + (maxWidth ?? columns))
        var col = column
        for character in TextSafety.inert(text) {
            let w = DisplayWidth.of(character)
            if w == 0 { continue }
            if col + w > limit { break }
            if col >= 0 {
                clearWide(row: row, column: col)
                cells[row * columns + col] = Cell(text: String(character), style: style)
                if w == 2 {
                    clearWide(row: row, column: col + 1)
                    cells[row * columns + col + 1] = Cell(text: "", style: style)
                }
            }
            col += w
        }
        return col - column
    }

    /// Before overwriting a cell, blanks the other half of a wide character it belongs to.
    private mutating func clearWide(row: Int, column: Int) {
        let i = row * columns + column
        if cells[i].isContinuation, column > 0 { cells[i - 1] = Cell(text: " ", style: cells[i - 1].style) }
        if !cells[i].isContinuation, column + 1 < columns, cells[i + 1].isContinuation {
            cells[i + 1] = Cell(text: " ", style: cells[i + 1].style)
        }
    }

    /// Fills a rectangle with spaces in `style`.
    public mutating func fill(_ rect: Rect, style: Style = .normal) {
        for r in max(0, rect.top)..<min(rows, rect.bottom) {
            for c in max(0, rect.left)..<min(columns, rect.right) {
                clearWide(row: r, column: c)
                cells[r * columns + c] = Cell(text: " ", style: style)
            }
        }
    }

    /// Draws a single-line box with an optional title on its top edge.
    public mutating func box(_ rect: Rect, title: String? = nil, style: Style = .dim, titleStyle: Style = .heading) {
        guard rect.height >= 2, rect.width >= 2 else { return }
        let inner = rect.width - 2
        put("┌" + String(repeating: "─", count: inner) + "┐", row: rect.top, column: rect.left, style: style)
        for r in rect.top + 1..<rect.bottom - 1 {
            put("│", row: r, column: rect.left, style: style)
            put("│", row: r, column: rect.right - 1, style: style)
        }
        put("└" + String(repeating: "─", count: inner) + "┘", row: rect.bottom - 1, column: rect.left, style: style)
        if let title, inner > 4 {
            put(" " + DisplayWidth.truncate(title, to: inner - 4, ellipsis: true) + " ", row: rect.top, column: rect.left + 2, style: titleStyle)
        }
    }

    /// One row of the buffer as text (wide characters once, trailing spaces removed).
    public func line(_ row: Int) -> String {
        var s = ""
        for c in 0..<columns { s += cells[row * columns + c].text }
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }

    /// The whole buffer as text, one line per row: what snapshot tests compare.
    public var text: String { (0..<rows).map(line).joined(separator: "\n") }
}
