import ArgumentParser
import MeetingKit
import MeetingService
import MeetingStore

/// `huiwu due`: the leaders' approval steps, their reviews and signatures of minutes, and the
/// office's feedback and return of signed minutes, with their R46 deadlines, overdue first,
/// and how many are due and overdue per person and department. A deadline counted through a
/// year without holiday data is marked and explained.
struct DueCommand: HuiwuCommand {
    static let configuration = CommandConfiguration(
        commandName: "due", abstract: "What is due and overdue (R46: 5 working days to approve, 1 to feed back). 到期与逾期事项。")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Only what waits on this person (login). 只列待此人办理的事项（登录名）。") var person: String?

    func run(_ context: CommandContext) throws {
        let office = try context.office()
        let report = try office.dueReport(person: person)
        let org = try office.orgChart()
        let lang = context.lang
        context.output.emit(report) {
            if report.lines.isEmpty && report.minutes.isEmpty {
                return context.output.line(Localized(zh: "\(report.today.iso)：没有到期事项", en: "\(report.today.iso): nothing due"))
            }
            func status(_ due: Day, _ overdue: Bool) -> String {
                overdue ? (Localized(zh: "已逾期", en: "OVERDUE").text(lang)) : (due == report.today ? (Localized(zh: "今日到期", en: "due today").text(lang)) : (Localized(zh: "未到期", en: "pending").text(lang)))
            }
            func names(_ logins: [String]) -> String { logins.map { org.person($0)?.name ?? $0 }.joined(separator: Localized(zh: "、", en: ", ").text(lang)) }
            // "≈" marks a due day counted through a year without holiday data (the warning is printed below).
            func day(_ due: Day, _ warning: Localized?) -> String { (warning == nil ? "" : "≈") + due.iso }
            var text = Output.table([Localized(zh: "期限", en: "due"), Localized(zh: "状态", en: "status"), Localized(zh: "事项", en: "what"), Localized(zh: "步骤", en: "step"), Localized(zh: "待办人", en: "waiting on"), Localized(zh: "部门", en: "department")].map { $0.text(lang) },
                                    report.lines.map { l in
                                        [day(l.due, l.dueWarning), status(l.due, l.overdue), "#\(l.itemId) \(l.title)", l.step.name.text(lang),
                                         names(l.waitingOn), org.department(l.department)?.name ?? l.department]
                                    } + report.minutes.map { m in
                                        [day(m.due, m.dueWarning), status(m.due, m.overdue), (Localized(zh: "纪要 #", en: "minutes #").text(lang)) + "\(m.minutesId) \(m.title)",
                                         m.step.name.text(lang), names(m.waitingOn), m.department.map { org.department($0)?.name ?? $0 } ?? ""]
                                    })
            let warnings = Set((report.lines.compactMap(\.dueWarning) + report.minutes.compactMap(\.dueWarning)).map { $0.text(lang) })
            for warning in warnings.sorted() { text += "\n≈ " + warning }
            text += "\n\n" + Output.table([Localized(zh: "人员", en: "person"), Localized(zh: "到期", en: "due"), Localized(zh: "逾期", en: "overdue")].map { $0.text(lang) },
                                          report.byPerson.map { ["\($0.name) (\($0.key))", String($0.due), String($0.overdue)] })
            text += "\n\n" + Output.table([Localized(zh: "部门", en: "department"), Localized(zh: "到期", en: "due"), Localized(zh: "逾期", en: "overdue")].map { $0.text(lang) },
                                          report.byDepartment.map { ["\($0.name) (\($0.key))", String($0.due), String($0.overdue)] })
            return text
        }
    }
}
