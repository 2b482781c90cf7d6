import ArgumentParser
import MeetingDocuments
import MeetingKit
import MeetingService
import MeetingStore

/// `huiwu leave …`: leave requests routed to the approver R42 names, and the compiled report.
struct LeaveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "leave", abstract: "Leave from meetings (R42). 请假。",
        subcommands: [Request.self, PlainStep<Approve>.self, Reject.self, List.self, Report.self])

    static func summary(_ line: LeaveLine, _ context: CommandContext) -> String {
        context.output.line(Localized(zh: "#\(line.id) \(line.name) · \(line.meetingTitle.zh) · \(line.status.name.zh) · 审批人 \(line.approverName)", en: "#\(line.id) \(line.name) · \(line.meetingTitle.en) · \(line.status.name.en) · approver \(line.approverName)"))
    }

    struct Request: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "request",
            abstract: "Ask for leave from a meeting, in advance (R42). 请假（应提前）。",
            discussion: """
                Vice mayors ask the mayor; department heads, street directors and everyone else ask the office director.
                After the meeting has started, only the approver may file it, with --override REASON.
                副区长向区长请假；部门主要负责人、街道办事处主任等向区政府办公室主任请假。会议开始后须由审批人注明理由受理。
                """)
        @OptionGroup var global: GlobalOptions
        @Option(help: "Meeting id. 会议编号。") var meeting: Int64
        @Option(help: "Whose leave (default: you, or the leader you act for). 请假人登录名。") var person: String?
        @Option(help: "Why. 事由。") var reason: String
        @Option(help: "Who attends instead (login). 代会人员登录名。") var substitute: String?
        @Option(help: "The approver's reason to accept a request after the start. 逾期受理理由（审批人）。") var override: String?

        func run(_ context: CommandContext) throws {
            let office = try context.office()
            let request = try office.requestLeave(meetingId: meeting, person: person, reason: reason, substitute: substitute, override: override)
            let line = try office.leaveLine(request.id!)
            context.output.emit(line) {
                context.output.line(Localized(zh: "已提交请假申请 #\(line.id)：\(line.name)，\(line.meetingTitle.zh)，待 \(line.approverName) 审批", en: "filed leave request #\(line.id): \(line.name), \(line.meetingTitle.en), waiting for \(line.approverName)"))
            }
        }
    }

    enum Approve: StepRowName { static var row: StepRow<LeaveStepTarget> { StepRow(name: "approve", abstract: "Approve a leave request (the approver R42 names). 批准请假。", done: Localized(zh: "已批准：", en: "approved: "), take: Office.approveLeave) } }

    struct Reject: RecordStep {
        static let configuration = CommandConfiguration(commandName: "reject", abstract: "Reject a leave request with a reason (R42). 不予批准。")
        var done: Localized { Localized(zh: "不予批准：", en: "rejected: ") }
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: LeaveStepTarget
        @Option(help: "Why not. 理由。") var reason: String

        func take(_ office: Office, _ id: Int64) throws -> LeaveRequest {
            try office.rejectLeave(id, reason: reason, expectedVersion: target.expectVersion)
        }
    }

    struct List: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List leave requests. 列出请假申请。")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only this meeting. 会议编号。") var meeting: Int64?
        @Option(help: "Only this status: pending, approved, rejected. 只列此状态：待审批、已批准或不予批准。") var status: LeaveStatus?

        func run(_ context: CommandContext) throws {
            let lines = try context.office().leaveRequests(meetingId: meeting, status: status)
            let lang = context.lang
            context.output.emit(lines) {
                if lines.isEmpty { return context.output.line(Localized(zh: "没有请假申请", en: "no leave requests")) }
                return Output.table([Localized(zh: "编号", en: "id"), Localized(zh: "会议", en: "meeting"), Localized(zh: "请假人", en: "person"), Localized(zh: "状态", en: "status"), Localized(zh: "审批人", en: "approver"), Localized(zh: "事由", en: "reason")].map { $0.text(lang) },
                                    lines.map { l in
                                        ["\(l.id)", "\(l.meetingStart.day.iso) \(l.meetingTitle.text(lang))", l.name,
                                         l.status.name.text(lang), l.approverName, l.reason]
                                    })
            }
        }
    }

    struct Report: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "report",
            abstract: "The compiled leave report of a meeting for the mayor (R42). 请假汇总报告。",
            discussion: "Viewed by the mayor, it is marked read. 区长查看后标为已阅。")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Meeting id. 会议编号。") var meeting: Int64
        @OptionGroup var document: DocumentOptions

        func run(_ context: CommandContext) throws {
            if document.format != nil || document.out != nil {
                let paper = try context.office().leaveReportPaper(meetingId: meeting)
                return try document.write(LeaveReportComposer.layout(paper), value: paper, context)
            }
            let report = try context.office().leaveReport(meetingId: meeting)
            context.output.emit(report) { TextSafety.inert(report.lines(context.lang).joined(separator: "\n"), allowNewlines: true) }
        }
    }
}
