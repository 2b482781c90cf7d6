import GRDB
import MeetingKit

/// The append-only, MAC-chained log of every change (who, on whose behalf, when, what).
package enum AuditLog {
    /// Appends an event after the current last one, sealed with `mac` (the office's key).
    /// Call inside the write transaction that makes the change, so the change and its event
    /// are committed together or not at all.
    @discardableResult
    static func append(_ db: Database, mac: AuditMAC, at: String, actor: Actor, action: String, entity: String, entityId: String,
                       before: String, after: String) throws -> AuditEvent {
        try append(db, mac: mac, at: at, osUser: actor.osUser, actor: actor.person.login, onBehalfOf: actor.onBehalfOf?.login,
                   action: action, entity: entity, entityId: entityId, before: before, after: after)
    }

    @discardableResult
    static func append(_ db: Database, mac: AuditMAC, at: String, osUser: String, actor: String, onBehalfOf: String?, action: String,
                       entity: String, entityId: String, before: String, after: String) throws -> AuditEvent {
        let last = try head(db)
        let event = AuditEvent(seq: (last?.seq ?? 0) + 1, at: at, osUser: osUser, actor: actor, onBehalfOf: onBehalfOf,
                               action: action, entity: entity, entityId: entityId, before: before, after: after,
                               prevHash: last?.mac ?? AuditEvent.genesisHash).sealed(with: mac)
        try event.insert(db)
        return event
    }

    /// The newest event's seq and MAC, nil for an empty log: what the server logs and every
    /// backup's manifest records (``AuditHead``).
    package static func head(_ db: Database) throws -> AuditHead? {
        let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1"))
        return row.map { AuditHead(seq: $0["seq"], mac: $0["hash"]) }
    }

    /// Whether the log holds `head`'s event with `head`'s MAC.
    static func contains(_ db: Database, _ head: AuditHead) throws -> Bool {
        try String.fetchOne(db, sql: "SELECT hash FROM audit_event WHERE seq = ?", arguments: [head.seq]) == head.mac
    }

    /// The most recent events, newest first.
    package static func recent(_ db: Database, limit: Int, entity: String? = nil, entityId: String? = nil) throws -> [AuditEvent] {
        var request = AuditEvent.order(Column("seq").desc).limit(limit)
        if let entity { request = request.filter(Column("entity") == entity) }
        if let entityId { request = request.filter(Column("entity_id") == entityId) }
        return try request.fetchAll(db)
    }

    package static func count(_ db: Database) throws -> Int { try AuditEvent.fetchCount(db) }

    /// Walks the whole chain in order under `mac`, a batch at a time; then checks that the
    /// head recorded outside the database (`anchored`) is still in it. Returns the first
    /// break, or nil.
    package static func verify(_ db: Database, mac: AuditMAC, anchored: AuditHead? = nil) throws -> AuditChain.Break? {
        var previous: AuditEvent?
        let cursor = try AuditEvent.order(Column("seq")).fetchCursor(db)
        var batch: [AuditEvent] = []
        batch.reserveCapacity(1024)
        while let event = try cursor.next() {
            batch.append(event)
            if batch.count == 1024 {
                if let broken = AuditChain.firstBreak(in: batch, after: previous, mac: mac) { return broken }
                previous = batch.last
                batch.removeAll(keepingCapacity: true)
            }
        }
        if let broken = AuditChain.firstBreak(in: batch, after: previous, mac: mac) { return broken }
        if let anchored, try !contains(db, anchored) { return .anchoredHeadMissing(seq: anchored.seq) }
        return nil
    }

    /// Re-seals every event with `mac`, in order: a legacy chain becomes keyed. The caller
    /// verified the old chain first, in the same transaction.
    static func rechain(_ db: Database, mac: AuditMAC) throws {
        var prevHash = AuditEvent.genesisHash
        let update = try db.makeStatement(sql: "UPDATE audit_event SET prev_hash = ?, hash = ? WHERE seq = ?")
        let events = try AuditEvent.order(Column("seq")).fetchCursor(db)
        var resealed: [(Int64, String, String)] = []
        while let event = try events.next() {
            var copy = event
            copy.prevHash = prevHash
            copy = copy.sealed(with: mac)
            resealed.append((copy.seq, copy.prevHash, copy.hash))
            prevHash = copy.hash
        }
        for (seq, prev, hash) in resealed { try update.execute(arguments: [prev, hash, seq]) }
    }
}
