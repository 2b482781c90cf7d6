import ArgumentParser
import Foundation
import MeetingKit
import MeetingService
import MeetingStore
import MeetingFormats

/// `huiwu report`: the office's figures for a period, as aligned text tables, CSV or JSON.
struct ReportCommand: HuiwuCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Report for a period: meetings, items, overdue steps (R46, R53-R55), attendance. 会务报表。",
        discussion: """
            Meetings held per kind; agenda items decided, deferred and withdrawn per lead department with the average days \
            from draft to decision; what is overdue now per leader and department (approval steps, R46; follow-ups, R53-R55); \
            attendance rates. Default period: this year up to today. --csv writes one figure per row (section,key,name,measure,value).
            按会议类别统计召开次数；按主办部门统计议题决定、暂缓、撤回及起草至决定的平均天数；按领导和部门统计当前逾期的审核环节（R46）和督办事项（R53–R55）；出勤率。默认期间：本年初至今日。
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "First day, YYYY-MM-DD (default: January 1 of this year). 开始日期。") var from: String?
    @Option(help: "Last day, YYYY-MM-DD (default: today). 结束日期。") var to: String?
    @Flag(help: "Print CSV (RFC 4180, one figure per row). 输出 CSV。") var csv = false

    func validate() throws {
        if csv && global.json { throw ValidationError("give --csv or --json, not both") }
    }

    func run(_ context: CommandContext) throws {
        let office = try context.office()
        let today = office.clock.today
        let first = try from.map { try AttendanceCommand.day($0, option: "--from") } ?? Day(year: today.year, month: 1, day: 1)!
        let last = try to.map { try AttendanceCommand.day($0, option: "--to") } ?? today
        let report = try office.periodReport(from: first, to: last)
        if csv {
            FileHandle.standardOutput.write(Data(report.csv.utf8))
            return
        }
        context.output.emit(report) { ReportCommand.text(report, context.lang) }
    }

    static func text(_ r: PeriodReport, _ lang: Lang) -> String {
        let zh = lang == .zh
        func days(_ value: Double?) -> String { value.map { String(format: "%.1f", $0) } ?? "—" }
        var parts = [zh ? "会务报表 \(r.from.iso) 至 \(r.to.iso)" : "Report \(r.from.iso) to \(r.to.iso)"]

        let meetingRows = r.meetings.map { [$0.kind.name.text(lang), "\($0.held)", "\($0.notHeld)", "\($0.upcoming)", "\($0.cancelled)"] }
        let totals = ["\(r.meetings.reduce(0) { $0 + $1.held })", "\(r.meetings.reduce(0) { $0 + $1.notHeld })",
                      "\(r.meetings.reduce(0) { $0 + $1.upcoming })", "\(r.meetings.reduce(0) { $0 + $1.cancelled })"]
        parts.append((zh ? "会议" : "Meetings") + "\n" + Output.table(
            zh ? ["类别", "已召开", "未召开", "待召开", "已取消"] : ["kind", "held", "not held", "to come", "cancelled"],
            meetingRows + [[zh ? "合计" : "total"] + totals]))

        let itemRows = (r.items + [r.itemTotal]).map { c in
            [c.key == "all" ? (zh ? "合计" : "total") : c.name, "\(c.decided)", "\(c.deferred)", "\(c.withdrawn)", days(c.averageDaysToDecision)]
        }
        parts.append((zh ? "议题（按主办部门）" : "Agenda items (by lead department)") + "\n" + Output.table(
            zh ? ["部门", "决定", "暂缓", "撤回", "起草至决定平均天数"] : ["department", "decided", "deferred", "withdrawn", "avg days draft→decision"],
            itemRows))

        let asOf = zh ? "逾期（截至 \(r.asOf.iso)；审核 R46，督办 R53–R55）" : "Overdue (as of \(r.asOf.iso); approvals R46, follow-ups R53–R55)"
        func overdue(_ title: String, _ list: [PeriodReport.Overdue]) -> String {
            title + "\n" + (list.isEmpty ? (zh ? "（无逾期）" : "(nothing overdue)")
                : Output.table([zh ? "名称" : "name", zh ? "审核逾期" : "approvals", zh ? "督办逾期" : "follow-ups"],
                               list.map { [$0.name, "\($0.approvals)", "\($0.followUps)"] }))
        }
        parts.append(asOf + "\n" + overdue(zh ? "按领导" : "By leader", r.overdueByLeader) + "\n"
                     + overdue(zh ? "按部门" : "By department", r.overdueByDepartment)
                     + (r.overdueReturns == 0 ? "" : "\n" + (zh ? "已签发纪要逾期未转办（R46，1个工作日）：\(r.overdueReturns) 件"
                                                                    : "signed minutes not sent back in time (R46, 1 working day): \(r.overdueReturns)")))

        func rates(_ list: [PeriodReport.AttendanceRate], name: (PeriodReport.AttendanceRate) -> String) -> [[String]] {
            list.map { [name($0), "\($0.recorded)", "\($0.attended)", AttendanceCommand.percent($0.rate)] }
        }
        let header = zh ? ["类别", "记录", "出席", "出勤率"] : ["kind", "recorded", "attended", "rate"]
        var attendance = (zh ? "出勤率" : "Attendance") + "\n" + Output.table(header,
            rates(r.attendanceByKind) { MeetingKind(rawValue: $0.key)?.name.text(lang) ?? $0.key }
            + rates([r.attendance]) { _ in zh ? "合计" : "total" })
        if !r.attendanceByDepartment.isEmpty {
            attendance += "\n" + (zh ? "按部门" : "By department") + "\n"
                + Output.table([zh ? "部门" : "department"] + header.dropFirst(), rates(r.attendanceByDepartment) { $0.name })
        }
        parts.append(attendance)
        return parts.joined(separator: "\n\n")
    }
}
