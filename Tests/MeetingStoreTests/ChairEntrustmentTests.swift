import HuiwuTestSupport
import MeetingKit
@testable import MeetingStore
import Testing

private func at(_ s: String) -> LocalDateTime { LocalDateTime(iso: s)! }
private func day(_ s: String) -> Day { Day(iso: s)! }

/// The executive vice mayor chairs an executive meeting when the mayor entrusts him (R39),
/// an act of the mayor's, or when the mayor is away from Beijing (R7).
@Suite("Who entrusts the executive meeting's chair (R39, R7)")
struct ChairEntrustmentTests {
    func refusal(_ body: () throws -> Void) -> Refusal? {
        do { try body(); return nil } catch let r as Refusal { return r } catch { return nil }
    }

    @Test("a secretary cannot assert the mayor's entrustment; the mayor (or a secretary recording for him) can (R39)", arguments: ScratchDatabase.engines)
    func entrustmentIsTheMayors(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let before = try office.auditCount()
        let asserted = refusal {
            _ = try office.session("lijing").scheduleMeeting(MeetingRequest(kind: .executive, start: at("2026-03-12T09:00"), chair: "chenhaifeng"))
        }
        #expect(asserted?.code == "meeting.entrustNotByMayor" && asserted?.article == "R39")
        #expect(try office.auditCount() == before)
        let entrusted = try office.session("lijing", onBehalfOf: "zhoulixin")
            .scheduleMeeting(MeetingRequest(kind: .executive, start: at("2026-03-12T09:00"), chair: "chenhaifeng")).meeting
        #expect(entrusted.chairLogin == "chenhaifeng" && entrusted.chairDelegation == .entrusted)
    }

    @Test("the mayor entrusts the chair of an existing executive meeting; anyone else is refused and audited (R39)", arguments: ScratchDatabase.engines)
    func entrustAnExistingMeeting(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let meeting = try office.session("lijing").addMeeting(kind: .executive, start: at("2026-03-12T09:00"))
        #expect(refusal { try office.session("lijing").entrustChair(meeting.id!) }?.article == "R39")
        #expect(refusal { try office.session("chenhaifeng").entrustChair(meeting.id!) }?.code == "meeting.entrustNotByMayor")
        #expect(try office.session().auditEvents(limit: 1).first?.action == "refused.meeting.entrust")
        let after = try office.session("zhoulixin").entrustChair(meeting.id!)
        #expect(after.chairLogin == "chenhaifeng" && after.chairDelegation == .entrusted)
        let topical = try office.session("lijing").addMeeting(kind: .topical, start: at("2026-03-16T09:00"))
        #expect(refusal { try office.session("zhoulixin").entrustChair(topical.id!) }?.code == "meeting.entrustNotExecutive")
    }

    @Test("with the mayor away from Beijing the EVM chairs by R7, and the secretary needs no entrustment (R7)", arguments: ScratchDatabase.engines)
    func mayorAwayNeedsNoEntrustment(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let s = try office.session("lijing")
        try s.registerAbsence(person: "zhoulixin", from: day("2026-03-11"), to: day("2026-03-13"), kind: .trip, reason: "赴外省考察")
        let meeting = try s.scheduleMeeting(MeetingRequest(kind: .executive, start: at("2026-03-12T09:00"), chair: "chenhaifeng")).meeting
        #expect(meeting.chairLogin == "chenhaifeng")
    }
}
