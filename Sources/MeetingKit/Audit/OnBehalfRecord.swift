/// A decision a secretary recorded for a leader (代录, `--on-behalf-of`): the leader sees it
/// on their home as "recorded for you by X" and confirms it or disputes it. A dispute goes
/// to the office, which acknowledges it once it has dealt with it. The record's number is
/// the audit event's, so it always points at exactly what was done.
public struct OnBehalfRecord: Hashable, Sendable, Codable {
    public enum Status: String, Hashable, Sendable, Codable {
        /// Waiting for the leader.
        case pending
        case confirmed
        /// The leader says they did not decide this; waiting for the office.
        case disputed
        /// The office has dealt with the dispute.
        case acknowledged
    }

    /// The audit event that recorded the decision.
    public var seq: Int64
    public var leaderLogin: String
    public var recorderLogin: String
    /// The audit action, e.g. `leave.approve`.
    public var action: String
    public var entity: String
    public var entityId: String
    public var at: String
    public var status: Status
    public var answeredAt: String?
    /// The leader's reason for a dispute, or the office's note when acknowledging it.
    public var note: String?

    public init(seq: Int64, leaderLogin: String, recorderLogin: String, action: String, entity: String, entityId: String,
                at: String, status: Status = .pending, answeredAt: String? = nil, note: String? = nil) {
        self.seq = seq
        self.leaderLogin = leaderLogin
        self.recorderLogin = recorderLogin
        self.action = action
        self.entity = entity
        self.entityId = entityId
        self.at = at
        self.status = status
        self.answeredAt = answeredAt
        self.note = note
    }

    /// Why `actor` may not confirm or dispute it: only the leader, in person, and only once.
    public func refusalToAnswer(by actor: Actor) -> Refusal? {
        guard actor.onBehalfOf == nil, actor.person.login == leaderLogin else {
            return .forbidden("onBehalf.notYours", "只有被代录的领导本人可以确认或提出异议",
                              "only the leader it was recorded for may confirm or dispute it, in person")
        }
        guard status == .pending else {
            return .conflict("onBehalf.answered", "这条代录已经答复过（\(status.rawValue)）", "this record was already answered (\(status.rawValue))")
        }
        return nil
    }

    /// The government office (its director, deputy directors, secretaries) and administrators.
    public static func handlesDisputes(_ actor: Actor) -> Bool {
        AccessPolicy.isOfficeStaff(actor.principal) || actor.principal.role == .officeDeputyDirector || actor.person.isAdmin
    }

    /// Why `actor` may not acknowledge a dispute: the office (director, secretaries) and administrators.
    public func refusalToAcknowledge(by actor: Actor) -> Refusal? {
        guard OnBehalfRecord.handlesDisputes(actor) else {
            return .forbidden("onBehalf.notOffice", "只有区政府办公室可以处理代录异议", "only the government office handles disputed records")
        }
        guard status == .disputed else {
            return .conflict("onBehalf.notDisputed", "这条代录没有待处理的异议", "this record has no open dispute")
        }
        return nil
    }
}
