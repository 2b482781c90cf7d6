import MeetingKit
import MeetingService
import MeetingStore

/// The whole interface as a value: a stack of screens and a status line. The terminal
/// loop and the tests drive it the same way: ``handle(_:)`` a key, then ``draw(into:)``.
public struct AppModel {
    public private(set) var stack: [any Screen]
    public private(set) var status: (text: Localized, style: Style)?
    public private(set) var isFinished = false
    /// Screens from this index up show current data; those below reload when they are back on top.
    private var freshFrom = 0
    public let context: ScreenContext
    /// Runs a ``TerminalTask`` with the terminal handed over (the terminal loop suspends curses
    /// around it); in memory, the task simply runs.
    public var suspender: (TerminalTask) -> Effect = { $0.run() }

    public init(context: ScreenContext, root: any Screen) {
        self.context = context
        var root = root
        root.reload(context)
        stack = [root]
    }

    /// The home screen as the root.
    public init(context: ScreenContext) {
        self.init(context: context, root: HomeScreen())
        // The mayor's first screen is his signature queue when something waits (R43, R46).
        if let queue = SignatureQueueScreen.opening(context) { apply(.push(queue)) }
    }

    public var top: any Screen { stack[stack.count - 1] }

    /// Handles one key: global keys first (help, quit, back), then the top screen.
    public mutating func handle(_ key: Key) {
        if key == .resize || key == .tick { return }
        status = nil
        if !top.capturesText {
            switch key {
            case .char("?"), .function(1):
                apply(top is HelpScreen ? .pop : .push(HelpScreen(hints: top.hints(context.lang))))
                return
            case .char("q"):
                apply(stack.count == 1 ? .quit : .pop)
                return
            case .char("/") where !(top is SearchScreen):
                apply(.push(SearchScreen()))
                return
            default:
                break
            }
        }
        var screen = stack.removeLast()
        let effect = screen.update(key, context)
        stack.append(screen)
        apply(effect)
    }

    public mutating func apply(_ effect: Effect) {
        switch effect {
        case .none:
            break
        case .push(var screen):
            screen.reload(context)
            stack.append(screen)
        case .pop:
            if stack.count > 1 { stack.removeLast() }
            if stack.count - 1 < freshFrom { reloadTop() }
        case .popAndReload:
            if stack.count > 1 { stack.removeLast() }
            reloadTop()
        case .status(let text, let style):
            status = (text, style)
        case .quit:
            isFinished = true
        case .suspend(let task):
            apply(suspender(task))
            reloadTop()  // what ran outside may have changed the records
        }
    }

    /// The office changed (anyone's change, this user's own included): the top screen
    /// reloads now, the screens below when they are back on top.
    public mutating func officeChanged(_ changes: [RecordChange]) {
        reloadTop()
        freshFrom = stack.count - 1
    }

    /// Reloads the top screen's data (after a change, or when another process wrote).
    public mutating func reloadTop() {
        var screen = stack.removeLast()
        screen.reload(context)
        stack.append(screen)
        freshFrom = min(freshFrom, stack.count - 1)
    }

    /// Draws the frame (title bar, status line, footer) and the top screen.
    public func draw(into buffer: inout ScreenBuffer) {
        let lang = context.lang
        buffer.fill(Rect(top: 0, left: 0, height: buffer.rows, width: buffer.columns))
        guard buffer.rows >= 4, buffer.columns >= 20 else {
            buffer.put(context.t("窗口太小", "window too small"), row: 0, column: 0, style: .warning)
            return
        }
        let width = buffer.columns
        buffer.fill(Rect(top: 0, left: 0, height: 1, width: width), style: .title)
        let right = context.office.actor.displayName(lang)
        let rightWidth = DisplayWidth.of(TextSafety.inert(right))
        buffer.put(" " + top.title(lang), row: 0, column: 0, style: .title, maxWidth: max(0, width - rightWidth - 3))
        buffer.put(right + " ", row: 0, column: max(0, width - rightWidth - 1), style: .title)

        let area = Rect(top: 1, left: 0, height: buffer.rows - 3, width: width)
        top.draw(into: &buffer, area: area, context)

        if let status {
            buffer.put(" " + status.text.text(lang), row: buffer.rows - 2, column: 0, style: status.style, maxWidth: width)
        }
        var column = 0
        for hint in top.hints(lang) {
            let label = hint.label.text(lang)
            let needed = DisplayWidth.of(hint.key) + DisplayWidth.of(label) + 2
            if column + needed > width { break }
            column += buffer.put(hint.key, row: buffer.rows - 1, column: column, style: .accent)
            column += buffer.put(" " + label + " ", row: buffer.rows - 1, column: column, style: .dim)
        }
    }
}
