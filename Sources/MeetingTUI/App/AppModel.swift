import MeetingKit
import MeetingService
import MeetingStore
import TextLayout

/// The whole interface as a value: a stack of screens, a status line and the app's own
/// dialogs (quit with unsaved input, the `:` command line). The terminal loop and the tests
/// drive it the same way: ``handle(_:)`` a key, then ``draw(into:)``. It runs the effects
/// screens return, the office's use cases among them (``Effect/task(_:)``).
public struct AppModel {
    public private(set) var stack: [any Screen]
    public private(set) var status: (text: Localized, style: Style)?
    public private(set) var isFinished = false
    /// Screens from this index up show current data; those below reload when they are back on top.
    private var freshFrom = 0
    public private(set) var context: ScreenContext
    /// Runs a ``TerminalTask`` with the terminal handed over (the terminal loop suspends curses
    /// around it); in memory, the task simply runs.
    public var suspender: (TerminalTask) -> Effect = { $0.run() }
    /// Asking whether to quit although input is unsaved.
    private(set) var quitQuestion: ConfirmDialog?
    /// The `:` command line while it is open.
    private(set) var commandLine: TextField?
    /// The names of the use cases run, in order (tests read it).
    public private(set) var tasksRun: [String] = []

    public init(context: ScreenContext, root: any Screen) {
        self.context = context
        var root = root
        root.reload(context)
        stack = [root]
    }

    /// The home screen as the root; an administrator of a demo office is asked who they
    /// are first, the mayor sees his signature queue when something waits (R43, R46).
    public init(context: ScreenContext) {
        self.context = context
        stack = [HomeScreen()]
        showFirstScreen(askingIdentity: true)
    }

    /// Puts the screen a person sees first over the home, already loaded by its `opening`
    /// (which had to read it to know whether to open), or loads the home when there is none.
    /// The home under a first screen loads when the user comes back to it: the mayor's start
    /// does not pay for a home screen he does not see (docs/performance.md).
    private mutating func showFirstScreen(askingIdentity: Bool) {
        let chooser = askingIdentity ? IdentityScreen.opening(context) : nil
        if let first: any Screen = chooser ?? SignatureQueueScreen.opening(context) {
            stack.append(first)
            freshFrom = 1
        } else {
            freshFrom = 0
            reloadTop()
        }
    }

    public var top: any Screen { stack[stack.count - 1] }

    /// Whether any open screen holds input that leaving would lose.
    public var hasUnsavedInput: Bool { stack.contains { $0.hasUnsavedInput } }

    /// Handles one key: the app's dialogs, then the global keys (help, back, search, command
    /// line, sections), then the top screen's keymap.
    public mutating func handle(_ key: Key) {
        if key == .resize || key == .tick { return }
        status = nil
        if var question = quitQuestion {
            switch question.handle(key) {
            case true?: isFinished = true
            case false?: quitQuestion = nil
            case nil: quitQuestion = question
            }
            return
        }
        if commandLine != nil { return handleCommandLine(key) }
        if key == .control("c") {
            if hasUnsavedInput {
                quitQuestion = ConfirmDialog(Localized(zh: "有未保存的输入，仍要退出？", en: "Input is not saved. Quit anyway?"))
            } else {
                isFinished = true
            }
            return
        }
        if !top.isModal, let global = GlobalKey.allCases.first(where: { $0.keys.contains(key) }) {
            return handle(global)
        }
        if !top.isModal, let section = Section.allCases.first(where: { $0.key == key }) {
            return apply(.jump(Sections.screen(section, context)))
        }
        if top.isModal, key == .function(1) { return handle(.help) }
        var screen = stack.removeLast()
        let effect = screen.update(key, context)
        stack.append(screen)
        apply(effect)
    }

    private mutating func handle(_ global: GlobalKey) {
        switch global {
        case .help:
            if top is HelpScreen { apply(.pop) } else { apply(.push(HelpScreen(for: top, context))) }
        case .back:
            apply(stack.count == 1 ? .quit : .pop)
        case .search:
            if top is SearchScreen {
                var screen = stack.removeLast()
                let effect = screen.update(.char("/"), context)
                stack.append(screen)
                apply(effect)
            } else {
                apply(.push(SearchScreen()))
            }
        case .command:
            commandLine = TextField("", limit: 200)
        case .actAs:
            apply(.push(IdentityScreen(context)))
        case .onBehalf:
            // The same key starts and stops it, so stopping needs no list to find.
            if context.office.actor.onBehalfOf != nil { apply(.recordOnBehalf(nil)) } else { apply(.push(OnBehalfLeaderScreen())) }
        case .interrupt:
            break
        }
    }

