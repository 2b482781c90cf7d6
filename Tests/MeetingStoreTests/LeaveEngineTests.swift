import Testing
import MeetingKit
import MeetingStore
import HuiwuTestSupport

/// R42: leave is asked in advance of the approver the rules name.
@Suite("Leave requests (R42) on both engines")
struct LeaveEngineTests {
    let office: TestOffice
    /// An executive meeting on Thursday 2026-03-05 09:00 (the clock says Monday 2026-03-02 09:00).
    let meetingId: Int64

    init(_ engine: StoreEngine) throws {
        office = try TestOffice(engine)
        meetingId = try office.session().addMeeting(kind: .executive, start: AttendanceFixtures.at("2026-03-05T09:00")).id!
    }

    func refusal(_ body: () throws -> Void) -> Refusal? {
        do { try body() } catch let r as Refusal { return r } catch { Issue.record("unexpected \(error)") }
        return nil
    }

    @Test("a vice mayor's request is approvable only by the mayor (R42)", arguments: ScratchDatabase.engines)
    static func viceMayorAsksTheMayor(engine: StoreEngine) throws { try Self(engine).viceMayorAsksTheMayor() }
    func viceMayorAsksTheMayor() throws {
        let request = try office.session("wangxiaoyan").requestLeave(meetingId: meetingId, reason: "赴外地调研")
        #expect(request.approverLogin == "zhoulixin")
        #expect(request.status == .pending)
        let count = try office.auditCount()
        for other in ["yangwentao", "chenhaifeng", "lijing", "xuwenbo"] {
            let r = refusal { try office.session(other).approveLeave(request.id!) }
            #expect(r?.article == "R42", "\(other)")
            #expect(r?.code == "leave.wrongApprover")
            #expect(r?.text(.en).hasPrefix("R42: leave of the vice mayor 王晓燕 is approved by the mayor 周立新") == true)
        }
        // The request is unchanged; each refused approval is audited (docs/reliability.md).
        #expect(try office.auditActions(since: count) == Array(repeating: "refused.leave.approve", count: 4))
        #expect(try office.session().leaveLine(request.id!).status == .pending)
        #expect(try office.store.snapshot { try LeaveRepository.request($0, id: request.id!) } == request)
        let approved = try office.session("zhoulixin").approveLeave(request.id!)
        #expect(approved.status == .approved)
        #expect(approved.decidedBy == "zhoulixin")
        #expect(approved.decidedAt == LocalDateTime(iso: "2026-03-02T09:00"))
        #expect(try office.auditActions(since: count).last == "leave.approve")
        #expect(try office.auditCount() == count + 5)
    }

    @Test("the executive vice mayor asks the mayor too (R42)", arguments: ScratchDatabase.engines)
    static func executiveViceMayor(engine: StoreEngine) throws { try Self(engine).executiveViceMayor() }
    func executiveViceMayor() throws {
        let request = try office.session("chenhaifeng").requestLeave(meetingId: meetingId, reason: "出差")
        #expect(request.approverLogin == "zhoulixin")
        #expect(refusal { try office.session("yangwentao").approveLeave(request.id!) }?.article == "R42")
    }

    @Test("a department head's and a street director's requests are approvable only by the office director (R42)", arguments: ScratchDatabase.engines)
    static func othersAskTheOfficeDirector(engine: StoreEngine) throws { try Self(engine).othersAskTheOfficeDirector() }
    func othersAskTheOfficeDirector() throws {
        let head = try office.session("xuwenbo").requestLeave(meetingId: meetingId, reason: "市教委会议")
        let street = try office.session("fangweiguo").requestLeave(meetingId: meetingId, reason: "街道应急值守")
        #expect(head.approverLogin == "yangwentao")
        #expect(street.approverLogin == "yangwentao")
        let count = try office.auditCount()
        for other in ["zhoulixin", "wangxiaoyan", "zhaojianguo", "lijing", "handongmei"] {
            for id in [head.id!, street.id!] {
                let r = refusal { try office.session(other).rejectLeave(id, reason: "不同意") }
                #expect(r?.article == "R42", "\(other)")
                #expect(r?.text(.zh).contains("区政府办公室主任杨文涛审批") == true)
            }
        }
        // Both requests are unchanged; each refused decision is audited (docs/reliability.md).
        #expect(try office.auditActions(since: count) == Array(repeating: "refused.leave.reject", count: 10))
        #expect(try office.store.snapshot { try LeaveRepository.request($0, id: head.id!) } == head)
        #expect(try office.store.snapshot { try LeaveRepository.request($0, id: street.id!) } == street)
        #expect(try office.session("yangwentao").approveLeave(head.id!).status == .approved)
        #expect(try office.session("yangwentao").rejectLeave(street.id!, reason: "须到会").status == .rejected)
    }

