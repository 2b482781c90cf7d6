import Testing
import MeetingKit
@testable import MeetingStore
import HuiwuTestSupport

@Suite("Agenda items in the store: transitions, audit, agendas on both engines")
struct AgendaEngineTests {
    /// An item of JW with WJW and MZJ asked for opinions, submitted.
    func consulting(_ office: TestOffice, major: Bool = false, category: Int? = 1) throws -> Int64 {
        let item = try office.session("lijing").addItem(title: "关于中小学课后服务经费的议题", lead: "JW", related: ["WJW", "MZJ"],
                                                      major: major, category: category)
        try office.session("xuwenbo").submitItem(item.id!)
        return item.id!
    }

    /// An item without related departments, approved and accepted.
    func accepted(_ office: TestOffice, major: Bool = false, category: Int? = 1) throws -> Int64 {
        let id = try office.session("lijing").addItem(title: "关于校园安全的议题", lead: "JW", major: major, category: category).id!
        try office.session("lijing", onBehalfOf: "xuwenbo").submitItem(id)
        try office.session("wangxiaoyan").approveItem(id)
        if major { for p in Precondition.allCases.prefix(5) { try office.session("lijing").confirmPrecondition(id, p) } }
        try office.session("yangwentao").acceptItem(id)
        return id
    }

