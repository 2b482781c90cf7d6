import Testing
@testable import MeetingKit

@Suite("R42 approver rule and the leave workflow")
struct LeaveRuleTests {
    let mayor = Person(login: "zhoulixin", name: "周立新", role: .mayor)
    let evm = Person(login: "chenhaifeng", name: "陈海峰", role: .executiveViceMayor)
    let vm = Person(login: "wangxiaoyan", name: "王晓燕", role: .viceMayor)
    let director = Person(login: "yangwentao", name: "杨文涛", role: .officeDirector, departmentCode: "ZFB")
    let secretary = Person(login: "lijing", name: "李静", role: .secretary, departmentCode: "ZFB")
    let head = Person(login: "xuwenbo", name: "许文博", role: .departmentHead, departmentCode: "JW")
    let street = Person(login: "fangweiguo", name: "方卫国", role: .streetDirector, departmentCode: "JD01")

    var org: OrgChart { OrgChart(people: [mayor, evm, vm, director, secretary, head, street], departments: []) }
    var policy: AccessPolicy { AccessPolicy(org: org) }

    @Test("leaders ask the mayor; heads, street directors and everyone else ask the office director (R42)")
    func routing() throws {
        #expect(try LeaveRule.approver(for: evm, org: org) == mayor)
        #expect(try LeaveRule.approver(for: vm, org: org) == mayor)
        #expect(try LeaveRule.approver(for: head, org: org) == director)
        #expect(try LeaveRule.approver(for: street, org: org) == director)
        #expect(try LeaveRule.approver(for: secretary, org: org) == director)
        // No one approves their own leave: the office director's goes to the mayor.
        #expect(try LeaveRule.approver(for: director, org: org) == mayor)
        #expect(throws: Refusal.self) { try LeaveRule.approverRole(for: mayor) }
    }

    @Test("in advance means before the start")
    func inAdvance() {
        let start = LocalDateTime(iso: "2026-03-05T09:00")!
        #expect(LeaveRule.isInAdvance(filedAt: LocalDateTime(iso: "2026-03-05T08:59")!, meetingStart: start))
        #expect(!LeaveRule.isInAdvance(filedAt: start, meetingStart: start))
    }

    func pending(_ person: Person) -> LeaveRequest {
        LeaveRequest(id: 7, meetingId: 1, personLogin: person.login, reason: "事由", approverLogin: "x", filedBy: person.login,
                     filedAt: LocalDateTime(iso: "2026-03-02T09:00")!)
    }

    @Test("the transition checks the approver, records the principal and the recorder, and is final")
    func transition() throws {
        let now = LocalDateTime(iso: "2026-03-03T10:00")!
        let decided = try LeaveWorkflow.transition(pending(head), .reject(reason: "须到会"),
                                                   by: Actor(osUser: "lijing", person: secretary, onBehalfOf: director), policy: policy, at: now)
        #expect(decided.status == .rejected)
        #expect(decided.decidedBy == "yangwentao")
        #expect(decided.decisionRecordedBy == "lijing")
        #expect(decided.decisionReason == "须到会")
        #expect(decided.version == 2)
        #expect(throws: Refusal.self) { try LeaveWorkflow.transition(decided, .approve, by: Actor(osUser: "yangwentao", person: director), policy: policy, at: now) }
        do {
            _ = try LeaveWorkflow.transition(pending(vm), .approve, by: Actor(osUser: "yangwentao", person: director), policy: policy, at: now)
            Issue.record("the office director approved a vice mayor's leave")
        } catch let r as Refusal {
            #expect(r.article == "R42")
            #expect(r.text(.zh) == "R42: 副区长王晓燕的请假由区长周立新审批，杨文涛（yangwentao）不能审批。代录请加 --on-behalf-of zhoulixin")
        }
    }

    @Test("a request for a login no longer in the office is refused with the login made inert (no terminal escapes in the message)")
    func unknownPersonIsInert() throws {
        let stranger = Person(login: "x\u{1b}[2Jy", name: "?", role: .departmentHead)
        let refusal = try #require(throws: Refusal.self) {
            try LeaveWorkflow.transition(pending(stranger), .approve, by: Actor(osUser: "yangwentao", person: director), policy: policy,
                                         at: LocalDateTime(iso: "2026-03-03T10:00")!)
        }
        #expect(refusal.code == "identity.unknownPerson")
        #expect(!refusal.message.zh.contains("\u{1b}") && !refusal.message.en.contains("\u{1b}"))
        #expect(refusal.message.en.contains("x") && refusal.message.en.contains("y"))
    }
}
