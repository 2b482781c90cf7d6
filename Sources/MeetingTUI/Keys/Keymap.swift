import MeetingKit

/// The keys a screen takes now, declared once: for each, the action it runs, its hint in
/// both languages and whether it applies to what is on screen. The footer, the `?` help and
/// the dispatcher (``Screen/update(_:_:)``) all read this one list, so a key is offered
/// exactly when it works.
///
/// Letters come only from ``Verb`` (one meaning everywhere); the other keys from
/// ``NavigationKey`` (Enter, Esc, Tab, arrows), which holds no letters.
public struct Keymap<Action> {
    public struct Binding {
        public let keys: [Key]
        /// How the key is written in the footer and the help: `a`, `Enter`, `↑↓`.
        public let label: String
        public let hint: Localized
        public let action: Action
        public let verb: Verb?
        /// Shown in the footer when it fits (always in the help).
        public let inFooter: Bool
    }

    public private(set) var bindings: [Binding] = []

    public init() {}

    /// Binds a verb's key to `action` when `applies`; `hint` names it more precisely than the
    /// verb's own label where the screen needs it ("同意" rather than "批准").
    public mutating func add(_ verb: Verb, _ action: Action, _ hint: Localized? = nil, when applies: Bool = true, footer: Bool = true) {
        guard applies else { return }
        bindings.append(Binding(keys: [verb.key], label: String(verb.character), hint: hint ?? verb.label, action: action,
                                verb: verb, inFooter: footer))
    }

    /// Binds a navigation key (Enter, Esc, Tab, arrows) to `action` when `applies`.
    public mutating func add(_ key: NavigationKey, _ action: Action, _ hint: Localized, when applies: Bool = true, footer: Bool = true) {
        guard applies else { return }
        bindings.append(Binding(keys: key.keys, label: key.label, hint: hint, action: action, verb: nil, inFooter: footer))
    }

    /// Binds Esc to `action` with the hint every screen gives it: back (返回).
    public mutating func addBack(_ action: Action) {
        add(.escape, action, Localized(zh: "返回", en: "back"))
    }

    /// Binds Tab and Shift-Tab to moving between fields (Shift-Tab is left out of the footer).
    public mutating func addFieldMoves(next: Action, previous: Action) {
        add(.tab, next, Localized(zh: "下一项", en: "next"))
        add(.backTab, previous, Localized(zh: "上一项", en: "previous"), footer: false)
    }

    /// The keys of an open picker: Enter chooses, Esc closes it.
    public mutating func addPicking(choose: Action, close: Action) {
        add(.enter, choose, Localized(zh: "选择", en: "choose"))
        add(.escape, close, Localized(zh: "关闭", en: "close"))
    }

    /// Binds a section's digit (the same on every screen: ``Section``) to `action`.
    public mutating func add(section: Section, _ action: Action) {
        bindings.append(Binding(keys: [section.key], label: String(section.rawValue), hint: section.label, action: action,
                                verb: nil, inFooter: true))
    }

    mutating func append(_ binding: Binding) { bindings.append(binding) }

    /// The action of `key`, if a binding takes it.
    public func action(for key: Key) -> Action? {
        bindings.first { $0.keys.contains(key) }?.action
    }

    /// The hints, in declaration order.
    public var hints: [KeyHint] {
        bindings.map { KeyHint(key: $0.label, label: $0.hint, inFooter: $0.inFooter) }
    }

    /// The verbs bound (for tests of the one-meaning rule).
    public var verbs: [Verb] { bindings.compactMap(\.verb) }
}

/// The keys that are not letters: Enter, Esc, Tab and the arrows.
/// `yes` and `no` are letters, but only inside a confirmation, which takes every key.
public enum NavigationKey: Sendable {
    case enter, escape, tab, backTab, upDown, leftRight, left, right, pageUpDown, functionTwo, controlO, space, yes, no

    public var keys: [Key] {
        switch self {
        case .enter: return [.enter]
        case .escape: return [.escape]
        case .tab: return [.tab]
        case .backTab: return [.backTab]
        case .upDown: return [.up, .down]
        case .leftRight: return [.left, .right]
        case .left: return [.left]
        case .right: return [.right]
        case .pageUpDown: return [.pageUp, .pageDown]
        case .functionTwo: return [.function(2)]
        case .controlO: return [.control("o"), .function(2)]
        case .space: return [.char(" ")]
        case .yes: return [.char("y"), .char("Y")]
        case .no: return [.char("n"), .char("N")]
        }
    }

    public var label: String {
        switch self {
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "S-Tab"
        case .upDown: return "↑↓"
        case .leftRight: return "←→"
        case .left: return "←"
        case .right: return "→"
        case .pageUpDown: return "PgUp/Dn"
        case .functionTwo: return "F2"
        case .controlO: return "Ctrl-O"
        case .space: return "Space"
        case .yes: return "y"
        case .no: return "n"
        }
    }
}

/// A key and what it does, for the footer and the help screen.
public struct KeyHint: Hashable, Sendable {
    public var key: String
    public var label: Localized
    /// Shown in the footer when it fits; the help shows every hint.
    public var inFooter: Bool

    public init(key: String, label: Localized, inFooter: Bool = true) {
        self.key = key
        self.label = label
        self.inFooter = inFooter
    }

    public init(_ key: String, _ zh: String, _ en: String) {
        self.init(key: key, label: Localized(zh: zh, en: en))
    }
}
