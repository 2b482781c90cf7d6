import HuiwuTestSupport
import MeetingKit
@testable import MeetingStore
import Testing

private func day(_ s: String) -> Day { Day(iso: s)! }

/// R46 everywhere: a leader's step on minutes is due in 5 working days, signed minutes go back
/// to the units within 1, and a deadline counted through a year without holiday data says so.
@Suite("R46 deadlines of minutes and their warnings")
struct DeadlineTests {
    @Test("`due` lists the mayor's signature waiting eight working days as overdue, not \"nothing due\" (R46)", arguments: ScratchDatabase.engines)
    func signatureInDue(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let minutes = try MinutesFixtures.awaitingSignature(office, start: "2026-02-10T09:00")
        let report = try office.session("lijing", now: "2026-02-27T09:00").dueReport(person: "zhoulixin")
        let line = try #require(report.minutes.first { $0.minutesId == minutes.id })
        #expect(line.step == .sign && line.overdue && line.due == day("2026-02-24") && line.waitingOn == ["zhoulixin"])
        #expect(report.byPerson.first { $0.key == "zhoulixin" }?.overdue == 1)
        let everyone = try office.session("lijing", now: "2026-02-27T09:00").dueReport()
        #expect(everyone.minutes.contains { $0.minutesId == minutes.id })
    }

    @Test("returning signed minutes to the units within one working day is a tracked step: waiting, recorded with who and when, counted overdue in the report (R46)", arguments: ScratchDatabase.engines)
    func returnToTheUnits(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let signed = try MinutesFixtures.signedWithDecisions(office, signedAt: "2026-03-03T10:00")
        let secretary = try office.session("lijing", now: "2026-03-05T09:00")
        #expect(try secretary.homeSnapshot().waiting.contains { $0.ref == .minutes(signed.id!) && $0.isOverdue && $0.due == day("2026-03-04") })
        #expect(try secretary.dueReport().minutes.contains { $0.minutesId == signed.id && $0.step == .dispatch && $0.overdue })
        let report = try secretary.periodReport(from: day("2026-03-01"), to: day("2026-03-31"))
        #expect(report.overdueReturns == 1)
        #expect(report.overdueByDepartment.first { $0.key == "ZFB" }?.approvals == 1)
        #expect(throws: Refusal.self) { try office.session("xuwenbo").dispatchMinutes(signed.id!) }
        let dispatch = try secretary.dispatchMinutes(signed.id!)
        #expect(dispatch.sentBy == "lijing" && dispatch.sentAt == LocalDateTime(iso: "2026-03-05T09:00"))
        #expect(throws: Refusal.self) { try secretary.dispatchMinutes(signed.id!) }
        #expect(try secretary.minutesDetail(signed.id!).dispatch == dispatch)
        #expect(try !secretary.homeSnapshot().waiting.contains { $0.ref == .minutes(signed.id!) })
        #expect(try secretary.periodReport(from: day("2026-03-01"), to: day("2026-03-31")).overdueReturns == 0)
    }

    @Test("a deadline counted through a year without holiday data carries a warning wherever it is shown, never a silent guess (R46)", arguments: ScratchDatabase.engines)
    func estimatedDeadlines(engine: StoreEngine) throws {
        let office = try TestOffice(engine, now: "2027-01-04T09:00")
        let id = try office.session("lijing").addItem(title: "跨年审核的议题", lead: "JW").id!
        try office.session("xuwenbo").submitItem(id)
        let step = try #require(try office.session().itemDossier(id).pending.first)
        #expect(step.kind == .approve && step.dueWarning?.zh.contains("2027") == true)
        let waiting = try #require(try office.session("wangxiaoyan").homeSnapshot().waiting.first { $0.ref == .item(id) })
        #expect(waiting.dueWarning != nil)
        #expect(try office.session().dueReport().lines.first { $0.itemId == id }?.dueWarning?.en.contains("no holiday data") == true)
        // A year with data has no warning.
        let known = try TestOffice(engine, now: "2026-03-02T09:00")
        let other = try known.session("lijing").addItem(title: "年内审核的议题", lead: "JW").id!
        try known.session("xuwenbo").submitItem(other)
        #expect(try known.session().itemDossier(other).pending.first?.dueWarning == nil)
    }
}
