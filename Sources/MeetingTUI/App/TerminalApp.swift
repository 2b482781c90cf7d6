import Foundation
import MeetingKit
import MeetingStore

/// Runs the interface on the real terminal until the user quits; the terminal is restored
/// however it ends (quit, error, or signal).
public struct TerminalApp {
    let session: Session
    let lang: Lang
    let environment: [String: String]
    /// The office name from config.toml, shown instead of the stored one.
    let config: HuiwuConfig

    public init(session: Session, lang: Lang, environment: [String: String], config: HuiwuConfig = HuiwuConfig()) {
        self.session = session
        self.lang = lang
        self.environment = environment
        self.config = config
    }

    public func run() throws {
        let terminal = CursesTerminal(environment: environment)
        defer { CursesTerminal.restore() }
        var context = ScreenContext(session: session, lang: lang, environment: environment)
        context.config = config
        var model = AppModel(context: context)
        model.suspender = { task in terminal.suspend(task.run) }
        var seenVersion = session.store.dataVersion()
        while !model.isFinished {
            let size = terminal.size
            var buffer = ScreenBuffer(rows: size.rows, columns: size.columns)
            model.draw(into: &buffer)
            terminal.present(buffer)
            // A short poll so changes by other users show within a second even when idle.
            let key = terminal.readKey(timeoutMilliseconds: 400)
            if key == .resize { terminal.invalidate() }
            model.handle(key)
            let version = session.store.dataVersion()
            if version != seenVersion {
                seenVersion = version
                model.reloadTop()
            }
        }
    }
}
