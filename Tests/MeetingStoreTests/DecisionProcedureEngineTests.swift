import HuiwuTestSupport
import MeetingKit
@testable import MeetingStore
import Testing

private func at(_ s: String) -> LocalDateTime { LocalDateTime(iso: s)! }

/// The procedures before a major decision (R19, R20) and the meeting normative documents go
/// to (R39(4)); the office's audited correction of an item's flags.
@Suite("Decision procedures: R19, R20, R39(4) and the office's correction of flags on both engines")
struct DecisionProcedureEngineTests {
    func refusal(_ body: () throws -> Void) -> Refusal? {
        do { try body(); return nil } catch let r as Refusal { return r } catch { return nil }
    }

    /// A JW item, approved by its vice mayor, not yet accepted.
    func approved(_ office: TestOffice, major: Bool = false, normative: Bool = false, hearing: Bool = false,
                  reportToCongress: Bool = false) throws -> Int64 {
        let id = try office.session("lijing").addItem(title: "关于学前教育布局的议题", lead: "JW", major: major, normative: normative,
                                                      category: 1, hearing: hearing, reportToCongress: reportToCongress).id!
        try office.session("xuwenbo").submitItem(id)
        try office.session("wangxiaoyan").approveItem(id)
        return id
    }

    @Test("a major matter needs its necessity, feasibility and controllability argument (R19) and the report to the district Party committee (R20); hearings and the report to the People's Congress when flagged", arguments: ScratchDatabase.engines)
    func majorMatterProcedures(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let id = try approved(office, major: true, hearing: true, reportToCongress: true)
        for p in Precondition.required(for: ItemFlags(major: true)) where ![.necessityArgument, .partyCommitteeReport].contains(p) {
            try office.session(p == .legalOfficeReview ? "weizhenyu" : "xuwenbo").confirmPrecondition(id, p)
        }
        let missing = try #require(refusal { try office.session("lijing").acceptItem(id) })
        #expect(missing.code == "item.preconditionsMissing" && missing.article == "R19, R20")
        #expect(missing.message.zh.contains("必要性、可行性和可控性论证") && missing.message.zh.contains("向区委请示报告")
                && missing.message.zh.contains("听证会") && missing.message.zh.contains("向区人大常委会报告"))
        for p in [Precondition.necessityArgument, .hearing, .partyCommitteeReport, .congressReport] {
            try office.session("lijing").confirmPrecondition(id, p, note: "已完成")
        }
        #expect(try office.session("lijing").acceptItem(id).state == .accepted)
    }

    @Test("a normative document in the government's name goes to an executive meeting; a topical meeting refuses it as it refuses major matters (R39(4), R5)", arguments: ScratchDatabase.engines)
    func normativeDocumentsOnlyAtExecutive(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let id = try approved(office, normative: true)
        for p in Precondition.required(for: ItemFlags(normative: true)) {
            try office.session(p == .legalOfficeReview ? "weizhenyu" : "xuwenbo").confirmPrecondition(id, p)
        }
        try office.session("lijing").acceptItem(id)
        let topical = try office.session("lijing").addMeeting(kind: .topical, start: at("2026-03-16T09:00"))
        let r = refusal { try office.session("lijing").scheduleItem(id, meeting: topical.id!) }
        #expect(r?.code == "item.normativeNotExecutive" && r?.article == "R39(4)")
        let executive = try office.session("lijing").addMeeting(kind: .executive, start: at("2026-03-12T09:00"))
        #expect(try office.session("lijing").scheduleItem(id, meeting: executive.id!).item.state == .scheduled)
    }

    @Test("the office corrects an item's flags before acceptance, with its reason, audited; the new preconditions then apply (R19, R20, R5)", arguments: ScratchDatabase.engines)
    func correctingFlags(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let id = try approved(office)
        #expect(refusal { try office.session("xuwenbo").correctItemFlags(id, to: ItemFlags(major: true, category: .policy), reason: "x") }?.code == "item.flagsNotOffice")
        #expect(refusal { try office.session("lijing").correctItemFlags(id, to: ItemFlags(category: .policy), reason: "无变化") }?.code == "item.flagsUnchanged")
        let corrected = try office.session("lijing").correctItemFlags(id, to: ItemFlags(major: true, category: .policy), reason: "涉及全区学位布局，属重大事项")
        #expect(corrected.major && corrected.requiredPreconditions.contains(.partyCommitteeReport))
        let entry = try #require(try office.session().itemDossier(id).timeline.last)
        #expect(entry.kind == .flagsCorrected && entry.text == "涉及全区学位布局，属重大事项" && entry.outcome?.contains("重大事项") == true)
        #expect(try office.session().auditEvents(limit: 1).first?.action == "item.flags")
        #expect(refusal { try office.session("lijing").acceptItem(id) }?.code == "item.preconditionsMissing")
        let codes = try ItemFlags(codeList: "major, hearing", category: 4)
        #expect(codes.major && codes.hearing && codes.category == .normativeDocuments && codes.codeList == "major,hearing")
        #expect(throws: Refusal.self) { try ItemFlags(codeList: "urgent", category: nil) }
    }
}