    @Test("the mayor never files leave: the chair is delegated instead (R42, R39)", arguments: ScratchDatabase.engines)
    static func mayorDoesNotFile(engine: StoreEngine) throws { try Self(engine).mayorDoesNotFile() }
    func mayorDoesNotFile() throws {
        let count = try office.auditCount()
        for session in [try office.session("zhoulixin"), try office.session("lijing")] {
            let r = refusal { try session.requestLeave(meetingId: meetingId, person: "zhoulixin", reason: "出访") }
            #expect(r?.code == "leave.mayorDelegates")
            #expect(r?.article == "R42")
            #expect(r?.text(.en).contains("chair is delegated") == true)
        }
        #expect(try office.auditCount() == count)
    }

    @Test("a secretary files for someone and records the approver's decision, with both names kept", arguments: ScratchDatabase.engines)
    static func secretaryOnBehalf(engine: StoreEngine) throws { try Self(engine).secretaryOnBehalf() }
    func secretaryOnBehalf() throws {
        let request = try office.session("lijing").requestLeave(meetingId: meetingId, person: "xuwenbo", reason: "市教委会议")
        #expect(request.filedBy == "lijing")
        #expect(request.personLogin == "xuwenbo")
        let hint = refusal { try office.session("lijing").approveLeave(request.id!) }
        #expect(hint?.text(.en).contains("--on-behalf-of yangwentao") == true)
        let decided = try office.session("lijing", onBehalfOf: "yangwentao").approveLeave(request.id!)
        #expect(decided.decidedBy == "yangwentao")
        #expect(decided.decisionRecordedBy == "lijing")
        let event = try office.session().auditEvents(limit: 1).first!
        #expect(event.action == "leave.approve")
        #expect(event.actor == "lijing")
        #expect(event.onBehalfOf == "yangwentao")
        // Filing with --on-behalf-of: the request is the leader's, entered by the secretary.
        let filed = try office.session("lijing", onBehalfOf: "handongmei").requestLeave(meetingId: meetingId, reason: "市卫健委会议")
        #expect(filed.personLogin == "handongmei" && filed.filedBy == "lijing")
        let filedEvent = try office.session().auditEvents(limit: 1).first!
        #expect(filedEvent.action == "leave.request" && filedEvent.actor == "lijing" && filedEvent.onBehalfOf == "handongmei")
        // A secretary recording for the wrong leader is refused like that leader.
        let other = try office.session("lijing").requestLeave(meetingId: meetingId, person: "wangxiaoyan", reason: "调研")
        #expect(refusal { try office.session("lijing", onBehalfOf: "yangwentao").approveLeave(other.id!) }?.article == "R42")
    }

    @Test("only office staff file leave for someone else", arguments: ScratchDatabase.engines)
    static func fileForOthers(engine: StoreEngine) throws { try Self(engine).fileForOthers() }
    func fileForOthers() throws {
        let count = try office.auditCount()
        #expect(refusal { try office.session("xuwenbo").requestLeave(meetingId: meetingId, person: "handongmei", reason: "x") }?.code == "leave.fileForOther")
        #expect(try office.auditCount() == count)
    }

    @Test("a request after the start is refused unless the approver overrides with a reason, which is audited (R42)", arguments: ScratchDatabase.engines)
    static func notInAdvance(engine: StoreEngine) throws { try Self(engine).notInAdvance() }
    func notInAdvance() throws {
        let late = "2026-03-05T09:30"
        let count = try office.auditCount()
        let plain = refusal { try office.session("xuwenbo", now: late).requestLeave(meetingId: meetingId, reason: "临时急事") }
        #expect(plain?.code == "leave.notInAdvance")
        #expect(plain?.article == "R42")
        #expect(plain?.text(.en).contains("--override") == true)
        let selfOverride = refusal {
            try office.session("xuwenbo", now: late).requestLeave(meetingId: meetingId, reason: "临时急事", override: "我说可以")
        }
        #expect(selfOverride?.code == "leave.overrideNotApprover")
        let wrongApprover = refusal {
            try office.session("lijing", now: late).requestLeave(meetingId: meetingId, person: "xuwenbo", reason: "临时急事", override: "同意")
        }
        #expect(wrongApprover?.code == "leave.overrideNotApprover")
        #expect(wrongApprover?.article == "R42")
        #expect(try office.auditCount() == count)

        let accepted = try office.session("yangwentao", now: late)
            .requestLeave(meetingId: meetingId, person: "xuwenbo", reason: "临时急事", override: "会前已电话报告")
        #expect(accepted.overrideReason == "会前已电话报告")
        #expect(accepted.overrideBy == "yangwentao")
        #expect(accepted.status == .pending)
        let events = try office.session().auditEvents(limit: 2)
        #expect(events.map(\.action) == ["leave.override", "leave.request"])
        #expect(events[0].after.contains("会前已电话报告"))
        #expect(events[0].actor == "yangwentao")

        // A secretary may record the approver's override too.
        let viaSecretary = try office.session("lijing", onBehalfOf: "yangwentao", now: late)
            .requestLeave(meetingId: meetingId, person: "handongmei", reason: "突发公务", override: "情况紧急")
        #expect(viaSecretary.overrideBy == "yangwentao")
        #expect(viaSecretary.filedBy == "lijing")
    }

