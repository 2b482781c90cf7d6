import Testing
@testable import MeetingKit

@Suite("R46 deadlines and the R61 agenda length")
struct AgendaDeadlineTests {
    func item(_ state: AgendaState, since: String, statement: Bool = false) -> AgendaItem {
        let at = LocalDateTime(iso: since)!
        return AgendaItem(id: 4, title: "议题", leadCode: "JW", relatedCodes: ["WJW", "MZJ"], state: state,
                          statement: statement ? .init(text: "说明", recordedBy: "wangxiaoyan", at: at) : nil,
                          createdBy: "lijing", createdAt: at, stepStartedAt: at)
    }

    @Test("an approval step begun on 2026-09-30 is due by the end of 2026-10-13, across National Day (R46)")
    func approvalAcrossNationalDay() throws {
        let steps = AgendaDeadlines.pendingSteps(for: item(.consensus, since: "2026-09-30T16:00"), org: try demoOrg(), calendar: try shippedHolidays())
        let step = try #require(steps.first)
        #expect(steps.count == 1)
        #expect(step.kind == .approve)
        #expect(step.waitingOn == ["wangxiaoyan"])
        #expect(step.due == Day(iso: "2026-10-13"))
        #expect(!step.isOverdue(today: Day(iso: "2026-10-13")!))
        #expect(step.isOverdue(today: Day(iso: "2026-10-14")!))
    }

    @Test("a returned approval is fed back within 1 working day: from 2026-09-30, by 2026-10-08 (R46)")
    func feedback() throws {
        let steps = AgendaDeadlines.pendingSteps(for: item(.approved, since: "2026-09-30T10:00"), org: try demoOrg(), calendar: try shippedHolidays())
        #expect(steps.map(\.kind) == [.feedback])
        #expect(steps.first?.due == Day(iso: "2026-10-08"))
        #expect(steps.first?.waitingOn == ["yangwentao", "lijing", "zhangyuhang"])
    }

    @Test("a disputed item waits on the VM's coordination; opinions wait on heads without a deadline")
    func otherSteps() throws {
        let org = try demoOrg(), cal = try shippedHolidays()
        #expect(AgendaDeadlines.pendingSteps(for: item(.disputed, since: "2026-03-02T09:00"), org: org, calendar: cal).map(\.kind) == [.coordinate])
        #expect(AgendaDeadlines.pendingSteps(for: item(.disputed, since: "2026-03-02T09:00", statement: true), org: org, calendar: cal).map(\.kind) == [.approve])
        let opinions = AgendaDeadlines.pendingSteps(for: item(.consulting, since: "2026-03-02T09:00"), org: org, calendar: cal)
        #expect(opinions.map(\.waitingOn) == [["handongmei"], ["fengguoqing"]])
        #expect(opinions.allSatisfy { $0.due == nil })
        #expect(AgendaDeadlines.pendingSteps(for: item(.decided, since: "2026-03-02T09:00"), org: org, calendar: cal).isEmpty)
    }

    @Test("an agenda longer than the meeting is warned (R61); moving reorders")
    func agendaLength() {
        let meeting = Meeting(id: 1, kind: .executive, termNumber: 17, convenerLogin: "zhoulixin", chairLogin: "zhoulixin",
                              start: LocalDateTime(iso: "2026-03-10T09:00")!, durationMinutes: 60)
        func line(_ id: Int64, _ minutes: Int, _ position: Int) -> MeetingAgenda.Line {
            var it = item(.scheduled, since: "2026-03-02T09:00")
            it.id = id
            it.meetingId = 1
            return .init(slot: AgendaSlot(meetingId: 1, itemId: id, position: position, plannedMinutes: minutes), item: it)
        }
        var agenda = MeetingAgenda(meeting: meeting, lines: [line(1, 30, 1), line(2, 20, 2)])
        #expect(agenda.warning == nil)
        agenda.lines.append(line(3, 25, 3))
        #expect(agenda.totalMinutes == 75)
        #expect(agenda.overrunMinutes == 15)
        #expect(agenda.warning?.zh.hasPrefix("R61") == true)
        #expect(agenda.moving(3, by: -1)?.map(\.itemId) == [1, 3, 2])
        #expect(agenda.moving(1, by: -1) == nil)
    }

    @Test("the row test a home screen filters open items with keeps every item whose steps wait on the reader: every state, lead and related department, every person, an entrusted deputy")
    func mayWaitKeepsEveryWaitingItem() throws {
        var org = try demoOrg()
        // A deputy entrusted to sign off for the education bureau (R46's steps name them too).
        var jw = try #require(org.department("JW"))
        jw.entrustedDeputyLogin = "zhangyuhang"
        org = OrgChart(people: org.people.values.map { $0 }, departments: org.departments.values.filter { $0.code != "JW" } + [jw])
        let calendar = try shippedHolidays()
        let at = LocalDateTime(iso: "2026-03-02T09:00")!
        let codes = org.departments(kind: nil).map(\.code)
        let failed = LocalDateTime(iso: "2026-02-27T09:00")!
        var kept = 0, checked = 0
        for state in AgendaState.allCases {
            for lead in codes {
                for failure in state == .disputed ? [nil, failed] : [nil] {
                    let related = codes.filter { $0 != lead }.prefix(3).map { $0 }
                    let item = AgendaItem(id: 1, title: "议题", leadCode: lead, relatedCodes: related, state: state, coordinationFailedAt: failure,
                                          createdBy: "lijing", createdAt: at, stepStartedAt: at)
                    let steps = AgendaDeadlines.pendingSteps(for: item, org: org, calendar: calendar)
                    for person in org.people.values {
                        let logins: Set<String> = [person.login]
                        let waits = steps.contains { !logins.isDisjoint(with: $0.waitingOn) }
                        let mayWait = AgendaWaitFilter(logins: logins, org: org).mayWait(state: state, leadCode: lead, related: related)
                        #expect(!waits || mayWait, "\(person.login) waits on a \(state) item of \(lead) that the row test drops")
                        checked += 1
                        if mayWait { kept += 1 }
                    }
                }
            }
        }
        // It filters: most people are not waited on by most items.
        #expect(kept * 5 < checked, "kept \(kept) of \(checked)")
    }
}
