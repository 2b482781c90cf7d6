/// How a cell is drawn. Roles, not colours: the curses backend maps them to colour pairs
/// (or to plain attributes when `NO_COLOR` is set or the terminal has no colours).
public enum Style: UInt8, Hashable, Sendable, CaseIterable {
    case normal
    case title
    case heading
    case selected
    case dim
    case accent
    case warning
    case error
    case ok
    case holiday
    case plenary
    case executive
    case topical
    case input
}
