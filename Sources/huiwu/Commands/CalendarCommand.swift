import ArgumentParser
import Foundation
import MeetingKit
import MeetingService
import MeetingStore

/// `huiwu calendar export`: meetings as an iCalendar file (RFC 5545) for calendar programs.
struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar", abstract: "Export meetings to calendar programs. 导出日历。",
        subcommands: [Export.self])

    struct Export: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "export", abstract: "Write the meetings of a date range to an .ics file. 导出 .ics 文件。")
        @OptionGroup var global: GlobalOptions
        @Option(help: "First day (YYYY-MM-DD). 开始日期。") var from: String
        @Option(help: "Last day, inclusive. 结束日期（含当日）。") var to: String
        @Option(help: "The .ics file to write. 要写入的 .ics 文件。") var out: String
        @Option(help: "Only this person's meetings (login). 只导出此人参加的会议（登录名）。") var person: String?

        func run(_ context: CommandContext) throws {
            let from = try SchedulingInput.day(self.from, field: "--from")
            let to = try SchedulingInput.day(self.to, field: "--to")
            let export = try context.office().exportCalendar(from: from, to: to, person: person, lang: context.lang)
            do {
                try Data(export.text.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
            } catch {
                throw Refusal(.storage, code: "file.unwritable", Localized(zh: "无法写入 \(out)：\(error.localizedDescription)",
                                                                           en: "cannot write \(out): \(error.localizedDescription)"))
            }
            struct Written: Encodable { var out: String; var events: Int; var from: String; var to: String }
            context.output.emit(Written(out: out, events: export.events, from: from.iso, to: to.iso)) {
                context.output.line(Localized(zh: "已导出 \(export.events) 次会议到 \(out)", en: "exported \(export.events) meetings to \(out)"))
            }
        }
    }
}