    private mutating func handleCommandLine(_ key: Key) {
        guard var field = commandLine else { return }
        switch key {
        case .escape:
            commandLine = nil
        case .enter:
            commandLine = nil
            apply(CommandPrompt.effect(for: field.text, context))
        default:
            field.handle(key)
            commandLine = field
        }
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
        case .reload:
            reloadTop()
        case .status(let text, let style):
            status = (text, style)
        case .quit:
            if hasUnsavedInput {
                quitQuestion = ConfirmDialog(Localized(zh: "有未保存的输入，仍要退出？", en: "Input is not saved. Quit anyway?"))
            } else {
                isFinished = true
            }
        case .suspend(let task):
            apply(suspender(task))
            reloadTop()  // what ran outside may have changed the records
            freshFrom = stack.count - 1
        case .task(let task):
            tasksRun.append(task.name)
            let outcome = task.run(context.office)
            var screen = stack.removeLast()
            let next = task.resume(&screen, outcome, context)
            stack.append(screen)
            // The screens below may show what the use case changed: they reload when back on top.
            freshFrom = stack.count - 1
            apply(next)
        case .jump(var screen):
            stack.removeSubrange(1...)
            screen.reload(context)
            stack.append(screen)
            freshFrom = 1
        case .actAs(let login):
            do {
                context.office = try context.office.acting(as: login)
                stack = [HomeScreen()]
                showFirstScreen(askingIdentity: false)
                let name = context.office.actor.displayName(context.lang)
                status = (Localized(zh: "现在的身份：\(name)", en: "now acting as \(name)"), .ok)
            } catch {
                apply(.failure(error))
            }
        case .recordOnBehalf(let leader):
            do {
                context.office = try context.office.recording(onBehalfOf: leader)
                if top is OnBehalfLeaderScreen { stack.removeLast() }
                reloadTop()
                freshFrom = stack.count - 1  // the screens below show the other person's view
                let actor = context.office.actor
                status = actor.onBehalfOf.map { leader in
                    (Localized(zh: "开始代录：此后的录入记为代 \(leader.name) 录入（& 停止）",
                               en: "recording for \(leader.name): what you enter now is entered on their behalf (& stops)"), .warning)
                } ?? (Localized(zh: "已停止代录，现在以本人身份操作", en: "stopped recording for a leader; acting as yourself"), .ok)
            } catch {
                apply(.failure(error))
            }
        case .batch(let effects):
            for effect in effects { apply(effect) }
        case .local(let body):
            var screen = stack.removeLast()
            let next = body(&screen)
            stack.append(screen)
            apply(next)
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
            buffer.put(Localized(zh: "窗口太小", en: "window too small").text(context.lang), row: 0, column: 0, style: .warning)
            return
        }
        let width = buffer.columns
        buffer.fill(Rect(top: 0, left: 0, height: 1, width: width), style: .title)
        let right = AppModel.whoIsActing(context.office.actor, lang)
        let rightWidth = DisplayWidth.of(TextSafety.inert(right))
        buffer.put(" " + top.title(lang), row: 0, column: 0, style: .title, maxWidth: max(0, width - rightWidth - 3))
        // Recording for a leader stands out on every screen: each entry is stored as theirs.
        buffer.put(right + " ", row: 0, column: max(0, width - rightWidth - 1), style: context.office.actor.onBehalfOf == nil ? .title : .warning)

        let area = Rect(top: 1, left: 0, height: buffer.rows - 3, width: width)
        top.draw(into: &buffer, area: area, context)

        if let commandLine {
            let used = buffer.put(":", row: buffer.rows - 2, column: 0, style: .accent)
            commandLine.draw(into: &buffer, row: buffer.rows - 2, column: used, width: width - used, focused: true)
        } else if let status {
            // A long message (a refusal with its article and key) takes up to three rows, over
            // the bottom of the screen, rather than being cut.
            let rows = WrappedText.rows(status.text.text(lang), width: width - 2)
            let shown = Array(rows.prefix(3))
            for (i, line) in shown.enumerated() {
                let row = buffer.rows - 1 - shown.count + i
                buffer.fill(Rect(top: row, left: 0, height: 1, width: width))
                buffer.put(" " + line, row: row, column: 0, style: status.style, maxWidth: width)
            }
        }
        Footer.draw(top.hints(context), modal: top.isModal, into: &buffer, row: buffer.rows - 1, lang: lang)
        if let quitQuestion { quitQuestion.draw(into: &buffer, area: area, lang: lang) }
    }
}

extension AppModel {
    /// The top bar's right end: who is acting, and while a secretary records for a leader,
    /// that fact with the key that stops it.
    static func whoIsActing(_ actor: Actor, _ lang: Lang) -> String {
        guard let leader = actor.onBehalfOf else { return actor.displayName(lang) }
        let stop = GlobalKey.onBehalf.label
        return Localized(zh: "\(actor.person.name) 代录：\(leader.name)（\(stop) 停止）", en: "\(actor.person.name) recording for \(leader.name) (\(stop) stops)").text(lang)
    }
}

/// The bottom line: the keys of the screen that fit, then `?` for the help (which lists
/// every key, those that did not fit and the global ones).
enum Footer {
    static func draw(_ hints: [KeyHint], modal: Bool, into buffer: inout ScreenBuffer, row: Int, lang: Lang) {
        let width = buffer.columns
        let shown = hints.filter(\.inFooter)
        func needed(_ hint: KeyHint) -> Int { DisplayWidth.of(hint.key) + DisplayWidth.of(hint.label.text(lang)) + 2 }
        let total = shown.reduce(0) { $0 + needed($1) }
        let all = total <= width - needed(help(cut: false)) && shown.count == hints.count
        let more = help(cut: !all)
        let budget = modal ? width : width - needed(more)
        var column = 0
        for hint in shown {
            if column + needed(hint) > budget { break }
            column += buffer.put(hint.key, row: row, column: column, style: .accent)
            column += buffer.put(" " + hint.label.text(lang) + " ", row: row, column: column, style: .dim)
        }
        guard !modal else { return }
        column += buffer.put(more.key, row: row, column: column, style: .accent)
        buffer.put(" " + more.label.text(lang) + " ", row: row, column: column, style: .dim)
    }

    static func help(cut: Bool) -> KeyHint {
        let label = cut ? Localized(zh: "更多", en: "more") : Localized(zh: "帮助", en: "help")
        return KeyHint(key: "?", label: label)
    }
}
