import Foundation
import Testing
import HuiwuTestSupport
@testable import MeetingKit
@testable import MeetingStore

private func at(_ s: String) -> LocalDateTime { LocalDateTime(iso: s)! }
private func day(_ s: String) -> Day { Day(iso: s)! }

@Suite("Scheduling in the store: planning, numbering, chairs, approvals, conflicts")
struct SchedulingTests {
    @Test("planning the mayor's weekly topical meetings of 2026 makes 51 consecutively numbered meetings, and planning again makes none (R40)", arguments: ScratchDatabase.engines)
    func planWeekly(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let secretary = try office.session("lijing")
        let report = try secretary.planMeetings(.standard(for: .topical), from: day("2026-01-01"), to: day("2026-12-31"), commit: true)
        let meetings = try secretary.meetings(kind: .topical)
        #expect(meetings.count == 51)
        #expect(meetings.map(\.number) == (1...51).map(Optional.some))
        #expect(meetings.allSatisfy { $0.series == "topical-mayor" && $0.chairLogin == "zhoulixin" && $0.approval == .notRequired })
        let days = Set(meetings.map(\.start.day))
        #expect(days.contains(day("2026-02-24")))
        #expect(days.contains(day("2026-10-08")))
        #expect(!days.contains { $0.startOfWeek == day("2026-02-16") })
        #expect(report.plan.occurrences.first { $0.period.lowerBound == day("2026-02-16") }?.isSkipped == true)
        #expect(report.created.count == 51)

        let events = try office.auditCount()
        let again = try secretary.planMeetings(.standard(for: .topical), from: day("2026-01-01"), to: day("2026-12-31"), commit: true)
        #expect(again.created.isEmpty)
        #expect(try secretary.meetings(kind: .topical).count == 51)
        #expect(try office.auditCount() == events)
    }

    @Test("the executive meeting every two weeks from 2026-01-05 is on working days, chaired by the mayor and broadcast live (R39, R18)", arguments: ScratchDatabase.engines)
    func planExecutive(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        var cadence = Cadence.standard(for: .executive)
        cadence.weekday = .monday
        let secretary = try office.session("lijing")
        let preview = try secretary.planMeetings(cadence, from: day("2026-01-05"), to: day("2026-06-30"), commit: false)
        #expect(preview.created.isEmpty)
        #expect(try secretary.meetings(kind: .executive).isEmpty)
        _ = try secretary.planMeetings(cadence, from: day("2026-01-05"), to: day("2026-06-30"), commit: true)
        let calendar = try secretary.holidayCalendar()
        let meetings = try secretary.meetings(kind: .executive)
        #expect(meetings.count == preview.plan.occurrences.filter(\.createsMeeting).count)
        #expect(meetings.allSatisfy { calendar.isWorkingDay($0.start.day) && !$0.start.day.isWeekend && $0.liveBroadcast })
        let roster = try secretary.participants(ofMeeting: meetings[0].id!)
        #expect(roster.contains { $0.guestName == "区人大代表" && $0.role == .invited })
    }

    @Test("cancelling a meeting renumbers the later unheld ones; held meetings keep their numbers")
    func renumbering() throws {
        let office = try TestOffice(now: "2026-03-20T09:00")
        let s = try office.session("lijing")
        let ids = try ["2026-03-05T09:00", "2026-03-19T09:00", "2026-04-02T09:00", "2026-04-16T09:00"].map {
            try s.scheduleMeeting(MeetingRequest(kind: .executive, start: at($0))).meeting.id!
        }
        try s.notifyMeeting(ids[2])
        try s.holdMeeting(ids[0])
        try s.cancelMeeting(ids[1], reason: "区长临时公务")
        let numbers = try ids.map { try s.meeting($0).number }
        // Issue 17 (R37): the 3rd meeting's notices went out as 第3次, so it stays 第3次; 第2次 was never published.
        #expect(numbers == [1, nil, 3, 4])
        #expect(try s.meeting(ids[1]).statusReason == "区长临时公务")
        #expect(try s.meeting(ids[1]).numberedTitle(.zh) == "区政府常务会议")
        // A held meeting cannot be cancelled; the refusal writes nothing.
        let events = try office.auditCount()
        #expect(throws: Refusal.self) { try s.cancelMeeting(ids[0], reason: "x") }
        #expect(try office.auditCount() == events)
    }

