import MeetingKit

/// A leave request as one line of a list, with the names and the meeting it belongs to.
public struct LeaveLine: Hashable, Sendable, Codable {
    public var id: Int64
    public var meetingId: Int64
    public var meetingTitle: Localized
    public var meetingStart: LocalDateTime
    public var person: String
    public var name: String
    public var role: Role?
    public var department: String?
    public var reason: String
    public var substitute: String?
    public var substituteName: String?
    public var status: LeaveStatus
    /// Login of who decided, or (pending) of the approver R42 names now.
    public var approver: String
    public var approverName: String
    public var filedBy: String
    public var filedAt: LocalDateTime
    public var source: LeaveSource
    public var overrideReason: String?
    public var overrideBy: String?
    public var decidedAt: LocalDateTime?
    /// The secretary who recorded the decision for the approver (代录), if any.
    public var decisionRecordedBy: String?
    public var decisionReason: String?
    /// The version to state with `--expect-version` (optimistic locking).
    public var version: Int

    init(_ r: LeaveRequest, meeting: Meeting, org: OrgChart) {
        let person = org.person(r.personLogin)
        let approver = LeaveLine.approver(of: r, org: org)
        id = r.id ?? 0
        meetingId = r.meetingId
        meetingTitle = Localized(zh: meeting.numberedTitle(.zh), en: meeting.numberedTitle(.en))
        meetingStart = meeting.start
        self.person = r.personLogin
        name = person?.name ?? r.personLogin
        role = person?.role
        department = person?.departmentCode
        reason = r.reason
        substitute = r.substituteLogin
        substituteName = r.substituteLogin.flatMap { org.person($0)?.name }
        status = r.status
        self.approver = approver
        approverName = org.person(approver)?.name ?? approver
        filedBy = r.filedBy
        filedAt = r.filedAt
        source = r.source
        overrideReason = r.overrideReason
        overrideBy = r.overrideBy
        decidedAt = r.decidedAt
        decisionRecordedBy = r.decisionRecordedBy
        decisionReason = r.decisionReason
        version = r.version
    }
}

extension LeaveLine {
    /// Who decided `r`, or (pending) the approver R42 names now: a change of term or of office
    /// director moves a pending request to the new approver.
    static func approver(of r: LeaveRequest, org: OrgChart) -> String {
        r.decidedBy ?? org.person(r.personLogin).flatMap { try? LeaveRule.approver(for: $0, org: org).login } ?? r.approverLogin
    }
}
