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

extension Screen where Action == Never {
    /// A screen without keys of its own (its ``input(_:_:)`` or ``update(_:_:)`` takes them).
    public func keymap(_ context: ScreenContext) -> Keymap<Never> { Keymap() }
    public mutating func perform(_ action: Never, _ context: ScreenContext) -> Effect {}
}
