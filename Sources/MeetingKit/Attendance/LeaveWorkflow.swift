/// What an approver decides about a leave request.
public enum LeaveDecision: Hashable, Sendable, Codable {
    case approve
    case reject(reason: String)

    /// The status the decision leads to.
    public var status: LeaveStatus {
        switch self {
        case .approve: return .approved
        case .reject: return .rejected
        }
    }
}

/// The leave request's state machine: pending → approved | rejected. A decided request is
/// final; the only transition checks the R42 approver and returns the new state or a refusal.
public enum LeaveWorkflow {
    /// Applies `decision` to `request` as `actor` at `now`.
    ///
    /// The decision uses the authority of `actor.principal` (the approver themself, or the
    /// approver a secretary records for); anyone but the approver R42 names is refused.
    public static func transition(_ request: LeaveRequest, _ decision: LeaveDecision, by actor: Actor,
                                  policy: AccessPolicy, at now: LocalDateTime) throws -> LeaveRequest {
        guard let person = policy.org.person(request.personLogin) else {
            throw RefusalCatalog.unknownPerson(request.personLogin)
        }
        try policy.require(.decideLeave(of: person), by: actor)
        guard request.status == .pending else {
            throw Refusal.conflict("leave.alreadyDecided",
                                   "请假申请 #\(request.id ?? 0) 已\(request.status.name.zh)，不能再次审批",
                                   "leave request #\(request.id ?? 0) is already \(request.status.name.en); it cannot be decided again")
        }
        if case .reject(let reason) = decision {
            try InputLimits.check(reason: reason, field: Localized(zh: "不予批准的理由", en: "reason for rejecting"))
        }
        var next = request
        next.status = decision.status
        next.approverLogin = actor.principal.login
        next.decidedBy = actor.principal.login
        next.decisionRecordedBy = actor.onBehalfOf == nil ? nil : actor.person.login
        next.decidedAt = now
        if case .reject(let reason) = decision { next.decisionReason = reason }
        next.version += 1
        return next
    }
}
