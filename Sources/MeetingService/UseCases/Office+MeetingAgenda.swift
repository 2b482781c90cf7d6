import MeetingKit
import MeetingStore

extension Office {
    public func meetingAgenda(_ meetingId: Int64) throws -> MeetingAgenda {
        try run(MeetingAgendaCall(meetingId: meetingId))
    }

    public func moveOnAgenda(meeting meetingId: Int64, item itemId: Int64, by offset: Int) throws -> MeetingAgenda {
        try run(MoveOnAgendaCall(meetingId: meetingId, itemId: itemId, offset: offset))
    }

    public func planMinutes(meeting meetingId: Int64, item itemId: Int64, minutes: Int) throws -> MeetingAgenda {
        try run(PlanMinutesCall(meetingId: meetingId, itemId: itemId, minutes: minutes))
    }
}

struct MeetingAgendaCall: UseCase {
    static let name = "meetingAgenda"
    var meetingId: Int64
    func run(in session: Session) throws -> MeetingAgenda { try session.meetingAgenda(meetingId) }
}

struct MoveOnAgendaCall: UseCase {
    static let name = "moveOnAgenda"
    var meetingId: Int64
    var itemId: Int64
    var offset: Int
    func run(in session: Session) throws -> MeetingAgenda { try session.moveOnAgenda(meeting: meetingId, item: itemId, by: offset) }
}

struct PlanMinutesCall: UseCase {
    static let name = "planMinutes"
    var meetingId: Int64
    var itemId: Int64
    var minutes: Int
    func run(in session: Session) throws -> MeetingAgenda { try session.planMinutes(meeting: meetingId, item: itemId, minutes: minutes) }
}
