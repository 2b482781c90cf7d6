/// Something that happens to an agenda item: the input of ``AgendaWorkflow/transition(_:_:by:org:at:)``.
public enum AgendaEvent: Hashable, Sendable {
    /// The outcome of the supervising vice mayor's coordination of a disputed item (R41, R45(3)).
    public enum Coordination: Hashable, Sendable, Codable {
        /// The departments now agree: the item has consensus.
        case resolved
        /// Still no agreement: the lead department now states the disagreement truthfully
        /// (``AgendaEvent/state(statement:proposal:)``) before the vice mayor can approve.
        case unresolved
    }

    /// The lead department sends it out for opinions (or straight to consensus without related departments).
    case submit
    /// A related department's written opinion.
    case opinion(department: String, stance: Opinion.Stance, reason: String?)
    /// The supervising vice mayor coordinated the disagreement.
    case coordinate(Coordination, note: String?)
    /// After a failed coordination, the lead department's truthful statement of the
    /// disagreement with its proposal for handling it (R41, R45(3)).
    case state(statement: String, proposal: String)
    /// Someone confirms that a precondition was fulfilled.
    case confirm(Precondition, note: String?)
    /// The office corrects the item's flags before it accepts the item (R5, R16, R19, R20, R39).
    case correctFlags(ItemFlags, reason: String)
    /// The supervising vice mayor approves (审核同意, R41).
    case approve
    /// The office accepts it after its approval procedure, checking preconditions.
    case accept
    /// Placed on a meeting's agenda for `plannedMinutes`.
    case schedule(Meeting, plannedMinutes: Int)
    /// Discussed at `meeting` and decided.
    case decide(text: String, meeting: Meeting)
    /// Not taken up at `meeting`, once it was held: back to accepted, for a later meeting.
    case deferItem(reason: String?, meeting: Meeting)
    /// Taken off `meeting`'s agenda before the meeting: back to accepted, no outcome recorded.
    case unschedule(reason: String?, meeting: Meeting)
    /// The lead department withdraws it.
    case withdraw(reason: String)
    /// The meeting it was placed on was cancelled: it goes back to accepted, for another
    /// meeting (R5, R18: no outcome without the meeting).
    case meetingCancelled(Meeting)
    /// The meeting it is on moved to another time: it moves with it.
    case meetingMoved(Meeting, from: LocalDateTime)

    /// The kind of step this event is, for permissions and the timeline.
    public var step: AgendaStep {
        switch self {
        case .submit: return .submit
        case .opinion(let department, _, _): return .opinion(department: department)
        case .coordinate: return .coordinate
        case .state: return .state
        case .confirm(let p, _): return .confirm(p)
        case .correctFlags: return .correctFlags
        case .approve: return .approve
        case .accept: return .accept
        case .schedule: return .schedule
        case .decide(_, let meeting): return .decide(chair: meeting.chairLogin)
        case .deferItem(_, let meeting): return .deferItem(chair: meeting.chairLogin)
        case .unschedule(_, let meeting): return .unschedule(chair: meeting.chairLogin)
        case .withdraw: return .withdraw
        case .meetingCancelled(let meeting): return .followMeeting(meeting.kind, convener: meeting.convenerLogin, cancelled: true)
        case .meetingMoved(let meeting, _): return .followMeeting(meeting.kind, convener: meeting.convenerLogin, cancelled: false)
        }
    }
}
