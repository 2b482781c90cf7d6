/// How the roles of ``Style`` look on a terminal: a foreground and background colour (one of
/// the eight basic colours, or the terminal's own default) and attributes.
///
/// Nothing is ever drawn in a colour that could be the background: on a default background
/// a theme uses neither black nor white for text (black is invisible on a dark terminal,
/// white on a light one), and muted text (``Style/dim``) is the terminal's own foreground
/// with the dim attribute, never a colour pair left uninitialised (which curses draws black
/// on black). Only the eight basic colours are used, so the Linux console shows the same.
/// `theme = "…"` in config.toml picks one; `NO_COLOR` always means ``mono``.
public enum Theme: String, CaseIterable, Sendable {
    /// Colours that read on dark and light terminals alike (red, green, magenta, blue on an
    /// explicit background), attributes for the rest; the default. When the terminal says
    /// what its background is (`COLORFGBG`, set by rxvt, Konsole and others), the matching
    /// ``dark`` or ``light`` theme is used instead.
    case auto
    /// For a dark background: yellow and cyan accents.
    case dark
    /// For a light background: blue and magenta accents, no yellow or cyan text.
    case light
    /// No colours: bold, reverse, underline and dim only (as with `NO_COLOR`).
    case mono

    /// The eight basic colours, numbered as curses numbers them; `-1` is the terminal's default.
    public enum Color: Int16, Sendable {
        case terminal = -1, black = 0, red, green, yellow, blue, magenta, cyan, white
    }

    /// Attributes besides colour.
    public struct Attributes: OptionSet, Sendable, Hashable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let bold = Attributes(rawValue: 1)
        public static let dim = Attributes(rawValue: 2)
        public static let reverse = Attributes(rawValue: 4)
        public static let underline = Attributes(rawValue: 8)
    }

    /// How one style is drawn.
    public struct Look: Sendable, Hashable {
        public var foreground: Color
        public var background: Color
        public var attributes: Attributes

        public init(_ foreground: Color = .terminal, on background: Color = .terminal, _ attributes: Attributes = []) {
            self.foreground = foreground
            self.background = background
            self.attributes = attributes
        }

        /// Whether the colours are the terminal's own (no colour pair needed).
        public var usesDefaultColors: Bool { foreground == .terminal && background == .terminal }
    }

    /// The theme config.toml names (`nil`: auto), resolved against the environment: `NO_COLOR`
    /// means mono, and auto follows `COLORFGBG` when the terminal sets it.
    public static func resolve(_ name: String?, environment: [String: String]) -> Theme {
        if !(environment["NO_COLOR"] ?? "").isEmpty { return .mono }
        let theme = name.flatMap(Theme.init(rawValue:)) ?? .auto
        guard theme == .auto, let fgbg = environment["COLORFGBG"],
              let last = fgbg.split(separator: ";").last, let background = Int(last) else { return theme }
        // 0–6 and 8 are dark backgrounds; 7 and 9–15 light ones (rxvt's convention).
        return background == 7 || background > 8 ? .light : .dark
    }

    /// How `style` is drawn in this theme.
    public func look(_ style: Style) -> Look {
        switch self {
        case .mono: return Theme.monoLook(style)
        case .auto: return Theme.autoLook(style)
        case .dark: return Theme.darkLook(style)
        case .light: return Theme.lightLook(style)
        }
    }

    private static func monoLook(_ style: Style) -> Look {
        switch style {
        case .normal, .plenary, .executive, .topical, .ok: return Look()
        case .title, .selected, .input: return Look(.terminal, on: .terminal, .reverse)
        case .heading, .accent, .warning, .error, .holiday: return Look(.terminal, on: .terminal, .bold)
        case .dim: return Look(.terminal, on: .terminal, .dim)
        }
    }

    private static func autoLook(_ style: Style) -> Look {
        switch style {
        case .normal: return Look()
        case .title: return Look(.white, on: .blue, .bold)
        case .heading: return Look(.terminal, on: .terminal, .bold)
        case .selected: return Look(.black, on: .cyan)
        case .dim: return Look(.terminal, on: .terminal, .dim)
        case .accent: return Look(.magenta, on: .terminal, .bold)
        case .warning: return Look(.magenta)
        case .error, .holiday: return Look(.red)
        case .ok: return Look(.green)
        case .plenary: return Look(.magenta)
        case .executive: return Look(.terminal, on: .terminal, .bold)
        case .topical: return Look(.green)
        case .input: return Look(.black, on: .white)
        }
    }

    private static func darkLook(_ style: Style) -> Look {
        switch style {
        case .normal: return Look()
        case .title: return Look(.white, on: .blue, .bold)
        case .heading: return Look(.cyan, on: .terminal, .bold)
        case .selected: return Look(.black, on: .cyan)
        case .dim: return Look(.terminal, on: .terminal, .dim)
        case .accent, .warning: return Look(.yellow)
        case .error, .holiday: return Look(.red)
        case .ok, .topical: return Look(.green)
        case .plenary: return Look(.magenta)
        case .executive: return Look(.cyan)
        case .input: return Look(.white, on: .black)
        }
    }

    private static func lightLook(_ style: Style) -> Look {
        switch style {
        case .normal: return Look()
        case .title: return Look(.white, on: .blue, .bold)
        case .heading: return Look(.blue, on: .terminal, .bold)
        case .selected: return Look(.white, on: .blue)
        case .dim: return Look(.terminal, on: .terminal, .dim)
        case .accent: return Look(.blue, on: .terminal, .bold)
        case .warning, .plenary: return Look(.magenta)
        case .error, .holiday: return Look(.red)
        case .ok, .topical: return Look(.green)
        case .executive: return Look(.blue)
        case .input: return Look(.black, on: .white)
        }
    }
}
