import Foundation
import Testing
@testable import MeetingKit

/// The demo org chart from Data/office.json.
func shippedOrg() throws -> OrgChart {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let seed = try JSONDecoder().decode(OfficeSeed.self, from: Data(contentsOf: root.appendingPathComponent("Data/office.json")))
    return OrgChart(people: seed.people, departments: seed.departments)
}

private func at(_ s: String) -> LocalDateTime { LocalDateTime(iso: s)! }
private func day(_ s: String) -> Day { Day(iso: s)! }

@Suite("Scheduling rules: chairs, approvals, absences, conflicts (R7, R38–R40, R61, R65)")
struct SchedulingRulesTests {
    let org: OrgChart
    init() throws { org = try shippedOrg() }

    func actor(_ login: String, for leader: String? = nil) -> Actor {
        Actor(osUser: login, person: org.person(login)!, onBehalfOf: leader.flatMap { org.person($0) })
    }

    func meeting(_ kind: MeetingKind, _ start: String, chair: String = "zhoulixin", convener: String = "zhoulixin",
                 room: String? = nil, id: Int64 = 1, approval: MeetingApproval = .notRequired) -> Meeting {
        Meeting(id: id, kind: kind, termNumber: 17, number: 1, convenerLogin: convener, chairLogin: chair, start: at(start),
                durationMinutes: 120, room: room, approval: approval)
    }

    @Test("the plenary is chaired by the mayor (R38), the executive meeting by the mayor or the EVM (R39), a topical meeting by a leader (R40)")
    func chairs() {
        #expect(ChairRule.refusal(chair: org.person("chenhaifeng")!, kind: .plenary)?.article == "R38")
        #expect(ChairRule.refusal(chair: org.person("chenhaifeng")!, kind: .executive) == nil)
        #expect(ChairRule.refusal(chair: org.person("wangxiaoyan")!, kind: .executive)?.article == "R39")
        #expect(ChairRule.refusal(chair: org.person("wangxiaoyan")!, kind: .topical) == nil)
        #expect(ChairRule.refusal(chair: org.person("xuwenbo")!, kind: .topical)?.article == "R40")
    }

    @Test("R7: the mayor's registered absence hands the executive meeting's chair to the EVM; naming the EVM is an entrustment (R39)")
    func mayorAway() {
        let away = Absence(personLogin: "zhoulixin", fromDay: day("2026-03-04"), toDay: day("2026-03-06"), kind: .trip,
                           reason: "赴外地考察", status: .approved, needsMayor: false, registeredBy: "lijing", registeredAt: "x")
        let during = ChairRule.resolve(kind: .executive, requested: nil, convener: "zhoulixin", day: day("2026-03-05"), org: org, absences: [away])
        #expect(during.chair == "chenhaifeng")
        #expect(during.delegation == .mayorAway)
        let after = ChairRule.resolve(kind: .executive, requested: nil, convener: "zhoulixin", day: day("2026-03-09"), org: org, absences: [away])
        #expect(after.chair == "zhoulixin")
        #expect(after.delegation == nil)
        let entrusted = ChairRule.resolve(kind: .executive, requested: "chenhaifeng", convener: "zhoulixin", day: day("2026-03-09"), org: org, absences: [])
        #expect(entrusted.delegation == .entrusted)
        // The plenary stays with the mayor (R38).
        #expect(ChairRule.resolve(kind: .plenary, requested: nil, convener: "zhoulixin", day: day("2026-03-05"), org: org, absences: [away]).chair == "zhoulixin")
    }

