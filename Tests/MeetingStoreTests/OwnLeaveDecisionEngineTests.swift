import HuiwuTestSupport
import MeetingKit
import MeetingStore
import Testing

/// Nobody records a decision on their own leave request: not the office director approving
/// "for the mayor", not a secretary approving "for the office director" (代录 is for others).
@Suite("No decision on one's own leave request on both engines")
struct OwnLeaveDecisionEngineTests {
    let office: TestOffice
    let meetingId: Int64

    init(_ engine: StoreEngine) throws {
        office = try TestOffice(engine)
        let admin = try office.session()
        meetingId = try admin.addMeeting(kind: .executive, start: AttendanceFixtures.at("2026-03-05T09:00")).id!
        try admin.inviteToMeeting(meetingId, person: "lijing")  // the office director sits in already
    }

    func expectRefusedOwnDecision(_ requester: String, for approver: String) throws {
        let request = try office.session(requester).requestLeave(meetingId: meetingId, reason: "外出开会")
        #expect(request.approverLogin == approver)
        let count = try office.auditCount()
        let content = try office.contentChecksum()
        let recorder = try office.session(requester, onBehalfOf: approver)
        for decide in [{ try recorder.approveLeave(request.id!) }, { try recorder.rejectLeave(request.id!, reason: "不批") }] {
            #expect { _ = try decide() } throws: { error in
                let refusal = error as? Refusal
                return refusal?.code == "leave.ownRequest" && refusal?.article == "R42"
                    && refusal?.message.en == "leave request #\(request.id!) is your own: nobody decides, or records the decision on, their own request"
            }
        }
        #expect(try office.session().leaveLine(request.id!).status == .pending)
        #expect(try office.contentChecksum() == content, "no record changed")
        #expect(try office.auditActions(since: count) == ["refused.leave.approve", "refused.leave.reject"], "each attempt is audited")
    }

    @Test("the office director cannot approve their own leave on the mayor's behalf (R42)", arguments: ScratchDatabase.engines)
    static func officeDirector(engine: StoreEngine) throws { try Self(engine).officeDirector() }
    func officeDirector() throws { try expectRefusedOwnDecision("yangwentao", for: "zhoulixin") }

    @Test("a secretary cannot approve their own leave on the office director's behalf (R42)", arguments: ScratchDatabase.engines)
    static func secretary(engine: StoreEngine) throws { try Self(engine).secretary() }
    func secretary() throws { try expectRefusedOwnDecision("lijing", for: "yangwentao") }

    @Test("another secretary may still record the office director's decision on a colleague's request", arguments: ScratchDatabase.engines)
    static func colleagueRecords(engine: StoreEngine) throws { try Self(engine).colleagueRecords() }
    func colleagueRecords() throws {
        let request = try office.session("lijing").requestLeave(meetingId: meetingId, reason: "外出开会")
        let approved = try office.session("zhangyuhang", onBehalfOf: "yangwentao").approveLeave(request.id!)
        #expect(approved.status == .approved)
        #expect(approved.decidedBy == "yangwentao")
        #expect(approved.decisionRecordedBy == "zhangyuhang")
    }
}
