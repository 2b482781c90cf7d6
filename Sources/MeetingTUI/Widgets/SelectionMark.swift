extension ScreenBuffer {
    /// Marks the current row of a list with a reversed `›` in the row's first column and
    /// leaves the row's text in its own colours, as mutt's `arrow_cursor` does: moving the
    /// cursor then rewrites two cells instead of two whole rows, which a secretary on a slow
    /// SSH link feels (under 64 bytes per move, docs/performance.md). Lists keep that column
    /// free for the mark.
    public mutating func markSelection(row: Int, column: Int) {
        put("›", row: row, column: column, style: .selected)
    }

    /// Draws one row of a list: `text` in `style` from `column` (clipped to `maxWidth`), and
    /// the selection mark in `markColumn` (the text's first, blank column unless said) when
    /// the row is the selected one.
    /// Every list screen draws its rows (or a row's first part) through here, so the mark and
    /// the row's colours are the same everywhere. Returns the columns the text used.
    @discardableResult
    public mutating func listRow(
        _ text: String, row: Int, column: Int, selected: Bool, style: Style = .normal, maxWidth: Int? = nil, markColumn: Int? = nil
    ) -> Int {
        let used = put(text, row: row, column: column, style: style, maxWidth: maxWidth)
        if selected { markSelection(row: row, column: markColumn ?? column) }
        return used
    }
}
