import GRDB
import MeetingKit

/// The append-only, hash-chained log of every change (who, on whose behalf, when, what).
package enum AuditLog {
    /// Appends an event after the current last one. Call inside the write transaction that
    /// makes the change, so the change and its event are committed together or not at all.
    @discardableResult
    static func append(_ db: Database, at: String, actor: Actor, action: String, entity: String, entityId: String,
                       before: String, after: String) throws -> AuditEvent {
        let last = try Row.fetchOne(db, sql: "SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1")
        let seq: Int64 = (last?["seq"] as Int64? ?? 0) + 1
        let prevHash: String = last?["hash"] ?? AuditEvent.genesisHash
        let event = AuditEvent(seq: seq, at: at, osUser: actor.osUser, actor: actor.person.login,
                               onBehalfOf: actor.onBehalfOf?.login, action: action, entity: entity, entityId: entityId,
                               before: before, after: after, prevHash: prevHash).sealed()
        try event.insert(db)
        return event
    }

    /// The most recent events, newest first.
    package static func recent(_ db: Database, limit: Int, entity: String? = nil, entityId: String? = nil) throws -> [AuditEvent] {
        var request = AuditEvent.order(Column("seq").desc).limit(limit)
        if let entity { request = request.filter(Column("entity") == entity) }
        if let entityId { request = request.filter(Column("entity_id") == entityId) }
        return try request.fetchAll(db)
    }

    package static func count(_ db: Database) throws -> Int { try AuditEvent.fetchCount(db) }

    /// Walks the whole chain in order, a batch at a time; returns the first break or nil.
    package static func verify(_ db: Database) throws -> AuditChain.Break? {
        var previous: AuditEvent?
        let cursor = try AuditEvent.order(Column("seq")).fetchCursor(db)
        var batch: [AuditEvent] = []
        batch.reserveCapacity(1024)
        while let event = try cursor.next() {
            batch.append(event)
            if batch.count == 1024 {
                if let broken = AuditChain.firstBreak(in: batch, after: previous) { return broken }
                previous = batch.last
                batch.removeAll(keepingCapacity: true)
            }
        }
        return AuditChain.firstBreak(in: batch, after: previous)
    }
}
