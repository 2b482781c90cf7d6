import ArgumentParser
import Foundation
import MeetingKit
import MeetingStore
import MeetingTUI

/// `huiwu`: with no subcommand on a terminal, the full-screen interface; otherwise the
/// subcommands do the same actions from the command line.
@main
struct Huiwu: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "huiwu",
        abstract: "会务 Huiwu — the district government's meeting manager. 区政府会务管理。",
        discussion: """
            Run without a subcommand on a terminal to open the full-screen interface.
            不带子命令在终端运行即打开全屏界面。Options go after the subcommand: huiwu people list --json.
            Environment: HUIWU_DB (database), HUIWU_NOW (fixed clock, e.g. 2026-03-02T09:00), NO_COLOR.
            """,
        version: version,
        subcommands: [
            InitCommand.self, WhoamiCommand.self, PeopleCommand.self, DepartmentsCommand.self, AuditCommand.self,
            BackupCommand.self, RestoreCommand.self, DoctorCommand.self,
            MeetingCommand.self, AbsenceCommand.self, HolidaysCommand.self, CalendarCommand.self,
            ItemCommand.self, DueCommand.self,
            LeaveCommand.self, AttendanceCommand.self,
            MinutesCommand.self, FollowUpCommand.self,
        ]
    )

    @OptionGroup var global: GlobalOptions

    mutating func run() throws {
        guard isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 else {
            print(Huiwu.helpMessage())
            return
        }
        let lang = Lang.resolve(option: global.lang, environment: ProcessInfo.processInfo.environment)
        do {
            let context = try CommandContext(global)
            let session = try context.session()
            try TerminalApp(session: session, lang: lang, environment: context.environment).run()
        } catch let refusal as Refusal {
            Output.error(refusal.text(lang))
            throw ExitCode(refusal.exitCode)
        }
    }

    static func main() {
        DisplayWidth.activateUTF8Locale()
        signal(SIGPIPE, SIG_IGN)
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            exit(withError: error)
        }
    }
}
