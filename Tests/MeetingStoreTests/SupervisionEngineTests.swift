import HuiwuTestSupport
import MeetingKit
@testable import MeetingStore
import Testing

/// The responsible units carry out decisions and report; the office supervises, moves due
/// days on request and closes follow-ups (R53, R54).
@Suite("Supervision of follow-ups (R53, R54) on both engines")
struct SupervisionEngineTests {
    func refusal(_ body: () throws -> Void) -> Refusal? {
        do { try body(); return nil } catch let r as Refusal { return r } catch { return nil }
    }

    @Test("every unit a decision names is responsible: the lead department, and the others co-responsible (R54)", arguments: ScratchDatabase.engines)
    func everyNamedUnit(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        try MinutesFixtures.signedWithDecisions(office)
        let jw = try #require(try office.session().followUps(department: "JW").first)
        // "由区教委会同区财政局落实经费": the finance bureau is co-responsible.
        #expect(jw.coUnits == ["CZJ"] && jw.coUnitNames == ["区财政局"])
        #expect(DecisionUnits.named(in: "由区住房城市建设委牵头，区城市管理委、区财政局配合", org: try office.session().orgChart())
                == ["ZJW", "CGW", "CZJ"])
        // Its head sees the follow-up waiting and reports on it.
        #expect(try office.session("hexuemei").homeSnapshot().waiting.contains { $0.ref == .followUp(jw.followUp.id!) })
        let report = try office.session("hexuemei").reportFollowUp(jw.followUp.id!, .progress, text: "已完成经费测算")
        #expect(report.departmentCode == "CZJ" && report.by == "hexuemei")
        #expect(refusal { try office.session("denglijun").reportFollowUp(jw.followUp.id!, .progress, text: "x") }?.code == "followUp.notResponsible")
    }

    @Test("units report progress and completion, and ask for more time; only the office closes or moves the due day, on request, with a reason (R54)", arguments: ScratchDatabase.engines)
    func officeSupervises(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        try MinutesFixtures.signedWithDecisions(office)
        let id = try #require(try office.session().followUps(department: "ZJW").first?.followUp.id)
        let head = try office.session("caozhiming", now: "2026-03-20T10:00")
        #expect(refusal { try head.setFollowUpDue(id, due: Day(iso: "2026-04-30")!, reason: "x") }?.article == "R54")
        #expect(refusal { try head.reportFollowUp(id, .moreTime, text: "需协调拆迁", due: Day(iso: "2026-03-01")!) }?.code == "followUp.extensionNotLater")
        try head.reportFollowUp(id, .moreTime, text: "需协调拆迁，申请延期一个月", due: Day(iso: "2026-04-30")!)
        let secretary = try office.session("lijing", now: "2026-03-20T11:00")
        #expect(try secretary.homeSnapshot().waiting.contains { $0.ref == .followUp(id) && $0.what.en.contains("more time") })
        let moved = try secretary.setFollowUpDue(id, due: Day(iso: "2026-04-30")!, reason: "同意承办单位延期申请")
        #expect(moved.dueDay == Day(iso: "2026-04-30") && moved.pendingRequest == nil)
        try head.reportFollowUp(id, .completed, text: "整治已全部完成")
        #expect(try secretary.followUpDetail(id).line.followUp.pendingRequest == .completed)
        #expect(try secretary.completeFollowUp(id, note: "经核实已办结").status == .done)
        let detail = try office.session().followUpDetail(id)
        #expect(detail.reports.map(\.kind) == [.moreTime, .dueMoved, .completed])
        #expect(detail.reports[1].text == "同意承办单位延期申请" && detail.reports[1].by == "lijing")
    }
}