    @Test("R61: a meeting awaiting the mayor's approval cannot be notified; only the mayor approves it")
    func approval() throws {
        let policy = AccessPolicy(org: org)
        let m = meeting(.topical, "2026-03-10T14:00", chair: "wangxiaoyan", convener: "wangxiaoyan", approval: .awaiting)
        let now = at("2026-03-02T09:00")
        #expect(throws: Refusal.self) { try MeetingWorkflow.transition(m, .notify, by: actor("lijing"), policy: policy, now: now) }
        do {
            _ = try MeetingWorkflow.transition(m, .notify, by: actor("lijing"), policy: policy, now: now)
        } catch let r as Refusal {
            #expect(r.article == "R61")
            #expect(r.code == "meeting.awaitingApproval")
        }
        let byVM = try? MeetingWorkflow.transition(m, .approve, by: actor("wangxiaoyan"), policy: policy, now: now)
        #expect(byVM == nil)
        #expect(policy.refusal(for: .approveMeeting, by: actor("wangxiaoyan"))?.article == "R61")
        let approved = try MeetingWorkflow.transition(m, .approve, by: actor("lijing", for: "zhoulixin"), policy: policy, now: now)
        #expect(approved.approval == .approved)
        let notified = try MeetingWorkflow.transition(approved, .notify, by: actor("lijing"), policy: policy, now: now)
        #expect(notified.status == .notified)
    }

    @Test("states: planned → notified → held; held and cancelled meetings no longer change; a move postpones")
    func states() throws {
        let policy = AccessPolicy(org: org)
        let m = meeting(.executive, "2026-03-05T09:00")
        let secretary = actor("lijing")
        let notified = try MeetingWorkflow.transition(m, .notify, by: secretary, policy: policy, now: at("2026-03-02T09:00"))
        #expect(throws: Refusal.self) { try MeetingWorkflow.transition(notified, .hold, by: secretary, policy: policy, now: at("2026-03-02T09:00")) }
        let held = try MeetingWorkflow.transition(notified, .hold, by: secretary, policy: policy, now: at("2026-03-05T11:00"))
        #expect(held.status == .held)
        #expect(throws: Refusal.self) { try MeetingWorkflow.transition(held, .cancel(reason: "x"), by: secretary, policy: policy, now: at("2026-03-05T11:00")) }
        let moved = try MeetingWorkflow.transition(notified, .move(to: at("2026-03-06T09:00"), durationMinutes: nil, reason: "区长另有安排"),
                                                   by: secretary, policy: policy, now: at("2026-03-02T09:00"))
        #expect(moved.status == .postponed)
        #expect(moved.statusReason == "区长另有安排")
        let cancelled = try MeetingWorkflow.transition(moved, .cancel(reason: "议题不足"), by: secretary, policy: policy, now: at("2026-03-02T09:00"))
        #expect(cancelled.status == .cancelled)
        #expect(throws: Refusal.self) { try MeetingWorkflow.transition(cancelled, .notify, by: secretary, policy: policy, now: at("2026-03-02T09:00")) }
    }

    @Test("office staff schedule every meeting; a vice mayor only the topical meetings he convenes; a department head none")
    func schedulingPermissions() {
        let policy = AccessPolicy(org: org)
        #expect(policy.refusal(for: .scheduleMeeting(.executive, convener: "zhoulixin"), by: actor("lijing")) == nil)
        #expect(policy.refusal(for: .scheduleMeeting(.executive, convener: "zhoulixin"), by: actor("yangwentao")) == nil)
        #expect(policy.refusal(for: .scheduleMeeting(.topical, convener: "wangxiaoyan"), by: actor("wangxiaoyan")) == nil)
        #expect(policy.refusal(for: .scheduleMeeting(.executive, convener: "zhoulixin"), by: actor("wangxiaoyan")) != nil)
        #expect(policy.refusal(for: .scheduleMeeting(.topical, convener: "zhaojianguo"), by: actor("wangxiaoyan")) != nil)
        #expect(policy.refusal(for: .scheduleMeeting(.topical, convener: "zhoulixin"), by: actor("xuwenbo")) != nil)
    }

