import Testing
import MeetingKit
@testable import MeetingStore
import HuiwuTestSupport

@Suite("Change of term (换届)")
struct TermTests {
    func at(_ text: String) -> LocalDateTime { LocalDateTime(iso: text)! }

    @Test("after a change of term, Session.addMeeting numbers from 1 again; the old term keeps its numbers", arguments: ScratchDatabase.engines)
    func numberingRestarts(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let admin = try office.session()
        let first = try admin.addMeeting(kind: .executive, start: at("2026-03-04T09:00"))
        let second = try admin.addMeeting(kind: .executive, start: at("2026-03-18T09:00"))
        #expect(first.termNumber == 17 && first.number == 1)
        #expect(second.number == 2)

        let change = try admin.startTerm(number: 18, name: "第十八届区人民政府", from: Day(iso: "2026-04-01")!)
        #expect(change.previous?.number == 17)
        #expect(try admin.terms().map(\.number) == [17, 18])

        let next = try admin.addMeeting(kind: .executive, start: at("2026-04-08T09:00"))
        #expect(next.termNumber == 18)
        #expect(next.number == 1)
        #expect(next.numberedTitle(.zh) == "第1次区政府常务会议")
        let topical = try admin.addMeeting(kind: .topical, start: at("2026-04-09T09:00"))
        #expect(topical.number == 1)
        // History kept: the old term's meetings are untouched.
        #expect(try admin.meeting(first.id!).termNumber == 17)
        #expect(try admin.meeting(second.id!).number == 2)
    }

    @Test("planned meetings on or after the first day move to the new term and are renumbered", arguments: ScratchDatabase.engines)
    func plannedMeetingsMove(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let admin = try office.session()
        let before = try admin.addMeeting(kind: .executive, start: at("2026-03-18T09:00"))
        let after = try admin.addMeeting(kind: .executive, start: at("2026-04-15T09:00"))
        #expect(after.number == 2)
        let count = try office.auditCount()
        let change = try admin.startTerm(number: 18, name: "第十八届区人民政府", from: Day(iso: "2026-04-01")!)
        #expect(change.movedMeetings == [after.id!])
        let moved = try admin.meeting(after.id!)
        #expect(moved.termNumber == 18 && moved.number == 1)
        #expect(try admin.meeting(before.id!).number == 1)
        // The term and the moved meeting are audited in the same transaction.
        #expect(try office.auditCount() == count + 2)
    }

    @Test("only administrators start a term; the number and the first day must move forward", arguments: ScratchDatabase.engines)
    func refusals(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let count = try office.auditCount()
        let director = try office.session("yangwentao")
        #expect(throws: Refusal.self) { try director.startTerm(number: 18, name: "第十八届区人民政府", from: Day(iso: "2027-01-06")!) }
        let admin = try office.session()
        do {
            try admin.startTerm(number: 17, name: "第十七届", from: Day(iso: "2027-01-06")!)
            Issue.record("a term that is not newer was accepted")
        } catch let refusal as Refusal {
            #expect(refusal.code == "term.notAfter")
        }
        do {
            try admin.startTerm(number: 18, name: "第十八届", from: Day(iso: "2020-01-01")!)
            Issue.record("a term starting before the current one was accepted")
        } catch let refusal as Refusal {
            #expect(refusal.code == "term.startsTooEarly")
        }
        #expect(try office.auditCount() == count)
        #expect(try admin.terms().count == 1)
    }

    @Test("an empty office gets its first term from term start", arguments: ScratchDatabase.engines)
    func firstTerm(engine: StoreEngine) throws {
        let office = try TestOffice(engine, seeded: false)
        let admin = try office.session()
        try admin.startTerm(number: 18, name: "第十八届区人民政府", from: Day(iso: "2027-01-06")!)
        #expect(try admin.read { try OrgRepository.currentTerm($0) }?.number == 18)
    }
}
