import MeetingKit
import MeetingStore

/// Held meetings and minutes at each point of their chain, for the minutes tests.
public enum MinutesFixtures {
    /// A meeting created by the office and recorded as held at its start time. `members` are
    /// added to the roster as members (a topical meeting's roster grows with its agenda, R40).
    @discardableResult
    public static func heldMeeting(_ office: TestOffice, kind: MeetingKind = .executive, start: String = "2026-03-02T09:00",
                                   chair: String? = nil, inGovernmentName: Bool = true, title: String = "",
                                   members: [String] = []) throws -> Meeting {
        let at = LocalDateTime(iso: start)!
        let secretary = try office.session("lijing", now: start)
        let meeting = try secretary.addMeeting(kind: kind, start: at, chair: chair, room: "区政府第一会议室", title: title,
                                             inGovernmentName: inGovernmentName)
        let id = meeting.id!
        for login in members { try secretary.inviteToMeeting(id, person: login, role: .member) }
        // The mayor approves a meeting another leader holds in the government's name (R61).
        if meeting.approval == .awaiting { try office.session("zhoulixin", now: start).approveMeeting(id) }
        return try secretary.holdMeeting(id)
    }

    /// Executive-meeting minutes drafted by the secretary, submitted, checked by the office
    /// director (R47): awaiting the mayor. Public unless classified (a classified document is
    /// never public, R22).
    @discardableResult
    public static func awaitingSignature(_ office: TestOffice, kind: MeetingKind = .executive, start: String = "2026-03-02T09:00",
                                         classification: Classification = .none) throws -> Minutes {
        let meeting = try heldMeeting(office, kind: kind, start: start)
        let secretary = try office.session("lijing", now: start)
        let draft = try secretary.draftMinutes(meetingId: meeting.id!)
        let classified = classification.isClassified
        try secretary.setMinutesAttributes(draft.id!, disclosure: classified ? .notPublic : .public, reason: classified ? "涉密" : nil,
                                           classification: classification)
        try secretary.submitMinutes(draft.id!)
        return try officeCheck(office, draft.id!, now: start)
    }

    /// The office director's check of a document in the government's name (R47), the first
    /// step of its chain.
    @discardableResult
    public static func officeCheck(_ office: TestOffice, _ id: Int64, now: String? = nil) throws -> Minutes {
        try office.session("yangwentao", now: now).approveMinutes(id)
    }

    /// The minutes of ``meetingWithAgenda(_:)`` classified 机密 (not public) and signed by the
    /// mayor: its two decisions are follow-ups only the circle may read (R48, R54).
    @discardableResult
    public static func signedConfidential(_ office: TestOffice) throws -> Minutes {
        let (meeting, _) = try meetingWithAgenda(office)
        let secretary = try office.session("lijing")
        let id = try secretary.draftMinutes(meetingId: meeting.id!).id!
        try secretary.setMinutesAttributes(id, disclosure: .notPublic, reason: "涉密", classification: .confidential)
        try secretary.submitMinutes(id)
        try officeCheck(office, id)
        return try office.session("zhoulixin").signMinutes(id)
    }

    /// The 1st executive meeting of 2026-03-02 09:00 as the office recorded it, held:
    /// - agenda: JW's after-school services item (WJW disagreed; the VM's coordination left a
    ///   statement, R41), decided; ZJW's old-compound renovation item, decided; CGW's back-street
    ///   item, deferred;
    /// - attendance: 王晓燕 (VM) on leave approved by the mayor, 韩冬梅 (WJW) on leave with 张宇航
    ///   attending instead, 冯国庆 (MZJ) absent without leave (R42).
    /// Returns the meeting and the three items' ids in agenda order.
    @discardableResult
    public static func meetingWithAgenda(_ office: TestOffice, start: String = "2026-03-02T09:00") throws -> (meeting: Meeting, items: [Int64]) {
        let before = "2026-02-24T09:00"
        let secretary = try office.session("lijing", now: before)
        let meeting = try secretary.addMeeting(kind: .executive, start: LocalDateTime(iso: start)!, room: "区政府常务会议室")
        let id = meeting.id!

        let school = try secretary.addItem(title: "关于中小学课后服务经费的议题", lead: "JW", related: ["WJW"], category: 1).id!
        try office.session("xuwenbo", now: before).submitItem(school)
        try office.session("handongmei", now: before).giveOpinion(school, department: "WJW", stance: .disagree, reason: "经费来源不明")
        try office.session("wangxiaoyan", now: before).coordinateItem(school, .unresolved)
        try office.session("xuwenbo", now: before).stateDisagreement(school, statement: "区卫生健康委对经费来源有不同意见，主办部门在会上说明",
                                                                    proposal: "建议先由区财政局核定经费来源，再提请会议决定")
        try office.session("wangxiaoyan", now: before).approveItem(school)
        try secretary.acceptItem(school)

        let housing = try secretary.addItem(title: "关于老旧小区综合整治的议题", lead: "ZJW", category: 1).id!
        try office.session("lijing", onBehalfOf: "caozhiming", now: before).submitItem(housing)
        try office.session("zhaojianguo", now: before).approveItem(housing)
        try secretary.acceptItem(housing)

        let streets = try secretary.addItem(title: "关于背街小巷环境整治的议题", lead: "CGW", category: 1).id!
        try office.session("lijing", onBehalfOf: "denglijun", now: before).submitItem(streets)
        try office.session("zhaojianguo", now: before).approveItem(streets)
        try secretary.acceptItem(streets)
        for item in [school, housing, streets] { try secretary.scheduleItem(item, meeting: id, plannedMinutes: 30) }

        let vm = try office.session("wangxiaoyan", now: before).requestLeave(meetingId: id, reason: "赴市里参加会议")
        try office.session("zhoulixin", now: before).approveLeave(vm.id!)
        let head = try office.session("handongmei", now: before).requestLeave(meetingId: id, reason: "参加市卫健委会议", substitute: "zhangyuhang")
        try office.session("yangwentao", now: before).approveLeave(head.id!)

        let atMeeting = try office.session("lijing", now: start)
        try atMeeting.markAttendance(meetingId: id, person: "fengguoqing", status: .absent)
        let held = try atMeeting.holdMeeting(id)
        try atMeeting.decideItem(school, text: "原则同意，由区教委会同区财政局落实经费，一个月内报区政府。")
        try atMeeting.decideItem(housing, text: "同意实施方案，由区住房城市建设委牵头推进。")
        try atMeeting.deferItem(streets, reason: "补充材料后再议")
        return (held, [school, housing, streets])
    }

    /// The meeting of ``meetingWithAgenda(_:start:)`` with its minutes signed by the mayor on
    /// `signedAt`: two follow-ups, for JW and ZJW.
    @discardableResult
    public static func signedWithDecisions(_ office: TestOffice, signedAt: String = "2026-03-03T10:00") throws -> Minutes {
        let (meeting, _) = try meetingWithAgenda(office)
        let secretary = try office.session("lijing", now: signedAt)
        let id = try secretary.draftMinutes(meetingId: meeting.id!).id!
        try secretary.setMinutesAttributes(id, disclosure: .public, reason: nil, classification: nil)
        try secretary.submitMinutes(id)
        try officeCheck(office, id, now: signedAt)
        return try office.session("zhoulixin", now: signedAt).signMinutes(id)
    }
}