    @Test("R7: with the mayor away from Beijing, the executive meeting's chair is the executive vice mayor, and it follows the meeting when it moves")
    func mayorAway() throws {
        let office = try TestOffice()
        let s = try office.session("lijing")
        let before = try s.scheduleMeeting(MeetingRequest(kind: .executive, start: at("2026-03-12T09:00"))).meeting
        #expect(before.chairLogin == "zhoulixin")
        let registration = try s.registerAbsence(person: "zhoulixin", from: day("2026-03-11"), to: day("2026-03-13"), kind: .trip, reason: "赴外省考察")
        #expect(registration.absence.status == .approved)
        #expect(registration.delegatedMeetings.map(\.id) == [before.id])
        var m = try s.meeting(before.id!)
        #expect(m.chairLogin == "chenhaifeng")
        #expect(m.chairDelegation == .mayorAway)
        // A meeting created during the absence is the EVM's from the start.
        let during = try s.scheduleMeeting(MeetingRequest(kind: .executive, start: at("2026-03-13T14:00"))).meeting
        #expect(during.chairLogin == "chenhaifeng")
        // Moved out of the absence, the chair returns to the mayor; the move is kept.
        _ = try s.moveMeeting(before.id!, to: at("2026-03-16T09:00"), reason: "区长出差")
        m = try s.meeting(before.id!)
        #expect(m.chairLogin == "zhoulixin")
        #expect(m.chairDelegation == nil)
        #expect(m.status == .postponed)
        let detail = try s.meetingDetail(before.id!)
        #expect(detail.moves.map(\.previousStart) == [at("2026-03-12T09:00")])
    }

    @Test("R61: a vice mayor's topical meeting in the government's name waits for the mayor; notices are refused until he approves")
    func approval() throws {
        let office = try TestOffice()
        let vm = try office.session("wangxiaoyan")
        let m = try vm.scheduleMeeting(MeetingRequest(kind: .topical, start: at("2026-03-10T14:00"), title: "学前教育资源布局",
                                                      departments: ["JW", "WJW"])).meeting
        #expect(m.approval == .awaiting)
        #expect(m.convenerLogin == "wangxiaoyan")
        let roster = try vm.participants(ofMeeting: m.id!).compactMap(\.personLogin)
        #expect(roster == ["wangxiaoyan", "xuwenbo", "handongmei"])

        let events = try office.auditCount()
        do {
            try vm.notifyMeeting(m.id!)
            Issue.record("notified without approval")
        } catch let r as Refusal {
            #expect(r.article == "R61")
        }
        #expect(throws: Refusal.self) { try vm.approveMeeting(m.id!) }
        // The meeting is unchanged; the only trace is the refused approval (docs/reliability.md).
        #expect(try office.auditActions(since: events) == ["refused.meeting.approve"])
        let unchanged = try vm.meeting(m.id!)
        #expect(unchanged.version == m.version && unchanged.approval == .awaiting && unchanged.status == m.status)
        #expect(try office.session("zhoulixin").homeSnapshot().waiting.map(\.ref) == [.meeting(m.id!)])

        try office.session("lijing", onBehalfOf: "zhoulixin").approveMeeting(m.id!)
        #expect(try vm.notifyMeeting(m.id!).status == .notified)
        // The approval no longer waits; what the secretary recorded for him waits for his confirmation (代录).
        let waiting = try office.session("zhoulixin").homeSnapshot().waiting.map(\.ref)
        #expect(waiting.count == 1)
        #expect(waiting.allSatisfy { if case .onBehalf = $0 { true } else { false } })
    }

    @Test("conflicts: a member in two meetings at once and a registered absence are reported with names and times")
    func conflicts() throws {
        let office = try TestOffice()
        let s = try office.session("lijing")
        _ = try s.scheduleMeeting(MeetingRequest(kind: .topical, start: at("2026-03-05T10:00"), chair: "wangxiaoyan", room: "区政府第一会议室"))
        _ = try s.registerAbsence(person: "zhaojianguo", from: day("2026-03-05"), to: day("2026-03-06"), kind: .visit, reason: "对口支援")
        let result = try s.scheduleMeeting(MeetingRequest(kind: .executive, start: at("2026-03-05T09:00"), room: "区政府第一会议室"))
        let kinds = result.conflicts.map(\.kind)
        #expect(kinds.contains(.personDoubleBooked))
        #expect(kinds.contains(.roomDoubleBooked))
        #expect(kinds.contains(.absence))
        let double = try #require(result.conflicts.first { $0.kind == .personDoubleBooked })
        #expect(double.personLogin == "wangxiaoyan")
        #expect(double.message.zh.contains("王晓燕"))
        #expect(double.message.zh.contains("10:00"))
        let away = try #require(result.conflicts.first { $0.kind == .absence })
        #expect(away.personLogin == "zhaojianguo")
        // A meeting on a holiday says so.
        let holiday = try s.scheduleMeeting(MeetingRequest(kind: .topical, start: at("2026-04-06T09:00")))
        #expect(holiday.conflicts.map(\.kind) == [.nonWorkingDay])
    }

