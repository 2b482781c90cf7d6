import MeetingKit

/// The append-only, MAC-chained log of every change (who, on whose behalf, when, what).
///
/// On the database port: the same statements on SQLite and PostgreSQL (`AuditLogEngineTests`).
package enum AuditLog {
    /// Appends an event after the current last one, sealed with `mac` (the office's key).
    /// Call inside the write transaction that makes the change, so the change and its event
    /// are committed together or not at all.
    @discardableResult
    static func append(_ db: any SQLConnection, mac: AuditMAC, at: String, actor: Actor, action: String, entity: String, entityId: String,
                       before: String, after: String) throws -> AuditEvent {
        try append(db, mac: mac, at: at, osUser: actor.osUser, actor: actor.person.login, onBehalfOf: actor.onBehalfOf?.login,
                   action: action, entity: entity, entityId: entityId, before: before, after: after)
    }

    @discardableResult
    static func append(_ db: any SQLConnection, mac: AuditMAC, at: String, osUser: String, actor: String, onBehalfOf: String?, action: String,
                       entity: String, entityId: String, before: String, after: String) throws -> AuditEvent {
        let last = try head(db)
        let event = AuditEvent(seq: (last?.seq ?? 0) + 1, at: at, osUser: osUser, actor: actor, onBehalfOf: onBehalfOf,
                               action: action, entity: entity, entityId: entityId, before: before, after: after,
                               prevHash: last?.mac ?? AuditEvent.genesisHash).sealed(with: mac)
        try db.exec("""
            INSERT INTO audit_event (seq, at, os_user, actor, on_behalf_of, action, entity, entity_id, before, after, prev_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, event.seq, event.at, event.osUser, event.actor, event.onBehalfOf, event.action, event.entity, event.entityId,
            event.before, event.after, event.prevHash, event.hash)
        if let announce = db.dialect.announce(seq: event.seq) { try db.exec(announce.sql, announce.arguments) }
        return event
    }

    /// The newest event's seq and MAC, nil for an empty log: what the server logs and every
    /// backup's manifest records (``AuditHead``).
    package static func head(_ db: any SQLConnection) throws -> AuditHead? {
        guard let row = try db.row("SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1") else { return nil }
        return AuditHead(seq: try row.get("seq"), mac: try row.get("hash"))
    }

    /// Whether the log holds `head`'s event with `head`'s MAC.
    static func contains(_ db: any SQLConnection, _ head: AuditHead) throws -> Bool {
        try db.value(String.self, "SELECT hash FROM audit_event WHERE seq = ?", head.seq) == head.mac
    }

    /// The most recent events, newest first.
    package static func recent(_ db: any SQLConnection, limit: Int, entity: String? = nil, entityId: String? = nil) throws -> [AuditEvent] {
        var conditions: [String] = []
        var arguments: [SQLValue] = []
        if let entity { conditions.append("entity = ?"); arguments.append(entity.sqlValue) }
        if let entityId { conditions.append("entity_id = ?"); arguments.append(entityId.sqlValue) }
        arguments.append(limit.sqlValue)
        return try db.rows("SELECT * FROM audit_event" + (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND "))
                           + " ORDER BY seq DESC LIMIT ?", arguments).map(event)
    }

    package static func count(_ db: any SQLConnection) throws -> Int {
        try db.value(Int.self, "SELECT COUNT(*) FROM audit_event") ?? 0
    }

    /// The events after `seq`, in order, at most `limit`: the chain is walked a batch at a time.
    static func events(_ db: any SQLConnection, after seq: Int64, limit: Int) throws -> [AuditEvent] {
        try db.rows("SELECT * FROM audit_event WHERE seq > ? ORDER BY seq LIMIT ?", seq, limit).map(event)
    }

    /// An event as stored (decoded by hand: `audit verify` reads every row).
    static func event(_ row: SQLRow) throws -> AuditEvent {
        AuditEvent(seq: try row.get("seq"), at: try row.get("at"), osUser: try row.get("os_user"), actor: try row.get("actor"),
                   onBehalfOf: try row.get("on_behalf_of"), action: try row.get("action"), entity: try row.get("entity"),
                   entityId: try row.get("entity_id"), before: try row.get("before"), after: try row.get("after"),
                   prevHash: try row.get("prev_hash"), hash: try row.get("hash"))
    }

    /// Walks the whole chain in order under `mac`, a batch at a time; then checks that the
    /// head recorded outside the database (`anchored`) is still in it. Returns the first
    /// break, or nil.
    package static func verify(_ db: any SQLConnection, mac: AuditMAC, anchored: AuditHead? = nil) throws -> AuditChain.Break? {
        var previous: AuditEvent?
        while true {
            let batch = try events(db, after: previous?.seq ?? Int64.min, limit: 1024)
            if let broken = AuditChain.firstBreak(in: batch, after: previous, mac: mac) { return broken }
            guard let last = batch.last else { break }
            previous = last
        }
        if let anchored, try !contains(db, anchored) { return .anchoredHeadMissing(seq: anchored.seq) }
        return nil
    }

    /// Re-seals every event with `mac`, in order: a legacy chain becomes keyed. The caller
    /// verified the old chain first, in the same transaction.
    static func rechain(_ db: any SQLConnection, mac: AuditMAC) throws {
        var prevHash = AuditEvent.genesisHash
        var after = Int64.min
        while true {
            let batch = try events(db, after: after, limit: 1024)
            guard let last = batch.last else { break }
            for event in batch {
                var copy = event
                copy.prevHash = prevHash
                copy = copy.sealed(with: mac)
                try db.exec("UPDATE audit_event SET prev_hash = ?, hash = ? WHERE seq = ?", copy.prevHash, copy.hash, copy.seq)
                prevHash = copy.hash
            }
            after = last.seq
        }
    }
}
