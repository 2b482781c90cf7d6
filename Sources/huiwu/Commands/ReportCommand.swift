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
        let first = try from.map { try SchedulingInput.day($0, field: "--from") } ?? Day(year: today.year, month: 1, day: 1)!
        let last = try to.map { try SchedulingInput.day($0, field: "--to") } ?? today
        let report = try office.periodReport(from: first, to: last)
        if csv {
            FileHandle.standardOutput.write(Data(report.csv.utf8))
            return
        }
        context.output.emit(report) { ReportCommand.text(report, context.lang) }
    }

    static func text(_ r: PeriodReport, _ lang: Lang) -> String {
        func days(_ value: Double?) -> String { value.map { String(format: "%.1f", $0) } ?? "—" }
        var parts = [Localized(zh: "会务报表 \(r.from.iso) 至 \(r.to.iso)", en: "Report \(r.from.iso) to \(r.to.iso)").text(lang)]

        let meetingRows = r.meetings.map { [$0.kind.name.text(lang), "\($0.held)", "\($0.notHeld)", "\($0.upcoming)", "\($0.cancelled)"] }
        let totals = ["\(r.meetings.reduce(0) { $0 + $1.held })", "\(r.meetings.reduce(0) { $0 + $1.notHeld })",
                      "\(r.meetings.reduce(0) { $0 + $1.upcoming })", "\(r.meetings.reduce(0) { $0 + $1.cancelled })"]
        parts.append((Localized(zh: "会议", en: "Meetings").text(lang)) + "\n" + Output.table(
            [Localized(zh: "类别", en: "kind"), Localized(zh: "已召开", en: "held"), Localized(zh: "未召开", en: "not held"), Localized(zh: "待召开", en: "to come"), Localized(zh: "已取消", en: "cancelled")].map { $0.text(lang) },
            meetingRows + [[Localized(zh: "合计", en: "total").text(lang)] + totals]))

        let itemRows = (r.items + [r.itemTotal]).map { c in
            [c.key == "all" ? (Localized(zh: "合计", en: "total").text(lang)) : c.name, "\(c.decided)", "\(c.deferred)", "\(c.withdrawn)", days(c.averageDaysToDecision)]
        }
        parts.append((Localized(zh: "议题（按主办部门）", en: "Agenda items (by lead department)").text(lang)) + "\n" + Output.table(
            [Localized(zh: "部门", en: "department"), Localized(zh: "决定", en: "decided"), Localized(zh: "暂缓", en: "deferred"), Localized(zh: "撤回", en: "withdrawn"), Localized(zh: "起草至决定平均天数", en: "avg days draft→decision")].map { $0.text(lang) },
            itemRows))

        let asOf = Localized(zh: "逾期（截至 \(r.asOf.iso)；审核 R46，督办 R53–R55）", en: "Overdue (as of \(r.asOf.iso); approvals R46, follow-ups R53–R55)").text(lang)
        func overdue(_ title: String, _ list: [PeriodReport.Overdue]) -> String {
            title + "\n" + (list.isEmpty ? (Localized(zh: "（无逾期）", en: "(nothing overdue)").text(lang))
                : Output.table([Localized(zh: "名称", en: "name").text(lang), Localized(zh: "审核逾期", en: "approvals").text(lang), Localized(zh: "督办逾期", en: "follow-ups").text(lang)],
                               list.map { [$0.name, "\($0.approvals)", "\($0.followUps)"] }))
        }
        parts.append(asOf + "\n" + overdue(Localized(zh: "按领导", en: "By leader").text(lang), r.overdueByLeader) + "\n"
                     + overdue(Localized(zh: "按部门", en: "By department").text(lang), r.overdueByDepartment)
                     + (r.overdueReturns == 0 ? "" : "\n" + (Localized(zh: "已签发纪要逾期未转办（R46，1个工作日）：\(r.overdueReturns) 件", en: "signed minutes not sent back in time (R46, 1 working day): \(r.overdueReturns)").text(lang))))

        func rates(_ list: [PeriodReport.AttendanceRate], name: (PeriodReport.AttendanceRate) -> String) -> [[String]] {
            list.map { [name($0), "\($0.recorded)", "\($0.attended)", AttendanceCommand.percent($0.rate)] }
        }
        let header = [Localized(zh: "类别", en: "kind"), Localized(zh: "记录", en: "recorded"), Localized(zh: "出席", en: "attended"), Localized(zh: "出勤率", en: "rate")].map { $0.text(lang) }
        var attendance = (Localized(zh: "出勤率", en: "Attendance").text(lang)) + "\n" + Output.table(header,
            rates(r.attendanceByKind) { MeetingKind(rawValue: $0.key)?.name.text(lang) ?? $0.key }
            + rates([r.attendance]) { _ in Localized(zh: "合计", en: "total").text(lang) })
        if !r.attendanceByDepartment.isEmpty {
            attendance += "\n" + (Localized(zh: "按部门", en: "By department").text(lang)) + "\n"
                + Output.table([Localized(zh: "部门", en: "department").text(lang)] + header.dropFirst(), rates(r.attendanceByDepartment) { $0.name })
        }
        parts.append(attendance)
        return parts.joined(separator: "\n\n")
    }
}