    @Test("an override on a request made in advance is refused as not needed", arguments: ScratchDatabase.engines)
    static func overrideNotNeeded(engine: StoreEngine) throws { try Self(engine).overrideNotNeeded() }
    func overrideNotNeeded() throws {
        let r = refusal { try office.session("yangwentao").requestLeave(meetingId: meetingId, person: "xuwenbo", reason: "x", override: "y") }
        #expect(r?.code == "leave.overrideNotNeeded")
    }

    @Test("one open request per person and meeting; a rejected one may be asked again", arguments: ScratchDatabase.engines)
    static func duplicates(engine: StoreEngine) throws { try Self(engine).duplicates() }
    func duplicates() throws {
        let first = try office.session("xuwenbo").requestLeave(meetingId: meetingId, reason: "市教委会议")
        #expect(refusal { try office.session("xuwenbo").requestLeave(meetingId: meetingId, reason: "again") }?.code == "leave.duplicate")
        try office.session("yangwentao").rejectLeave(first.id!, reason: "须到会")
        #expect(refusal { try office.session("yangwentao").approveLeave(first.id!) }?.code == "leave.alreadyDecided")
        let second = try office.session("xuwenbo").requestLeave(meetingId: meetingId, reason: "确有急事")
        #expect(second.id != first.id)
        #expect(try office.session().leaveRequests(meetingId: meetingId).map(\.status) == [.rejected, .pending])
    }

    @Test("bad input gets a specific message and writes nothing", arguments: ScratchDatabase.engines)
    static func badInput(engine: StoreEngine) throws { try Self(engine).badInput() }
    func badInput() throws {
        let s = try office.session("xuwenbo")
        let count = try office.auditCount()
        #expect(refusal { try s.requestLeave(meetingId: meetingId, reason: "   ") }?.code == "input.empty")
        #expect(refusal { try s.requestLeave(meetingId: meetingId, reason: String(repeating: "长", count: 2_001)) }?.code == "input.tooLong")
        #expect(refusal { try s.requestLeave(meetingId: meetingId, reason: "a\u{1B}[31mred") }?.code == "input.controlCharacters")
        #expect(refusal { try s.requestLeave(meetingId: 999, reason: "x") }?.code == "meeting.unknown")
        #expect(refusal { try office.session("lijing").requestLeave(meetingId: meetingId, person: "nobody", reason: "x") }?.code == "identity.unknownPerson")
        #expect(refusal { try office.session("lijing").requestLeave(meetingId: meetingId, reason: "x") }?.code == "leave.notOnRoster")
        #expect(refusal { try s.requestLeave(meetingId: meetingId, reason: "x", substitute: "xuwenbo") }?.code == "leave.substituteSelf")
        #expect(refusal { try s.requestLeave(meetingId: meetingId, reason: "x", substitute: "handongmei") }?.code == "leave.substituteOnRoster")
        #expect(refusal { try s.requestLeave(meetingId: meetingId, reason: "x", substitute: "ghost") }?.code == "identity.unknownPerson")
        #expect(refusal { try office.session("yangwentao").rejectLeave(42, reason: "x") }?.code == "leave.unknown")
        let request = try s.requestLeave(meetingId: meetingId, reason: "x")
        #expect(refusal { try office.session("yangwentao").rejectLeave(request.id!, reason: "") }?.code == "input.empty")
        #expect(try office.auditCount() == count + 1)
    }

