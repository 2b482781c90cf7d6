import MeetingKit
import MeetingStore

/// Held meetings and minutes at each point of their chain, for the minutes tests.
public enum MinutesFixtures {
    /// A meeting created by the office and recorded as held at its start time. `members` are
    /// added to the roster as members (a topical meeting's roster grows with its agenda, R40).
    @discardableResult
    public static func heldMeeting(_ office: TestOffice, kind: MeetingKind = .executive, start: String = "2026-03-02T09:00",
                                   chair: String? = nil, inGovernmentName: Bool = true, title: String = "",
                                   members: [String] = []) throws -> Meeting {
        let at = LocalDateTime(iso: start)!
        let secretary = try office.session("lijing", now: start)
        let meeting = try secretary.addMeeting(kind: kind, start: at, chair: chair, room: "区政府第一会议室", title: title,
                                             inGovernmentName: inGovernmentName)
        let id = meeting.id!
        for login in members { try secretary.inviteToMeeting(id, person: login, role: .member) }
        // The mayor approves a meeting another leader holds in the government's name (R61).
        if meeting.approval == .awaiting { try office.session("zhoulixin", now: start).approveMeeting(id) }
        return try secretary.holdMeeting(id)
    }

    /// Executive-meeting minutes drafted by the secretary, public, submitted: awaiting the mayor.
    @discardableResult
    public static func awaitingSignature(_ office: TestOffice, kind: MeetingKind = .executive, start: String = "2026-03-02T09:00",
                                         classification: Classification = .none) throws -> Minutes {
        let meeting = try heldMeeting(office, kind: kind, start: start)
        let secretary = try office.session("lijing", now: start)
        let draft = try secretary.draftMinutes(meetingId: meeting.id!)
        try secretary.setMinutesAttributes(draft.id!, disclosure: .public, reason: nil, classification: classification)
        return try secretary.submitMinutes(draft.id!)
    }
}
