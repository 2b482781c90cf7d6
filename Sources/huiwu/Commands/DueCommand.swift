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
        let zh = lang == .zh
        context.output.emit(report) {
            if report.lines.isEmpty && report.minutes.isEmpty {
                return context.output.line("\(report.today.iso)：没有到期事项", "\(report.today.iso): nothing due")
            }
            func status(_ due: Day, _ overdue: Bool) -> String {
                overdue ? (zh ? "已逾期" : "OVERDUE") : (due == report.today ? (zh ? "今日到期" : "due today") : (zh ? "未到期" : "pending"))
            }
            func names(_ logins: [String]) -> String { logins.map { org.person($0)?.name ?? $0 }.joined(separator: zh ? "、" : ", ") }
            // "≈" marks a due day counted through a year without holiday data (the warning is printed below).
            func day(_ due: Day, _ warning: Localized?) -> String { (warning == nil ? "" : "≈") + due.iso }
            var text = Output.table(zh ? ["期限", "状态", "事项", "步骤", "待办人", "部门"] : ["due", "status", "what", "step", "waiting on", "department"],
                                    report.lines.map { l in
                                        [day(l.due, l.dueWarning), status(l.due, l.overdue), "#\(l.itemId) \(l.title)", l.step.name.text(lang),
                                         names(l.waitingOn), org.department(l.department)?.name ?? l.department]
                                    } + report.minutes.map { m in
                                        [day(m.due, m.dueWarning), status(m.due, m.overdue), (zh ? "纪要 #" : "minutes #") + "\(m.minutesId) \(m.title)",
                                         m.step.name.text(lang), names(m.waitingOn), m.department.map { org.department($0)?.name ?? $0 } ?? ""]
                                    })
            let warnings = Set((report.lines.compactMap(\.dueWarning) + report.minutes.compactMap(\.dueWarning)).map { $0.text(lang) })
            for warning in warnings.sorted() { text += "\n≈ " + warning }
            text += "\n\n" + Output.table(zh ? ["人员", "到期", "逾期"] : ["person", "due", "overdue"],
                                          report.byPerson.map { ["\($0.name) (\($0.key))", String($0.due), String($0.overdue)] })
            text += "\n\n" + Output.table(zh ? ["部门", "到期", "逾期"] : ["department", "due", "overdue"],
                                          report.byDepartment.map { ["\($0.name) (\($0.key))", String($0.due), String($0.overdue)] })
            return text
        }
    }
}
