import HuiwuTestSupport
import MeetingKit
@testable import MeetingStore
import Testing

private func at(_ s: String) -> LocalDateTime { LocalDateTime(iso: s)! }
private func day(_ s: String) -> Day { Day(iso: s)! }

/// Absences from Beijing change with the trip (R65), the mayor's are reported to the
/// municipal government and hand the chair back when they end early (R7).
@Suite("Absences withdrawn, shortened, late and reported (R65, R7) on both engines")
struct AbsenceChangeEngineTests {
    @Test("withdrawing the mayor's absence gives the executive meeting's chair back to him (R7, R65)", arguments: ScratchDatabase.engines)
    func withdrawGivesTheChairBack(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let s = try office.session("lijing")
        let meeting = try s.addMeeting(kind: .executive, start: at("2026-03-12T09:00"))
        let registered = try s.registerAbsence(person: "zhoulixin", from: day("2026-03-11"), to: day("2026-03-13"), kind: .trip, reason: "赴外省考察")
        #expect(try s.meeting(meeting.id!).chairLogin == "chenhaifeng")
        let change = try s.withdrawAbsence(registered.absence.id!, reason: "行程取消")
        #expect(change.absence.withdrawnAt != nil && !change.absence.isRegistered)
        #expect(change.restoredMeetings.map(\.id) == [meeting.id])
        let back = try s.meeting(meeting.id!)
        #expect(back.chairLogin == "zhoulixin" && back.chairDelegation == nil)
        #expect(try s.conflicts(ofMeeting: meeting.id!).isEmpty)
    }

    @Test("shortening an absence frees the days it no longer covers (R7, R65)", arguments: ScratchDatabase.engines)
    func shorten(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let s = try office.session("lijing")
        let early = try s.addMeeting(kind: .executive, start: at("2026-03-11T09:00"))
        let late = try s.addMeeting(kind: .executive, start: at("2026-03-13T15:00"))
        let id = try s.registerAbsence(person: "zhoulixin", from: day("2026-03-10"), to: day("2026-03-13"), kind: .trip, reason: "考察").absence.id!
        #expect(throws: Refusal.self) { try s.shortenAbsence(id, from: day("2026-03-09"), to: day("2026-03-12")) }
        let change = try s.shortenAbsence(id, from: day("2026-03-10"), to: day("2026-03-12"))
        #expect(change.absence.toDay == day("2026-03-12") && change.restoredMeetings.map(\.id) == [late.id])
        #expect(try s.meeting(early.id!).chairLogin == "chenhaifeng")
    }

    @Test("an absence registered on or after its first day is flagged as not in advance (R65)", arguments: ScratchDatabase.engines)
    func notInAdvance(engine: StoreEngine) throws {
        let office = try TestOffice(engine, now: "2026-03-10T09:00")
        let s = try office.session("lijing")
        let late = try s.registerAbsence(person: "wangxiaoyan", from: day("2026-03-10"), to: day("2026-03-11"), kind: .trip, reason: "临时赴市里").absence
        #expect(!late.isInAdvance && late.remarks.contains { $0.zh == "非事先登记" })
        let ahead = try s.registerAbsence(person: "wangxiaoyan", from: day("2026-03-20"), to: day("2026-03-21"), kind: .trip, reason: "考察").absence
        #expect(ahead.isInAdvance)
    }

    @Test("the mayor's absence is reported to the municipal government, recorded once, and waits on the office until it is (R7)", arguments: ScratchDatabase.engines)
    func reportToTheCity(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let s = try office.session("lijing")
        let id = try s.registerAbsence(person: "zhoulixin", from: day("2026-03-11"), to: day("2026-03-13"), kind: .trip, reason: "考察").absence.id!
        #expect(try s.homeSnapshot().waiting.contains { $0.ref == .absence(id) })
        let reported = try s.reportAbsenceToMunicipality(id).absence
        #expect(reported.reportedBy == "lijing" && reported.reportedAt != nil)
        #expect(throws: Refusal.self) { try s.reportAbsenceToMunicipality(id) }
        #expect(try !s.homeSnapshot().waiting.contains { $0.ref == .absence(id) })
        let vm = try s.registerAbsence(person: "wangxiaoyan", from: day("2026-03-11"), to: day("2026-03-11"), kind: .trip, reason: "考察").absence.id!
        #expect(throws: Refusal.self) { try s.reportAbsenceToMunicipality(vm) }
    }

    @Test("R65's approvals apply to vice mayors and principal heads; other staff only register (R65)", arguments: ScratchDatabase.engines)
    func whoseAbsencesAreApproved(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let s = try office.session("lijing")
        let secretary = try s.registerAbsence(person: "zhangyuhang", from: day("2026-03-11"), to: day("2026-03-12"), kind: .leave, reason: "休假").absence
        #expect(secretary.status == .approved && !secretary.needsMayor && secretary.supervisorLogin == nil)
        let head = try s.registerAbsence(person: "xuwenbo", from: day("2026-03-11"), to: day("2026-03-12"), kind: .trip, reason: "考察").absence
        #expect(head.status == .pending && head.needsMayor && head.supervisorLogin == "wangxiaoyan")
        let vm = try s.registerAbsence(person: "wangxiaoyan", from: day("2026-03-11"), to: day("2026-03-12"), kind: .trip, reason: "考察").absence
        #expect(vm.status == .pending && vm.needsMayor && vm.supervisorLogin == nil)
    }
}
