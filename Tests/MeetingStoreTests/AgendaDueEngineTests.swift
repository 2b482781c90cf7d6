import Testing
import MeetingKit
@testable import MeetingStore
import HuiwuTestSupport

@Suite("R46 due dates: huiwu due and waiting for me on both engines")
struct AgendaDueEngineTests {
    @Test("an approval waiting since 2026-09-30 is due 2026-10-13 and overdue from 2026-10-14 (R46)", arguments: ScratchDatabase.engines)
    func approvalDue(engine: StoreEngine) throws {
        let office = try TestOffice(engine, now: "2026-09-30T10:00")
        let id = try office.session("lijing").addItem(title: "国庆前提交的议题", lead: "JW").id!
        try office.session("xuwenbo").submitItem(id)
        let onTime = try office.session("lijing", now: "2026-10-13T17:00").dueReport()
        #expect(onTime.lines.map(\.due) == [Day(iso: "2026-10-13")!])
        #expect(onTime.lines.first?.overdue == false)
        #expect(onTime.lines.first?.waitingOn == ["wangxiaoyan"])
        let late = try office.session("lijing", now: "2026-10-14T09:00").dueReport(person: "wangxiaoyan")
        #expect(late.lines.first?.overdue == true)
        #expect(late.byPerson == [DueReport.Tally(key: "wangxiaoyan", name: "王晓燕", due: 1, overdue: 1)])
        #expect(late.byDepartment.first?.key == "JW")
        #expect(try office.session("lijing", now: "2026-10-14T09:00").dueReport(person: "zhaojianguo").lines.isEmpty)
        #expect(throws: Refusal.self) { try office.session().dueReport(person: "nobody") }
    }

    @Test("an approval returned on 2026-09-30 is fed back by 2026-10-08; the office sees it waiting (R46)", arguments: ScratchDatabase.engines)
    func feedbackDue(engine: StoreEngine) throws {
        let office = try TestOffice(engine, now: "2026-09-30T10:00")
        let id = try office.session("lijing").addItem(title: "节前审核的议题", lead: "MZJ").id!
        try office.session("fengguoqing").submitItem(id)
        try office.session("wangxiaoyan").approveItem(id)
        let report = try office.session("lijing", now: "2026-10-09T09:00").dueReport(person: "lijing")
        #expect(report.lines.map(\.step) == [.feedback])
        #expect(report.lines.first?.due == Day(iso: "2026-10-08"))
        #expect(report.lines.first?.overdue == true)
        let home = try office.session("yangwentao", now: "2026-10-08T09:00").homeSnapshot()
        #expect(home.waiting.first?.ref == .item(id))
        #expect(home.waiting.first?.due == Day(iso: "2026-10-08"))
        #expect(home.waiting.first?.isOverdue == false)
    }

    @Test("waiting for me: the VM sees approvals, heads see opinions asked of them", arguments: ScratchDatabase.engines)
    func waiting(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let id = try office.session("lijing").addItem(title: "征求意见的议题", lead: "JW", related: ["WJW"]).id!
        try office.session("xuwenbo").submitItem(id)
        #expect(try office.session("handongmei").homeSnapshot().waiting.map(\.ref) == [.item(id)])
        #expect(try office.session("wangxiaoyan").homeSnapshot().waiting.isEmpty)
        try office.session("handongmei").giveOpinion(id, department: "WJW", stance: .agree)
        let vm = try office.session("wangxiaoyan").homeSnapshot().waiting
        #expect(vm.map(\.ref) == [.item(id)])
        #expect(vm.first?.due == Day(iso: "2026-03-09"))
        #expect(try office.session("handongmei").homeSnapshot().waiting.isEmpty)
    }

