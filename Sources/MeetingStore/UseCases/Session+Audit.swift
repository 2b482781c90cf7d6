import GRDB
import MeetingKit

extension Session {
    /// The newest audit events first.
    public func auditEvents(limit: Int, entity: String? = nil, entityId: String? = nil) throws -> [AuditEvent] {
        try read { try AuditLog.recent($0, limit: limit, entity: entity, entityId: entityId) }
    }

    /// The number of events and the first break in the chain, if any.
    public func verifyAudit() throws -> (events: Int, firstBreak: AuditChain.Break?) {
        try read { db in (try AuditLog.count(db), try AuditLog.verify(db)) }
    }
}