    @Test("who may schedule: a department head is refused and nothing is written; a vice mayor may not call an executive meeting", arguments: ScratchDatabase.engines)
    func permissions(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let events = try office.auditCount()
        #expect(throws: Refusal.self) { try office.session("xuwenbo").scheduleMeeting(MeetingRequest(kind: .topical, start: at("2026-03-10T09:00"))) }
        #expect(throws: Refusal.self) { try office.session("wangxiaoyan").scheduleMeeting(MeetingRequest(kind: .executive, start: at("2026-03-10T09:00"))) }
        #expect(throws: Refusal.self) { try office.session("lijing").scheduleMeeting(MeetingRequest(kind: .plenary, start: at("2026-03-10T09:00"), chair: "chenhaifeng")) }
        #expect(throws: Refusal.self) { try office.session("lijing").scheduleMeeting(MeetingRequest(kind: .topical, start: at("2026-03-10T09:00"), chair: "nobody")) }
        #expect(try office.auditCount() == events)
    }

    @Test("R65: absences are approved by the mayor, and for department heads by the supervising vice mayor too")
    func absences() throws {
        let office = try TestOffice()
        let head = try office.session("xuwenbo")
        let a = try head.registerAbsence(person: "xuwenbo", from: day("2026-03-09"), to: day("2026-03-10"), kind: .trip, reason: "赴沪学习").absence
        #expect(a.supervisorLogin == "wangxiaoyan")
        let events = try office.auditCount()
        #expect(throws: Refusal.self) { try office.session("zhaojianguo").decideAbsence(a.id!, .approve) }
        #expect(throws: Refusal.self) { try head.registerAbsence(person: "handongmei", from: day("2026-03-09"), to: day("2026-03-10"), kind: .trip, reason: "x") }
        // The absence is unchanged; the only trace is the refused decision (docs/reliability.md).
        #expect(try office.auditActions(since: events) == ["refused.absence.approve"])
        let unchanged = try head.absences(person: "xuwenbo").first { $0.id == a.id }
        #expect(unchanged?.status == .pending && unchanged?.version == a.version)
        #expect(try office.session("wangxiaoyan").decideAbsence(a.id!, .approve).status == .pending)
        #expect(try office.session("zhoulixin").decideAbsence(a.id!, .approve).status == .approved)
        #expect(try head.absences(from: day("2026-03-10"), to: day("2026-03-10")).map(\.id) == [a.id])
    }

    @Test("holiday data: a malformed file is refused and nothing is written; a valid year is loaded and replaces the old one")
    func holidays() throws {
        let office = try TestOffice()
        let s = try office.session("lijing")
        let dir = TestOffice.temporaryDirectory()
        let bad = dir + "/2027.json"
        try #"{"year": 2027, "source": "x", "holidays": [{"name": "春节", "nameEn": "Spring Festival", "from": "2027-02-30", "to": "2027-02-12"}], "workdays": []}"#
            .write(toFile: bad, atomically: true, encoding: .utf8)
        let events = try office.auditCount()
        #expect(throws: Refusal.self) { try s.importHolidays(file: bad) }
        #expect(try office.auditCount() == events)
        #expect(try !s.holidayListing(year: 2027).hasData)

        let good = dir + "/2027.json"
        try #"{"year": 2027, "source": "test", "holidays": [{"name": "春节", "nameEn": "Spring Festival", "from": "2027-02-06", "to": "2027-02-12"}], "workdays": [{"day": "2027-02-20", "name": "春节调休上班", "nameEn": "Adjusted working day (Spring Festival)"}]}"#
            .write(toFile: good, atomically: true, encoding: .utf8)
        #expect(throws: Refusal.self) { try office.session("xuwenbo").importHolidays(file: good) }
        try s.importHolidays(file: good)
        let listing = try s.holidayListing(year: 2027)
        #expect(listing.hasData)
        #expect(listing.entries.count == 8)
        #expect(try office.auditCount() == events + 1)
    }

    @Test("inviting a person or a guest adds them to the roster; a second invitation is refused", arguments: ScratchDatabase.engines)
    func invite(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let s = try office.session("lijing")
        let m = try s.scheduleMeeting(MeetingRequest(kind: .topical, start: at("2026-03-10T09:00"))).meeting
        try s.inviteToMeeting(m.id!, person: "gaozhiqiang")
        try s.inviteToMeeting(m.id!, guest: "张教授", guestOrg: "北京大学")
        #expect(throws: Refusal.self) { try s.inviteToMeeting(m.id!, person: "gaozhiqiang") }
        let detail = try s.meetingDetail(m.id!)
        #expect(detail.participants(.sitsIn).map(\.login) == ["gaozhiqiang"])
        #expect(detail.participants(.invited).map(\.name) == ["张教授"])
    }
}
