import HuiwuTestSupport
import MeetingKit
import MeetingStore
import Testing

/// Two people edit the same record from what each read: the second edit, based on a stale
/// version, is refused with who changed the record and when, instead of overwriting it.
@Suite("Optimistic locking: an edit based on a stale version is refused, naming who changed the record on both engines")
struct RecordVersionEngineTests {
    func refusal(_ body: () throws -> Void) -> Refusal? {
        do { try body(); return nil } catch let r as Refusal { return r } catch { Issue.record("unexpected \(error)"); return nil }
    }

    /// Checks a stale refusal: the code, the message naming the changer and the time, and that
    /// nothing at all was written (stale edits are not audited: nobody broke a rule).
    func expectStale(_ office: TestOffice, by changer: String, at time: String, versions: (read: Int, now: Int),
                     sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void) throws {
        let events = try office.auditCount()
        let content = try office.contentChecksum()
        let r = refusal(body)
        #expect(r?.code == RecordVersion.staleCode, sourceLocation: sourceLocation)
        #expect(r?.kind == .conflict, sourceLocation: sourceLocation)
        #expect(r?.message.en.contains("was changed by \(changer) at \(time) (you read version \(versions.read), it is now \(versions.now)); reload") == true,
                "\(r?.message.en ?? "")", sourceLocation: sourceLocation)
        #expect(r?.message.zh.contains("请重新加载") == true, sourceLocation: sourceLocation)
        #expect(try office.auditCount() == events, sourceLocation: sourceLocation)
        #expect(try office.contentChecksum() == content, sourceLocation: sourceLocation)
    }

    @Test("the content checksum behind expectStale sees a change on either engine", arguments: ScratchDatabase.engines)
    func checksumSeesChanges(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let before = try office.contentChecksum()
        #expect(try office.contentChecksum() == before)
        try office.session("lijing").addItem(title: "关于校园安全的议题", lead: "JW")
        #expect(try office.contentChecksum() != before)
    }

    @Test("meetings: a move based on a stale version is refused; after reloading, the cancel goes through", arguments: ScratchDatabase.engines)
    func meetings(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let meeting = try office.session("lijing").addMeeting(kind: .executive, start: LocalDateTime(iso: "2026-03-12T09:00")!)
        let id = meeting.id!
        let read = try office.session("zhangyuhang").meeting(id)
        let moved = try office.session("lijing", now: "2026-03-02T10:15")
            .moveMeeting(id, to: LocalDateTime(iso: "2026-03-13T09:00")!, reason: "区长出席市里会议", expectedVersion: read.version)
        #expect(moved.meeting.version == read.version + 1)
        let other = try office.session("zhangyuhang", now: "2026-03-02T10:20")
        try expectStale(office, by: "李静 (lijing)", at: "2026-03-02 10:15", versions: (read.version, read.version + 1)) {
            _ = try other.moveMeeting(id, to: LocalDateTime(iso: "2026-03-19T09:00")!, expectedVersion: read.version)
        }
        try expectStale(office, by: "李静 (lijing)", at: "2026-03-02 10:15", versions: (read.version, read.version + 1)) {
            _ = try other.cancelMeeting(id, reason: "不开了", expectedVersion: read.version)
        }
        #expect(try other.meeting(id).start == LocalDateTime(iso: "2026-03-13T09:00")!)
        let reloaded = try other.meeting(id)
        let cancelled = try other.cancelMeeting(id, reason: "改为全体会议", expectedVersion: reloaded.version)
        #expect(cancelled.status == .cancelled && cancelled.version == reloaded.version + 1)
    }

    @Test("meetings: approval (R61) and notices state the version they read too", arguments: ScratchDatabase.engines)
    func meetingApprovalAndNotice(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let vm = try office.session("wangxiaoyan")
        let m = try vm.scheduleMeeting(MeetingRequest(kind: .topical, start: LocalDateTime(iso: "2026-03-10T14:00")!, departments: ["JW"])).meeting
        let id = m.id!
        try office.session("lijing", onBehalfOf: "zhoulixin", now: "2026-03-02T09:30").approveMeeting(id, expectedVersion: m.version)
        try expectStale(office, by: "李静 (lijing)", at: "2026-03-02 09:30", versions: (m.version, m.version + 1)) {
            _ = try office.session("zhoulixin").approveMeeting(id, expectedVersion: m.version)
        }
        try expectStale(office, by: "李静 (lijing)", at: "2026-03-02 09:30", versions: (m.version, m.version + 1)) {
            _ = try vm.notifyMeeting(id, expectedVersion: m.version)
        }
        #expect(try vm.notifyMeeting(id, expectedVersion: m.version + 1).status == .notified)
    }

    @Test("agenda items: every transition refuses a stale version, then goes through with the current one", arguments: ScratchDatabase.engines)
    func everyItemTransition(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let meeting = try office.session().addMeeting(kind: .executive, start: LocalDateTime(iso: "2026-03-02T08:00")!)
        let next = try office.session().addMeeting(kind: .executive, start: LocalDateTime(iso: "2026-03-02T08:30")!)
        // Outcomes are the held meeting's (R5, R18): the meeting is held before the step that records one.
        let holdFirst: [Int: Meeting] = [14: meeting, 16: next]
        let secretary = try office.session("lijing")
        let id = try secretary.addItem(title: "关于学前教育资源布局的议题", lead: "JW", related: ["WJW", "MZJ"], normative: true, category: 2).id!
        let withdrawn = try secretary.addItem(title: "关于撤回的议题", lead: "JW").id!
        // Each step: who takes it, and the call with the version it read.
        let steps: [(String, Int64, (Session, Int) throws -> Void)] = [
            ("xuwenbo", id, { try $0.submitItem(id, expectedVersion: $1) }),
            ("handongmei", id, { try $0.giveOpinion(id, department: "WJW", stance: .disagree, reason: "经费来源不明", expectedVersion: $1) }),
            ("fengguoqing", id, { try $0.giveOpinion(id, department: "MZJ", stance: .agree, expectedVersion: $1) }),
            ("wangxiaoyan", id, { try $0.coordinateItem(id, .resolved, note: "已协调一致", expectedVersion: $1) }),
            ("lijing", id, { try $0.confirmPrecondition(id, .legalOfficeReview, note: "西法审〔2026〕3号", expectedVersion: $1) }),
            ("lijing", id, { try $0.confirmPrecondition(id, .departmentLegality, expectedVersion: $1) }),
            ("lijing", id, { try $0.confirmPrecondition(id, .publicParticipation, expectedVersion: $1) }),
            ("lijing", id, { try $0.confirmPrecondition(id, .expertReview, expectedVersion: $1) }),
            ("lijing", id, { try $0.confirmPrecondition(id, .riskAssessment, expectedVersion: $1) }),
            ("wangxiaoyan", id, { try $0.approveItem(id, expectedVersion: $1) }),
            ("yangwentao", id, { try $0.acceptItem(id, expectedVersion: $1) }),
            ("lijing", id, { try $0.scheduleItem(id, meeting: meeting.id!, plannedMinutes: 20, expectedVersion: $1) }),
            ("lijing", id, { try $0.unscheduleItem(id, reason: "议程调整", expectedVersion: $1) }),
            ("lijing", id, { try $0.scheduleItem(id, meeting: meeting.id!, plannedMinutes: 20, expectedVersion: $1) }),
            ("lijing", id, { try $0.deferItem(id, reason: "补充材料", expectedVersion: $1) }),
            ("lijing", id, { try $0.scheduleItem(id, meeting: next.id!, plannedMinutes: 20, expectedVersion: $1) }),
            ("lijing", id, { try $0.decideItem(id, text: "原则同意", expectedVersion: $1) }),
            ("xuwenbo", withdrawn, { try $0.withdrawItem(withdrawn, reason: "主办部门撤回", expectedVersion: $1) }),
        ]
        for (index, (login, item, step)) in steps.enumerated() {
            if let meeting = holdFirst[index] { try office.session("lijing").holdMeeting(meeting.id!) }
            let session = try office.session(login)
            let current = try session.itemDossier(item).item.version
            let events = try office.auditCount()
            let r = refusal { try step(session, current - 1) }
            #expect(r?.code == RecordVersion.staleCode, "\(login) on #\(item): \(r?.code ?? "accepted")")
            #expect(r?.message.en.contains("item #\(item) was changed by") == true)
            #expect(try office.auditCount() == events)
            try step(session, current)
            #expect(try session.itemDossier(item).item.version == current + 1)
        }
        #expect(try secretary.itemDossier(id).item.state == .decided)
    }

    @Test("leave: the mayor's rejection based on what he read is refused once a secretary recorded his approval (R42)", arguments: ScratchDatabase.engines)
    func leave(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let meetingId = try office.session().addMeeting(kind: .executive, start: LocalDateTime(iso: "2026-03-05T09:00")!).id!
        let request = try office.session("wangxiaoyan").requestLeave(meetingId: meetingId, reason: "赴外地调研")
        let mayor = try office.session("zhoulixin")
        let read = try mayor.leaveLine(request.id!)
        #expect(read.version == request.version)
        try office.session("lijing", onBehalfOf: "zhoulixin", now: "2026-03-02T11:05").approveLeave(request.id!, expectedVersion: read.version)
        try expectStale(office, by: "李静 (lijing)", at: "2026-03-02 11:05", versions: (read.version, read.version + 1)) {
            _ = try mayor.rejectLeave(request.id!, reason: "须到会", expectedVersion: read.version)
        }
        #expect(try mayor.leaveLine(request.id!).status == .approved)
    }

    @Test("minutes: two windows editing the body: the second save, based on the old text, is refused and the first kept", arguments: ScratchDatabase.engines)
    func minutesBody(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let meeting = try MinutesFixtures.heldMeeting(office)
        let secretary = try office.session("lijing")
        let draft = try secretary.draftMinutes(meetingId: meeting.id!)
        let first = try office.session("lijing", now: "2026-03-02T14:40")
        let saved = try first.editMinutes(draft.id!, body: draft.body + "\n一、补充第一条。", expectedVersion: draft.version)
        #expect(saved.version == draft.version + 1)
        try expectStale(office, by: "李静 (lijing)", at: "2026-03-02 14:40", versions: (draft.version, draft.version + 1)) {
            _ = try secretary.editMinutes(draft.id!, body: draft.body + "\n一、另一窗口的修改。", expectedVersion: draft.version)
        }
        try expectStale(office, by: "李静 (lijing)", at: "2026-03-02 14:40", versions: (draft.version, draft.version + 1)) {
            _ = try secretary.setMinutesAttributes(draft.id!, disclosure: .public, reason: nil, classification: nil, expectedVersion: draft.version)
        }
        #expect(try secretary.minutesDetail(draft.id!).minutes.body == saved.body)
    }

    @Test("the changer named is the last one who changed the record, not someone whose attempt was refused", arguments: ScratchDatabase.engines)
    func refusalsAreNotChanges(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let meetingId = try office.session().addMeeting(kind: .executive, start: LocalDateTime(iso: "2026-03-05T09:00")!).id!
        let request = try office.session("xuwenbo").requestLeave(meetingId: meetingId, reason: "市教委会议")
        try office.session("yangwentao", now: "2026-03-02T09:40").approveLeave(request.id!)
        // A refused (and audited) attempt comes after the change.
        #expect(refusal { try office.session("zhaojianguo", now: "2026-03-02T09:50").rejectLeave(request.id!, reason: "x") }?.article == "R42")
        #expect(try office.auditActions(since: office.auditCount() - 1) == ["refused.leave.reject"])
        try expectStale(office, by: "杨文涛 (yangwentao)", at: "2026-03-02 09:40", versions: (1, 2)) {
            _ = try office.session("yangwentao").rejectLeave(request.id!, reason: "须到会", expectedVersion: 1)
        }
    }
}
