import HuiwuTestSupport
import MeetingKit
import MeetingStore
import Testing

/// 代录: a secretary may record a leader's decision (`--on-behalf-of`), and the leader then
/// sees it on their home as "recorded for you", confirms it or disputes it; a dispute is
/// audited and goes to the government office.
@Suite("Decisions recorded on a leader's behalf (代录), on both engines")
struct OnBehalfTests {
    /// An office with an executive meeting, on one engine.
    struct Setup {
        let office: TestOffice
        let meetingId: Int64

        init(_ engine: StoreEngine) throws {
            office = try TestOffice(engine)
            meetingId = try office.session().addMeeting(kind: .executive, start: AttendanceFixtures.at("2026-03-05T09:00")).id!
        }

        /// A vice mayor's leave, approved by the secretary on the mayor's behalf (R42).
        func recordedApproval(_ vice: String = "wangxiaoyan") throws -> OnBehalfRecord {
            let request = try office.session(vice).requestLeave(meetingId: meetingId, reason: "赴外地调研")
            try office.session("lijing", onBehalfOf: "zhoulixin").approveLeave(request.id!)
            let lines = try office.session("zhoulixin").onBehalfRecords(status: .pending)
            return try #require(lines.first { $0.record.entityId == String(request.id!) }).record
        }
    }

    func refusal(_ body: () throws -> Void) -> Refusal? {
        do { try body() } catch let r as Refusal { return r } catch { Issue.record("unexpected \(error)") }
        return nil
    }

    @Test("a decision recorded for the mayor waits on his home until he confirms it", arguments: ScratchDatabase.engines)
    func leaderConfirms(engine: StoreEngine) throws {
        let setup = try Setup(engine)
        let office = setup.office
        let record = try setup.recordedApproval()
        #expect(record.leaderLogin == "zhoulixin")
        #expect(record.recorderLogin == "lijing")
        #expect(record.action == "leave.approve")
        let home = try office.session("zhoulixin").homeSnapshot()
        #expect(home.waiting.contains { $0.ref == .onBehalf(record.seq) && $0.what.zh == "代录待确认" })

        let confirmed = try office.session("zhoulixin").confirmOnBehalf(record.seq)
        #expect(confirmed.record.status == .confirmed)
        #expect(!(try office.session("zhoulixin").homeSnapshot().waiting.contains { $0.ref == .onBehalf(record.seq) }))
        #expect(try office.auditActions(since: try office.auditCount() - 1) == ["onBehalf.confirm"])
    }

    @Test("a dispute is audited and goes to the office, which acknowledges it when handled", arguments: ScratchDatabase.engines)
    func leaderDisputes(engine: StoreEngine) throws {
        let setup = try Setup(engine)
        let office = setup.office
        let record = try setup.recordedApproval()
        let disputed = try office.session("zhoulixin").disputeOnBehalf(record.seq, reason: "我没有批准这次请假")
        #expect(disputed.record.status == .disputed)
        #expect(disputed.record.note == "我没有批准这次请假")
        let events = try office.session().auditEvents(limit: 1)
        #expect(events.first?.action == "onBehalf.dispute")
        #expect(events.first?.actor == "zhoulixin")
        for login in ["yangwentao", "lijing"] {
            #expect(try office.session(login).homeSnapshot().waiting.contains { $0.ref == .onBehalf(record.seq) && $0.what.zh == "代录有异议" })
        }
        let handled = try office.session("yangwentao").acknowledgeOnBehalf(record.seq, note: "已撤销并重新报批")
        #expect(handled.record.status == .acknowledged)
        #expect(!(try office.session("yangwentao").homeSnapshot().waiting.contains { $0.ref == .onBehalf(record.seq) }))
    }

    @Test("only the leader, in person and once, answers; only the office handles a dispute", arguments: ScratchDatabase.engines)
    func whoAnswers(engine: StoreEngine) throws {
        let setup = try Setup(engine)
        let office = setup.office
        let record = try setup.recordedApproval()
        #expect(refusal { try office.session("lijing").confirmOnBehalf(record.seq) }?.code == "onBehalf.notYours")
        #expect(refusal { try office.session("lijing", onBehalfOf: "zhoulixin").confirmOnBehalf(record.seq) }?.code == "onBehalf.notYours")
        #expect(refusal { try office.session("xuwenbo").acknowledgeOnBehalf(record.seq, note: "x") }?.code == "onBehalf.notOffice")
        #expect(refusal { try office.session("yangwentao").acknowledgeOnBehalf(record.seq, note: "x") }?.code == "onBehalf.notDisputed")
        try office.session("zhoulixin").confirmOnBehalf(record.seq)
        #expect(refusal { try office.session("zhoulixin").disputeOnBehalf(record.seq, reason: "改主意") }?.code == "onBehalf.answered")
        // Someone else's records are not listed for a department head.
        #expect(try office.session("xuwenbo").onBehalfRecords().isEmpty)
        #expect(try office.session("yangwentao").onBehalfRecords().count == 1)
    }
}
