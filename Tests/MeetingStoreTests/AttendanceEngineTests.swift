import Testing
import MeetingKit
import MeetingStore
import HuiwuTestSupport

@Suite("Sign-in and the roster's status column on both engines")
struct AttendanceEngineTests {
    let office: TestOffice
    let meetingId: Int64
    /// A secretary at the door on the meeting's day.
    let door: Session

    init(_ engine: StoreEngine) throws {
        office = try TestOffice(engine)
        meetingId = try office.session().addMeeting(kind: .executive, start: AttendanceFixtures.at("2026-03-05T09:00")).id!
        door = try office.session("lijing", now: "2026-03-05T09:05")
    }

    func refusal(_ body: () throws -> Void) -> Refusal? {
        do { try body() } catch let r as Refusal { return r } catch { Issue.record("unexpected \(error)") }
        return nil
    }

    func line(_ login: String, _ roster: Roster) -> Roster.Line { roster.lines.first { $0.person == login }! }

    @Test("approved leave shows as leave before the meeting, with the substitute listed", arguments: ScratchDatabase.engines)
    static func leaveBeforeTheMeeting(engine: StoreEngine) throws { try Self(engine).leaveBeforeTheMeeting() }
    func leaveBeforeTheMeeting() throws {
        let request = try office.session("xuwenbo").requestLeave(meetingId: meetingId, reason: "市教委会议", substitute: "zhangyuhang")
        var roster = try office.session().roster(meetingId: meetingId)
        #expect(line("xuwenbo", roster).status == nil)
        #expect(line("xuwenbo", roster).leaveStatus == .pending)
        try office.session("yangwentao").approveLeave(request.id!)
        roster = try office.session().roster(meetingId: meetingId)
        let x = line("xuwenbo", roster)
        #expect(x.status == .leave)
        #expect(!x.marked)
        #expect(x.substitute == "zhangyuhang")
        #expect(x.substituteName == "张宇航")
        #expect(line("handongmei", roster).status == nil)
    }

    @Test("one mark per status; the approved leave's substitute is the default", arguments: ScratchDatabase.engines)
    static func marks(engine: StoreEngine) throws { try Self(engine).marks() }
    func marks() throws {
        let request = try office.session("xuwenbo").requestLeave(meetingId: meetingId, reason: "市教委会议", substitute: "zhangyuhang")
        try office.session("yangwentao").approveLeave(request.id!)
        let wang = try office.session("wangxiaoyan").requestLeave(meetingId: meetingId, reason: "调研")
        try office.session("zhoulixin").approveLeave(wang.id!)
        try door.markAttendance(meetingId: meetingId, person: "zhoulixin", status: .present)
        try door.markAttendance(meetingId: meetingId, person: "chenhaifeng", status: .late, lateMinutes: 15)
        try door.markAttendance(meetingId: meetingId, person: "handongmei", status: .absent)
        try door.markAttendance(meetingId: meetingId, person: "wangxiaoyan", status: .leave)
        let sub = try door.markAttendance(meetingId: meetingId, person: "xuwenbo", status: .substitute)
        #expect(sub.substituteLogin == "zhangyuhang")
        let roster = try door.roster(meetingId: meetingId)
        #expect(line("zhoulixin", roster).status == .present)
        #expect(line("chenhaifeng", roster).lateMinutes == 15)
        #expect(line("handongmei", roster).absentWithoutLeave)
        #expect(!line("wangxiaoyan", roster).absentWithoutLeave)
        #expect(line("wangxiaoyan", roster).marked)
        #expect(line("xuwenbo", roster).substitute == "zhangyuhang")
        #expect(roster.markedCount == 5)
        let event = try door.auditEvents(limit: 1).first!
        #expect(event.action == "attendance.mark")
        #expect(event.actor == "lijing")
    }

