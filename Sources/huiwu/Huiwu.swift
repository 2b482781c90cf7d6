import ArgumentParser
import Foundation
import MeetingKit
import MeetingService
import MeetingStore
import MeetingTUI
import TextLayout

/// `huiwu`: with no subcommand on a terminal, the full-screen interface; otherwise the
/// subcommands do the same actions from the command line.
@main
struct Huiwu: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "huiwu",
        abstract: "Huiwu, the district government's meeting manager. 会务：区政府会务管理工具。",
        discussion: """
            Run without a subcommand on a terminal to open the full-screen interface. Options go after the \
            subcommand: huiwu people list --json. Help is bilingual: English first, then Chinese. Environment: \
            HUIWU_DB (database), HUIWU_NOW (fixed clock, e.g. 2026-03-02T09:00), NO_COLOR, XDG_CONFIG_HOME \
            (config.toml). Exit codes: 0 done, 1 failed check, 2 invalid input, 3 refused by a rule, 4 not found, \
            5 conflict, 6 storage, 64 usage. See docs/cli.md.
            不带子命令在终端运行即打开全屏界面。选项写在子命令之后。帮助文字先英文后中文。退出码见 docs/cli.md。
            """,
        version: version,
        subcommands: [
            InitCommand.self, WhoamiCommand.self, PeopleCommand.self, DepartmentsCommand.self, AuditCommand.self,
            ServeCommand.self, AdminCommand.self, BackupCommand.self, RestoreCommand.self, DoctorCommand.self,
            MeetingCommand.self, AbsenceCommand.self, HolidaysCommand.self, CalendarCommand.self,
            ItemCommand.self, DueCommand.self,
            LeaveCommand.self, AttendanceCommand.self,
            PortfolioCommand.self, TermCommand.self, OrgCommand.self, ConfigCommand.self,
            MinutesCommand.self, FollowUpCommand.self, RulesCommand.self,
            SearchCommand.self, AttachCommand.self, ReportCommand.self, OnBehalfCommand.self, DemoCommand.self,
        ]
    )

    @OptionGroup var global: GlobalOptions

    mutating func run() throws {
        guard isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 else {
            print(Huiwu.helpMessage())
            return
        }
        try CommandContext.run(global) { context in
            try TerminalApp(office: try context.office(watchingChanges: true), lang: context.lang, environment: context.environment,
                            config: context.config.config).run()
        }
    }

    static func main() {
        DisplayWidth.activateUTF8Locale()
        signal(SIGPIPE, SIG_IGN)
        checkArgumentEncoding()
        do {
            if var start = FullScreenStart.command(Array(CommandLine.arguments.dropFirst())) {
                try start.run()
            } else {
                var command = try parseAsRoot()
                try command.run()
            }
        } catch {
            HelpText.handleManualDump(error)
            exitReporting(error)
        }
    }
}
