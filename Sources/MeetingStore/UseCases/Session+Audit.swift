import MeetingKit

extension Session {
    /// The newest audit events first.
    public func auditEvents(limit: Int, entity: String? = nil, entityId: String? = nil) throws -> [AuditEvent] {
        try read { try AuditLog.recent($0, limit: limit, entity: entity, entityId: entityId) }
    }

    /// The number of events and the first break in the chain, if any.
    public func verifyAudit() throws -> (events: Int, firstBreak: AuditChain.Break?) {
        let verification = try auditVerification()
        return (verification.events, verification.firstBreak)
    }

    /// The chain checked under the office's key and against the head recorded outside the
    /// database, with the key and anchor used.
    public func auditVerification() throws -> AuditVerification {
        try read { db in try AuditVerification.run(db, store: store) }
    }

    /// The newest event's seq and MAC (nil for an empty log): what `huiwu serve` logs after
    /// its writes, so its journal anchors the chain too.
    public func auditHead() throws -> AuditHead? { try read(AuditLog.head) }
}
