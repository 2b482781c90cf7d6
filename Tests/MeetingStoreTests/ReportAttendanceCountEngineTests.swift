import HuiwuTestSupport
import MeetingKit
import MeetingStore
import Testing

/// The report counts attendance from short rows, one per roster entry, and the year's approved
/// leave (issue 20: reading every roster entry, mark and leave request of a year as whole
/// records took half of `huiwu report`'s time). These tests hold those counts to the rule that
/// ``AttendanceStatistics`` applies entry by entry, on the report's quarter plus the cases a
/// wrong join or filter would miscount: a guest on the roster, a cancelled meeting with marks,
/// a mark corrected after the fact, approved leave without a mark, a meeting on the period's
/// last day and one the day after.
@Suite("Report: attendance counted for the report follows the sign-in rule, on both engines")
struct ReportAttendanceCountEngineTests {
    let office: TestOffice

    init(_ engine: StoreEngine) throws {
        office = try TestOffice(engine)
        try ReportFixtures.quarter(office)
    }

    /// The rule's tallies without approved leave requests, which the report's count leaves out.
    static func withoutApprovedLeave(_ tallies: [AttendanceStatistics.Tally]) -> [AttendanceStatistics.Tally] {
        tallies.map { var t = $0; t.approvedLeave = 0; return t }
    }

    func expectSameAsSwiftRule(sourceLocation: SourceLocation = #_sourceLocation) throws {
        let session = try office.session("lijing", now: ReportFixtures.asOf)
        let rule = try session.attendanceStatistics(from: ReportFixtures.from, to: ReportFixtures.to)
        let counted = try session.attendanceTotals(from: ReportFixtures.from, to: ReportFixtures.to)
        #expect(counted.kinds == Self.withoutApprovedLeave(rule.kinds), sourceLocation: sourceLocation)
        #expect(counted.departments == Self.withoutApprovedLeave(rule.departments), sourceLocation: sourceLocation)
        // And the report shows exactly the rates the rule gives.
        let report = try session.periodReport(from: ReportFixtures.from, to: ReportFixtures.to)
        #expect(report.attendanceByKind.map { [$0.key, $0.name, "\($0.recorded)", "\($0.attended)", "\(String(describing: $0.rate))"] }
                == rule.kinds.map { [$0.key, MeetingKind(rawValue: $0.key)!.name.zh, "\($0.recorded)", "\($0.attended)", "\(String(describing: $0.rate))"] },
                sourceLocation: sourceLocation)
        #expect(report.attendanceByDepartment.map { [$0.key, $0.name, "\($0.recorded)", "\($0.attended)", "\(String(describing: $0.rate))"] }
                == rule.departments.filter { $0.recorded > 0 }.map { [$0.key, $0.name, "\($0.recorded)", "\($0.attended)", "\(String(describing: $0.rate))"] },
                sourceLocation: sourceLocation)
        let recorded = rule.kinds.reduce(0) { $0 + $1.recorded }, attended = rule.kinds.reduce(0) { $0 + $1.attended }
        #expect(report.attendance.recorded == recorded && report.attendance.attended == attended, sourceLocation: sourceLocation)
    }

    func kind(_ kind: MeetingKind) throws -> AttendanceStatistics.Tally {
        let totals = try office.session("lijing", now: ReportFixtures.asOf).attendanceTotals(from: ReportFixtures.from, to: ReportFixtures.to)
        return try #require(totals.kinds.first { $0.key == kind.rawValue })
    }

    @Test("the report's quarter: the same tallies per kind and department as the rule, status by status", arguments: ScratchDatabase.engines)
    static func quarter(engine: StoreEngine) throws {
        let test = try Self(engine)
        try test.expectSameAsSwiftRule()
        // seedQuarter's hand count for the two executive meetings of January and February
        // (AttendanceStatisticsEngineTests) holds inside the kind's totals: leave without a mark
        // (fangweiguo on 02-12) counts as leave, a rejected request leaves an absence an absence.
        let executive = try test.kind(.executive)
        #expect(executive.leave >= 2 && executive.substitute >= 1 && executive.late >= 1)
        let plenary = try test.kind(.plenary)
        #expect((plenary.present, plenary.absent, plenary.late, plenary.leave, plenary.substitute) == (4, 1, 0, 0, 0))
    }

    @Test("guests, cancelled meetings, corrected marks, approved leave and the period's edges are counted as the rule counts them",
          arguments: ScratchDatabase.engines)
    static func edges(engine: StoreEngine) throws {
        let test = try Self(engine)
        let office = test.office
        let before = try test.kind(.executive)
        let secretary = try office.session("lijing", now: "2026-03-20T09:00")

        // A cancelled meeting's marks do not count; nor does a guest on a counted meeting's roster.
        let cancelled = try secretary.addMeeting(kind: .executive, start: LocalDateTime(iso: "2026-03-26T09:00")!).id!
        let guest = try secretary.inviteToMeeting(cancelled, guest: "陈明", guestOrg: "市发改委")
        let marking = try office.session("lijing", now: "2026-03-26T09:10")
        try marking.markAttendance(meetingId: cancelled, person: "zhoulixin", status: .present)
        try marking.markAttendance(meetingId: cancelled, participantId: guest.id!, status: .present)
        try office.session("lijing", now: "2026-03-26T12:00").cancelMeeting(cancelled, reason: "议题不足")
        #expect(try test.kind(.executive) == before)
        try test.expectSameAsSwiftRule()

        // The last day of the period counts, the day after does not. On 03-31: xuwenbo is late
        // (first marked present, then corrected), wangxiaoyan's approved leave is not marked,
        // a guest is present; everyone else on the roster is unrecorded.
        let last = try secretary.addMeeting(kind: .executive, start: LocalDateTime(iso: "2026-03-31T15:00")!).id!
        let after = try secretary.addMeeting(kind: .executive, start: LocalDateTime(iso: "2026-04-01T09:00")!).id!
        let lastGuest = try secretary.inviteToMeeting(last, guest: "李华", guestOrg: "市统计局")
        let leave = try office.session("wangxiaoyan", now: "2026-03-20T09:00").requestLeave(meetingId: last, reason: "赴市里开会")
        try office.session("zhoulixin", now: "2026-03-20T10:00").approveLeave(leave.id!)
        let onTheDay = try office.session("lijing", now: "2026-03-31T15:10")
        try onTheDay.markAttendance(meetingId: last, person: "xuwenbo", status: .present)
        try onTheDay.markAttendance(meetingId: last, person: "xuwenbo", status: .late, lateMinutes: 10)
        try onTheDay.markAttendance(meetingId: last, participantId: lastGuest.id!, status: .present)
        try office.session("lijing", now: "2026-04-01T09:10").markAttendance(meetingId: after, person: "xuwenbo", status: .absent)
        let roster = try secretary.participants(ofMeeting: last).filter { $0.personLogin != nil }.count

        let now = try test.kind(.executive)
        #expect(now.present == before.present)
        #expect(now.late == before.late + 1)
        #expect(now.absent == before.absent)
        #expect(now.leave == before.leave + 1)
        #expect(now.unrecorded == before.unrecorded + roster - 2)
        try test.expectSameAsSwiftRule()
    }
}
