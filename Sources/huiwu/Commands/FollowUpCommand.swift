import ArgumentParser
import MeetingKit
import MeetingService
import MeetingStore

/// `huiwu followup …`: decisions of signed minutes tracked to completion (督办, R53–R55).
struct FollowUpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "followup", abstract: "Follow-ups of decisions in signed minutes (R53-R55). 督办事项。",
        subcommands: [List.self, Done.self, Due.self, Export.self])

    /// A follow-up as printed (the description is null when classified and not for the reader, R48).
    struct View: Encodable {
        var id: Int64
        var minutesId: Int64
        var minutesNumber: String?
        var itemId: Int64?
        var lead: String
        var leadName: String
        var description: String?
        var due: Day
        var status: FollowUp.Status
        var overdue: Bool
        var doneNote: String?
        var doneAt: LocalDateTime?
        var doneBy: String?

        init(_ line: FollowUpLine) {
            let f = line.followUp
            id = f.id!
            minutesId = f.minutesId
            minutesNumber = line.minutesNumber
            itemId = f.itemId
            lead = f.leadDepartmentCode
            leadName = line.departmentName
            description = line.descriptionVisible ? f.description : nil
            due = f.dueDay
            status = f.status
            overdue = line.isOverdue
            doneNote = line.descriptionVisible ? f.doneNote : nil
            doneAt = f.doneAt
            doneBy = f.doneBy
        }
    }

    static func line(_ l: FollowUpLine, _ lang: Lang) -> String {
        let f = l.followUp
        let what = l.descriptionVisible ? f.description : (lang == .zh ? "（涉密，内容不显示）" : "(classified, not shown)")
        let state = f.status == .done ? f.status.name.text(lang) : (l.isOverdue ? (lang == .zh ? "逾期" : "OVERDUE") : f.status.name.text(lang))
        return "#\(f.id!) \(l.departmentName) \(f.dueDay.iso) [\(state)] \(what)"
    }

    struct List: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List follow-ups by due day. 督办事项列表。")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Only overdue ones. 只看逾期。") var overdue = false
        @Option(name: .customLong("dept"), help: "Only this lead unit (department code). 主办单位。") var department: String?

        func run(_ context: CommandContext) throws {
            let lines = try context.office().followUps(overdueOnly: overdue, department: department)
            let lang = context.lang
            context.output.emit(lines.map(View.init)) {
                if lines.isEmpty { return context.output.line("没有督办事项", "no follow-ups") }
                return Output.table(lang == .zh ? ["编号", "主办单位", "期限", "状态", "纪要", "事项"] : ["id", "lead unit", "due", "status", "minutes", "decision"],
                                    lines.map { l in
                                        let f = l.followUp
                                        return ["\(f.id!)", l.departmentName, f.dueDay.iso,
                                                f.status == .open && l.isOverdue ? (lang == .zh ? "逾期" : "OVERDUE") : f.status.name.text(lang),
                                                l.minutesNumber ?? "", l.descriptionVisible ? f.description : (lang == .zh ? "（涉密）" : "(classified)")]
                                    })
            }
        }
    }

    struct Done: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "done", abstract: "Close a follow-up with a note (R54). 办结。")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Follow-up id. 督办事项编号。") var id: Int64
        @Option(help: "What was done. 办结说明。") var note: String

        func run(_ context: CommandContext) throws {
            let office = try context.office()
            let followUp = try office.completeFollowUp(id, note: note)
            try FollowUpCommand.report(followUp, office, context)
        }
    }

    struct Due: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "due", abstract: "Change a follow-up's due day (default 20 working days). 调整办理期限。")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Follow-up id. 督办事项编号。") var id: Int64
        @Option(help: "New due day, YYYY-MM-DD. 新期限。") var due: String

        func run(_ context: CommandContext) throws {
            guard let day = Day(iso: due) else {
                throw Refusal.invalid("date.invalid", "“\(TextSafety.inert(due))” 不是有效日期（格式 2026-04-30）",
                                      "'\(TextSafety.inert(due))' is not a valid date (format 2026-04-30)")
            }
            let office = try context.office()
            let followUp = try office.setFollowUpDue(id, due: day)
            try FollowUpCommand.report(followUp, office, context)
        }
    }

    static func report(_ followUp: FollowUp, _ office: Office, _ context: CommandContext) throws {
        guard let id = followUp.id, let line = try office.followUpLine(id) else { return }
        context.output.emit(View(line)) { TextSafety.inert(FollowUpCommand.line(line, context.lang)) }
    }
}
