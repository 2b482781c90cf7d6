import MeetingKit
import MeetingStore

/// The secretary's day the user guides tell (docs/guide.zh.md, docs/guide.en.md), as a
/// script on an office: each stage brings the records to the moment of the next screen
/// captures. 李静 (lijing) prepares the executive meeting of Thursday 2026-03-05, signs the
/// attendees in, drafts the minutes; the mayor signs them on Friday; the follow-ups appear.
public enum GuideStory {
    /// One screen of the guide: who looks at it, when, and the keys that reach it.
    public struct Capture: Sendable {
        /// The marker name in the guides: `<!-- capture:NAME -->`.
        public var name: String
        public var login: String
        public var now: String
        /// tmux key names or literal text (`literal:` prefix), sent in order.
        public var keys: [String]
        /// Text the screen shows when it is ready, per language.
        public var ready: Localized
    }

    /// Captures in story order, each after the stage that precedes it.
    public static let stages: [(script: @Sendable (TestOffice) throws -> Void, captures: [Capture])] = [
        (prepare, [
            Capture(name: "home", login: "lijing", now: "2026-03-02T09:00", keys: [],
                    ready: Localized(zh: "待我处理", en: "Waiting for me")),
            Capture(name: "meeting-form", login: "lijing", now: "2026-03-02T09:00", keys: ["1", "n"],
                    ready: Localized(zh: "议题/标题", en: "Title")),
            Capture(name: "meeting", login: "lijing", now: "2026-03-02T09:00", keys: ["j", "Enter"],
                    ready: Localized(zh: "区政府常务会议室", en: "区政府常务会议室")),
            Capture(name: "item", login: "lijing", now: "2026-03-02T09:30", keys: ["2", "j", "j", "Enter"],
                    ready: Localized(zh: "分歧说明", en: "Statement of disagreement")),
            Capture(name: "leave", login: "zhoulixin", now: "2026-03-02T09:30", keys: ["3"],
                    ready: Localized(zh: "待我审批", en: "waiting for your decision")),
        ]),
        (signIn, [
            Capture(name: "agenda", login: "lijing", now: "2026-03-04T09:00", keys: ["j", "Enter", "O"],
                    ready: Localized(zh: "关于老旧小区综合整治的议题", en: "关于老旧小区综合整治的议题")),
            Capture(name: "roster", login: "lijing", now: "2026-03-05T09:05", keys: ["r"],
                    ready: Localized(zh: "名单与签到", en: "Roster")),
        ]),
        (draft, [
            Capture(name: "minutes", login: "lijing", now: "2026-03-05T16:00", keys: ["4", "Enter"],
                    ready: Localized(zh: "办公室起草", en: "office drafts")),
        ]),
        (submit, [
            Capture(name: "signature", login: "zhoulixin", now: "2026-03-06T09:00", keys: [],
                    ready: Localized(zh: "待签发", en: "to sign")),
        ]),
        (sign, [
            Capture(name: "followups", login: "lijing", now: "2026-03-06T10:30", keys: ["5"],
                    ready: Localized(zh: "区教委", en: "区教委")),
            Capture(name: "search", login: "lijing", now: "2026-03-06T10:30", keys: ["/", "literal:经费", "Enter"],
                    ready: Localized(zh: "按相关度", en: "best first")),
            Capture(name: "report", login: "lijing", now: "2026-03-06T10:30", keys: ["6"],
                    ready: Localized(zh: "出勤率", en: "Attendance")),
        ]),
    ]

    static func at(_ iso: String) -> LocalDateTime { LocalDateTime(iso: iso)! }

