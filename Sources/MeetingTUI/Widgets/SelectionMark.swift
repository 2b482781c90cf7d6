extension ScreenBuffer {
    /// Marks the current row of a list with a reversed `›` in the row's first column and
    /// leaves the row's text in its own colours, as mutt's `arrow_cursor` does: moving the
    /// cursor then rewrites two cells instead of two whole rows, which a secretary on a slow
    /// SSH link feels (under 64 bytes per move, docs/performance.md). Lists keep that column
    /// free for the mark.
    public mutating func markSelection(row: Int, column: Int) {
        put("›", row: row, column: column, style: .selected)
    }
}
