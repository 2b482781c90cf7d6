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
    func run(in session: Session) throws -> AuditVerification { try session.auditVerification() }
}
