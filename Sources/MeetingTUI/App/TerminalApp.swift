import Foundation
import MeetingKit
import MeetingService
import MeetingFormats

/// Runs the interface on the real terminal until the user quits; the terminal is restored
/// however it ends (quit, error, or signal).
public struct TerminalApp {
    let office: Office
    let lang: Lang
    let environment: [String: String]
    /// The office name from config.toml, shown instead of the stored one.
    let config: HuiwuConfig

    public init(office: Office, lang: Lang, environment: [String: String], config: HuiwuConfig = HuiwuConfig()) {
        self.office = office
        self.lang = lang
        self.environment = environment
        self.config = config
    }

    public func run() throws {
        let terminal = CursesTerminal(environment: environment, theme: Theme.resolve(config.theme?.value, environment: environment))
        defer { CursesTerminal.restore() }
        var context = ScreenContext(office: office, lang: lang, environment: environment)
        context.config = config
        var model = AppModel(context: context)
        model.suspender = { task in terminal.suspend(task.run) }
        while !model.isFinished {
            let size = terminal.size
            var buffer = ScreenBuffer(rows: size.rows, columns: size.columns)
            model.draw(into: &buffer)
            terminal.present(buffer)
            // Asleep until a key, a resize, a change to the office, or the next day.
            let event = office.hasBufferedChanges
                ? .officeChanged
                : terminal.nextEvent(changeSignal: office.changeSignal, timeoutMilliseconds: TerminalApp.untilTomorrow(office.clock))
            switch event {
            case .key(let key):
                if key == .resize { terminal.invalidate() }
                model.handle(key)
            case .officeChanged:
                break
            case .idle:
                model.reloadTop()  // a new day: today's lists and deadlines move
            case .hangup:
                return
            }
            let changes = office.takeChanges()
            if !changes.isEmpty { model.officeChanged(changes) }
        }
    }

    /// Milliseconds until the office's next midnight.
    static func untilTomorrow(_ clock: Clock) -> Int32 {
        let remaining = 86_400 - clock.secondsSinceEpochInBeijing % 86_400
        return Int32(remaining * 1000 + 500)
    }
}
