import ArgumentParser
import Foundation
import MeetingKit
import MeetingService
import MeetingStore

/// `huiwu meeting …`: plan, add, list, show and change meetings (R37–R40, R7, R61).
struct MeetingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meeting", abstract: "Plan and manage meetings. 安排和管理会议。",
        subcommands: [Plan.self, Add.self, List.self, Show.self, Edit.self, Move.self, Cancel.self, PlainStep<Approve>.self,
                      PlainStep<Entrust>.self, PlainStep<Notify>.self, PlainStep<Hold>.self, Invite.self, Notice.self, Receipts.self, Receipt.self, Seating.self])

    struct Plan: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "plan",
            abstract: "Plan a year's regular meetings by the rules' cadence. 按规则周期批量安排例会。",
            discussion: """
                plenary: yearly, default the first working day after the Spring Festival (--date MM-DD to change);
                executive: every two weeks (default Thursday 09:00); topical: the mayor's, weekly (default Monday 09:00).
                A date that is not a working day moves to the next working weekday of the same week (two weeks, year);
                when none is left the meeting is skipped and the skip is shown. Planning again never duplicates.
                全体会议：每年一次，默认春节后第一个工作日（可用 --date MM-DD 指定）；常务会议：每两周一次（默认周四 09:00）；区长专题会议：每周一次（默认周一 09:00）。
                遇非工作日，顺延至同一周期（一周、两周或一年）内的下一个工作日；周期内已无工作日的，不予安排并列出提示。重复安排不会产生重复会议。
                """)
        @OptionGroup var global: GlobalOptions
        @Option(help: "plenary, executive or topical. 会议类别：全体会议、常务会议或专题会议。") var kind: String
        @Option(help: "First day (YYYY-MM-DD). 开始日期。") var from: String
        @Option(help: "Last day (YYYY-MM-DD). 结束日期。") var to: String
        @Option(help: "Weekday of weekly or biweekly meetings: mon to fri. 每周或每两周召开的会议在星期几（mon 至 fri）。") var weekday: String?
        @Option(help: "Start time, HH:MM. 开始时间。") var time: String?
        @Option(help: "Planned duration in minutes. 计划时长（分钟）。") var duration: Int?
        @Option(help: "Plenary date: MM-DD, or spring-festival (default). 全体会议日期：MM-DD，或 spring-festival（默认，春节后第一个工作日）。") var date: String?
        @Flag(help: "Let a moved meeting land on an adjusted working Saturday or Sunday (调休); off unless config.toml sets cadence.KIND.adjusted_working_days. 允许顺延至调休上班的周末。") var adjustedWorkingDays = false
        @Flag(help: "Show the plan without creating anything. 只预览。") var dryRun = false

        func run(_ context: CommandContext) throws {
            var cadence = context.config.config.cadence(for: try SchedulingInput.kind(kind))
            let from = try SchedulingInput.day(self.from, field: "--from")
            let to = try SchedulingInput.day(self.to, field: "--to")
            if let weekday { cadence.weekday = try SchedulingInput.weekday(weekday, field: "--weekday") }
            if let time { cadence.minuteOfDay = try SchedulingInput.time(time, field: "--time") }
            if let duration { cadence.durationMinutes = duration }
            if let date { cadence.yearlyAnchor = try SchedulingInput.yearlyAnchor(date, field: "--date") }
            if adjustedWorkingDays { cadence.adjustedWorkingDays = true }
            let office = try context.office()
            let report = try office.planMeetings(cadence, from: from, to: to, commit: !dryRun)
            for w in report.plan.warnings { Output.error((Localized(zh: "警告：", en: "warning: ").text(context.lang)) + w.text(context.lang)) }
            let view = PlanView(report, lang: context.lang)
            context.output.emit(view) { PlanView.text(report, view: view, lang: context.lang) }
        }
    }

    struct Add: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add one meeting. 添加一次会议。")
        @OptionGroup var global: GlobalOptions
        @Option(help: "plenary, executive or topical. 会议类别：全体会议、常务会议或专题会议。") var kind: String
        @Option(help: "Start, YYYY-MM-DDTHH:MM (Beijing time). 开始时间（北京时间）。") var at: String
        @Option(help: "Chair's login (default: the mayor; for topical, the convening vice mayor). 主持人登录名（默认为区长；专题会议默认为召集会议的副区长）。") var chair: String?
        @Option(help: "Planned duration in minutes. 计划时长（分钟）。") var duration = 120
        @Option(help: "Meeting room. 会议室。") var room: String?
        @Option(help: "Subject. 会议主题。") var title: String?
        @Option(help: "Departments on a topical meeting's agenda, comma-separated codes (R40). 专题会议议题涉及的部门，部门代码以逗号分隔。") var departments: String?
        @Flag(help: "A vice mayor's topical meeting not held in the government's name (no R61 approval). 副区长专题会议不以区政府名义召开（无须报区长批准）。") var notInGovernmentName = false

        func run(_ context: CommandContext) throws {
            let request = MeetingRequest(
                kind: try SchedulingInput.kind(kind), start: try SchedulingInput.moment(at, field: "--at"), durationMinutes: duration,
                chair: chair, room: room, title: title ?? "", inGovernmentName: !notInGovernmentName,
                departments: departments.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } } ?? [])
            let office = try context.office()
            let result = try office.scheduleMeeting(request)
            try MeetingCommand.changed(result.meeting, done: Localized(zh: "已添加", en: "added"), conflicts: result.conflicts,
                                       numberNote: result.numberNote, office, context)
        }
    }

    struct List: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List meetings in date order. 列出会议。")
        @OptionGroup var global: GlobalOptions
        @Option(help: "From this day (YYYY-MM-DD). 起始日期。") var from: String?
        @Option(help: "To this day, inclusive. 截止日期（含当日）。") var to: String?
        @Option(help: "plenary, executive or topical. 会议类别：全体会议、常务会议或专题会议。") var kind: String?

        func run(_ context: CommandContext) throws {
            let from = try self.from.map { try SchedulingInput.day($0, field: "--from") }
            let to = try self.to.map { try SchedulingInput.day($0, field: "--to") }
            let kind = try self.kind.map(SchedulingInput.kind)
            if let from, let to { try SchedulingInput.requireOrdered(from: from, to: to) }
            let office = try context.office()
            let org = try office.orgChart()
            let meetings = try office.meetings(from: from.map { LocalDateTime(day: $0, minuteOfDay: 0) },
                                                to: to.map { LocalDateTime(day: $0.adding(days: 1), minuteOfDay: 0) }, kind: kind)
            let views = meetings.map { MeetingView($0, lang: context.lang, org: org) }
            context.output.emit(views) {
                return Output.table([Localized(zh: "编号", en: "id"), Localized(zh: "会议", en: "meeting"), Localized(zh: "时间", en: "time"), Localized(zh: "会议室", en: "room"), Localized(zh: "主持", en: "chair"), Localized(zh: "状态", en: "status")].map { $0.text(context.lang) },
                                    meetings.map { m in
                                        [String(m.id!), m.numberedTitle(context.lang), MeetingText.when(m, lang: context.lang), m.room ?? "",
                                         org.person(m.chairLogin)?.name ?? m.chairLogin,
                                         m.status.name.text(context.lang) + (m.approval == .awaiting ? (Localized(zh: "·待批准", en: " · awaiting approval").text(context.lang)) : "")]
                                    })
            }
        }
    }

    struct Show: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a meeting: roster by role, chair, conflicts, history. 查看会议。")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Meeting id. 会议编号。") var id: String

        func run(_ context: CommandContext) throws {
            let id = try MeetingCommand.meetingId(id)
            let detail = try context.office().meetingDetail(id)
            context.output.emit(MeetingView(detail, lang: context.lang)) {
                TextSafety.inert(MeetingText.detail(detail, lang: context.lang), allowNewlines: true)
            }
        }
    }

    struct Move: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "move", abstract: "Move a meeting to another time (it becomes postponed). 改期。")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var meeting: MeetingStepTarget
        @Option(help: "New start, YYYY-MM-DDTHH:MM. 新的开始时间。") var at: String
        @Option(help: "New duration in minutes. 新的计划时长（分钟）。") var duration: Int?
        @Option(help: "Why. 改期原因。") var reason: String?

        func run(_ context: CommandContext) throws {
            let id = try meeting.meetingId()
            let start = try SchedulingInput.moment(at, field: "--at")
            let office = try context.office()
            let result = try office.moveMeeting(id, to: start, durationMinutes: duration, reason: reason,
                                                 expectedVersion: meeting.expectVersion)
            try MeetingCommand.changed(result.meeting, done: Localized(zh: "已改期", en: "moved"), conflicts: result.conflicts, office, context)
        }
    }

    struct Cancel: RecordStep {
        static let configuration = CommandConfiguration(commandName: "cancel", abstract: "Cancel a meeting; later unheld meetings are renumbered. 取消会议。")
        var done: Localized { Localized(zh: "已取消", en: "cancelled") }
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: MeetingStepTarget
        @Option(help: "Why it is cancelled (required). 取消原因（必填）。") var reason: String

        func take(_ office: Office, _ id: Int64) throws -> Meeting { try office.cancelMeeting(id, reason: reason, expectedVersion: target.expectVersion) }
    }

    // The changes that take nothing but the meeting: one row each (``StepRow``).
    enum Approve: StepRowName { static var row: StepRow<MeetingStepTarget> { StepRow(name: "approve", abstract: "The mayor approves a meeting in the government's name (R61). 区长批准会议。", done: Localized(zh: "已批准", en: "approved"), take: Office.approveMeeting) } }
    enum Entrust: StepRowName { static var row: StepRow<MeetingStepTarget> { StepRow(name: "entrust", abstract: "The mayor entrusts the executive vice mayor with chairing an executive meeting (R39; a secretary records it with --on-behalf-of). 区长委托常务副区长主持。", done: Localized(zh: "已委托常务副区长主持", en: "entrusted to the executive vice mayor"), take: Office.entrustChair) } }
    enum Notify: StepRowName { static var row: StepRow<MeetingStepTarget> { StepRow(name: "notify", abstract: "Record that the notices went out (needs R61 approval first). 标记已通知。", done: Localized(zh: "已通知", en: "notified"), take: Office.notifyMeeting) } }
    enum Hold: StepRowName { static var row: StepRow<MeetingStepTarget> { StepRow(name: "hold", abstract: "Record that the meeting took place; its number is kept. 标记已召开。", done: Localized(zh: "已召开", en: "held"), take: Office.holdMeeting) } }

    struct Invite: HuiwuCommand {
        static let configuration = CommandConfiguration(commandName: "invite", abstract: "Add a person or a guest to the roster. 邀请参会。")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Meeting id. 会议编号。") var id: String
        @Option(help: "Login of a person of the org chart. 组织机构中人员的登录名。") var person: String?
        @Option(help: "A guest's name (with --org). 受邀人员姓名（须同时给出 --org）。") var guest: String?
        @Option(help: "The guest's organisation. 受邀人员所在单位。") var org: String?
        @Option(help: "member, sitsIn or invited (default: sitsIn for people, invited for guests). 参会身份：member（出席）、sitsIn（列席）或 invited（邀请参加）；默认人员为列席，受邀人员为邀请参加。") var role: String?

        func run(_ context: CommandContext) throws {
            let id = try MeetingCommand.meetingId(id)
            let role = try self.role.map { try SchedulingInput.participation($0, field: "--role") }
            let office = try context.office()
            _ = try office.inviteToMeeting(id, person: person, guest: guest, guestOrg: org, role: role)
            let detail = try office.meetingDetail(id)
            context.output.emit(MeetingView(detail, lang: context.lang)) {
                context.output.line(Localized(zh: "已加入 \(person ?? guest ?? "") → \(detail.meeting.numberedTitle(.zh))", en: "added \(person ?? guest ?? "") to \(detail.meeting.numberedTitle(.en))"))
            }
        }
    }
}