    @Test("correcting a mark updates it and keeps the old value in the audit log", arguments: ScratchDatabase.engines)
    static func correction(engine: StoreEngine) throws { try Self(engine).correction() }
    func correction() throws {
        try door.markAttendance(meetingId: meetingId, person: "handongmei", status: .absent)
        let corrected = try door.markAttendance(meetingId: meetingId, person: "handongmei", status: .late, lateMinutes: 20)
        #expect(corrected.version == 2)
        let event = try door.auditEvents(limit: 1).first!
        #expect(event.before.contains("\"absent\""))
        #expect(event.after.contains("\"late\""))
        #expect(try door.roster(meetingId: meetingId).lines.filter(\.marked).count == 1)
    }

    @Test("leave without approval is refused (R42); bad marks get specific messages and write nothing", arguments: ScratchDatabase.engines)
    static func refusals(engine: StoreEngine) throws { try Self(engine).refusals() }
    func refusals() throws {
        let count = try office.auditCount()
        let noLeave = refusal { try door.markAttendance(meetingId: meetingId, person: "handongmei", status: .leave) }
        #expect(noLeave?.code == "attendance.noApprovedLeave")
        #expect(noLeave?.article == "R42")
        _ = try office.session("handongmei").requestLeave(meetingId: meetingId, reason: "x")
        let countAfterRequest = try office.auditCount()
        #expect(refusal { try door.markAttendance(meetingId: meetingId, person: "handongmei", status: .leave) }?.code == "attendance.noApprovedLeave")
        #expect(refusal { try door.markAttendance(meetingId: meetingId, person: "xuwenbo", status: .late) }?.code == "attendance.lateMinutesMissing")
        #expect(refusal { try door.markAttendance(meetingId: meetingId, person: "xuwenbo", status: .late, lateMinutes: 0) }?.code == "attendance.badLateMinutes")
        #expect(refusal { try door.markAttendance(meetingId: meetingId, person: "xuwenbo", status: .present, lateMinutes: 5) }?.code == "attendance.lateMinutesUnexpected")
        #expect(refusal { try door.markAttendance(meetingId: meetingId, person: "xuwenbo", status: .substitute) }?.code == "attendance.substituteMissing")
        #expect(refusal { try door.markAttendance(meetingId: meetingId, person: "xuwenbo", status: .substitute, substitute: "xuwenbo") }?.code == "attendance.substituteSelf")
        #expect(refusal { try door.markAttendance(meetingId: meetingId, person: "xuwenbo", status: .present, substitute: "lijing") }?.code == "attendance.substituteUnexpected")
        #expect(refusal { try door.markAttendance(meetingId: meetingId, person: "lijing", status: .present) }?.code == "attendance.notOnRoster")
        #expect(refusal { try door.markAttendance(meetingId: meetingId, person: "ghost", status: .present) }?.code == "identity.unknownPerson")
        #expect(refusal { try door.markAttendance(meetingId: 404, person: "xuwenbo", status: .present) }?.code == "meeting.unknown")
        #expect(refusal { try office.session("xuwenbo", now: "2026-03-05T09:05").markAttendance(meetingId: meetingId, person: "xuwenbo", status: .present) }?.code == "attendance.notOfficeStaff")
        #expect(refusal { try office.session("lijing").markAttendance(meetingId: meetingId, person: "xuwenbo", status: .present) }?.code == "attendance.tooEarly")
        #expect(try office.auditCount() == countAfterRequest)
        #expect(countAfterRequest == count + 1)
    }

    @Test("invited guests are marked by roster entry: present, late or absent only", arguments: ScratchDatabase.engines)
    static func guests(engine: StoreEngine) throws { try Self(engine).guests() }
    func guests() throws {
        let guest = try door.roster(meetingId: meetingId).lines.first { $0.participation == .invited }!
        #expect(guest.person == nil)
        try door.markAttendance(meetingId: meetingId, participantId: guest.participantId, status: .present)
        #expect(refusal { try door.markAttendance(meetingId: meetingId, participantId: guest.participantId, status: .leave) }?.code == "attendance.guestStatus")
        #expect(refusal { try door.markAttendance(meetingId: meetingId, participantId: 99_999, status: .present) }?.code == "attendance.unknownParticipant")
    }
}
