import HuiwuTestSupport
import MeetingKit
import MeetingStore
import Testing

@Suite("A registered absence files leave for the meetings it overlaps (R65, R42) on both engines")
struct AbsencePrefillsLeaveEngineTests {
    @Test("a vice mayor away during an executive meeting gets a pending request addressed to the mayor", arguments: ScratchDatabase.engines)
    func prefill(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let secretary = try office.session("lijing")
        let meeting = try secretary.addMeeting(kind: .executive, start: LocalDateTime(iso: "2026-03-05T09:00")!)
        _ = try secretary.addMeeting(kind: .executive, start: LocalDateTime(iso: "2026-03-19T09:00")!)
        let registration = try secretary.registerAbsence(person: "wangxiaoyan", from: Day(iso: "2026-03-04")!,
                                                         to: Day(iso: "2026-03-06")!, kind: .trip, reason: "赴外省考察")
        #expect(registration.prefilledLeave.count == 1)
        let leave = try #require(registration.prefilledLeave.first)
        #expect(leave.meetingId == meeting.id)
        #expect(leave.status == .pending)
        #expect(leave.approverLogin == "zhoulixin")
        #expect(leave.source == .absence)
        // Registering the same days again files nothing new.
        let again = try secretary.registerAbsence(person: "wangxiaoyan", from: Day(iso: "2026-03-05")!,
                                                  to: Day(iso: "2026-03-05")!, kind: .trip, reason: "赴外省考察")
        #expect(again.prefilledLeave.isEmpty)
        #expect(try secretary.leaveRequests(meetingId: meeting.id).count == 1)
    }

    @Test("the mayor's absence hands the chair over instead of filing leave (R7)", arguments: ScratchDatabase.engines)
    func mayor(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let secretary = try office.session("lijing")
        let meeting = try secretary.addMeeting(kind: .executive, start: LocalDateTime(iso: "2026-03-05T09:00")!)
        let registration = try secretary.registerAbsence(person: "zhoulixin", from: Day(iso: "2026-03-05")!,
                                                         to: Day(iso: "2026-03-05")!, kind: .trip, reason: "出差")
        #expect(registration.prefilledLeave.isEmpty)
        #expect(registration.delegatedMeetings.map(\.id) == [meeting.id])
        #expect(try secretary.leaveRequests(meetingId: meeting.id).isEmpty)
    }
}
