/// A key press, decoded from curses (`get_wch`) or written by a test.
public enum Key: Hashable, Sendable {
    case char(Character)
    case up, down, left, right
    case home, end, pageUp, pageDown
    case enter, escape, tab, backTab, backspace, delete
    case function(Int)
    /// The terminal was resized.
    case resize
    /// A control key, e.g. `.control("a")` for Ctrl-A.
    case control(Character)
    /// No key arrived before the poll timeout (used for live refresh).
    case tick

    /// Keys for a whole string typed at once (tests, paste).
    public static func typing(_ text: String) -> [Key] { text.map { .char($0) } }
}
