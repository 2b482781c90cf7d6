import GRDB
import HuiwuTestSupport
import MeetingKit
@testable import MeetingStore
import Testing

/// A classified document is never public (R22 公开前保密审查), declassifying is its own step,
/// and classified words stay with their readers wherever they appear (R48).
@Suite("Secrecy: classified is never public, and its words stay hidden everywhere (R22, R48)")
struct SecrecyTests {
    func refusal(_ body: () throws -> Void) -> Refusal? {
        do { try body(); return nil } catch let r as Refusal { return r } catch { return nil }
    }

    @Test("a secret document cannot be public: the combination is refused either way round (R22, R48)", arguments: ScratchDatabase.engines)
    func classifiedIsNeverPublic(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let meeting = try MinutesFixtures.heldMeeting(office)
        let secretary = try office.session("lijing")
        let id = try secretary.draftMinutes(meetingId: meeting.id!).id!
        let both = refusal { try secretary.setMinutesAttributes(id, disclosure: .public, reason: nil, classification: .secret) }
        #expect(both?.code == "minutes.classifiedPublic" && both?.article == "R22")
        #expect(both?.message.en.contains("declassify") == true)
        try secretary.setMinutesAttributes(id, disclosure: .public, reason: nil, classification: nil)
        #expect(refusal { try secretary.setMinutesAttributes(id, disclosure: nil, reason: nil, classification: .confidential) }?.code == "minutes.classifiedPublic")
        #expect(refusal { try secretary.setMinutesAttributes(id, disclosure: nil, reason: nil, classification: .internal) }?.code == "minutes.classifiedPublic")
        try secretary.setMinutesAttributes(id, disclosure: .notPublic, reason: "涉及国家秘密", classification: .secret)
        #expect(refusal { try secretary.setMinutesAttributes(id, disclosure: .onRequest, reason: nil, classification: nil) }?.code == "minutes.classifiedPublic")
    }

    @Test("declassifying is its own audited step, by the office director, the mayor or the signer, even after signing (R48, R22)", arguments: ScratchDatabase.engines)
    func declassification(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let signed = try MinutesFixtures.signedConfidential(office)
        let id = signed.id!
        let secretary = try office.session("lijing")
        // Lowering the level is not an attribute edit, and not anyone's to decide.
        #expect(refusal { try secretary.declassifyMinutes(id, to: .none, disclosure: .public, reason: "解密期满") }?.code == "minutes.declassifyNotAuthority")
        #expect(refusal { try office.session("yangwentao").declassifyMinutes(id, to: .none, disclosure: .public, reason: " ") }?.code == "input.empty")
        #expect(refusal { try office.session("yangwentao").declassifyMinutes(id, to: .internal, disclosure: .public, reason: "x") }?.code == "minutes.classifiedPublic")
        let done = try office.session("yangwentao").declassifyMinutes(id, to: .none, disclosure: .public, reason: "解密期满，经保密审查")
        #expect(done.classification == .none && done.disclosure == .public && done.state == .signed)
        #expect(try office.session().auditEvents(limit: 1).first?.action == "minutes.declassify")
        let detail = try office.session("zhangyuhang").minutesDetail(id)
        #expect(detail.bodyVisible && detail.declassifications.map(\.reason) == ["解密期满，经保密审查"])
        #expect(detail.hashVerified == true)
        // Nothing else of signed minutes can change, even from the sqlite3 shell (or psql).
        if engine == .sqlite {
            #expect(throws: DatabaseError.self) {
                try office.store.writer.write { try $0.execute(sql: "UPDATE minutes SET classification = 'secret' WHERE id = ?", arguments: [id]) }
            }
        } else {
            #expect(throws: (any Error).self) {
                try office.store.transaction { db, _ in try db.exec("UPDATE minutes SET classification = 'secret' WHERE id = ?", id) }
            }
        }
        // On a draft, lowering through `set` is refused: it is a declassification.
        let meeting = try MinutesFixtures.heldMeeting(office, start: "2026-03-03T09:00")
        let draft = try secretary.draftMinutes(meetingId: meeting.id!).id!
        try secretary.setMinutesAttributes(draft, disclosure: .notPublic, reason: "涉密", classification: .secret)
        let lowered = refusal { try secretary.setMinutesAttributes(draft, disclosure: nil, reason: nil, classification: Classification.none) }
        #expect(lowered?.code == "minutes.declassifyStep" && lowered?.article == "R48")
    }

    @Test("the decision in classified minutes is withheld from item show, item lists and search for readers outside the circle (R48)", arguments: ScratchDatabase.engines)
    func decisionsDoNotLeak(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        try MinutesFixtures.signedConfidential(office)
        let school = try #require(try office.session().items().first { $0.title.contains("课后服务") }).id!
        let words = "由区教委会同区财政局落实经费"
        let outsider = try office.session("zhangyuhang")
        let dossier = try outsider.itemDossier(school)
        #expect(dossier.item.decision == nil && dossier.decisionWithheld)
        #expect(!dossier.timeline.contains { $0.text?.contains(words) == true })
        #expect(try outsider.items().allSatisfy { $0.decision?.contains(words) != true })
        #expect(try outsider.itemPage(limit: 10).items.allSatisfy { $0.decision == nil || $0.decision?.contains(words) == false })
        // The page that holds the item withholds it too (the page asks only about its own meetings).
        let page = try outsider.itemPage(before: school + 1, limit: 3).items
        #expect(page.first?.id == school && page.first?.decision == nil)
        #expect(try outsider.search("落实经费").isEmpty)
        // The circle still reads it, and the audit log never held it.
        let reader = try office.session("zhoulixin")
        #expect(try reader.itemDossier(school).item.decision?.contains(words) == true)
        #expect(try reader.itemPage(before: school + 1, limit: 3).items.first?.decision?.contains(words) == true)
        #expect(try reader.search("落实经费").contains { $0.ref == .item(school) })
        let audit = try office.session().auditEvents(limit: 200, entity: "item", entityId: String(school))
        #expect(!audit.contains { $0.after.contains(words) || $0.before.contains(words) })
    }
}
