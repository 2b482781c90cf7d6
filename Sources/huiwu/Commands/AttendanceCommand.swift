import ArgumentParser
import Foundation
import MeetingKit
import MeetingService
import MeetingStore

/// `huiwu attendance …`: sign-in at a meeting, the roster's status, statistics.
struct AttendanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attendance", abstract: "Sign-in and attendance statistics. 签到与出勤统计。",
        subcommands: [Mark.self, Show.self, Stats.self, Sheet.self])

    struct Mark: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "mark",
            abstract: "Record one person's sign-in (office staff). 登记签到。",
            discussion: "leave needs approved leave (R42); late needs --late-minutes; substitute names who came (default: the approved leave's substitute). 登记请假须有已批准的请假申请；登记迟到须给出 --late-minutes；登记代会须写明代会人员（默认为已批准请假申请中的代会人员）。")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Meeting id. 会议编号。") var meeting: Int64
        @Option(help: "Login of the person on the roster. 参会人登录名。") var person: String
        @Option(help: "present, late, absent, leave or substitute. 签到情况：present（到会）、late（迟到）、absent（缺席）、leave（请假）或 substitute（代会）。") var status: AttendanceStatus
        @Option(help: "Minutes late (with --status late). 迟到分钟数。") var lateMinutes: Int?
        @Option(help: "Who came instead (with --status substitute). 代会人员登录名。") var substitute: String?

        func run(_ context: CommandContext) throws {
            let office = try context.office()
            let record = try office.markAttendance(meetingId: meeting, person: person, status: status, lateMinutes: lateMinutes, substitute: substitute)
            let name = try office.orgChart().person(person)?.name ?? person
            context.output.emit(record) {
                var zh = "已登记：\(name) \(record.status.name.zh)"
                var en = "recorded: \(name) \(record.status.name.en)"
                if let m = record.lateMinutes { zh += " \(m) 分钟"; en += " \(m) min" }
                if let s = record.substituteLogin { zh += "（代会：\(s)）"; en += " (substitute: \(s))" }
                return context.output.line(zh, en)
            }
        }
    }

    struct Show: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "A meeting's roster with leave and sign-in status. 名单与签到情况。")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Meeting id. 会议编号。") var meeting: Int64

        func run(_ context: CommandContext) throws {
            let roster = try context.office().roster(meetingId: meeting)
            let lang = context.lang
            context.output.emit(roster) {
                var rows: [[String]] = []
                for line in roster.lines {
                    rows.append([line.name, line.participation.name.text(lang), line.departmentName ?? "", AttendanceCommand.status(line, lang)])
                    if let sub = line.substituteName {
                        rows.append(["  └ " + sub, lang == .zh ? "代会" : "substitute", "", lang == .zh ? "代 \(line.name)" : "for \(line.name)"])
                    }
                }
                let heading = "\(roster.title.text(lang)) · \(roster.start.day.iso) \(roster.start.timeText) · "
                    + (lang == .zh ? "已签到 \(roster.markedCount)/\(roster.lines.count)" : "signed in \(roster.markedCount)/\(roster.lines.count)")
                return TextSafety.inert(heading) + "\n"
                    + Output.table(lang == .zh ? ["姓名", "类别", "部门/单位", "状态"] : ["name", "role", "department", "status"], rows)
            }
        }
    }

    static func status(_ line: Roster.Line, _ lang: Lang) -> String {
        let zh = lang == .zh
        guard let status = line.status else {
            switch line.leaveStatus {
            case .pending: return zh ? "未签到（请假待批）" : "not signed in (leave pending)"
            case .rejected: return zh ? "未签到（请假未准）" : "not signed in (leave rejected)"
            default: return zh ? "未签到" : "not signed in"
            }
        }
        switch status {
        case .late: return zh ? "迟到 \(line.lateMinutes ?? 0) 分钟" : "late \(line.lateMinutes ?? 0) min"
        case .absent where line.absentWithoutLeave: return zh ? "缺席（未请假）" : "absent (no leave)"
        case .leave where !line.marked: return zh ? "请假（已批准）" : "on leave (approved)"
        default: return status.name.text(lang)
        }
    }

    struct Stats: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "stats",
            abstract: "Attendance rates per person, department and meeting kind; leave; absences without leave. 出勤统计。",
            discussion: "Rate = (present + late) / recorded; approved leave without a mark counts as leave. 出勤率 =（到会+迟到）/ 已记录。")
        @OptionGroup var global: GlobalOptions
        @Option(help: "First day, YYYY-MM-DD. 开始日期。") var from: String
        @Option(help: "Last day, YYYY-MM-DD. 结束日期。") var to: String
        @Option(name: .customLong("dept"), help: "Only the people of this department (code). 部门代码。") var department: String?
        @Option(help: "Only meetings of this kind: plenary, executive, topical. 会议类别。") var kind: String?

        func run(_ context: CommandContext) throws {
            let first = try AttendanceCommand.day(from, option: "--from")
            let last = try AttendanceCommand.day(to, option: "--to")
            var meetingKind: MeetingKind?
            if let kind {
                guard let k = MeetingKind(rawValue: kind) else {
                    throw Refusal.invalid("meeting.badKind", "会议类别 “\(TextSafety.inert(kind))” 无效：plenary、executive 或 topical",
                                          "the meeting kind '\(TextSafety.inert(kind))' is invalid: plenary, executive or topical")
                }
                meetingKind = k
            }
            let stats = try context.office().attendanceStatistics(from: first, to: last, department: department, kind: meetingKind)
            context.output.emit(stats) { AttendanceCommand.text(stats, context.lang) }
        }
    }

    static func day(_ text: String, option: String) throws -> Day {
        guard let day = Day(iso: text) else {
            throw Refusal.invalid("input.badDate", "\(option) “\(TextSafety.inert(text))” 不是有效日期（格式 2026-03-02）",
                                  "\(option) '\(TextSafety.inert(text))' is not a valid date (format 2026-03-02)")
        }
        return day
    }

    static func percent(_ rate: Double?) -> String {
        guard let rate else { return "—" }
        return String(format: "%.1f%%", rate * 100)
    }

    static func text(_ stats: AttendanceStatistics, _ lang: Lang) -> String {
        let zh = lang == .zh
        let header = (zh ? ["记录", "到会", "迟到", "缺席", "请假", "代会", "出勤率", "批准请假"]
                         : ["recorded", "present", "late", "absent", "leave", "subst", "rate", "leave approved"])
        func table(_ title: String, _ rows: [AttendanceStatistics.Tally], name: (AttendanceStatistics.Tally) -> String) -> String {
            let body = rows.filter { $0.recorded > 0 || $0.approvedLeave > 0 }.map { t in
                [name(t), "\(t.recorded)", "\(t.present)", "\(t.late)", "\(t.absent)", "\(t.leave)", "\(t.substitute)", percent(t.rate), "\(t.approvedLeave)"]
            }
            return title + "\n" + (body.isEmpty ? (zh ? "（无记录）" : "(nothing recorded)") : Output.table([zh ? "名称" : "name"] + header, body))
        }
        var parts = [TextSafety.inert(zh ? "出勤统计 \(stats.from.iso) 至 \(stats.to.iso)：\(stats.meetings) 次会议"
                                          : "Attendance \(stats.from.iso) to \(stats.to.iso): \(stats.meetings) meetings")]
        parts.append(table(zh ? "按人员" : "By person", stats.people) { "\($0.name) (\($0.key))" })
        parts.append(table(zh ? "按部门" : "By department", stats.departments) { $0.name })
        parts.append(table(zh ? "按会议类别" : "By meeting kind", stats.kinds) { MeetingKind(rawValue: $0.key)?.name.text(lang) ?? $0.key })
        var leave = zh ? "请假 \(stats.leaves.count) 件：已批准 \(stats.leaveCount(.approved))，不予批准 \(stats.leaveCount(.rejected))，待审批 \(stats.leaveCount(.pending))"
                       : "Leave requests \(stats.leaves.count): \(stats.leaveCount(.approved)) approved, \(stats.leaveCount(.rejected)) rejected, \(stats.leaveCount(.pending)) pending"
        if !stats.leaves.isEmpty {
            leave += "\n" + Output.table(zh ? ["日期", "请假人", "状态", "事由"] : ["day", "person", "status", "reason"],
                                         stats.leaves.map { [$0.day.iso, $0.name, $0.status.name.text(lang), $0.reason] })
        }
        parts.append(leave)
        var absences = zh ? "未请假缺席 \(stats.absencesWithoutLeave.count) 人次" : "Absences without leave: \(stats.absencesWithoutLeave.count)"
        if !stats.absencesWithoutLeave.isEmpty {
            absences += "\n" + Output.table(zh ? ["日期", "会议", "姓名"] : ["day", "meeting", "name"],
                                            stats.absencesWithoutLeave.map { [$0.day.iso, $0.meetingTitle.text(lang), $0.name] })
        }
        parts.append(absences)
        return parts.joined(separator: "\n\n")
    }
}
