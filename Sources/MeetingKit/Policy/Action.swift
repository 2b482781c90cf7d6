/// Something a person may or may not do. Each capability adds its actions here and its
/// decision to ``AccessPolicy`` in a file of its own (`AccessPolicy+Leave.swift` …).
public enum Action: Hashable, Sendable {
    /// Act under another person's identity (`--as`).
    case actAs(Person)
    /// Record a decision on a leader's behalf (`--on-behalf-of`, 代录).
    case recordOnBehalfOf(Person)
    /// Add, edit or retire people, departments and portfolios.
    case administerOrgChart
    /// Read the audit log.
    case readAuditLog
    /// Back up or restore the whole database (it holds classified minutes).
    case maintainStore
    /// Plan, add, move, cancel, notify or change the roster of a meeting of this kind
    /// convened by `convener` (R37–R40).
    case scheduleMeeting(MeetingKind, convener: String)
    /// Approve a meeting held in the government's name by someone other than the mayor (R61).
    case approveMeeting
    /// Entrust the executive vice mayor with chairing an executive meeting (R39): the mayor's act.
    case entrustChair
    /// Register someone's absence from Beijing (R65).
    case registerAbsence(Person)
    /// Approve or refuse someone's absence from Beijing (R65).
    case decideAbsence(Person)
    /// Import a year of holiday data.
    case manageHolidays
    /// Take a step of an agenda item's workflow (R41, R45(3), R16).
    case agendaStep(AgendaStep, item: AgendaItem)
    /// Change the order and planned minutes of a meeting's agenda (R61).
    case editAgenda(Meeting)
    /// File a leave request for this person (R42): the person, or office staff for them.
    case fileLeave(for: Person)
    /// Approve or reject this person's leave (R42): only the approver the rules name.
    case decideLeave(of: Person)
    /// Accept this person's leave request although the meeting has started (R42 "提前").
    case overrideLateLeave(of: Person)
    /// Record who attended a meeting (sign-in).
    case markAttendance
    /// Grant or withdraw administrator rights (administrators only).
    case grantAdministrator
    /// Start a new government term (换届; administrators only).
    case startTerm
    /// Turn an office-wide rule setting on or off, such as the R47 check (administrators only).
    case configureRules
    /// Draft the minutes of a meeting on a route (R43, R44).
    case draftMinutes(route: MinutesRoute, leadDepartmentCode: String?)
    /// Edit, set the attributes of, or submit a draft.
    case changeMinutes(Minutes)
    /// Approve, return or sign at the current step of the chain.
    case reviewMinutes(Minutes)
    /// Lower the classification of minutes (R48): the office director, the mayor, or the signer.
    case declassifyMinutes(Minutes)
    /// Read the body of (possibly classified, R48) minutes; `attendees` are the meeting's roster logins.
    case readMinutesBody(Minutes, attendees: Set<String>)
    /// Close a follow-up or change its due day (R54): the office's.
    case updateFollowUp(FollowUp)
    /// Report progress or completion, or ask for more time, on a follow-up (R54): its units.
    case reportFollowUp(FollowUp, units: [String])
    /// Withdraw, shorten or report (报备, R7) someone's registered absence: who may register it.
    case changeAbsence(Person)
    /// Attach a file to an agenda item or to minutes not yet signed (R41, R43).
    case attachDocument(AttachmentTarget)
    /// Answer this person's receipt of a meeting notice (签收/回执).
    case answerReceipt(for: Person)
}
