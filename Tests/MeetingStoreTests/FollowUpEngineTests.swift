import Foundation
import HuiwuTestSupport
import MeetingKit
import MeetingStore
import Testing

@Suite("Minutes drawn from the meeting, and follow-ups of its decisions, on both engines")
struct FollowUpEngineTests {
    func refusal(_ body: () throws -> Void) -> Refusal? {
        do { try body(); return nil } catch let r as Refusal { return r } catch { return nil }
    }

    @Test("the draft lists attendance with leave, substitutes and absences, then each item with its statement and outcome", arguments: ScratchDatabase.engines)
    func draftFromTheMeeting(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let (meeting, _) = try MinutesFixtures.meetingWithAgenda(office)
        // The office signs in the members who came: the draft lists what was recorded, never a guess (issue 17).
        let atMeeting = try office.session("lijing")
        for line in try atMeeting.roster(meetingId: meeting.id!).lines where line.participation == .member && line.status == nil {
            try atMeeting.markAttendance(meetingId: meeting.id!, participantId: line.participantId, status: .present)
        }
        let body = try atMeeting.draftMinutes(meetingId: meeting.id!).body
        let lines = body.split(separator: "\n").map(String.init)
        #expect(lines.contains("地点：区政府常务会议室"))
        #expect(lines.contains("主持：周立新（区长）"))
        let present = try #require(lines.first { $0.hasPrefix("出席：") })
        #expect(present.contains("周立新") && present.contains("陈海峰") && !present.contains("王晓燕"))
        #expect(lines.contains("请假：王晓燕、韩冬梅（张宇航代）"))
        #expect(lines.contains("缺席：冯国庆"))
        let sitsIn = try #require(lines.first { $0.hasPrefix("列席：") })
        #expect(sitsIn.contains("许文博") && !sitsIn.contains("韩冬梅") && !sitsIn.contains("冯国庆"))
        #expect(lines.contains { $0.hasPrefix("邀请：区人大代表（区人大）") })
        #expect(body.contains("研究了3项议题"))
        let school = try #require(lines.firstIndex(of: "一、关于中小学课后服务经费的议题（主办：区教委）"))
        #expect(lines[school + 1] == "分歧意见说明：区卫生健康委对经费来源有不同意见，主办部门在会上说明")
        #expect(lines[school + 2] == "会议决定：原则同意，由区教委会同区财政局落实经费，一个月内报区政府。")
        let housing = try #require(lines.firstIndex(of: "二、关于老旧小区综合整治的议题（主办：区住房城市建设委）"))
        #expect(lines[housing + 1] == "会议决定：同意实施方案，由区住房城市建设委牵头推进。")
        let streets = try #require(lines.firstIndex(of: "三、关于背街小巷环境整治的议题（主办：区城市管理委）"))
        #expect(lines[streets + 1] == "会议决定：该议题暂缓审议。")
        #expect(school < housing && housing < streets)
    }

    @Test("signing turns each decision into a follow-up for its lead unit, due 20 working days later (R53)", arguments: ScratchDatabase.engines)
    func followUpsFromSigning(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let signed = try MinutesFixtures.signedWithDecisions(office)
        let lines = try office.session("lijing").followUps()
        #expect(lines.map(\.followUp.leadDepartmentCode) == ["JW", "ZJW"])
        #expect(lines.allSatisfy { $0.followUp.minutesId == signed.id && $0.followUp.status == .open && !$0.isOverdue })
        // 20 working days after Tuesday 2026-03-03: Qingming (Apr 4–6) falls after, so 2026-03-31.
        #expect(lines.allSatisfy { $0.followUp.dueDay == Day(iso: "2026-03-31") })
        #expect(lines[0].followUp.description == "原则同意，由区教委会同区财政局落实经费，一个月内报区政府。")
        #expect(lines[0].minutesNumber == "常务会议纪要〔2026〕1号")
        #expect(try office.session().auditEvents(limit: 10, entity: "followUp").count == 2)
        #expect(try office.session().verifyAudit().firstBreak == nil)
        // The lead units' heads see them waiting, with the due day.
        #expect(try office.session("xuwenbo").homeSnapshot().waiting.contains { $0.ref == .followUp(lines[0].followUp.id!) && $0.due == Day(iso: "2026-03-31") })
    }

    @Test("a follow-up is closed with a note by the office once its lead unit reports it done; others are refused and nothing is written (R54)", arguments: ScratchDatabase.engines)
    func closingAFollowUp(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        try MinutesFixtures.signedWithDecisions(office)
        let jw = try #require(try office.session().followUps(department: "JW").first).followUp
        let before = try office.auditCount()
        // Issue 17 (R54): the office closes; the lead unit reports (huiwu followup report).
        #expect(refusal { try office.session("tanghongxia").completeFollowUp(jw.id!, note: "x") }?.code == "followUp.notOffice")
        #expect(refusal { try office.session("xuwenbo").completeFollowUp(jw.id!, note: "x") }?.article == "R54")
        #expect(refusal { try office.session("lijing").completeFollowUp(jw.id!, note: "  ") }?.code == "input.empty")
        #expect(refusal { try office.session("lijing").completeFollowUp(999, note: "x") }?.kind == .notFound)
        #expect(try office.auditCount() == before)
        try office.session("xuwenbo", now: "2026-03-20T15:00").reportFollowUp(jw.id!, .completed, text: "经费已落实，已报区政府")
        let done = try office.session("lijing", now: "2026-03-20T16:00").completeFollowUp(jw.id!, note: "经费已落实，已报区政府")
        #expect(done.status == .done && done.doneBy == "lijing" && done.doneNote == "经费已落实，已报区政府")
        #expect(refusal { try office.session("lijing").completeFollowUp(jw.id!, note: "again") }?.code == "followUp.alreadyDone")
        let zjw = try #require(try office.session().followUps(department: "ZJW").first).followUp
        try office.session("lijing").completeFollowUp(zjw.id!, note: "已办结")
    }

