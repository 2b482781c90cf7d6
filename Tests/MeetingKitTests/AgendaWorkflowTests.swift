import Foundation
import Testing
@testable import MeetingKit

/// The demo org chart from Data/office.json.
func demoOrg() throws -> OrgChart {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let seed = try JSONDecoder().decode(OfficeSeed.self, from: Data(contentsOf: root.appendingPathComponent("Data/office.json")))
    return OrgChart(people: seed.people, departments: seed.departments)
}

/// Walks items through the workflow as the demo people.
struct AgendaFixture {
    let org: OrgChart
    let now = LocalDateTime(iso: "2026-03-02T09:00")!

    init() throws { org = try demoOrg() }

    func actor(_ login: String, for leader: String? = nil) -> Actor {
        Actor(osUser: login, person: org.person(login)!, onBehalfOf: leader.flatMap(org.person))
    }

    func draft(lead: String = "JW", related: [String] = ["WJW", "MZJ"], major: Bool = false, normative: Bool = false,
               publicInterest: Bool = false, market: Bool = false, category: ExecutiveCategory? = nil) throws -> AgendaItem {
        var item = try AgendaWorkflow.draft(
            AgendaItem(title: "关于中小学课后服务的议题", leadCode: lead, relatedCodes: related, major: major, normative: normative,
                       publicInterest: publicInterest, market: market, category: category, createdBy: "", createdAt: now),
            by: actor("lijing"), org: org, at: now)
        item.id = 1
        return item
    }

    func step(_ item: AgendaItem, _ event: AgendaEvent, as login: String, for leader: String? = nil) throws -> AgendaItem {
        try AgendaWorkflow.transition(item, event, by: actor(login, for: leader), org: org, at: now).item
    }

    func refusal(_ item: AgendaItem, _ event: AgendaEvent, as login: String, for leader: String? = nil) -> Refusal? {
        do {
            _ = try AgendaWorkflow.transition(item, event, by: actor(login, for: leader), org: org, at: now)
            return nil
        } catch let refusal as Refusal {
            return refusal
        } catch {
            return nil
        }
    }

    func meeting(_ kind: MeetingKind, id: Int64 = 7) -> Meeting {
        Meeting(id: id, kind: kind, termNumber: 17, number: 3, convenerLogin: "zhoulixin", chairLogin: "zhoulixin",
                start: LocalDateTime(iso: "2026-03-10T09:00")!, durationMinutes: 120)
    }

    /// An item that went through consensus and approval.
    func approved(major: Bool = false, category: ExecutiveCategory? = .policy) throws -> AgendaItem {
        var item = try draft(related: [], major: major, category: category)
        item = try step(item, .submit, as: "xuwenbo")
        return try step(item, .approve, as: "wangxiaoyan")
    }
}

@Suite("Agenda items: the workflow of R41 and R45(3)")
struct AgendaWorkflowTests {
    @Test("submitting asks each related department; all agreeing gives consensus (R41)")
    func consensus() throws {
        let f = try AgendaFixture()
        var item = try f.step(try f.draft(), .submit, as: "xuwenbo")
        #expect(item.state == .consulting)
        #expect(item.awaitedOpinions == ["WJW", "MZJ"])
        item = try f.step(item, .opinion(department: "WJW", stance: .agree, reason: nil), as: "handongmei")
        #expect(item.state == .consulting)
        item = try f.step(item, .opinion(department: "MZJ", stance: .agree, reason: nil), as: "lijing", for: "fengguoqing")
        #expect(item.state == .consensus)
        #expect(item.opinion(of: "MZJ")?.givenBy == "fengguoqing")
        #expect(item.opinion(of: "MZJ")?.recordedBy == "lijing")
    }

    @Test("an item without related departments goes straight from draft to consensus")
    func noRelated() throws {
        let f = try AgendaFixture()
        // Issue 17 (R45(2)): office staff submit only on the head's behalf.
        #expect(try f.step(try f.draft(related: []), .submit, as: "lijing", for: "xuwenbo").state == .consensus)
    }

