import MeetingKit
import MeetingStore

extension Office {
    public func moveMeeting(_ id: Int64, to start: LocalDateTime, durationMinutes: Int? = nil, reason: String? = nil, expectedVersion: Int? = nil) throws -> ScheduledMeeting {
        try run(MoveMeetingCall(id: id, start: start, durationMinutes: durationMinutes, reason: reason, expectedVersion: expectedVersion))
    }

    public func cancelMeeting(_ id: Int64, reason: String, expectedVersion: Int? = nil) throws -> Meeting {
        try run(CancelMeetingCall(id: id, reason: reason, expectedVersion: expectedVersion))
    }

    public func notifyMeeting(_ id: Int64, expectedVersion: Int? = nil) throws -> Meeting {
        try run(NotifyMeetingCall(id: id, expectedVersion: expectedVersion))
    }

    public func holdMeeting(_ id: Int64, expectedVersion: Int? = nil) throws -> Meeting {
        try run(HoldMeetingCall(id: id, expectedVersion: expectedVersion))
    }

    public func approveMeeting(_ id: Int64, expectedVersion: Int? = nil) throws -> Meeting {
        try run(ApproveMeetingCall(id: id, expectedVersion: expectedVersion))
    }

    public func inviteToMeeting(_ id: Int64, person login: String? = nil, guest: String? = nil, guestOrg: String? = nil, role: Participation? = nil) throws -> Participant {
        try run(InviteToMeetingCall(id: id, login: login, guest: guest, guestOrg: guestOrg, role: role))
    }
}

struct MoveMeetingCall: UseCase {
    static let name = "moveMeeting"
    var id: Int64
    var start: LocalDateTime
    var durationMinutes: Int?
    var reason: String?
    var expectedVersion: Int?
    func run(in session: Session) throws -> ScheduledMeeting { try session.moveMeeting(id, to: start, durationMinutes: durationMinutes, reason: reason, expectedVersion: expectedVersion) }
}

struct CancelMeetingCall: UseCase {
    static let name = "cancelMeeting"
    var id: Int64
    var reason: String
    var expectedVersion: Int?
    func run(in session: Session) throws -> Meeting { try session.cancelMeeting(id, reason: reason, expectedVersion: expectedVersion) }
}

struct NotifyMeetingCall: UseCase {
    static let name = "notifyMeeting"
    var id: Int64
    var expectedVersion: Int?
    func run(in session: Session) throws -> Meeting { try session.notifyMeeting(id, expectedVersion: expectedVersion) }
}

struct HoldMeetingCall: UseCase {
    static let name = "holdMeeting"
    var id: Int64
    var expectedVersion: Int?
    func run(in session: Session) throws -> Meeting { try session.holdMeeting(id, expectedVersion: expectedVersion) }
}

struct ApproveMeetingCall: UseCase {
    static let name = "approveMeeting"
    var id: Int64
    var expectedVersion: Int?
    func run(in session: Session) throws -> Meeting { try session.approveMeeting(id, expectedVersion: expectedVersion) }
}

struct InviteToMeetingCall: UseCase {
    static let name = "inviteToMeeting"
    var id: Int64
    var login: String?
    var guest: String?
    var guestOrg: String?
    var role: Participation?
    func run(in session: Session) throws -> Participant { try session.inviteToMeeting(id, person: login, guest: guest, guestOrg: guestOrg, role: role) }
}
