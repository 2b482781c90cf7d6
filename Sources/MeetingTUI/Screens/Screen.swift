import MeetingKit
import MeetingService
import MeetingStore

/// One screen of the interface, in the model–update–view shape (Bubble Tea, ratatui): its
/// state is the value; ``keymap(_:)`` declares the keys it takes now; ``perform(_:_:)``
/// turns an action into the next state and an ``Effect``; ``draw(into:area:_:)`` renders
/// into a buffer. A screen reads its data in ``reload(_:)``, which the app calls; what it
/// does in answer to a key never touches the office itself: it returns ``Effect/task(_:)``,
/// which the app runs and whose outcome comes back to the screen. So a screen's logic is
/// tested with values, without a database.
public protocol Screen {
    associatedtype Action

    /// The title shown in the top bar.
    func title(_ lang: Lang) -> String
    /// The keys this screen takes now: each with its action, hint and whether it applies.
    func keymap(_ context: ScreenContext) -> Keymap<Action>
    /// Does what a key of the keymap asks.
    mutating func perform(_ action: Action, _ context: ScreenContext) -> Effect
    /// A key the keymap does not take: typing into a field, moving in a list.
    mutating func input(_ key: Key, _ context: ScreenContext) -> Effect
    /// Dispatches a key: the keymap's action if it has one, otherwise ``input(_:_:)`` (the
    /// default; a screen whose dialog takes every key may say otherwise).
    mutating func update(_ key: Key, _ context: ScreenContext) -> Effect
    /// True while a dialog or a form has the keys: letters are input or the dialog's own, and
    /// the global keys (`q`, `/`, `?`, digits) are off.
    var isModal: Bool { get }
    /// True when leaving would lose typed input: `Esc`, `q` and Ctrl-C ask first.
    var hasUnsavedInput: Bool { get }
    /// Reads the screen's data from the office (the app calls it).
    mutating func reload(_ context: ScreenContext)
    func draw(into buffer: inout ScreenBuffer, area: Rect, _ context: ScreenContext)
}

extension Screen {
    public var isModal: Bool { false }
    public var hasUnsavedInput: Bool { false }
    public mutating func reload(_ context: ScreenContext) {}
    public mutating func input(_ key: Key, _ context: ScreenContext) -> Effect { .none }

    /// Dispatches a key: the keymap's action if it has one, otherwise ``input(_:_:)``.
    public mutating func update(_ key: Key, _ context: ScreenContext) -> Effect {
        if let action = keymap(context).action(for: key) { return perform(action, context) }
        return input(key, context)
    }

    /// The hints of the keys that apply now (footer and help).
    public func hints(_ context: ScreenContext) -> [KeyHint] { keymap(context).hints }
}

/// What an action asks the app to do besides changing the screen's own state.
public indirect enum Effect {
    case none
    /// Open a screen on top of this one.
    case push(any Screen)
    /// Close this screen and return to the one below.
    case pop
    /// Close this screen and reload the one below (its data changed).
    case popAndReload
    /// Reload this screen's data.
    case reload
    /// Show a message on the status line.
    case status(Localized, Style)
    /// Leave the program.
    case quit
    /// Leave the full-screen interface to run a program on the real terminal (an editor),
    /// then come back and apply the effect the task returns.
    case suspend(TerminalTask)
    /// Run a use case of the office, then hand its outcome back to this screen.
    case task(OfficeTask)
    /// Open a section right above the home screen (the digits).
    case jump(any Screen)
    /// Act as someone else from now on (an administrator's `--as`; nil: as oneself).
    case actAs(String?)
    /// Record on this leader's behalf from now on (a secretary's `--on-behalf-of`; nil: stop).
    case recordOnBehalf(String?)
    /// Several effects, in order.
    case batch([Effect])
    /// Changes the top screen itself, later (what a confirmation's "yes" opens).
    case local((inout any Screen) -> Effect)

    /// A change of this screen (of type `S`), run when the effect is applied.
    public static func local<S: Screen>(on screen: S.Type, _ body: @escaping (inout S) -> Effect) -> Effect {
        .local { screen in
            guard var typed = screen as? S else { return .none }
            let effect = body(&typed)
            screen = typed
            return effect
        }
    }

    /// A use case whose outcome this screen (of type `S`) takes in `then`.
    public static func call<S: Screen, Value>(_ name: String, on screen: S.Type,
                                              _ perform: @escaping (Office) throws -> Value,
                                              then: @escaping (inout S, Result<Value, any Error>, ScreenContext) -> Effect) -> Effect {
        .task(OfficeTask(name: name, perform: { office in
            let result: Result<Any, any Error> = Result { try perform(office) }
            return result
        }, resume: { screen, outcome, context in
            guard var typed = screen as? S else { return .none }
            let effect = then(&typed, outcome.map { $0 as! Value }, context)
            screen = typed
            return effect
        }))
    }
}

/// A use case an action asks for: its name (for tests and the help), how to run it on the
/// office, and what the asking screen does with the outcome. The app runs it; a test can
/// hand the screen an outcome of its own (``resume``) without any office.
public struct OfficeTask {
    public let name: String
    let perform: (Office) -> Result<Any, any Error>
    public let resume: (inout any Screen, Result<Any, any Error>, ScreenContext) -> Effect

    public init(name: String, perform: @escaping (Office) -> Result<Any, any Error>,
                resume: @escaping (inout any Screen, Result<Any, any Error>, ScreenContext) -> Effect) {
        self.name = name
        self.perform = perform
        self.resume = resume
    }

    /// Runs the use case on `office` (what the app does).
    public func run(_ office: Office) -> Result<Any, any Error> { perform(office) }
}

/// Work done outside the full-screen interface, on the real terminal (an external editor).
public struct TerminalTask {
    public let run: () -> Effect

    public init(_ run: @escaping () -> Effect) { self.run = run }
}

/// What screens need from outside: the office (actor, clock, use cases) and the language.
public struct ScreenContext: Sendable {
    public internal(set) var office: Office
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

    /// The acting person's login.
    public var me: String { office.actor.principal.login }
}

extension Screen where Action == Never {
    /// A screen without keys of its own (its ``input(_:_:)`` or ``update(_:_:)`` takes them).
    public func keymap(_ context: ScreenContext) -> Keymap<Never> { Keymap() }
    public mutating func perform(_ action: Never, _ context: ScreenContext) -> Effect {}
}
