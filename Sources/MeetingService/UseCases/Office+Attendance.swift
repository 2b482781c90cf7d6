import MeetingKit
import MeetingStore

extension Office {
    public func roster(meetingId: Int64) throws -> Roster {
        try run(RosterCall(meetingId: meetingId))
    }

    public func markAttendance(meetingId: Int64, person login: String, status: AttendanceStatus, lateMinutes: Int? = nil, substitute: String? = nil) throws -> Attendance {
        try run(MarkAttendanceCall(meetingId: meetingId, login: login, status: status, lateMinutes: lateMinutes, substitute: substitute))
    }

    public func markAttendance(meetingId: Int64, participantId: Int64, status: AttendanceStatus, lateMinutes: Int? = nil, substitute: String? = nil) throws -> Attendance {
        try run(MarkAttendanceOfParticipantCall(meetingId: meetingId, participantId: participantId, status: status, lateMinutes: lateMinutes, substitute: substitute))
    }

    public func attendanceStatistics(from: Day, to: Day, department: String? = nil, kind: MeetingKind? = nil) throws -> AttendanceStatistics {
        try run(AttendanceStatisticsCall(from: from, to: to, department: department, kind: kind))
    }
}

struct RosterCall: UseCase {
    static let name = "roster"
    var meetingId: Int64
    func run(in session: Session) throws -> Roster { try session.roster(meetingId: meetingId) }
}

struct MarkAttendanceCall: UseCase {
    static let name = "markAttendance"
    var meetingId: Int64
    var login: String
    var status: AttendanceStatus
    var lateMinutes: Int?
    var substitute: String?
    func run(in session: Session) throws -> Attendance { try session.markAttendance(meetingId: meetingId, person: login, status: status, lateMinutes: lateMinutes, substitute: substitute) }
}

struct MarkAttendanceOfParticipantCall: UseCase {
    static let name = "markAttendanceOfParticipant"
    var meetingId: Int64
    var participantId: Int64
    var status: AttendanceStatus
    var lateMinutes: Int?
    var substitute: String?
    func run(in session: Session) throws -> Attendance { try session.markAttendance(meetingId: meetingId, participantId: participantId, status: status, lateMinutes: lateMinutes, substitute: substitute) }
}

struct AttendanceStatisticsCall: UseCase {
    static let name = "attendanceStatistics"
    var from: Day
    var to: Day
    var department: String?
    var kind: MeetingKind?
    func run(in session: Session) throws -> AttendanceStatistics { try session.attendanceStatistics(from: from, to: to, department: department, kind: kind) }
}
