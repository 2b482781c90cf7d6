import ArgumentParser
import MeetingKit
import MeetingService
import MeetingStore

/// `huiwu absence …`: the register of absences from Beijing (R65).
struct AbsenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "absence", abstract: "Absences from Beijing (R65). 离京登记。",
        subcommands: [Add.self, List.self, Approve.self, Refuse.self, Withdraw.self, Shorten.self, Report.self])

    /// An absence as printed.
    struct View: Encodable {
        var id: Int64
        var person: String
        var name: String
        var from: String
        var to: String
        var kind: Absence.Kind
        var reason: String
        var status: Absence.Status
        /// Logins whose approval is still missing.
        var waitingFor: [String]
        var supervisor: String?
        var registeredBy: String
        var refusalReason: String?
        /// Registered before the first day away (R65).
        var inAdvance: Bool
        var withdrawnAt: String?
        /// The mayor's report to the municipal government (R7).
        var reportedAt: String?
        /// Not in advance, withdrawn, reported: as the list shows them.
        var remarks: [String]

        init(_ a: Absence, org: OrgChart, lang: Lang = .zh) {
            id = a.id ?? 0
            person = a.personLogin
            name = org.person(a.personLogin)?.name ?? a.personLogin
            from = a.fromDay.iso
            to = a.toDay.iso
            kind = a.kind
            reason = a.reason
            status = a.status
            waitingFor = (a.awaitsMayor ? [org.holder(of: .mayor)?.login ?? "mayor"] : []) + (a.awaitsSupervisor ? [a.supervisorLogin!] : [])
            supervisor = a.supervisorLogin
            registeredBy = a.registeredBy
            refusalReason = a.refusalReason
            inAdvance = a.isInAdvance
            withdrawnAt = a.withdrawnAt
            reportedAt = a.reportedAt
            remarks = a.remarks.map { $0.text(lang) }
        }
    }

    struct Add: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Register an absence from Beijing. 登记离京。")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Who is away (login). 离京人员登录名。") var person: String
        @Option(help: "First day away (YYYY-MM-DD). 离京开始日期。") var from: String
        @Option(help: "Last day away, inclusive. 离京结束日期（含当日）。") var to: String
        @Option(help: "Why. 离京事由。") var reason: String
        @Option(help: "trip, visit or leave. 类别：trip（出差）、visit（出访）或 leave（休假）。") var kind = "trip"

        func run(_ context: CommandContext) throws {
            let from = try SchedulingInput.day(self.from, field: "--from")
            let to = try SchedulingInput.day(self.to, field: "--to")
            let kind = try SchedulingInput.absenceKind(self.kind, field: "--kind")
            let office = try context.office()
            let result = try office.registerAbsence(person: person, from: from, to: to, kind: kind, reason: reason)
            let org = try office.orgChart()
            struct Registered: Encodable { var absence: View; var delegatedMeetings: [Int64]; var prefilledLeave: [Int64] }
            let registered = Registered(absence: View(result.absence, org: org), delegatedMeetings: result.delegatedMeetings.compactMap(\.id),
                                        prefilledLeave: result.prefilledLeave.compactMap(\.id))
            context.output.emit(registered) {
                let a = result.absence
                var text = context.output.line(Localized(zh: "已登记 \(View(a, org: org).name) \(a.dateText) 离京（id \(a.id ?? 0)，\(a.status.name.zh)）", en: "registered \(View(a, org: org).name) away \(a.dateText) (id \(a.id ?? 0), \(a.status.name.en))"))
                for m in result.delegatedMeetings {
                    text += "\n" + context.output.line(Localized(zh: "  \(m.numberedTitle(.zh)) \(m.start.day.iso) 改由常务副区长主持（R7）", en: "  \(m.numberedTitle(.en)) \(m.start.day.iso) is now chaired by the executive vice mayor (R7)"))
                }
                if !result.prefilledLeave.isEmpty {
                    text += "\n" + context.output.line(Localized(zh: "  已为期间的 \(result.prefilledLeave.count) 次会议预填请假，待审批（R42）", en: "  leave filed for \(result.prefilledLeave.count) meeting(s) in those days, pending approval (R42)"))
                }
                return text
            }
        }
    }

    struct List: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List absences. 离京登记列表。")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Overlapping this day or later. 起始日期（含此日仍在离京的登记）。") var from: String?
        @Option(help: "Overlapping this day or earlier. 截止日期（含此日已在离京的登记）。") var to: String?
        @Option(help: "Only this person (login). 只列此人（登录名）。") var person: String?
        @Option(help: "pending, approved or refused. 状态：pending（待审批）、approved（已批准）或 refused（未批准）。") var status: String?

        func run(_ context: CommandContext) throws {
            let from = try self.from.map { try SchedulingInput.day($0, field: "--from") }
            let to = try self.to.map { try SchedulingInput.day($0, field: "--to") }
            let status = try self.status.map { try SchedulingInput.absenceStatus($0, field: "--status") }
            let office = try context.office()
            let org = try office.orgChart()
            let views = try office.absences(from: from, to: to, person: person, status: status).map { View($0, org: org, lang: context.lang) }
            context.output.emit(views) {
                return Output.table([Localized(zh: "编号", en: "id"), Localized(zh: "人员", en: "person"), Localized(zh: "日期", en: "dates"), Localized(zh: "类别", en: "kind"), Localized(zh: "事由", en: "reason"), Localized(zh: "状态", en: "status"), Localized(zh: "待谁审批", en: "waiting for"), Localized(zh: "备注", en: "remarks")].map { $0.text(context.lang) },
                                    views.map { v in
                                        [String(v.id), "\(v.name) (\(v.person))", v.from == v.to ? v.from : "\(v.from)–\(v.to)",
                                         v.kind.name.text(context.lang), v.reason, v.status.name.text(context.lang),
                                         v.waitingFor.map { org.person($0)?.name ?? $0 }.joined(separator: ", "),
                                         v.remarks.joined(separator: Localized(zh: "；", en: "; ").text(context.lang))]
                                    })
            }
        }
    }

    struct Approve: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "approve", abstract: "Approve an absence (the mayor; for department heads also the supervising VM). 批准离京。")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Absence id. 离京登记编号。") var id: String

        func run(_ context: CommandContext) throws { try decide(context, id: id, .approve) }
    }

    struct Refuse: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "refuse", abstract: "Refuse an absence. 不批准离京。")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Absence id. 离京登记编号。") var id: String
        @Option(help: "Why. 未予批准的理由。") var reason: String

        func run(_ context: CommandContext) throws { try decide(context, id: id, .refuse(reason: reason)) }
    }
}