    @Test("every person's home lists the agenda steps a full reading of the open items gives them: items read only as far as a step needs lose none",
          arguments: ScratchDatabase.engines)
    func homeStepsMatchTheFullReading(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let secretary = try office.session("lijing")
        // One item in each open state: a draft, one in consultation with one of two opinions
        // given, one whose coordination failed and whose lead has stated the disagreement
        // (flagged), one approved and one accepted.
        _ = try secretary.addItem(title: "草稿议题", lead: "MZJ")
        let consulting = try secretary.addItem(title: "征求意见的议题", lead: "JW", related: ["WJW", "MZJ"]).id!
        try office.session("xuwenbo").submitItem(consulting)
        try office.session("handongmei").giveOpinion(consulting, department: "WJW", stance: .agree)
        let disputed = try secretary.addItem(title: "有分歧的议题", lead: "JW", related: ["WJW"]).id!
        try office.session("xuwenbo").submitItem(disputed)
        try office.session("handongmei").giveOpinion(disputed, department: "WJW", stance: .disagree, reason: "经费来源不明")
        try office.session("wangxiaoyan").coordinateItem(disputed, .unresolved, note: "协调未果")
        try office.session("xuwenbo").stateDisagreement(disputed, statement: "卫健委对经费来源有不同意见", proposal: "建议会上研究决定")
        let approved = try secretary.addItem(title: "已审核的议题", lead: "JW").id!
        try office.session("xuwenbo").submitItem(approved)
        try office.session("wangxiaoyan").approveItem(approved)
        let accepted = try secretary.addItem(title: "已受理的议题", lead: "JW").id!
        try office.session("xuwenbo").submitItem(accepted)
        try office.session("wangxiaoyan").approveItem(accepted)
        try office.session("yangwentao").acceptItem(accepted)

        let today = Day(iso: "2026-03-02")!
        var compared = 0
        for login in try secretary.orgChart().people.keys.sorted() {
            let session = try office.session(login)
            let expected = try session.read { db in
                try Session.pendingSteps(db, org: try OrgRepository.load(db)).filter { $0.waitingOn.contains(login) }
            }.map { step in "\(step.itemId) \(step.kind) \(step.due?.iso ?? "-") \(step.isOverdue(today: today)) \(step.flagged)" }
            let shown = try session.homeSnapshot().waiting.compactMap { entry -> String? in
                guard case .item(let id) = entry.ref else { return nil }
                let step = try session.read { db in
                    try Session.pendingSteps(db, org: try OrgRepository.load(db)).first { $0.itemId == id && $0.waitingOn.contains(login) }
                }
                return "\(id) \(step.map { "\($0.kind)" } ?? "?") \(entry.due?.iso ?? "-") \(entry.isOverdue) \(entry.title.hasSuffix(" ⚠"))"
            }
            #expect(shown.sorted() == expected.sorted(), "\(login)")
            compared += expected.count
        }
        // The comparison saw every step of every item (the check would prove nothing otherwise).
        #expect(compared >= 6)
    }

    @Test("the query of the items that can wait on a reader keeps exactly what the row test keeps, for every person", arguments: ScratchDatabase.engines)
    func waitFilterQuery(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let org = try office.store.snapshot { try OrgRepository.load($0) }
        let codes = org.departments(kind: nil).map(\.code).sorted()
        // An item in every state, led by every department, with no related department or with the next one.
        var rows: [(id: Int64, state: AgendaState, lead: String, related: [String])] = []
        try office.store.transaction { db, _ in
            for state in AgendaState.allCases {
                for (i, lead) in codes.enumerated() {
                    for related in [[], [codes[(i + 1) % codes.count]]] {
                        let id = try #require(try db.value(Int64.self, """
                            INSERT INTO agenda_item (title, summary, lead_code, major, normative, public_interest, market, state,
                              created_by, created_at, step_started_at)
                            VALUES ('议题', '', ?, false, false, false, false, ?, 'lijing', '2026-03-02T09:00', '2026-03-02T09:00')
                            RETURNING id
                            """, lead, state.rawValue))
                        for code in related {
                            _ = try db.exec("INSERT INTO agenda_related (item_id, department_code, position) VALUES (?, ?, 0)", id, code)
                        }
                        rows.append((id, state, lead, related))
                    }
                }
            }
        }
        // AgendaRepository.openStatesSQL: a scheduled item waits on its meeting, not on a person.
        let open: Set<AgendaState> = [.draft, .consulting, .consensus, .disputed, .approved, .accepted]
        var kept = 0
        for person in org.people.values {
            let filter = AgendaWaitFilter(logins: [person.login], org: org)
            let queried = try office.store.snapshot { try AgendaRepository.openItems($0, mayWaitOn: filter).compactMap(\.id) }
            let expected = rows.filter { open.contains($0.state) && filter.mayWait(state: $0.state, leadCode: $0.lead, related: $0.related) }
                .map(\.id)
            #expect(queried == expected, "\(person.login)")
            kept += expected.count
        }
        #expect(kept > 0)
        #expect(try office.store.snapshot { try AgendaRepository.openItems($0, mayWaitOn: nil).count } == rows.filter { open.contains($0.state) }.count)
    }
}
