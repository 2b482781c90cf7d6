import ArgumentParser
import MeetingKit
import MeetingService
import MeetingStore

/// `huiwu due`: the leaders' approval steps and the office's feedback steps with their R46
/// deadlines, overdue first, and how many are due and overdue per person and department.
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
            if report.lines.isEmpty {
                return context.output.line("\(report.today.iso)：没有到期事项", "\(report.today.iso): nothing due")
            }
            var text = Output.table(zh ? ["期限", "状态", "议题", "步骤", "待办人", "部门"] : ["due", "status", "item", "step", "waiting on", "department"],
                                    report.lines.map { l in
                                        [l.due.iso,
                                         l.overdue ? (zh ? "已逾期" : "OVERDUE") : (l.due == report.today ? (zh ? "今日到期" : "due today") : (zh ? "未到期" : "pending")),
                                         "#\(l.itemId) \(l.title)", l.step.name.text(lang),
                                         l.waitingOn.map { org.person($0)?.name ?? $0 }.joined(separator: zh ? "、" : ", "),
                                         org.department(l.department)?.name ?? l.department]
                                    })
            text += "\n\n" + Output.table(zh ? ["人员", "到期", "逾期"] : ["person", "due", "overdue"],
                                          report.byPerson.map { ["\($0.name) (\($0.key))", String($0.due), String($0.overdue)] })
            text += "\n\n" + Output.table(zh ? ["部门", "到期", "逾期"] : ["department", "due", "overdue"],
                                          report.byDepartment.map { ["\($0.name) (\($0.key))", String($0.due), String($0.overdue)] })
            return text
        }
    }
}
