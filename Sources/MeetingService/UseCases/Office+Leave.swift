import MeetingKit
import MeetingStore

extension Office {
    /// The coming meetings the acting person may ask leave for (all of them, for the office).
    public func leaveOptions() throws -> [LeaveOption] {
        try run(LeaveOptionsCall())
    }

    public func requestLeave(meetingId: Int64, person: String? = nil, reason: String, substitute: String? = nil, override overrideReason: String? = nil) throws -> LeaveRequest {
        try run(RequestLeaveCall(meetingId: meetingId, person: person, reason: reason, substitute: substitute, overrideReason: overrideReason))
    }

    public func approveLeave(_ id: Int64, expectedVersion: Int? = nil) throws -> LeaveRequest {
        try run(ApproveLeaveCall(id: id, expectedVersion: expectedVersion))
    }

    public func rejectLeave(_ id: Int64, reason: String, expectedVersion: Int? = nil) throws -> LeaveRequest {
        try run(RejectLeaveCall(id: id, reason: reason, expectedVersion: expectedVersion))
    }

    public func decideLeave(_ id: Int64, _ decision: LeaveDecision, expectedVersion: Int? = nil) throws -> LeaveRequest {
        try run(DecideLeaveCall(id: id, decision: decision, expectedVersion: expectedVersion))
    }

    public func leaveLine(_ id: Int64) throws -> LeaveLine {
        try run(LeaveLineCall(id: id))
    }

    public func leaveRequests(meetingId: Int64? = nil, status: LeaveStatus? = nil) throws -> [LeaveLine] {
        try run(LeaveRequestsCall(meetingId: meetingId, status: status))
    }

    public func leaveQueue() throws -> [LeaveLine] {
        try run(LeaveQueueCall())
    }

    public func leaveReport(meetingId: Int64) throws -> LeaveReport {
        try run(LeaveReportCall(meetingId: meetingId))
    }

    public func prefillLeave(forAbsenceOf login: String, from: Day, to: Day, reason: String) throws -> [LeaveRequest] {
        try run(PrefillLeaveCall(login: login, from: from, to: to, reason: reason))
    }
}

struct RequestLeaveCall: UseCase {
    static let name = "requestLeave"
    var meetingId: Int64
    var person: String?
    var reason: String
    var substitute: String?
    var overrideReason: String?
    func run(in session: Session) throws -> LeaveRequest { try session.requestLeave(meetingId: meetingId, person: person, reason: reason, substitute: substitute, override: overrideReason) }
}

struct ApproveLeaveCall: UseCase {
    static let name = "approveLeave"
    var id: Int64
    var expectedVersion: Int?
    func run(in session: Session) throws -> LeaveRequest { try session.approveLeave(id, expectedVersion: expectedVersion) }
}

struct RejectLeaveCall: UseCase {
    static let name = "rejectLeave"
    var id: Int64
    var reason: String
    var expectedVersion: Int?
    func run(in session: Session) throws -> LeaveRequest { try session.rejectLeave(id, reason: reason, expectedVersion: expectedVersion) }
}

struct DecideLeaveCall: UseCase {
    static let name = "decideLeave"
    var id: Int64
    var decision: LeaveDecision
    var expectedVersion: Int?
    func run(in session: Session) throws -> LeaveRequest { try session.decideLeave(id, decision, expectedVersion: expectedVersion) }
}

struct LeaveLineCall: UseCase {
    static let name = "leaveLine"
    var id: Int64
    func run(in session: Session) throws -> LeaveLine { try session.leaveLine(id) }
}

struct LeaveRequestsCall: UseCase {
    static let name = "leaveRequests"
    var meetingId: Int64?
    var status: LeaveStatus?
    func run(in session: Session) throws -> [LeaveLine] { try session.leaveRequests(meetingId: meetingId, status: status) }
}

struct LeaveQueueCall: UseCase {
    static let name = "leaveQueue"
    func run(in session: Session) throws -> [LeaveLine] { try session.leaveQueue() }
}

struct LeaveReportCall: UseCase {
    static let name = "leaveReport"
    var meetingId: Int64
    func run(in session: Session) throws -> LeaveReport { try session.leaveReport(meetingId: meetingId) }
}

struct PrefillLeaveCall: UseCase {
    static let name = "prefillLeave"
    var login: String
    var from: Day
    var to: Day
    var reason: String
    func run(in session: Session) throws -> [LeaveRequest] { try session.prefillLeave(forAbsenceOf: login, from: from, to: to, reason: reason) }
}

struct LeaveOptionsCall: UseCase {
    static let name = "leaveOptions"
    func run(in session: Session) throws -> [LeaveOption] { try session.leaveOptions() }
}
