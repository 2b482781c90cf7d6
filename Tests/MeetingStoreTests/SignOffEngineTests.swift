import HuiwuTestSupport
import MeetingKit
@testable import MeetingStore
import Testing

/// What a department sends to the government carries its head's sign-off (R45(2)), and the
/// statement of a disagreement left after the vice mayor's coordination is the lead
/// department's, with its proposal (R41, R45(3)).
@Suite("Sign-offs and statements of departments (R45(2), R45(3), R41) on both engines")
struct SignOffEngineTests {
    func refusal(_ body: () throws -> Void) -> Refusal? {
        do { try body(); return nil } catch let r as Refusal { return r } catch { return nil }
    }

    @Test("office staff type an item in, but it goes to the government only with the head's sign-off, in person or recorded for him (R45(2))", arguments: ScratchDatabase.engines)
    func submissionNeedsTheHead(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let id = try office.session("lijing").addItem(title: "关于校园安全的议题", lead: "JW").id!
        let before = try office.auditCount()
        let bySecretary = refusal { try office.session("lijing").submitItem(id) }
        #expect(bySecretary?.code == "item.submitNotHead" && bySecretary?.article == "R45(2)")
        #expect(refusal { try office.session("yangwentao").submitItem(id) }?.article == "R45(2)")
        #expect(try office.auditCount() == before)
        let submitted = try office.session("lijing", onBehalfOf: "xuwenbo").submitItem(id)
        #expect(submitted.state == .consensus)
        let entry = try #require(try office.session().itemDossier(id).timeline.last)
        #expect(entry.kind == .submitted && entry.actor == "lijing" && entry.onBehalfOf == "xuwenbo")
    }

    @Test("a deputy the head entrusted signs off in his place; only the head entrusts (R45(2))", arguments: ScratchDatabase.engines)
    func entrustedDeputy(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        try office.session().addPerson(Person(login: "liwei", name: "李伟", role: .departmentHead, departmentCode: "JW"))
        let id = try office.session("lijing").addItem(title: "关于学区划分的议题", lead: "JW").id!
        #expect(refusal { try office.session("liwei").submitItem(id) }?.code == "item.submitNotHead")
        #expect(refusal { try office.session("lijing").entrustSignOff(department: "JW", to: "liwei") }?.code == "department.entrustNotHead")
        #expect(refusal { try office.session("xuwenbo").entrustSignOff(department: "JW", to: "hexuemei") }?.code == "department.deputyNotMember")
        let department = try office.session("xuwenbo").entrustSignOff(department: "JW", to: "liwei")
        #expect(department.entrustedDeputyLogin == "liwei")
        #expect(try office.session("liwei").submitItem(id).state == .consensus)
        try office.session("lijing", onBehalfOf: "xuwenbo").entrustSignOff(department: "JW", to: nil)
        #expect(try office.session().orgChart().department("JW")?.entrustedDeputyLogin == nil)
    }

    @Test("after a failed coordination the lead department states the disagreement with its proposal; the vice mayor only records the failure (R45(3), R41)", arguments: ScratchDatabase.engines)
    func statementIsTheLeadDepartments(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let failed = try AgendaFixtures.failedCoordination(office, note: "两次协调未果")
        let id = failed.id!
        #expect(failed.state == .disputed && failed.coordinationFailedAt != nil && failed.statement == nil)
        // Not yet approvable, and the statement is not the vice mayor's to give.
        #expect(refusal { try office.session("wangxiaoyan").approveItem(id) }?.code == "item.disputedNotCoordinated")
        let byVM = refusal { try office.session("wangxiaoyan").stateDisagreement(id, statement: "x", proposal: "y") }
        #expect(byVM?.code == "item.statementNotLead" && byVM?.article == "R45(3)")
        let waiting = try office.session("xuwenbo").homeSnapshot().waiting
        #expect(waiting.contains { $0.ref == .item(id) && $0.what.zh == PendingStep.Kind.state.name.zh })
        let stated = try office.session("lijing", onBehalfOf: "xuwenbo").stateDisagreement(
            id, statement: "区卫生健康委对经费来源有不同意见", proposal: "建议由区财政局核定经费来源后提请会议决定")
        #expect(stated.statement?.givenBy == "xuwenbo" && stated.statement?.recordedBy == "lijing")
        #expect(stated.statement?.proposal == "建议由区财政局核定经费来源后提请会议决定")
        #expect(try office.session("wangxiaoyan").approveItem(id).state == .approved)
    }
}
