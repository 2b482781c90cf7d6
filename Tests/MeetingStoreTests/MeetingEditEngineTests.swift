import Foundation
import HuiwuTestSupport
import MeetingKit
@testable import MeetingStore
import Testing

private func at(_ s: String) -> LocalDateTime { LocalDateTime(iso: s)! }

/// Issue 18: a meeting's subject, room and chair change after it was added, with the rights,
/// chair rules and locking of the other meeting changes, on SQLite and on PostgreSQL.
@Suite("editing a meeting's subject, room and chair on both engines")
struct MeetingEditEngineTests {
    @Test("the office changes a meeting's subject and room: one audit event with before and after; a stale version is refused",
          arguments: ScratchDatabase.engines)
    func subjectAndRoom(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let s = try office.session("lijing")
        let m = try s.scheduleMeeting(MeetingRequest(kind: .executive, start: at("2026-03-05T09:00"), room: "第一会议室")).meeting
        let events = try office.auditCount()
        let edited = try s.editMeeting(m.id!, MeetingEdit(title: "城市更新专题", room: "第三会议室"), expectedVersion: m.version)
        #expect(edited.title == "城市更新专题" && edited.room == "第三会议室" && edited.version == m.version + 1)
        #expect(edited.chairLogin == m.chairLogin && edited.start == m.start && edited.number == m.number)
        let audit = try office.auditEvents(since: events)
        #expect(audit.map(\.action) == ["meeting.edit"])
        #expect(audit.first?.entityId == String(m.id!) && audit.first?.before.contains("第一会议室") == true
                && audit.first?.after.contains("第三会议室") == true)