    @Test("overdue is derived from the due day; the due day can be moved while open; filters by department", arguments: ScratchDatabase.engines)
    func overdueAndDue(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        try MinutesFixtures.signedWithDecisions(office)
        let later = try office.session("lijing", now: "2026-04-01T09:00")
        #expect(try later.followUps(overdueOnly: true).count == 2)
        let zjw = try #require(try later.followUps(department: "ZJW").first).followUp
        try later.setFollowUpDue(zjw.id!, due: Day(iso: "2026-04-30")!, reason: "承办单位申请延期")
        #expect(try later.followUps(overdueOnly: true).map(\.followUp.leadDepartmentCode) == ["JW"])
        #expect(refusal { try later.setFollowUpDue(zjw.id!, due: Day(iso: "2026-01-01")!, reason: "x") }?.code == "followUp.dueBeforeCreation")
        #expect(refusal { _ = try later.followUps(department: "NOPE") }?.kind == .notFound)
        #expect(try later.followUps(department: "SCJ").isEmpty)
    }

    @Test("a correction does not repeat the follow-ups of decisions already followed up", arguments: ScratchDatabase.engines)
    func correctionKeepsFollowUps(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let original = try MinutesFixtures.signedWithDecisions(office)
        let secretary = try office.session("lijing")
        let correction = try secretary.draftMinutes(meetingId: original.meetingId)
        try secretary.submitMinutes(correction.id!)
        try MinutesFixtures.officeCheck(office, correction.id!)
        try office.session("zhoulixin").signMinutes(correction.id!)
        #expect(try office.session().followUps().count == 2)
    }

    @Test("classified minutes keep their decisions from readers outside the circle, but the lead unit sees its task (R48, R54)", arguments: ScratchDatabase.engines)
    func classifiedFollowUps(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        try MinutesFixtures.signedConfidential(office)
        let outsider = try office.session("zhangyuhang").followUps()
        #expect(outsider.count == 2 && outsider.allSatisfy { !$0.descriptionVisible && $0.followUp.description.isEmpty })
        #expect(try office.session("caozhiming").followUps(department: "ZJW").first?.descriptionVisible == true)
    }

    @Test("the follow-up paper (督办台账) withholds the decisions of classified minutes from readers outside the circle (R48)", arguments: ScratchDatabase.engines)
    func followUpPaperWithholds(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        try MinutesFixtures.signedConfidential(office)
        let outsider = try office.session("zhangyuhang").followUpPaper()
        #expect(outsider.rows.count == 2 && outsider.rows.allSatisfy { $0.decision == FollowUpPaper.withheldDecision })
        let staff = try office.session("lijing").followUpPaper(department: "JW")
        #expect(staff.unit == "区教委" && staff.rows.count == 1 && staff.rows[0].decision.contains("落实经费"))
    }

    @Test("a VM topical meeting's request is drafted by the lead department of the item on its agenda (R44)", arguments: ScratchDatabase.engines)
    func requestFromAgenda(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let before = "2026-02-24T09:00"
        let secretary = try office.session("lijing", now: before)
        let meeting = try secretary.addMeeting(kind: .topical, start: LocalDateTime(iso: "2026-03-02T09:00")!, chair: "zhaojianguo",
                                               title: "老旧小区整治")
        try office.session("zhoulixin", now: before).approveMeeting(meeting.id!)
        let item = try secretary.addItem(title: "关于老旧小区综合整治的议题", lead: "ZJW").id!
        try office.session("caozhiming", now: before).submitItem(item)
        try office.session("zhaojianguo", now: before).approveItem(item)
        try secretary.acceptItem(item)
        try secretary.scheduleItem(item, meeting: meeting.id!)
        try office.session("lijing").holdMeeting(meeting.id!)
        try office.session("lijing").decideItem(item, text: "同意")
        #expect(refusal { try office.session("xuwenbo").draftMinutes(meetingId: meeting.id!) }?.article == "R44")
        let draft = try office.session("caozhiming").draftMinutes(meetingId: meeting.id!)
        #expect(draft.leadDepartmentCode == "ZJW" && draft.route == .governmentRequest)
        try office.session("caozhiming").setMinutesAttributes(draft.id!, disclosure: .public, reason: nil, classification: nil)
        // Issue 17 (R47): the office checks the request before the vice mayor, the EVM and the mayor.
        #expect(try office.session("caozhiming").submitMinutes(draft.id!).chain == ["yangwentao", "zhaojianguo", "chenhaifeng", "zhoulixin"])
    }
}
