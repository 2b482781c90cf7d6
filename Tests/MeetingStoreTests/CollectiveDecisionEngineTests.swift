import HuiwuTestSupport
import MeetingKit
@testable import MeetingStore
import Testing

private func at(_ s: String) -> LocalDateTime { LocalDateTime(iso: s)! }

/// An item is decided only by the meeting that discussed it (R5, R18 集体讨论决定): its
/// outcome waits for the meeting to be held, and it follows its meeting when that is
/// cancelled or moved, with a notice to the lead department.
@Suite("Outcomes belong to a held meeting (R5, R18) on both engines")
struct CollectiveDecisionEngineTests {
    /// An accepted JW item on an executive meeting of 2026-03-12.
    func scheduled(_ office: TestOffice) throws -> (item: Int64, meeting: Meeting) {
        let secretary = try office.session("lijing")
        let meeting = try secretary.addMeeting(kind: .executive, start: at("2026-03-12T09:00"))
        let item = try secretary.addItem(title: "关于校园安全的议题", lead: "JW", category: 1).id!
        try office.session("xuwenbo").submitItem(item)
        try office.session("wangxiaoyan").approveItem(item)
        try secretary.acceptItem(item)
        try secretary.scheduleItem(item, meeting: meeting.id!)
        return (item, meeting)
    }

    func refusal(_ body: () throws -> Void) -> Refusal? {
        do { try body(); return nil } catch let r as Refusal { return r } catch { return nil }
    }

    @Test("an item is decided or deferred only at a held meeting it was on (R5, R18)", arguments: ScratchDatabase.engines)
    func onlyAtAHeldMeeting(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let (item, meeting) = try scheduled(office)
        let before = try office.auditCount()
        let early = refusal { try office.session("lijing").decideItem(item, text: "同意") }
        #expect(early?.code == "item.meetingNotHeld" && early?.article == "R5, R18")
        #expect(refusal { try office.session("lijing").deferItem(item, reason: "补充材料") }?.code == "item.meetingNotHeld")
        #expect(try office.auditCount() == before)
        #expect(try office.session().itemDossier(item).item.state == .scheduled)
        // Before the meeting the office takes it off the agenda, without an outcome.
        let off = try office.session("lijing").unscheduleItem(item, reason: "议程调整")
        #expect(off.state == .accepted && off.meetingId == nil && off.decision == nil)
        try office.session("lijing").scheduleItem(item, meeting: meeting.id!)
        let atMeeting = try office.session("lijing", now: "2026-03-12T10:00")
        try atMeeting.holdMeeting(meeting.id!)
        #expect(refusal { try atMeeting.unscheduleItem(item) }?.code == "item.meetingHeld")
        #expect(try atMeeting.decideItem(item, text: "原则同意").state == .decided)
    }

    @Test("cancelling a meeting returns its items to accepted with a notice to the lead department (R5, R18)", arguments: ScratchDatabase.engines)
    func cancelledMeetingReturnsItems(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let (item, meeting) = try scheduled(office)
        try office.session("lijing").cancelMeeting(meeting.id!, reason: "区长临时公务")
        let dossier = try office.session().itemDossier(item)
        #expect(dossier.item.state == .accepted && dossier.item.meetingId == nil)
        #expect(dossier.timeline.last?.kind == .returned && dossier.timeline.last?.meetingId == meeting.id)
        // The lead department's head sees the notice until he acknowledges it.
        let head = try office.session("xuwenbo")
        let notices = try head.itemNotices()
        #expect(notices.count == 1 && notices[0].notice.kind == .returned && notices[0].notice.itemId == item)
        #expect(notices[0].message.zh.contains("已取消") && notices[0].message.en.contains("cancelled"))
        #expect(try head.homeSnapshot().waiting.contains { $0.ref == .item(item) })
        #expect(try office.session("handongmei").itemNotices().isEmpty)
        #expect(throws: Refusal.self) { try office.session("handongmei").acknowledgeItemNotice(notices[0].notice.id!) }
        try office.session("lijing", onBehalfOf: "xuwenbo").acknowledgeItemNotice(notices[0].notice.id!)
        #expect(try head.itemNotices().isEmpty)
        #expect(try head.itemNotices(includeRead: true).first?.notice.acknowledgedBy == "xuwenbo")
        // Nothing can be decided for it on the cancelled meeting; it goes on another one.
        #expect(refusal { try office.session("lijing").decideItem(item, text: "同意") }?.code == "item.outOfOrder")
    }

    @Test("on both engines: a cancelled meeting's item goes back with a notice only its lead department's head acknowledges",
          arguments: ScratchDatabase.engines)
    func cancelledMeetingNotice(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let (item, meeting) = try scheduled(office)
        try office.session("lijing").cancelMeeting(meeting.id!, reason: "区长临时公务")
        #expect(try office.session().itemDossier(item).item.state == .accepted)
        let head = try office.session("xuwenbo")
        let notice = try #require(try head.itemNotices().first)
        #expect(notice.notice.kind == .returned && notice.itemTitle == "关于校园安全的议题")
        let events = try office.auditCount()
        #expect(throws: Refusal.self) { try office.session("handongmei").acknowledgeItemNotice(notice.notice.id!) }
        #expect(try office.auditCount() == events)
        let read = try office.session("lijing", onBehalfOf: "xuwenbo").acknowledgeItemNotice(notice.notice.id!)
        #expect(read.notice.acknowledgedBy == "xuwenbo" && read.notice.acknowledgedAt != nil)
        #expect(try head.itemNotices().isEmpty)
        #expect(try head.itemNotices(includeRead: true).map(\.notice.id) == [notice.notice.id])
        #expect(try office.auditActions(since: events) == ["item.notice.read"])
    }

    @Test("moving a meeting moves its items with it and tells the lead department (R5, R18)", arguments: ScratchDatabase.engines)
    func movedMeetingMovesItems(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let (item, meeting) = try scheduled(office)
        try office.session("lijing").moveMeeting(meeting.id!, to: at("2026-03-19T09:00"), reason: "与市里会议冲突")
        let dossier = try office.session().itemDossier(item)
        #expect(dossier.item.state == .scheduled && dossier.item.meetingId == meeting.id)
        #expect(dossier.timeline.last?.kind == .meetingMoved)
        let notice = try #require(try office.session("xuwenbo").itemNotices().first)
        #expect(notice.notice.kind == .moved && notice.notice.previousStart == at("2026-03-12T09:00"))
        #expect(notice.message.zh.contains("2026-03-19"))
    }

    @Test("the lead department may still withdraw its item before the meeting (R41)", arguments: ScratchDatabase.engines)
    func withdrawBeforeTheMeeting(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let (item, _) = try scheduled(office)
        #expect(try office.session("xuwenbo").withdrawItem(item, reason: "情况变化").state == .withdrawn)
    }
}
