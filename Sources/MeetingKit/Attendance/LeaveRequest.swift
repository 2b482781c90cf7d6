/// A request to be excused from one meeting (R42): who, why, who attends instead, and the
/// decision of the approver the rules name.
///
/// Both names are kept when a secretary acts for someone: ``filedBy`` is who typed the
/// request, ``decisionRecordedBy`` who recorded the approver's decision (代录).
public struct LeaveRequest: Hashable, Sendable, Codable {
    /// Row id; nil until stored.
    public var id: Int64?
    public var meetingId: Int64
    /// The person asking to be excused.
    public var personLogin: String
    public var reason: String
    /// Who attends in the person's place (a deputy head, for example), if anyone.
    public var substituteLogin: String?
    public var status: LeaveStatus
    /// The approver R42 names (the mayor or the office director), resolved when filed and
    /// confirmed when decided.
    public var approverLogin: String
    /// Who entered the request: the person, or a secretary for them.
    public var filedBy: String
    public var filedAt: LocalDateTime
    public var source: LeaveSource
    /// Why the approver accepted a request made after the meeting had started (R42 "提前").
    public var overrideReason: String?
    /// The approver who accepted the late request.
    public var overrideBy: String?
    /// The approver who decided (whose authority was used).
    public var decidedBy: String?
    /// The secretary who recorded the decision for the approver, when it was not the approver.
    public var decisionRecordedBy: String?
    public var decidedAt: LocalDateTime?
    /// Why the request was rejected.
    public var decisionReason: String?
    /// Incremented on every change (optimistic locking).
    public var version: Int

    public init(id: Int64? = nil, meetingId: Int64, personLogin: String, reason: String, substituteLogin: String? = nil,
                status: LeaveStatus = .pending, approverLogin: String, filedBy: String, filedAt: LocalDateTime,
                source: LeaveSource = .request, overrideReason: String? = nil, overrideBy: String? = nil,
                decidedBy: String? = nil, decisionRecordedBy: String? = nil, decidedAt: LocalDateTime? = nil,
                decisionReason: String? = nil, version: Int = 1) {
        self.id = id
        self.meetingId = meetingId
        self.personLogin = personLogin
        self.reason = reason
        self.substituteLogin = substituteLogin
        self.status = status
        self.approverLogin = approverLogin
        self.filedBy = filedBy
        self.filedAt = filedAt
        self.source = source
        self.overrideReason = overrideReason
        self.overrideBy = overrideBy
        self.decidedBy = decidedBy
        self.decisionRecordedBy = decisionRecordedBy
        self.decidedAt = decidedAt
        self.decisionReason = decisionReason
        self.version = version
    }
}