    @Test("one disagreement disputes the item; the VM coordinates; unresolved, it proceeds with the statement (R41, R45(3))")
    func disputed() throws {
        let f = try AgendaFixture()
        var item = try f.step(try f.draft(), .submit, as: "xuwenbo")
        item = try f.step(item, .opinion(department: "WJW", stance: .disagree, reason: "经费来源不明"), as: "handongmei")
        item = try f.step(item, .opinion(department: "MZJ", stance: .agree, reason: nil), as: "fengguoqing")
        #expect(item.state == .disputed)
        #expect(f.refusal(item, .approve, as: "wangxiaoyan")?.code == "item.disputedNotCoordinated")
        item = try f.step(item, .coordinate(.unresolved, note: "两次协调未果"), as: "wangxiaoyan")
        #expect(item.state == .disputed)
        #expect(f.refusal(item, .approve, as: "wangxiaoyan")?.code == "item.disputedNotCoordinated")
        item = try f.step(item, .state(statement: "卫健委认为经费来源不明，主办部门拟在会上说明", proposal: "建议会上研究决定"), as: "xuwenbo")
        #expect(item.state == .disputed)
        #expect(item.isFlagged)
        item = try f.step(item, .approve, as: "wangxiaoyan")
        #expect(item.state == .approved)
        #expect(item.statement?.text == "卫健委认为经费来源不明，主办部门拟在会上说明")
    }

    @Test("a resolved coordination gives consensus")
    func resolved() throws {
        let f = try AgendaFixture()
        var item = try f.step(try f.draft(related: ["WJW"]), .submit, as: "xuwenbo")
        item = try f.step(item, .opinion(department: "WJW", stance: .disagree, reason: "理由"), as: "handongmei")
        item = try f.step(item, .coordinate(.resolved, note: "已达成一致"), as: "lijing", for: "wangxiaoyan")
        #expect(item.state == .consensus)
        #expect(!item.isFlagged)
    }

    @Test("only the supervising vice mayor approves (R41)")
    func approver() throws {
        let f = try AgendaFixture()
        let item = try f.step(try f.draft(related: []), .submit, as: "xuwenbo")
        let refusal = try #require(f.refusal(item, .approve, as: "zhaojianguo"))
        #expect(refusal.article == "R41")
        #expect(refusal.code == "item.notSupervisingViceMayor")
        #expect(f.refusal(item, .approve, as: "zhoulixin")?.article == "R41")  // not even the mayor
        #expect(f.refusal(item, .approve, as: "lijing")?.article == "R41")  // a secretary needs --on-behalf-of
        #expect(f.refusal(item, .approve, as: "lijing", for: "wangxiaoyan") == nil)
    }

    @Test("opinions come from the related department's head or a secretary on the head's behalf")
    func opinionAuthor() throws {
        let f = try AgendaFixture()
        let item = try f.step(try f.draft(), .submit, as: "xuwenbo")
        #expect(f.refusal(item, .opinion(department: "WJW", stance: .agree, reason: nil), as: "fengguoqing")?.code == "item.notRelatedHead")
        #expect(f.refusal(item, .opinion(department: "WJW", stance: .agree, reason: nil), as: "lijing")?.code == "item.notRelatedHead")
        #expect(f.refusal(item, .opinion(department: "CZJ", stance: .agree, reason: nil), as: "hexuemei")?.code == "item.notRelated")
        #expect(f.refusal(item, .opinion(department: "WJW", stance: .disagree, reason: " "), as: "handongmei")?.code == "item.disagreeWithoutReason")
    }