    @Test("R65: a vice mayor's absence is approved by the mayor; a department head's by the mayor and the supervising VM")
    func absenceApproval() throws {
        let vm = AbsenceWorkflow.register(person: org.person("wangxiaoyan")!, from: day("2026-03-04"), to: day("2026-03-05"),
                                          kind: .trip, reason: "赴津调研", by: actor("lijing"), org: org, at: "t1")
        #expect(vm.supervisorLogin == nil)
        #expect(throws: Refusal.self) { try AbsenceWorkflow.transition(vm, .approve, by: actor("chenhaifeng"), org: org, at: "t2") }
        let vmApproved = try AbsenceWorkflow.transition(vm, .approve, by: actor("zhoulixin"), org: org, at: "t2")
        #expect(vmApproved.status == .approved)

        let head = AbsenceWorkflow.register(person: org.person("xuwenbo")!, from: day("2026-03-04"), to: day("2026-03-05"),
                                            kind: .visit, reason: "出访", by: actor("xuwenbo"), org: org, at: "t1")
        #expect(head.supervisorLogin == "wangxiaoyan")
        do {
            _ = try AbsenceWorkflow.transition(head, .approve, by: actor("zhaojianguo"), org: org, at: "t2")
            Issue.record("a VM outside the portfolio approved")
        } catch let r as Refusal {
            #expect(r.article == "R65")
        }
        let bySupervisor = try AbsenceWorkflow.transition(head, .approve, by: actor("wangxiaoyan"), org: org, at: "t2")
        #expect(bySupervisor.status == .pending)
        #expect(bySupervisor.awaitsMayor)
        let byBoth = try AbsenceWorkflow.transition(bySupervisor, .approve, by: actor("lijing", for: "zhoulixin"), org: org, at: "t3")
        #expect(byBoth.status == .approved)
        #expect(throws: Refusal.self) { try AbsenceWorkflow.transition(byBoth, .approve, by: actor("zhoulixin"), org: org, at: "t4") }

        let mayor = AbsenceWorkflow.register(person: org.person("zhoulixin")!, from: day("2026-03-04"), to: day("2026-03-05"),
                                             kind: .trip, reason: "赴京外", by: actor("lijing"), org: org, at: "t1")
        #expect(mayor.status == .approved)
    }

    @Test("conflicts: a double-booked member, a registered absence, a taken room, a holiday, a year without data")
    func conflicts() throws {
        let cal = try shippedHolidays()
        let a = meeting(.executive, "2026-03-05T09:00", room: "区政府常务会议室", id: 1)
        let b = meeting(.topical, "2026-03-05T10:00", room: "区政府常务会议室", id: 2)
        let away = Absence(id: 7, personLogin: "wangxiaoyan", fromDay: day("2026-03-05"), toDay: day("2026-03-05"), kind: .trip,
                           reason: "赴津调研", registeredBy: "lijing", registeredAt: "x")
        let found = Conflict.find(for: a, roster: ["zhoulixin", "wangxiaoyan"], others: [(b, ["zhoulixin"])],
                                  absences: [away], calendar: cal, org: org)
        #expect(found.map(\.kind) == [.personDoubleBooked, .roomDoubleBooked, .absence])
        #expect(found[0].message.zh.contains("周立新"))
        #expect(found[0].message.en.contains("2026-03-05 10:00–12:00"))
        #expect(found[2].message.en.contains("pending approval"))

        let holiday = meeting(.topical, "2026-10-05T09:00")
        #expect(Conflict.find(for: holiday, roster: [], others: [], absences: [], calendar: cal, org: org).map(\.kind) == [.nonWorkingDay])
        let future = meeting(.topical, "2027-03-01T09:00")
        #expect(Conflict.find(for: future, roster: [], others: [], absences: [], calendar: cal, org: org).map(\.message.en)
                == ["no holiday data for 2027: weekends only"])
        // A refused absence and a cancelled meeting do not count.
        var refused = away
        refused.status = .refused
        var cancelled = b
        cancelled.status = .cancelled
        #expect(Conflict.find(for: a, roster: ["zhoulixin", "wangxiaoyan"], others: [(cancelled, ["zhoulixin"])],
                              absences: [refused], calendar: cal, org: org).isEmpty)
    }
}
