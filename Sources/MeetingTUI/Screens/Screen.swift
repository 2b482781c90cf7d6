import MeetingKit
import MeetingService
import MeetingStore

/// One screen of the interface, in the model–update–view shape: its state is the value,
/// ``update(_:_:)`` turns a key into the next state and an effect, ``draw(into:area:_:)``
/// renders into a buffer. Screens load their data in ``reload(_:)`` from the office.
public protocol Screen {
    /// The title shown in the top bar.
    func title(_ lang: Lang) -> String
    /// Key hints for the footer.
    func hints(_ lang: Lang) -> [KeyHint]
    /// True while a text field has focus: letters are input, not commands (`q`, `?`).
    var capturesText: Bool { get }
    mutating func reload(_ context: ScreenContext)
    mutating func update(_ key: Key, _ context: ScreenContext) -> Effect
    func draw(into buffer: inout ScreenBuffer, area: Rect, _ context: ScreenContext)
}

extension Screen {
    public var capturesText: Bool { false }
    public mutating func reload(_ context: ScreenContext) {}
}

/// What a key press asks the app to do besides changing the screen's own state.
public enum Effect {
    case none
    /// Open a screen on top of this one.
    case push(any Screen)
    /// Close this screen and return to the one below.
    case pop
    /// Close this screen and reload the one below (its data changed).
    case popAndReload
    /// Show a message on the status line.
    case status(Localized, Style)
    /// Leave the program.
    case quit
    /// Leave the full-screen interface to run a program on the real terminal (an editor),
    /// then come back and apply the effect the task returns.
    case suspend(TerminalTask)
}

/// Work done outside the full-screen interface, on the real terminal (an external editor).
public struct TerminalTask {
    public let run: () -> Effect

    public init(_ run: @escaping () -> Effect) { self.run = run }
}

/// A key and what it does, for the footer and the help screen.
public struct KeyHint: Hashable, Sendable {
    public var key: String
    public var label: Localized

    public init(_ key: String, _ zh: String, _ en: String) {
        self.key = key
        label = Localized(zh: zh, en: en)
    }
}

/// What screens need from outside: the office (store, actor, clock) and the language.
public struct ScreenContext: Sendable {
    public let office: Office
    public let lang: Lang
    /// The process environment (`VISUAL`, `EDITOR`, `TMPDIR` …).
    public let environment: [String: String]
    /// The user's config.toml: office name override, cadences.
    public var config = HuiwuConfig()

    /// The office name from config.toml, shown instead of the stored one (nil: the stored one).
    public var officeNameOverride: Localized? { config.officeNameOverride }

    public init(office: Office, lang: Lang, environment: [String: String] = [:]) {
        self.office = office
        self.lang = lang
        self.environment = environment
    }

    /// Picks the text for the current language.
    public func t(_ zh: String, _ en: String) -> String { lang == .zh ? zh : en }
}