extension MeetingCommand {
    /// A meeting id as typed, refused (exit 2) when it is not a positive number.
    static func meetingId(_ text: String) throws -> Int64 {
        try SchedulingInput.id(text, what: Localized(zh: "会议", en: "meeting"))
    }

    /// Prints a meeting after a change that did `done`: its view with `--json`, else one line with
    /// the conflicts found (nil: not checked by this change) and the note on its number (R37).
    static func changed(_ meeting: Meeting, done: Localized, conflicts: [Conflict]? = nil, numberNote: Localized? = nil,
                        _ office: Office, _ context: CommandContext) throws {
        var view = MeetingView(meeting, lang: context.lang, org: try office.orgChart(), conflicts: conflicts)
        view.numberNote = numberNote?.text(context.lang)
        context.output.emit(view) {
            TextSafety.inert(MeetingText.summary(done, meeting, conflicts: conflicts ?? [], lang: context.lang)
                             + (numberNote.map { "\n  " + $0.text(context.lang) } ?? ""), allowNewlines: true)
        }
    }
}

/// `meeting plan` output: one entry per period of the cadence.
struct PlanView: Encodable {
    struct Occurrence: Encodable {
        var periodFrom: String
        var periodTo: String
        /// The date the cadence names before the working-day rule.
        var cadenceDate: String?
        var day: String?
        var start: String?
        /// onDate, moved, skipped or alreadyPlanned.
        var outcome: String
        var reason: String?
        var meeting: Int64?
        var number: Int?
        var conflicts: [ConflictView]?
    }

