import Foundation
import HuiwuTestSupport
import MeetingKit
@testable import MeetingStore
import Testing

private func at(_ s: String) -> LocalDateTime { LocalDateTime(iso: s)! }
private func day(_ s: String) -> Day { Day(iso: s)! }

/// Meetings and scheduling through the database port: the same use cases on SQLite and on
/// PostgreSQL (issue 21). `SchedulingTests` runs planning, permissions and invitations on
/// both engines too.
@Suite("meetings and scheduling on both engines")
struct MeetingEngineTests {
    @Test("R61: a vice mayor's topical meeting waits for the mayor; the refused approval is the only trace; a stale version is refused naming the changer",
          arguments: ScratchDatabase.engines)
    func approval(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let vm = try office.session("wangxiaoyan")
        let m = try vm.scheduleMeeting(MeetingRequest(kind: .topical, start: at("2026-03-10T14:00"), title: "学前教育资源布局",
                                                      departments: ["JW", "WJW"])).meeting
        #expect(m.approval == .awaiting && m.convenerLogin == "wangxiaoyan")
        #expect(try vm.participants(ofMeeting: m.id!).compactMap(\.personLogin) == ["wangxiaoyan", "xuwenbo", "handongmei"])

        let events = try office.auditCount()
        #expect(throws: Refusal.self) { try vm.notifyMeeting(m.id!) }
        let refused = try #require(throws: Refusal.self) { try vm.approveMeeting(m.id!) }
        #expect(refused.article == "R61")
        #expect(try office.auditActions(since: events) == ["refused.meeting.approve"])
        let unchanged = try vm.meeting(m.id!)
        #expect(unchanged == m)

        let mayor = try office.session("zhoulixin", now: "2026-03-02T10:15")
        #expect(try mayor.approveMeeting(m.id!, expectedVersion: m.version).approval == .approved)
        let stale = try #require(throws: Refusal.self) { try vm.notifyMeeting(m.id!, expectedVersion: m.version) }
        #expect(stale.code == RecordVersion.staleCode)
        #expect(stale.message.en.contains("changed by 周立新 (zhoulixin) at 2026-03-02 10:15"))
        #expect(try vm.notifyMeeting(m.id!, expectedVersion: m.version + 1).status == .notified)
        #expect(try vm.verifyAudit().firstBreak == nil)
    }

    @Test("conflicts: a member and a room booked twice, and a meeting on a holiday, are reported", arguments: ScratchDatabase.engines)
    func conflicts(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let s = try office.session("lijing")
        _ = try s.scheduleMeeting(MeetingRequest(kind: .topical, start: at("2026-03-05T10:00"), chair: "wangxiaoyan", room: "区政府第一会议室"))
        let result = try s.scheduleMeeting(MeetingRequest(kind: .executive, start: at("2026-03-05T09:00"), room: "区政府第一会议室"))
        #expect(Set(result.conflicts.map(\.kind)) == [.personDoubleBooked, .roomDoubleBooked])
        let double = try #require(result.conflicts.first { $0.kind == .personDoubleBooked })
        #expect(double.personLogin == "wangxiaoyan" && double.message.zh.contains("王晓燕") && double.message.zh.contains("10:00"))
        #expect(try s.conflicts(ofMeeting: result.meeting.id!).map(\.kind) == result.conflicts.map(\.kind))
        let holiday = try s.scheduleMeeting(MeetingRequest(kind: .topical, start: at("2026-04-06T09:00")))
        #expect(holiday.conflicts.map(\.kind) == [.nonWorkingDay])
        let preview = try s.previewMeeting(MeetingRequest(kind: .topical, start: at("2026-03-05T10:30"), chair: "wangxiaoyan"))
        #expect(preview.conflicts.contains { $0.kind == .personDoubleBooked })
    }

    @Test("a meeting's detail, the week's calendar page and the iCalendar export read the same meetings", arguments: ScratchDatabase.engines)
    func readings(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let s = try office.session("lijing")
        let first = try s.scheduleMeeting(MeetingRequest(kind: .topical, start: at("2026-03-03T09:00"), chair: "wangxiaoyan", title: "校园安全")).meeting
        let second = try s.scheduleMeeting(MeetingRequest(kind: .executive, start: at("2026-03-05T09:00"))).meeting
        try s.inviteToMeeting(first.id!, guest: "张教授", guestOrg: "北京大学")
        let detail = try s.meetingDetail(first.id!)
        #expect(detail.chairName == "王晓燕" && detail.participants(.invited).map(\.name) == ["张教授"])
        #expect(detail.moves.isEmpty && detail.day.day == day("2026-03-03"))

        let page = try s.calendarPage(from: day("2026-03-02"), to: day("2026-03-08"))
        #expect(page.meetings.map(\.id) == [first.id!, second.id!])
        #expect(page.days.count == 7 && page.yearsWithoutData.isEmpty)
        #expect(try s.meetings(from: at("2026-03-04T00:00"), to: at("2026-03-06T00:00")).map(\.id) == [second.id!])

        let export = try s.exportCalendar(from: day("2026-03-01"), to: day("2026-03-31"), person: "wangxiaoyan", lang: .zh)
        #expect(export.events == 2)  // she chairs the first and sits in the executive meeting
        #expect(export.text.contains("BEGIN:VCALENDAR") && export.text.contains("校园安全"))
    }

    @Test("adding meetings of a series numbers them in date order (R37)", arguments: ScratchDatabase.engines)
    func numbering(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let s = try office.session("lijing")
        let later = try s.addMeeting(kind: .executive, start: at("2026-03-19T09:00"), series: "executive")
        let earlier = try s.addMeeting(kind: .executive, start: at("2026-03-05T09:00"), series: "executive")
        #expect(try s.meeting(earlier.id!).number == 1)
        #expect(try s.meeting(later.id!).number == 2)
    }

    @Test("on PostgreSQL, attaching a file to an item (once refused as not yet on the port) is one audited change",
          .postgres)
    func attachOnPostgres() throws {
        let office = try TestOffice(.postgresql)
        let s = try office.session("lijing")
        let item = try s.addItem(title: "附件已迁移的议题", lead: "JW")
        let events = try office.auditCount()
        let a = try s.attach(name: "测算表.txt", content: Data("经费".utf8), to: .item(item.id!))
        #expect(try office.auditCount() == events + 1)
        #expect(try s.attachmentContent(a.id!) == Data("经费".utf8))
    }
}
