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
                return context.output.line(Localized(zh: zh, en: en))
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
                        rows.append(["  └ " + sub, Localized(zh: "代会", en: "substitute").text(lang), "", Localized(zh: "代 \(line.name)", en: "for \(line.name)").text(lang)])
                    }
                }
                let heading = "\(roster.title.text(lang)) · \(roster.start.day.iso) \(roster.start.timeText) · "
                    + (Localized(zh: "已签到 \(roster.markedCount)/\(roster.lines.count)", en: "signed in \(roster.markedCount)/\(roster.lines.count)").text(lang))
                return TextSafety.inert(heading) + "\n"
                    + Output.table([Localized(zh: "姓名", en: "name"), Localized(zh: "类别", en: "role"), Localized(zh: "部门/单位", en: "department"), Localized(zh: "状态", en: "status")].map { $0.text(lang) }, rows)
            }
        }
    }

    static func status(_ line: Roster.Line, _ lang: Lang) -> String {
        guard let status = line.status else {
            switch line.leaveStatus {
            case .pending: return Localized(zh: "未签到（请假待批）", en: "not signed in (leave pending)").text(lang)
            case .rejected: return Localized(zh: "未签到（请假未准）", en: "not signed in (leave rejected)").text(lang)
            default: return Localized(zh: "未签到", en: "not signed in").text(lang)
            }
        }
        switch status {
        case .late: return Localized(zh: "迟到 \(line.lateMinutes ?? 0) 分钟", en: "late \(line.lateMinutes ?? 0) min").text(lang)
        case .absent where line.absentWithoutLeave: return Localized(zh: "缺席（未请假）", en: "absent (no leave)").text(lang)
        case .leave where !line.marked: return Localized(zh: "请假（已批准）", en: "on leave (approved)").text(lang)
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
            let first = try SchedulingInput.day(from, field: "--from")
            let last = try SchedulingInput.day(to, field: "--to")
            let meetingKind = try kind.map(SchedulingInput.kind)
            let stats = try context.office().attendanceStatistics(from: first, to: last, department: department, kind: meetingKind)
            context.output.emit(stats) { AttendanceCommand.text(stats, context.lang) }
        }
    }

    static func percent(_ rate: Double?) -> String {
        guard let rate else { return "—" }
        return String(format: "%.1f%%", rate * 100)
    }

    static func text(_ stats: AttendanceStatistics, _ lang: Lang) -> String {
        let header = ([Localized(zh: "记录", en: "recorded"), Localized(zh: "到会", en: "present"), Localized(zh: "迟到", en: "late"), Localized(zh: "缺席", en: "absent"), Localized(zh: "请假", en: "leave"), Localized(zh: "代会", en: "subst"), Localized(zh: "出勤率", en: "rate"), Localized(zh: "批准请假", en: "leave approved")].map { $0.text(lang) })
        func table(_ title: String, _ rows: [AttendanceStatistics.Tally], name: (AttendanceStatistics.Tally) -> String) -> String {
            let body = rows.filter { $0.recorded > 0 || $0.approvedLeave > 0 }.map { t in
                [name(t), "\(t.recorded)", "\(t.present)", "\(t.late)", "\(t.absent)", "\(t.leave)", "\(t.substitute)", percent(t.rate), "\(t.approvedLeave)"]
            }
            return title + "\n" + (body.isEmpty ? (Localized(zh: "（无记录）", en: "(nothing recorded)").text(lang)) : Output.table([Localized(zh: "名称", en: "name").text(lang)] + header, body))
        }
        var parts = [TextSafety.inert(Localized(zh: "出勤统计 \(stats.from.iso) 至 \(stats.to.iso)：\(stats.meetings) 次会议", en: "Attendance \(stats.from.iso) to \(stats.to.iso): \(stats.meetings) meetings").text(lang))]
        parts.append(table(Localized(zh: "按人员", en: "By person").text(lang), stats.people) { "\($0.name) (\($0.key))" })
        parts.append(table(Localized(zh: "按部门", en: "By department").text(lang), stats.departments) { $0.name })
        parts.append(table(Localized(zh: "按会议类别", en: "By meeting kind").text(lang), stats.kinds) { MeetingKind(rawValue: $0.key)?.name.text(lang) ?? $0.key })
        var leave = Localized(zh: "请假 \(stats.leaves.count) 件：已批准 \(stats.leaveCount(.approved))，不予批准 \(stats.leaveCount(.rejected))，待审批 \(stats.leaveCount(.pending))", en: "Leave requests \(stats.leaves.count): \(stats.leaveCount(.approved)) approved, \(stats.leaveCount(.rejected)) rejected, \(stats.leaveCount(.pending)) pending").text(lang)
        if !stats.leaves.isEmpty {
            leave += "\n" + Output.table([Localized(zh: "日期", en: "day"), Localized(zh: "请假人", en: "person"), Localized(zh: "状态", en: "status"), Localized(zh: "事由", en: "reason")].map { $0.text(lang) },
                                         stats.leaves.map { [$0.day.iso, $0.name, $0.status.name.text(lang), $0.reason] })
        }
        parts.append(leave)
        var absences = Localized(zh: "未请假缺席 \(stats.absencesWithoutLeave.count) 人次", en: "Absences without leave: \(stats.absencesWithoutLeave.count)").text(lang)
        if !stats.absencesWithoutLeave.isEmpty {
            absences += "\n" + Output.table([Localized(zh: "日期", en: "day"), Localized(zh: "会议", en: "meeting"), Localized(zh: "姓名", en: "name")].map { $0.text(lang) },
                                            stats.absencesWithoutLeave.map { [$0.day.iso, $0.meetingTitle.text(lang), $0.name] })
        }
        parts.append(absences)
        return parts.joined(separator: "\n\n")
    }
}
