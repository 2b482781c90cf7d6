import ArgumentParser
import MeetingKit
import MeetingService
import MeetingStore
import MeetingFormats

struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "Your settings in config.toml. 个人配置（config.toml）。",
        subcommands: [Show.self])

    /// One effective setting and where it came from.
    struct Line: Encodable {
        var key: String
        var value: String
        /// `default`, `database`, `--lang`, `environment (LANG=…)`, or `PATH:LINE`.
        var source: String
    }

    struct View: Encodable {
        var file: String
        var fileExists: Bool
        var settings: [Line]
    }

    struct Show: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "show",
            abstract: "Print the effective configuration and where each value comes from. 显示生效的配置及每项的来源。",
            discussion: "The file is $XDG_CONFIG_HOME/huiwu/config.toml, else ~/.config/huiwu/config.toml; docs/cli.md lists the settings. 配置文件位置与可用设置见 docs/cli.md。")
        @OptionGroup var global: GlobalOptions

        func run(_ context: CommandContext) throws {
            let file = context.config
            let config = file.config
            func fromFile(_ line: Int) -> String { "\(file.path):\(line)" }
            var lines: [Line] = []

            lines.append(Line(key: "language", value: context.lang.rawValue, source: languageSource(context)))
            lines.append(Line(key: "theme", value: config.theme?.value ?? "auto", source: config.theme.map { fromFile($0.line) } ?? "default"))

            let settings = try context.office().officeSettings()
            let (stored, rooms) = (settings.name, settings.rooms)
            lines.append(Line(key: "office.name", value: config.officeName?.value ?? stored.zh,
                              source: config.officeName.map { fromFile($0.line) } ?? "database"))
            lines.append(Line(key: "office.name_en", value: config.officeNameEn?.value ?? stored.en,
                              source: config.officeNameEn.map { fromFile($0.line) } ?? "database"))
            lines.append(Line(key: "office.rooms", value: (config.rooms?.value ?? rooms).joined(separator: ", "),
                              source: config.rooms.map { fromFile($0.line) } ?? "database"))
            lines.append(Line(key: "print.printer", value: config.printer?.value ?? "-", source: config.printer.map { fromFile($0.line) } ?? "default"))
            lines.append(Line(key: "print.directory", value: config.documentDirectory?.value ?? ".",
                              source: config.documentDirectory.map { fromFile($0.line) } ?? "default"))

            for kind in MeetingKind.allCases {
                let effective = config.cadence(for: kind)
                let set = config.cadence[kind]
                let prefix = "cadence.\(kind.rawValue)."
                // The plenary is anchored to the Spring Festival, not to a weekday.
                let weekday = kind == .plenary ? nil : effective.weekday
                lines.append(Line(key: prefix + "weekday", value: weekday.map(HuiwuConfig.weekdayName) ?? "-",
                                  source: set?.weekday.map { fromFile($0.line) } ?? "default"))
                lines.append(Line(key: prefix + "time", value: LocalDateTime(day: Day(dayNumber: 0), minuteOfDay: effective.minuteOfDay).timeText,
                                  source: set?.time.map { fromFile($0.line) } ?? "default"))
                lines.append(Line(key: prefix + "duration_minutes", value: String(effective.durationMinutes),
                                  source: set?.durationMinutes.map { fromFile($0.line) } ?? "default"))
                lines.append(Line(key: prefix + "adjusted_working_days", value: String(effective.adjustedWorkingDays),
                                  source: set?.adjustedWorkingDays.map { fromFile($0.line) } ?? "default"))
            }
            let view = View(file: file.path, fileExists: file.exists, settings: lines)
            context.output.emit(view) {
                let head = file.exists ? context.output.line(Localized(zh: "配置文件：\(file.path)", en: "configuration file: \(file.path)"))
                    : context.output.line(Localized(zh: "配置文件：\(file.path)（不存在，使用默认值）", en: "configuration file: \(file.path) (none, defaults apply)"))
                let table = Output.table([Localized(zh: "设置", en: "setting"), Localized(zh: "值", en: "value"), Localized(zh: "来源", en: "source")].map { $0.text(context.lang) },
                                         lines.map { [$0.key, $0.value, $0.source] })
                return head + "\n" + table
            }
        }

        /// Mirrors the order of `CommandContext`: --lang, config.toml, the locale, the default.
        func languageSource(_ context: CommandContext) -> String {
            if global.lang != nil { return "--lang" }
            if let set = context.config.config.language { return "\(context.config.path):\(set.line)" }
            for key in ["LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"] {
                guard let value = context.environment[key], !value.isEmpty else { continue }
                if value == "C" || value.hasPrefix("C.") || value == "POSIX" { continue }
                return "environment (\(key)=\(value))"
            }
            return "default"
        }
    }
}
