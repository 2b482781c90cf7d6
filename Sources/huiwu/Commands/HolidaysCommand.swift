import ArgumentParser
import MeetingKit
import MeetingService
import MeetingStore

/// `huiwu holidays …`: China's working-day calendar, one year per State Council notice.
struct HolidaysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "holidays", abstract: "Public holidays and adjusted working days. 节假日和调休。",
        subcommands: [List.self, Import.self])

    struct View: Encodable {
        struct Entry: Encodable {
            var day: String
            var weekday: String
            /// holiday or adjustedWorkingDay.
            var kind: String
            var name: String
        }
        var year: Int
        var hasData: Bool
        var source: String?
        var warning: String?
        var days: [Entry]
    }

    struct List: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List a year's holidays and adjusted working days. 列出某年假日。")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The year, e.g. 2026. 年份。") var year: String

        func run(_ context: CommandContext) throws {
            guard let year = Int(year), (1...9999).contains(year) else {
                throw Refusal.invalid("holidays.badYear", "年份 “\(TextSafety.inert(self.year))” 无效", "the year '\(TextSafety.inert(self.year))' is invalid")
            }
            let listing = try context.office().holidayListing(year: year)
            let lang = context.lang
            let warning = listing.hasData ? nil : CadencePlan.noDataWarning(year: year).text(lang)
            if let warning { Output.error((Localized(zh: "警告：", en: "warning: ").text(lang)) + warning) }
            let view = View(year: year, hasData: listing.hasData, source: listing.source, warning: warning,
                            days: listing.entries.map {
                                View.Entry(day: $0.day.iso, weekday: $0.day.weekday.shortName.text(lang), kind: $0.kind.rawValue, name: $0.name.text(lang))
                            })
            context.output.emit(view) {
                guard listing.hasData else { return "" }
                var text = Output.table([Localized(zh: "日期", en: "date"), Localized(zh: "星期", en: "day"), Localized(zh: "类别", en: "kind"), Localized(zh: "名称", en: "name")].map { $0.text(lang) }, view.days.map { e in
                    [e.day, e.weekday, e.kind == "holiday" ? (Localized(zh: "放假", en: "holiday").text(lang)) : (Localized(zh: "调休上班", en: "adjusted working day").text(lang)), e.name]
                })
                if let source = listing.source { text += "\n" + (Localized(zh: "来源：", en: "source: ").text(lang)) + source }
                return text
            }
        }
    }

    struct Import: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "import", abstract: "Load a year from a JSON file (validated; replaces that year). 导入假日数据。")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The file, e.g. 2027.json (format in docs/data.md). 节假日数据文件（格式见 docs/data.md）。") var file: String

        func run(_ context: CommandContext) throws {
            let year = try context.office().importHolidays(file: file)
            struct Imported: Encodable { var year: Int; var holidays: Int; var adjustedWorkingDays: Int }
            context.output.emit(Imported(year: year.year, holidays: year.holidays.count, adjustedWorkingDays: year.workdays.count)) {
                context.output.line(Localized(zh: "已导入 \(year.year) 年：\(year.holidays.count) 个假期，\(year.workdays.count) 个调休上班日", en: "imported \(year.year): \(year.holidays.count) holidays, \(year.workdays.count) adjusted working days"))
            }
        }
    }
}
