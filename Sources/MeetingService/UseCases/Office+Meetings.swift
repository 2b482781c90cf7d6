import MeetingKit
import MeetingStore

extension Office {
    public func meetingDetail(_ id: Int64) throws -> MeetingDetail {
        try run(MeetingDetailCall(id: id))
    }

    public func addMeeting(kind: MeetingKind, start: LocalDateTime, durationMinutes: Int = 120, chair: String? = nil, convener: String? = nil, room: String? = nil, title: String = "", inGovernmentName: Bool = true, series: String? = nil) throws -> Meeting {
        try run(AddMeetingCall(kind: kind, start: start, durationMinutes: durationMinutes, chair: chair, convener: convener, room: room, title: title, inGovernmentName: inGovernmentName, series: series))
    }

    public func meeting(_ id: Int64) throws -> Meeting {
        try run(MeetingCall(id: id))
    }

    public func participants(ofMeeting id: Int64) throws -> [Participant] {
        try run(ParticipantsCall(id: id))
    }

    public func meetings(from: LocalDateTime? = nil, to: LocalDateTime? = nil, kind: MeetingKind? = nil) throws -> [Meeting] {
        try run(MeetingsCall(from: from, to: to, kind: kind))
    }
}

struct AddMeetingCall: UseCase {
    static let name = "addMeeting"
    var kind: MeetingKind
    var start: LocalDateTime
    var durationMinutes: Int
    var chair: String?
    var convener: String?
    var room: String?
    var title: String
    var inGovernmentName: Bool
    var series: String?
    func run(in session: Session) throws -> Meeting { try session.addMeeting(kind: kind, start: start, durationMinutes: durationMinutes, chair: chair, convener: convener, room: room, title: title, inGovernmentName: inGovernmentName, series: series) }
}

struct MeetingCall: UseCase {
    static let name = "meeting"
    var id: Int64
    func run(in session: Session) throws -> Meeting { try session.meeting(id) }
}

struct ParticipantsCall: UseCase {
    static let name = "participants"
    var id: Int64
    func run(in session: Session) throws -> [Participant] { try session.participants(ofMeeting: id) }
}

struct MeetingsCall: UseCase {
    static let name = "meetings"
    var from: LocalDateTime?
    var to: LocalDateTime?
    var kind: MeetingKind?
    func run(in session: Session) throws -> [Meeting] { try session.meetings(from: from, to: to, kind: kind) }
}

struct MeetingDetailCall: UseCase {
    static let name = "meetingDetail"
    var id: Int64
    func run(in session: Session) throws -> MeetingDetail { try session.meetingDetail(id) }
}
