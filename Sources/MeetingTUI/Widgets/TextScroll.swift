/// The scroll keys of a screen that shows lines of text (an item, minutes, a meeting, a
/// report): j/k a line, PgDn/PgUp ten lines, g the top, G the end where the screen has one.
enum TextScroll {
    /// The first line to show after `key`, or nil when the key does not scroll.
    /// `last` caps the moves down (where it is not given, drawing clamps them); `end` is where
    /// G goes, nil where G does not scroll.
    static func scrolled(_ scroll: Int, by key: Key, last: Int = .max, end: Int? = nil) -> Int? {
        switch key {
        case .down, .char("j"): return min(scroll + 1, last)
        case .up, .char("k"): return max(0, scroll - 1)
        case .pageDown: return min(scroll + 10, last)
        case .pageUp: return max(0, scroll - 10)
        case .home, .char("g"): return 0
        case .end, .char("G"): return end
        default: return nil
        }
    }
}
