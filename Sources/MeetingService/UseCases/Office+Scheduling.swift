import MeetingKit
import MeetingStore

extension Office {
    public func scheduleMeeting(_ request: MeetingRequest) throws -> ScheduledMeeting {
        try run(ScheduleMeetingCall(request: request))
    }

    public func planMeetings(_ cadence: Cadence, from: Day, to: Day, commit: Bool) throws -> PlanReport {
        try run(PlanMeetingsCall(cadence: cadence, from: from, to: to, commit: commit))
    }

    public func previewMeeting(_ request: MeetingRequest) throws -> ScheduledMeeting {
        try run(PreviewMeetingCall(request: request))
    }

    public func conflicts(ofMeeting id: Int64) throws -> [Conflict] {
        try run(ConflictsCall(id: id))
    }
}

struct ScheduleMeetingCall: UseCase {
    static let name = "scheduleMeeting"
    var request: MeetingRequest
    func run(in session: Session) throws -> ScheduledMeeting { try session.scheduleMeeting(request) }
}

struct PlanMeetingsCall: UseCase {
    static let name = "planMeetings"
    var cadence: Cadence
    var from: Day
    var to: Day
    var commit: Bool
    func run(in session: Session) throws -> PlanReport { try session.planMeetings(cadence, from: from, to: to, commit: commit) }
}

struct PreviewMeetingCall: UseCase {
    static let name = "previewMeeting"
    var request: MeetingRequest
    func run(in session: Session) throws -> ScheduledMeeting { try session.previewMeeting(request) }
}

struct ConflictsCall: UseCase {
    static let name = "conflicts"
    var id: Int64
    func run(in session: Session) throws -> [Conflict] { try session.conflicts(ofMeeting: id) }
}