    @Test("preconditions derive from the flags (R16, R18, R19, R47(1))")
    func requiredPreconditions() throws {
        let f = try AgendaFixture()
        #expect(try f.draft().requiredPreconditions.isEmpty)
        // Issue 17 (R19, R20): a major matter also needs its argument and the report to the district Party committee.
        #expect(try f.draft(major: true).requiredPreconditions
            == [.publicParticipation, .expertReview, .riskAssessment, .departmentLegality, .legalOfficeReview, .necessityArgument, .partyCommitteeReport])
        #expect(try f.draft(normative: true).requiredPreconditions.count == 5)
        #expect(try f.draft(publicInterest: true).requiredPreconditions == [.stabilityRisk])
        #expect(try f.draft(market: true).requiredPreconditions == [.fairCompetition])
        #expect(try f.draft(major: true, publicInterest: true, market: true).requiredPreconditions.count == 9)
    }

    @Test("acceptance lists exactly the missing preconditions with their articles")
    func acceptance() throws {
        let f = try AgendaFixture()
        var item = try f.draft(related: [], normative: true, market: true)
        item = try f.step(item, .confirm(.publicParticipation, note: nil), as: "xuwenbo")
        item = try f.step(item, .confirm(.expertReview, note: nil), as: "xuwenbo")
        item = try f.step(item, .confirm(.riskAssessment, note: nil), as: "lijing")
        #expect(f.refusal(item, .confirm(.legalOfficeReview, note: nil), as: "xuwenbo")?.code == "item.confirmNotLegalOffice")
        item = try f.step(item, .confirm(.legalOfficeReview, note: "司法局审查通过"), as: "weizhenyu")
        item = try f.step(try f.step(item, .submit, as: "xuwenbo"), .approve, as: "wangxiaoyan")
        let refusal = try #require(f.refusal(item, .accept, as: "yangwentao"))
        #expect(refusal.code == "item.preconditionsMissing")
        #expect(refusal.article == "R16, R47(1)")
        #expect(refusal.message.en.contains("department-legality"))
        #expect(refusal.message.en.contains("fair-competition"))
        #expect(!refusal.message.en.contains("expert-review"))
        item = try f.step(item, .confirm(.departmentLegality, note: nil), as: "xuwenbo")
        item = try f.step(item, .confirm(.fairCompetition, note: nil), as: "xuwenbo")
        #expect(f.refusal(item, .accept, as: "xuwenbo")?.code == "item.notOffice")
        #expect(try f.step(item, .accept, as: "yangwentao").state == .accepted)
        #expect(item.confirmation(of: .legalOfficeReview)?.confirmedBy == "weizhenyu")
    }

    @Test("a precondition the item does not need, or confirmed twice, is refused")
    func confirmChecks() throws {
        let f = try AgendaFixture()
        var item = try f.draft(publicInterest: true)
        #expect(f.refusal(item, .confirm(.expertReview, note: nil), as: "lijing")?.code == "item.preconditionNotRequired")
        item = try f.step(item, .confirm(.stabilityRisk, note: nil), as: "lijing")
        #expect(f.refusal(item, .confirm(.stabilityRisk, note: nil), as: "lijing")?.code == "item.preconditionConfirmed")
    }

    @Test("major items only on plenary or executive meetings (R5); executive items carry an R39 category")
    func meetingKinds() throws {
        let f = try AgendaFixture()
        var major = try f.approved(major: true, category: .policy)
        major.confirmations = Precondition.allCases.map {
            PreconditionConfirmation(itemId: 1, precondition: $0, confirmedBy: "lijing", recordedBy: "lijing", at: f.now, note: nil)
        }
        major = try f.step(major, .accept, as: "lijing")
        #expect(f.refusal(major, .schedule(f.meeting(.topical), plannedMinutes: 20), as: "lijing")?.article == "R5")
        #expect(try f.step(major, .schedule(f.meeting(.executive), plannedMinutes: 20), as: "lijing").state == .scheduled)
        let plain = try f.step(try f.approved(category: nil), .accept, as: "lijing")
        #expect(f.refusal(plain, .schedule(f.meeting(.executive), plannedMinutes: 20), as: "lijing")?.article == "R39")
        #expect(try f.step(plain, .schedule(f.meeting(.topical), plannedMinutes: 20), as: "lijing").meetingId == 7)
    }

    @Test("steps out of order are refused naming R41")
    func outOfOrder() throws {
        let f = try AgendaFixture()
        let draft = try f.draft()
        let refusal = try #require(f.refusal(draft, .schedule(f.meeting(.executive), plannedMinutes: 20), as: "lijing"))
        #expect(refusal.code == "item.outOfOrder")
        #expect(refusal.article == "R41")
        #expect(refusal.kind == .conflict)
        #expect(f.refusal(draft, .approve, as: "wangxiaoyan")?.code == "item.outOfOrder")
        #expect(f.refusal(draft, .accept, as: "lijing")?.code == "item.outOfOrder")
    }

    @Test("decided, deferred back to accepted, withdrawn by the lead department")
    func outcomes() throws {
        let f = try AgendaFixture()
        var meeting = f.meeting(.executive)
        let scheduled = try f.step(try f.step(try f.approved(), .accept, as: "lijing"), .schedule(meeting, plannedMinutes: 20), as: "lijing")
        meeting.status = .held  // outcomes are the held meeting's (R5, R18)
        let deferred = try f.step(scheduled, .deferItem(reason: "材料需补充", meeting: meeting), as: "zhoulixin")
        #expect(deferred.state == .accepted)
        #expect(deferred.meetingId == nil)
        let decided = try f.step(scheduled, .decide(text: "原则同意", meeting: meeting), as: "lijing")
        #expect(decided.state == .decided)
        #expect(f.refusal(decided, .withdraw(reason: "x"), as: "xuwenbo")?.code == "item.outOfOrder")
        #expect(f.refusal(scheduled, .withdraw(reason: "x"), as: "lijing")?.code == "item.withdrawNotLead")
        #expect(try f.step(scheduled, .withdraw(reason: "情况变化"), as: "lijing", for: "xuwenbo").state == .withdrawn)
        #expect(f.refusal(scheduled, .decide(text: "同意", meeting: meeting), as: "xuwenbo")?.code == "item.notOutcomeRecorder")
    }

    @Test("the keys offered are the steps the person may take now")
    func allowed() throws {
        let f = try AgendaFixture()
        let item = try f.step(try f.draft(publicInterest: true), .submit, as: "xuwenbo")
        #expect(AgendaWorkflow.allowedSteps(for: item, by: f.actor("handongmei"), org: f.org) == [.opinion(department: "WJW")])
        #expect(AgendaWorkflow.allowedSteps(for: item, by: f.actor("wangxiaoyan"), org: f.org).isEmpty)
        #expect(AgendaWorkflow.allowedSteps(for: item, by: f.actor("xuwenbo"), org: f.org) == [.confirm(.stabilityRisk), .withdraw])
        #expect(AgendaWorkflow.allowedSteps(for: item, by: f.actor("zhaojianguo"), org: f.org).isEmpty)
    }

    @Test("a lead department needs a supervising vice mayor; texts are checked")
    func draftChecks() throws {
        let f = try AgendaFixture()
        #expect(throws: Refusal.self) { try f.draft(lead: "QW") }
        #expect(throws: Refusal.self) { try f.draft(related: ["JW"]) }
        #expect(throws: Refusal.self) { try f.draft(related: ["NOPE"]) }
        #expect(throws: Refusal.self) {
            try AgendaWorkflow.draft(AgendaItem(title: "坏\u{1B}[2J标题", leadCode: "JW", createdBy: "", createdAt: f.now),
                                     by: f.actor("lijing"), org: f.org, at: f.now)
        }
        let refusal = #expect(throws: Refusal.self) {
            try AgendaWorkflow.draft(AgendaItem(title: "题", leadCode: "JW", createdBy: "", createdAt: f.now),
                                     by: f.actor("hexuemei"), org: f.org, at: f.now)
        }
        #expect(refusal?.code == "item.notLeadDepartment")
    }
}