extension AbsenceCommand {
    struct Withdraw: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "withdraw",
            abstract: "Withdraw an absence: the trip was cancelled (R65; the mayor's chair comes back, R7). 撤销离京登记。")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Absence id. 离京登记编号。") var id: String
        @Option(help: "Why. 撤销理由。") var reason: String

        func run(_ context: CommandContext) throws {
            try AbsenceCommand.changed(context, id: id) { try $0.withdrawAbsence($1, reason: reason) }
        }
    }

    struct Shorten: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "shorten",
            abstract: "Shorten an absence to new first and last days within the old ones (R65, R7). 缩短离京时间。")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Absence id. 离京登记编号。") var id: String
        @Option(help: "New first day (YYYY-MM-DD). 新的开始日期。") var from: String
        @Option(help: "New last day, inclusive. 新的结束日期。") var to: String

        func run(_ context: CommandContext) throws {
            let from = try SchedulingInput.day(self.from, field: "--from"), to = try SchedulingInput.day(self.to, field: "--to")
            try AbsenceCommand.changed(context, id: id) { try $0.shortenAbsence($1, from: from, to: to) }
        }
    }

    struct Report: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "report",
            abstract: "Record that the mayor's absence was reported to the municipal government (R7). 区长离京向市政府报备。")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Absence id. 离京登记编号。") var id: String

        func run(_ context: CommandContext) throws {
            try AbsenceCommand.changed(context, id: id) { try $0.reportAbsenceToMunicipality($1) }
        }
    }

    /// An absence id as typed, refused (exit 2) when it is not a positive number.
    static func absenceId(_ text: String) throws -> Int64 {
        try SchedulingInput.id(text, what: Localized(zh: "离京登记", en: "absence"))
    }

    /// Runs a change of an absence and prints it, with the meetings whose chair came back to the mayor (R7).
    static func changed(_ context: CommandContext, id text: String, _ body: (Office, Int64) throws -> AbsenceChange) throws {
        let id = try AbsenceCommand.absenceId(text)
        let office = try context.office()
        let result = try body(office, id)
        let org = try office.orgChart()
        struct Changed: Encodable { var absence: View; var restoredMeetings: [Int64] }
        let view = View(result.absence, org: org, lang: context.lang)
        context.output.emit(Changed(absence: view, restoredMeetings: result.restoredMeetings.compactMap(\.id))) {
            var text = context.output.line(Localized(zh: "离京登记 \(id)（\(view.name)）\(result.absence.dateText)：\(view.remarks.joined(separator: "；"))", en: "absence \(id) (\(view.name)) \(result.absence.dateText): \(view.remarks.joined(separator: "; "))"))
            for m in result.restoredMeetings {
                text += "\n" + context.output.line(Localized(zh: "  \(m.numberedTitle(.zh)) \(m.start.day.iso) 恢复由区长主持（R7）", en: "  \(m.numberedTitle(.en)) \(m.start.day.iso) is chaired by the mayor again (R7)"))
            }
            return text
        }
    }
}

extension HuiwuCommand {
    func decide(_ context: CommandContext, id text: String, _ event: AbsenceWorkflow.Event) throws {
        let id = try AbsenceCommand.absenceId(text)
        let office = try context.office()
        let absence = try office.decideAbsence(id, event)
        let view = AbsenceCommand.View(absence, org: try office.orgChart())
        context.output.emit(view) {
            context.output.line(Localized(zh: "离京登记 \(id)（\(view.name)）：\(absence.status.name.zh)", en: "absence \(id) (\(view.name)): \(absence.status.name.en)"))
        }
    }
}