        let stale = try #require(throws: Refusal.self) { try s.editMeeting(m.id!, MeetingEdit(room: "第二会议室"), expectedVersion: m.version) }
        #expect(stale.code == RecordVersion.staleCode)
        #expect(try s.editMeeting(m.id!, MeetingEdit(room: ""), expectedVersion: edited.version).room == nil)
        let unchanged = try #require(throws: Refusal.self) { try s.editMeeting(m.id!, MeetingEdit(title: "城市更新专题")) }
        #expect(unchanged.code == "meeting.editUnchanged")
        #expect(try s.verifyAudit().firstBreak == nil)
    }

    @Test("who may edit: not a department head, not another vice mayor's topical meeting; the convening vice mayor may (R40)",
          arguments: ScratchDatabase.engines)
    func permissions(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let executive = try office.session("lijing").scheduleMeeting(MeetingRequest(kind: .executive, start: at("2026-03-05T09:00"))).meeting
        let vm = try office.session("wangxiaoyan")
        let topical = try vm.scheduleMeeting(MeetingRequest(kind: .topical, start: at("2026-03-10T14:00"), title: "学前教育")).meeting
        let events = try office.auditCount()

        let head = try #require(throws: Refusal.self) { try office.session("xuwenbo").editMeeting(executive.id!, MeetingEdit(title: "改")) }
        #expect(head.code == "meeting.notScheduler")
        let other = try #require(throws: Refusal.self) { try office.session("zhaojianguo").editMeeting(topical.id!, MeetingEdit(room: "某室")) }
        #expect(other.code == "meeting.notScheduler")
        let ownExecutive = try #require(throws: Refusal.self) { try vm.editMeeting(executive.id!, MeetingEdit(title: "改")) }
        #expect(ownExecutive.code == "meeting.notScheduler")
        #expect(try office.auditCount() == events)
        #expect(try office.session("xuwenbo").meeting(executive.id!) == executive)

        #expect(try vm.editMeeting(topical.id!, MeetingEdit(title: "学前教育资源布局")).title == "学前教育资源布局")
    }

    @Test("the chair rules of each kind apply to a new chair (R38–R40); the office cannot name the executive vice mayor without the mayor (R39)",
          arguments: ScratchDatabase.engines)
    func chair(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let s = try office.session("lijing")
        let executive = try s.scheduleMeeting(MeetingRequest(kind: .executive, start: at("2026-03-05T09:00"))).meeting
        let plenary = try s.scheduleMeeting(MeetingRequest(kind: .plenary, start: at("2026-03-06T09:00"))).meeting
        let topical = try s.scheduleMeeting(MeetingRequest(kind: .topical, start: at("2026-03-10T09:00"), chair: "wangxiaoyan")).meeting

        let vmChair = try #require(throws: Refusal.self) { try s.editMeeting(executive.id!, MeetingEdit(chair: "wangxiaoyan")) }
        #expect(vmChair.article == "R39" && vmChair.code == "meeting.chairNotMayorOrEVM")
        let events = try office.auditCount()
        let notEntrusted = try #require(throws: Refusal.self) { try s.editMeeting(executive.id!, MeetingEdit(chair: "chenhaifeng")) }
        #expect(notEntrusted.article == "R39" && notEntrusted.code == "meeting.entrustNotByMayor")
        #expect(try office.auditActions(since: events) == ["refused.meeting.edit"], "the mayor's decision, refused, leaves its trace (R39)")
        let forMayor = try office.session("lijing", onBehalfOf: "zhoulixin")
        let entrusted = try forMayor.editMeeting(executive.id!, MeetingEdit(chair: "chenhaifeng"))
        #expect(entrusted.chairLogin == "chenhaifeng" && entrusted.chairDelegation == .entrusted)
        // R7: the mayor named on a day he is registered away is refused with the reason, not
        // silently turned into the executive vice mayor (who already chairs: "nothing changed").
        try s.registerAbsence(person: "zhoulixin", from: Day(iso: "2026-03-05")!, to: Day(iso: "2026-03-05")!, kind: .trip, reason: "出差")
        let away = try #require(throws: Refusal.self) { try s.editMeeting(executive.id!, MeetingEdit(chair: "zhoulixin")) }
        #expect(away.article == "R7" && away.code == "meeting.mayorAway")
        #expect(away.message.zh.contains("2026-03-05") && away.message.zh.contains("取消其外出登记"))
        #expect(try s.meeting(executive.id!).chairLogin == "chenhaifeng")

        let plenaryChair = try #require(throws: Refusal.self) { try s.editMeeting(plenary.id!, MeetingEdit(chair: "chenhaifeng")) }
        #expect(plenaryChair.article == "R38")
        let headChair = try #require(throws: Refusal.self) { try s.editMeeting(topical.id!, MeetingEdit(chair: "xuwenbo")) }
        #expect(headChair.article == "R40")
        let unknown = try #require(throws: Refusal.self) { try s.editMeeting(topical.id!, MeetingEdit(chair: "nobody")) }
        #expect(unknown.code == "identity.unknownPerson")

        let changed = try s.editMeeting(topical.id!, MeetingEdit(chair: "zhaojianguo"))
        #expect(changed.chairLogin == "zhaojianguo" && changed.convenerLogin == topical.convenerLogin)
        #expect(try s.participants(ofMeeting: topical.id!).compactMap(\.personLogin).contains("zhaojianguo"))
    }

    @Test("a held or cancelled meeting can no longer be edited", arguments: ScratchDatabase.engines)
    func closed(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let s = try office.session("lijing")
        let held = try s.scheduleMeeting(MeetingRequest(kind: .topical, start: at("2026-03-03T09:00"), chair: "wangxiaoyan",
                                                        inGovernmentName: false)).meeting
        let cancelled = try s.scheduleMeeting(MeetingRequest(kind: .topical, start: at("2026-03-04T09:00"), chair: "wangxiaoyan",
                                                             inGovernmentName: false)).meeting
        try office.session("lijing", now: "2026-03-03T12:00").holdMeeting(held.id!)
        try s.cancelMeeting(cancelled.id!, reason: "议题未备齐")
        let events = try office.auditCount()
        for id in [held.id!, cancelled.id!] {
            let refusal = try #require(throws: Refusal.self) { try s.editMeeting(id, MeetingEdit(title: "补记主题")) }
            #expect(refusal.code == "meeting.closed")
        }
        #expect(try office.auditCount() == events)
        #expect(try s.meeting(held.id!).title == held.title)
    }
}
