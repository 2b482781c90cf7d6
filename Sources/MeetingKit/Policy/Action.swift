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
    /// Grant or withdraw administrator rights (administrators only).
    case grantAdministrator
    /// Start a new government term (换届; administrators only).
    case startTerm
}