    var kind: MeetingKind
    var series: String
    var from: String
    var to: String
    var committed: Bool
    var created: Int
    var skipped: Int
    var alreadyPlanned: Int
    var warnings: [String]
    var occurrences: [Occurrence]

    init(_ report: PlanReport, lang: Lang) {
        let plan = report.plan
        kind = plan.cadence.kind
        series = plan.cadence.series
        from = plan.from.iso
        to = plan.to.iso
        committed = report.committed
        created = report.created.count
        skipped = plan.occurrences.filter(\.isSkipped).count
        alreadyPlanned = plan.occurrences.filter { $0.outcome == .alreadyPlanned }.count
        warnings = plan.warnings.map { $0.text(lang) }
        occurrences = plan.occurrences.map { o in
            let made = report.meeting(for: o)
            return Occurrence(periodFrom: o.period.lowerBound.iso, periodTo: o.period.upperBound.iso, cadenceDate: o.nominal?.iso,
                              day: o.day?.iso, start: o.createsMeeting ? plan.start(of: o)?.iso : nil, outcome: o.outcomeCode,
                              reason: o.reason?.text(lang), meeting: made?.meeting.id, number: made?.meeting.number,
                              conflicts: made.map { $0.conflicts.map { ConflictView($0, lang: lang) } })
        }
    }

