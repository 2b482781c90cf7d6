import MeetingKit
import MeetingStore

extension Office {
    public func verifyAudit() throws -> AuditVerification {
        try run(VerifyAuditCall())
    }

    public func auditEvents(limit: Int, entity: String? = nil, entityId: String? = nil) throws -> [AuditEvent] {
        try run(AuditEventsCall(limit: limit, entity: entity, entityId: entityId))
    }
}

struct AuditEventsCall: UseCase {
    static let name = "auditEvents"
    var limit: Int
    var entity: String?
    var entityId: String?
    func run(in session: Session) throws -> [AuditEvent] { try session.auditEvents(limit: limit, entity: entity, entityId: entityId) }
}

struct VerifyAuditCall: UseCase {
    static let name = "verifyAudit"
    func run(in session: Session) throws -> AuditVerification {
        let (events, firstBreak) = try session.verifyAudit()
        return AuditVerification(events: events, firstBreak: firstBreak)
    }
}

/// What `audit verify` found: how many events it checked and the first break, if any.
public struct AuditVerification: Codable, Sendable {
    public var events: Int
    public var firstBreak: AuditChain.Break?
}
