import Foundation
import HuiwuTestSupport
import MeetingKit
import MeetingStore
import Testing

/// Findings of issue 18's walk-through that live below the screens: each as the rule it breaks.
@Suite("Issue 18's findings in the office's records")
struct CycleFindingsTests {
    func day(_ iso: String) -> Day { Day(iso: iso)! }

    @Test("the report counts a meeting still to come as to come, not as not held", arguments: ScratchDatabase.engines)
    func upcomingIsNotNotHeld(engine: StoreEngine) throws {
        let office = try TestOffice(engine, now: "2026-03-10T09:00")
        let secretary = try office.session("lijing", now: "2026-03-02T09:00")
        try secretary.addMeeting(kind: .executive, start: LocalDateTime(iso: "2026-03-05T09:00")!)  // past, never marked held
        try secretary.addMeeting(kind: .executive, start: LocalDateTime(iso: "2026-03-19T09:00")!)  // to come
        let report = try office.session("lijing").periodReport(from: day("2026-03-01"), to: day("2026-03-31"))
        let executive = try #require(report.meetings.first { $0.kind == .executive })
        #expect(executive.notHeld == 1 && executive.upcoming == 1 && executive.held == 0)
    }

    @Test("the batch planner counts a notified meeting added by hand and puts no second one in its period", arguments: ScratchDatabase.engines)
    func plannerSeesHandAddedMeetings(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let secretary = try office.session("lijing")
        let preview = try secretary.planMeetings(.standard(for: .executive), from: day("2026-03-02"), to: day("2026-03-31"), commit: false)
        let first = try #require(preview.plan.occurrences.first { $0.createsMeeting })
        let start = try #require(preview.plan.start(of: first))
        let byHand = try secretary.addMeeting(kind: .executive, start: start.adding(minutes: 60))
        try secretary.sendNotice(meetingId: byHand.id!)
        _ = try secretary.planMeetings(.standard(for: .executive), from: day("2026-03-02"), to: day("2026-03-31"), commit: true)
        let near = try office.session().meetings(from: LocalDateTime(day: start.day.adding(days: -3), minuteOfDay: 0),
                                                 to: LocalDateTime(day: start.day.adding(days: 4), minuteOfDay: 0), kind: .executive)
        #expect(near.map(\.id) == [byHand.id], "one meeting in the slot of the notified one")
    }

    @Test("a correction is titled as a correction, so the mayor's queue never shows two documents alike (R43)", arguments: ScratchDatabase.engines)
    func correctionTitle(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let signed = try MinutesFixtures.signedWithDecisions(office)
        let correction = try office.session("lijing", now: "2026-03-04T09:00").draftMinutes(meetingId: signed.meetingId)
        #expect(correction.correctionOf == signed.id)
        #expect(correction.title == signed.title + "（更正）")
        #expect(correction.title != signed.title)
    }

    @Test("a follow-up quotes the decision as the signed minutes state it, not as first recorded (R53)", arguments: ScratchDatabase.engines)
    func followUpFromSignedText(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let (meeting, _) = try MinutesFixtures.meetingWithAgenda(office)
        let secretary = try office.session("lijing", now: "2026-03-03T10:00")
        let draft = try secretary.draftMinutes(meetingId: meeting.id!)
        let recorded = "原则同意，由区教委会同区财政局落实经费，一个月内报区政府。"
        let signedText = "原则同意，由区教委会同区财政局落实经费，两个月内报区政府。"
        #expect(draft.body.contains(recorded))
        _ = try secretary.editMinutes(draft.id!, body: draft.body.replacingOccurrences(of: recorded, with: signedText))
        try secretary.setMinutesAttributes(draft.id!, disclosure: .public, reason: nil, classification: nil)
        try secretary.submitMinutes(draft.id!)
        _ = try MinutesFixtures.officeCheck(office, draft.id!, now: "2026-03-03T10:00")
        try office.session("zhoulixin", now: "2026-03-03T10:00").signMinutes(draft.id!)
        let jw = try #require(try office.session().followUps(department: "JW").first)
        #expect(jw.followUp.description == signedText)
    }
}
