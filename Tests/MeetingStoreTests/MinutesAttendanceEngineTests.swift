import HuiwuTestSupport
import MeetingKit
@testable import MeetingStore
import Testing

private func day(_ s: String) -> Day { Day(iso: s)! }

/// The attendance the minutes state: what was recorded, never a guess (R42, R65, R7), and
/// fixed once they are signed (R43).
@Suite("Attendance in the minutes (R42, R65, R7, R43) on both engines")
struct MinutesAttendanceEngineTests {
    func refusal(_ body: () throws -> Void) -> Refusal? {
        do { try body(); return nil } catch let r as Refusal { return r } catch { return nil }
    }

    @Test("the draft lists a leader away from Beijing as away, the EVM's chair as delegated, and unmarked members to check, not as present (R7, R65, R42)", arguments: ScratchDatabase.engines)
    func draftUsesAbsencesAndFlagsUnmarked(engine: StoreEngine) throws {
        let office = try TestOffice(engine, now: "2026-03-01T09:00")
        let secretary = try office.session("lijing")
        try secretary.registerAbsence(person: "zhoulixin", from: day("2026-03-02"), to: day("2026-03-03"), kind: .trip, reason: "赴外省考察")
        let meeting = try MinutesFixtures.heldMeeting(office)
        #expect(meeting.chairLogin == "chenhaifeng" && meeting.chairDelegation == .mayorAway)
        let atMeeting = try office.session("lijing", now: "2026-03-02T09:00")
        try atMeeting.markAttendance(meetingId: meeting.id!, person: "chenhaifeng", status: .present)
        let body = try atMeeting.draftMinutes(meetingId: meeting.id!).body
        let lines = body.split(separator: "\n").map(String.init)
        #expect(lines.contains("主持：陈海峰（常务副区长，区长离京期间主持）"))
        #expect(lines.contains("出席：陈海峰"))
        #expect(lines.contains("离京：周立新（出差）"))
        let unmarked = try #require(lines.first { $0.hasPrefix("【待核实】未登记签到：") })
        #expect(unmarked.contains("王晓燕") && !unmarked.contains("周立新") && !unmarked.contains("陈海峰"))
    }

    @Test("signed minutes fix the attendance they state; a correction is drafted first (R43)", arguments: ScratchDatabase.engines)
    func attendanceFixedBySignedMinutes(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let signed = try MinutesFixtures.signedWithDecisions(office)
        let secretary = try office.session("lijing")
        let before = try office.auditCount()
        let changed = refusal { try secretary.markAttendance(meetingId: signed.meetingId, person: "fengguoqing", status: .present) }
        #expect(changed?.code == "attendance.minutesSigned" && changed?.article == "R43")
        #expect(try office.auditCount() == before)
        #expect(try secretary.roster(meetingId: signed.meetingId).lines.first { $0.person == "fengguoqing" }?.status == .absent)
        // The correction document carries the corrected attendance.
        try secretary.draftMinutes(meetingId: signed.meetingId)
        #expect(try secretary.markAttendance(meetingId: signed.meetingId, person: "fengguoqing", status: .late, lateMinutes: 20).status == .late)
    }
}