    /// Monday morning: the week's two meetings, three items on their way, two leave requests.
    @Sendable static func prepare(_ office: TestOffice) throws {
        let friday = "2026-02-27T10:00"
        let secretary = try office.session("lijing", now: "2026-02-24T09:00")
        let executive = try secretary.addMeeting(kind: .executive, start: at("2026-03-05T09:00"), room: "区政府常务会议室").id!
        try secretary.addMeeting(kind: .topical, start: at("2026-03-02T15:00"), room: "区政府第二会议室", title: "研究城市更新工作")

        let school = try secretary.addItem(title: "关于中小学课后服务经费的议题", lead: "JW", related: ["WJW"], category: 1,
                                           summary: "课后服务覆盖全区 58 所中小学，经费由区财政和家长分担。").id!
        try office.session("xuwenbo", now: "2026-02-24T10:00").submitItem(school)
        try office.session("handongmei", now: "2026-02-25T09:00").giveOpinion(school, department: "WJW", stance: .disagree, reason: "经费来源不明")
        try office.session("wangxiaoyan", now: "2026-02-26T09:00").coordinateItem(school, .unresolved)
        try office.session("xuwenbo", now: "2026-02-26T09:30").stateDisagreement(school, statement: "区卫生健康委对经费来源有不同意见，主办部门在会上说明",
                                                                                proposal: "建议先由区财政局核定经费来源，再提请会议决定")
        try office.session("wangxiaoyan", now: "2026-02-26T10:00").approveItem(school)
        try office.session("lijing", now: friday).acceptItem(school)
        try office.session("lijing", now: friday).scheduleItem(school, meeting: executive, plannedMinutes: 30)

        let housing = try office.session("lijing", now: "2026-02-25T09:00").addItem(title: "关于老旧小区综合整治的议题", lead: "ZJW", category: 1).id!
        try office.session("lijing", onBehalfOf: "caozhiming", now: "2026-02-25T09:10").submitItem(housing)
        try office.session("zhaojianguo", now: friday).approveItem(housing)

        let streets = try office.session("lijing", now: "2026-02-26T09:00").addItem(title: "关于背街小巷环境整治的议题", lead: "CGW", category: 1).id!
        try office.session("lijing", onBehalfOf: "denglijun", now: "2026-02-26T09:10").submitItem(streets)

        try office.session("wangxiaoyan", now: friday).requestLeave(meetingId: executive, reason: "赴市里参加会议")
        let head = try office.session("handongmei", now: friday).requestLeave(meetingId: executive, reason: "参加市卫健委会议", substitute: "zhangyuhang")
        try office.session("yangwentao", now: friday).approveLeave(head.id!)
    }

    /// During Monday and on Thursday morning: the office accepts the housing item and places it,
    /// the mayor approves the vice mayor's leave, the secretary signs the first arrivals in.
    @Sendable static func signIn(_ office: TestOffice) throws {
        let secretary = try office.session("lijing", now: "2026-03-02T10:00")
        let housing = try secretary.items().first { $0.title.contains("老旧小区") }!.id!
        try secretary.acceptItem(housing)
        try secretary.scheduleItem(housing, meeting: 1, plannedMinutes: 30)
        let mayor = try office.session("zhoulixin", now: "2026-03-02T11:00")
        let leave = try mayor.leaveQueue().first { $0.person == "wangxiaoyan" }!
        try mayor.approveLeave(leave.id)
        let door = try office.session("lijing", now: "2026-03-05T08:55")
        for login in ["zhoulixin", "chenhaifeng", "guozhenhua", "liusiqi"] {
            try door.markAttendance(meetingId: 1, person: login, status: .present)
        }
    }

    /// Thursday: the meeting is held and decides both items; in the afternoon the secretary drafts the minutes.
    @Sendable static func draft(_ office: TestOffice) throws {
        let secretary = try office.session("lijing", now: "2026-03-05T11:30")
        try secretary.markAttendance(meetingId: 1, person: "fengguoqing", status: .absent)
        try secretary.holdMeeting(1)
        let items = try secretary.items(meeting: 1)
        for item in items {
            let text = item.leadCode == "JW" ? "原则同意，由区教委会同区财政局落实经费，一个月内报区政府。" : "同意实施方案，由区住房城市建设委牵头推进。"
            try secretary.decideItem(item.id!, text: text)
        }
        let drafted = try office.session("lijing", now: "2026-03-05T15:30").draftMinutes(meetingId: 1)
        try office.session("lijing", now: "2026-03-05T15:40").setMinutesAttributes(drafted.id!, disclosure: .public, reason: nil, classification: nil)
    }

    @Sendable static func submit(_ office: TestOffice) throws {
        try office.session("lijing", now: "2026-03-05T16:30").submitMinutes(1)
        try office.session("yangwentao", now: "2026-03-05T17:00").approveMinutes(1)  // the office's check (R47)
    }

    @Sendable static func sign(_ office: TestOffice) throws {
        try office.session("zhoulixin", now: "2026-03-06T10:00").signMinutes(1)
    }
}