    static func text(_ report: PlanReport, view: PlanView, lang: Lang) -> String {
        let plan = report.plan
        let rows: [[String]] = plan.occurrences.map { o in
            let made = report.meeting(for: o)
            let shown = o.day ?? o.nominal
            let when = shown.map { "\($0.iso) \($0.weekday.shortName.text(lang))" } ?? ""
            let outcome: String
            switch o.outcome {
            case .onDate: outcome = Localized(zh: "安排", en: "planned").text(lang)
            case .moved: outcome = Localized(zh: "顺延", en: "moved").text(lang)
            case .skipped: outcome = Localized(zh: "跳过", en: "SKIPPED").text(lang)
            case .alreadyPlanned: outcome = Localized(zh: "已有", en: "exists").text(lang)
            }
            var note = o.reason?.text(lang) ?? ""
            if let c = made?.conflicts, !c.isEmpty { note += (note.isEmpty ? "" : "; ") + (Localized(zh: "冲突 \(c.count) 项", en: "\(c.count) conflicts").text(lang)) }
            return [when, o.createsMeeting ? (plan.start(of: o)?.timeText ?? "") : "", outcome,
                    made?.meeting.numberedTitle(lang) ?? "", note]
        }
        var text = Output.table([Localized(zh: "日期", en: "date"), Localized(zh: "时间", en: "time"), Localized(zh: "结果", en: "result"), Localized(zh: "会议", en: "meeting"), Localized(zh: "说明", en: "note")].map { $0.text(lang) }, rows)
        let verb = report.committed ? (Localized(zh: "已安排", en: "created").text(lang)) : (Localized(zh: "预览：将安排", en: "preview: would create").text(lang))
        let wouldCreate = report.committed ? view.created : plan.occurrences.filter(\.createsMeeting).count
        text += "\n" + (Localized(zh: "\(verb) \(wouldCreate) 次会议，跳过 \(view.skipped) 次，已有 \(view.alreadyPlanned) 次", en: "\(verb) \(wouldCreate) meetings, \(view.skipped) skipped, \(view.alreadyPlanned) already planned").text(lang))
        for w in plan.warnings { text += "\n" + (Localized(zh: "警告：", en: "warning: ").text(lang)) + w.text(lang) }
        return text
    }
}
