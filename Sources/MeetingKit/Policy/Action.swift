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
    /// File a leave request for this person (R42): the person, or office staff for them.
    case fileLeave(for: Person)
    /// Approve or reject this person's leave (R42): only the approver the rules name.
    case decideLeave(of: Person)
    /// Accept this person's leave request although the meeting has started (R42 "提前").
    case overrideLateLeave(of: Person)
    /// Record who attended a meeting (sign-in).
    case markAttendance
}