    @Test("a registered absence from Beijing pre-fills pending requests for overlapping meetings, once (R65)", arguments: ScratchDatabase.engines)
    static func prefillFromAbsence(engine: StoreEngine) throws { try Self(engine).prefillFromAbsence() }
    func prefillFromAbsence() throws {
        let admin = try office.session()
        let later = try admin.addMeeting(kind: .executive, start: AttendanceFixtures.at("2026-03-06T15:00")).id!
        let outside = try admin.addMeeting(kind: .executive, start: AttendanceFixtures.at("2026-03-19T09:00")).id!
        let topical = try admin.addMeeting(kind: .topical, start: AttendanceFixtures.at("2026-03-05T14:00"), chair: "wangxiaoyan").id!
        let secretary = try office.session("lijing")
        let created = try secretary.prefillLeave(forAbsenceOf: "xuwenbo", from: Day(iso: "2026-03-04")!, to: Day(iso: "2026-03-06")!,
                                                 reason: "赴上海出差（离京报备）")
        #expect(created.map(\.meetingId) == [meetingId, later])
        #expect(created.allSatisfy { $0.status == .pending && $0.source == .absence && $0.approverLogin == "yangwentao" && $0.filedBy == "lijing" })
        #expect(!created.contains { $0.meetingId == outside || $0.meetingId == topical })
        let count = try office.auditCount()
        #expect(try secretary.prefillLeave(forAbsenceOf: "xuwenbo", from: Day(iso: "2026-03-01")!, to: Day(iso: "2026-03-31")!, reason: "再次登记").map(\.meetingId) == [outside])
        #expect(try office.auditCount() == count + 1)
        // A pre-filled request the approver rejected is not filed again.
        try office.session("yangwentao").rejectLeave(created[0].id!, reason: "须到会")
        #expect(try secretary.prefillLeave(forAbsenceOf: "xuwenbo", from: Day(iso: "2026-03-04")!, to: Day(iso: "2026-03-06")!, reason: "x").isEmpty)
        // The mayor files no leave: the chair is delegated instead (R7).
        #expect(try secretary.prefillLeave(forAbsenceOf: "zhoulixin", from: Day(iso: "2026-03-01")!, to: Day(iso: "2026-03-31")!, reason: "出访").isEmpty)
        // Meetings that have started are not pre-filled.
        let started = try office.session("lijing", now: "2026-03-05T10:00")
            .prefillLeave(forAbsenceOf: "handongmei", from: Day(iso: "2026-03-05")!, to: Day(iso: "2026-03-06")!, reason: "出差")
        #expect(started.map(\.meetingId) == [later])
    }

    @Test("leave list carries the status and the approver's login", arguments: ScratchDatabase.engines)
    static func listing(engine: StoreEngine) throws { try Self(engine).listing() }
    func listing() throws {
        let a = try office.session("wangxiaoyan").requestLeave(meetingId: meetingId, reason: "调研")
        _ = try office.session("xuwenbo").requestLeave(meetingId: meetingId, reason: "会议")
        try office.session("zhoulixin").approveLeave(a.id!)
        let all = try office.session().leaveRequests(meetingId: meetingId)
        #expect(all.map(\.approver) == ["zhoulixin", "yangwentao"])
        #expect(all.map(\.status) == [.approved, .pending])
        #expect(try office.session().leaveRequests(status: .pending).map(\.person) == ["xuwenbo"])
    }

    @Test("approvers find pending requests waiting for them; the queue shows only theirs", arguments: ScratchDatabase.engines)
    static func waiting(engine: StoreEngine) throws { try Self(engine).waiting() }
    func waiting() throws {
        let vm = try office.session("wangxiaoyan").requestLeave(meetingId: meetingId, reason: "调研")
        let head = try office.session("xuwenbo").requestLeave(meetingId: meetingId, reason: "会议")
        let director = try office.session("yangwentao")
        #expect(try director.homeSnapshot().waiting.map(\.ref) == [.leave(head.id!)])
        #expect(try director.leaveQueue().map(\.id) == [head.id!])
        #expect(try office.session("zhoulixin").leaveQueue().map(\.id) == [vm.id!])
        #expect(try office.session("lijing").leaveQueue().map(\.id) == [vm.id!, head.id!])
        #expect(try office.session("lijing", onBehalfOf: "zhoulixin").leaveQueue().map(\.id) == [vm.id!])
        #expect(try office.session("xuwenbo").homeSnapshot().waiting.isEmpty)
        try director.approveLeave(head.id!)
        #expect(try director.homeSnapshot().waiting.isEmpty)
    }

    @Test("a request waits for the approver R42 names today: a department head promoted to vice mayor asks the mayor",
          arguments: ScratchDatabase.engines)
    static func approverFollowsTheOrgChart(engine: StoreEngine) throws { try Self(engine).approverFollowsTheOrgChart() }
    func approverFollowsTheOrgChart() throws {
        let head = try office.session("xuwenbo").requestLeave(meetingId: meetingId, reason: "会议")
        #expect(try office.session("yangwentao").homeSnapshot().waiting.map(\.ref) == [.leave(head.id!)])
        try office.session().editPerson("xuwenbo", expectedVersion: nil) { $0.role = .viceMayor; $0.departmentCode = nil }
        #expect(try office.session("yangwentao").homeSnapshot().waiting.isEmpty)
        #expect(try office.session("zhoulixin").homeSnapshot().waiting.map(\.ref).contains(.leave(head.id!)))
        #expect(try office.session("zhoulixin").leaveQueue().map(\.id) == [head.id!])
    }
}