    @Test("every step is stored with its timeline entry and an audit event in the same transaction", arguments: ScratchDatabase.engines)
    func fullPath(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let id = try consulting(office)
        try office.session("handongmei").giveOpinion(id, department: "wjw", stance: .disagree, reason: "经费来源不明")
        try office.session("lijing", onBehalfOf: "fengguoqing").giveOpinion(id, department: "MZJ", stance: .agree)
        try office.session("wangxiaoyan").coordinateItem(id, .unresolved, note: "协调未果")
        try office.session("xuwenbo").stateDisagreement(id, statement: "卫健委对经费来源有不同意见，主办部门将在会上说明", proposal: "建议会上研究决定")
        try office.session("wangxiaoyan").approveItem(id)
        try office.session("lijing").acceptItem(id)
        let meeting = try office.session().addMeeting(kind: .executive, start: LocalDateTime(iso: "2026-03-12T09:00")!)
        let before = try office.auditCount()
        let scheduled = try office.session("lijing").scheduleItem(id, meeting: meeting.id!, plannedMinutes: 30)
        #expect(try office.auditCount() == before + 1)
        #expect(scheduled.agenda.totalMinutes == 30)
        // The outcome is the held meeting's (R5, R18).
        let atMeeting = try office.session("lijing", now: "2026-03-12T10:00")
        try atMeeting.holdMeeting(meeting.id!)
        try atMeeting.decideItem(id, text: "原则同意，由区教委会同区财政局落实经费")

        let dossier = try office.session("lijing").itemDossier(id)
        #expect(dossier.item.state == .decided)
        #expect(dossier.item.statement?.text == "卫健委对经费来源有不同意见，主办部门将在会上说明")
        #expect(dossier.item.opinions.map(\.departmentCode) == ["WJW", "MZJ"])
        #expect(dossier.item.opinion(of: "MZJ")?.recordedBy == "lijing")
        #expect(dossier.timeline.map(\.kind) == [.drafted, .submitted, .opinionGiven, .opinionGiven, .coordinated, .statementGiven, .approved,
                                                 .accepted, .scheduled, .decided])
        #expect(dossier.timeline[3].onBehalfOf == "fengguoqing")
        #expect(dossier.timeline[5].statement != nil)
        let events = try office.session().auditEvents(limit: 100, entity: "item", entityId: String(id)).map(\.action).reversed()
        #expect(Array(events) == ["item.create", "item.submit", "item.opinion", "item.opinion", "item.coordinate", "item.state", "item.approve",
                                  "item.accept", "item.schedule", "item.decide"])
        #expect(try office.session().verifyAudit().firstBreak == nil)
    }

    @Test("refusals write nothing: wrong VM (R41), missing precondition (R16), major on topical (R5), out of order (R41)", arguments: ScratchDatabase.engines)
    func refusalsWriteNothing(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let draft = try office.session("lijing").addItem(title: "草稿议题", lead: "JW", major: true, category: 1).id!
        let topical = try office.session().addMeeting(kind: .topical, start: LocalDateTime(iso: "2026-03-05T14:00")!, chair: "wangxiaoyan")
        let count = try office.auditCount()
        func refusal(_ body: () throws -> Void) -> Refusal? {
            do { try body(); return nil } catch let r as Refusal { return r } catch { return nil }
        }
        #expect(refusal { try office.session("lijing").scheduleItem(draft, meeting: topical.id!) }?.code == "item.outOfOrder")
        try office.session("xuwenbo").submitItem(draft)
        let afterSubmit = try office.auditCount()
        #expect(afterSubmit == count + 1)
        #expect(refusal { try office.session("zhaojianguo").approveItem(draft) }?.article == "R41")
        try office.session("wangxiaoyan").approveItem(draft)
        let approved = try office.auditCount()
        let missing = refusal { try office.session("yangwentao").acceptItem(draft) }
        #expect(missing?.article == "R16, R19, R20")  // issue 17: a major item also needs its R19 argument and R20 report
        // The item is unchanged; the refused acceptance is audited (docs/reliability.md).
        #expect(try office.auditActions(since: approved) == ["refused.item.accept"])
        #expect(try office.session().itemDossier(draft).item.state == .approved)
        for p in Precondition.required(for: ItemFlags(major: true)) {
            try office.session("lijing").confirmPrecondition(draft, p)
        }
        try office.session("yangwentao").acceptItem(draft)
        let accepted = try office.auditCount()
        #expect(refusal { try office.session("lijing").scheduleItem(draft, meeting: topical.id!) }?.article == "R5")
        #expect(try office.auditCount() == accepted)
        #expect(try office.session().meetingAgenda(topical.id!).lines.isEmpty)
    }

    @Test("a topical meeting gains the departments' vice mayor and heads when an item is scheduled (R40)", arguments: ScratchDatabase.engines)
    func topicalParticipants(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let id = try consulting(office, category: nil)
        try office.session("handongmei").giveOpinion(id, department: "WJW", stance: .agree)
        try office.session("fengguoqing").giveOpinion(id, department: "MZJ", stance: .agree)
        try office.session("wangxiaoyan").approveItem(id)
        try office.session("lijing").acceptItem(id)
        let meeting = try office.session().addMeeting(kind: .topical, start: LocalDateTime(iso: "2026-03-05T14:00")!, chair: "zhoulixin")
        try office.session("lijing").scheduleItem(id, meeting: meeting.id!)
        let logins = try office.session().participants(ofMeeting: meeting.id!).compactMap(\.personLogin)
        #expect(logins == ["zhoulixin", "wangxiaoyan", "xuwenbo", "handongmei", "fengguoqing"])
    }

    @Test("the agenda keeps order and planned minutes; an overrun is warned (R61); a deferral keeps history", arguments: ScratchDatabase.engines)
    func agendaEditing(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let meeting = try office.session().addMeeting(kind: .executive, start: LocalDateTime(iso: "2026-03-12T09:00")!, durationMinutes: 60)
        let a = try accepted(office), b = try accepted(office), c = try accepted(office)
        let s = try office.session("lijing")
        try s.scheduleItem(a, meeting: meeting.id!, plannedMinutes: 20)
        try s.scheduleItem(b, meeting: meeting.id!, plannedMinutes: 20)
        let third = try s.scheduleItem(c, meeting: meeting.id!, plannedMinutes: 15)
        #expect(third.agenda.warning == nil)
        var agenda = try s.planMinutes(meeting: meeting.id!, item: c, minutes: 30)
        #expect(agenda.totalMinutes == 70)
        #expect(agenda.warning?.en.contains("10 more than the meeting's 60") == true)
        agenda = try s.moveOnAgenda(meeting: meeting.id!, item: c, by: -2)
        #expect(agenda.lines.map(\.slot.itemId) == [c, a, b])
        #expect(throws: Refusal.self) { try s.moveOnAgenda(meeting: meeting.id!, item: c, by: -1) }
        #expect(throws: Refusal.self) { try office.session("xuwenbo").planMinutes(meeting: meeting.id!, item: a, minutes: 10) }

        // Issue 17 (R5, R18): before the meeting an item only comes off the agenda; it is deferred at the held meeting.
        #expect(throws: Refusal.self) { try office.session("zhoulixin").deferItem(a, reason: "材料需补充") }
        try s.unscheduleItem(a, reason: "议程调整")
        agenda = try s.meetingAgenda(meeting.id!)
        #expect(agenda.totalMinutes == 50)
        #expect(agenda.lines.map(\.slot.itemId) == [c, b])
        #expect(try s.itemDossier(a).timeline.last?.kind == .unscheduled)
        try s.scheduleItem(a, meeting: meeting.id!, plannedMinutes: 10)
        agenda = try s.meetingAgenda(meeting.id!)
        #expect(agenda.lines.map(\.slot.itemId) == [c, b, a])
        #expect(agenda.totalMinutes == 60)

        try office.session("lijing", now: "2026-03-12T10:00").holdMeeting(meeting.id!)
        try office.session("zhoulixin", now: "2026-03-12T10:30").deferItem(a, reason: "材料需补充")
        agenda = try s.meetingAgenda(meeting.id!)
        #expect(agenda.totalMinutes == 50)
        #expect(agenda.lines.count == 3)
        let dossier = try s.itemDossier(a)
        #expect(dossier.item.state == .accepted)
        #expect(dossier.item.meetingId == nil)
        #expect(dossier.timeline.last?.kind == .deferred)
        #expect(dossier.timeline.last?.meetingId == meeting.id)
        #expect(try s.items(meeting: meeting.id!).map(\.id!).sorted() == [a, b, c].sorted())
    }

    @Test("items never disappear: withdrawn items stay listed, filters by state and department", arguments: ScratchDatabase.engines)
    func listing(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let a = try consulting(office)
        let b = try office.session("lijing").addItem(title: "城管议题", lead: "CGW", related: ["JW"]).id!
        try office.session("lijing", onBehalfOf: "denglijun").withdrawItem(b, reason: "情况变化")
        let s = try office.session("lijing")
        #expect(try s.items().map(\.id!) == [b, a])
        #expect(try s.items(state: .withdrawn).map(\.id!) == [b])
        #expect(try s.items(department: "JW").map(\.id!) == [b, a])
        #expect(try s.items(department: "MZJ").map(\.id!) == [a])
        #expect(throws: Refusal.self) { try s.items(department: "NOPE") }
        #expect(try s.itemDossier(b).item.withdrawalReason == "情况变化")
    }
}
