import GRDB
import MeetingKit

/// Appends sealed audit events the way `AuditLog` does, continuing the chain from the
/// events `Setup` wrote, with timestamps from the synthetic history, sealed with the office's
/// key (so opening the office never has a legacy chain to re-key).
struct AuditChainWriter {
    let osUser: String
    let mac: AuditMAC
    private(set) var seq: Int64 = 0
    private var prevHash = AuditEvent.genesisHash
    private(set) var count = 0
    private var insert: Statement?

    init(osUser: String, mac: @escaping AuditMAC) {
        self.osUser = osUser
        self.mac = mac
    }

    mutating func load(_ db: Database) throws {
        if let row = try Row.fetchOne(db, sql: "SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1") {
            seq = row["seq"]
            prevHash = row["hash"]
        }
        insert = try db.makeStatement(sql: """
            INSERT INTO audit_event(seq, at, os_user, actor, on_behalf_of, action, entity, entity_id, before, after, prev_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
    }

    /// `actor` is who typed it; `onBehalfOf` the leader a secretary recorded it for (代录).
    mutating func append(at: LocalDateTime, actor: String, onBehalfOf: String? = nil, action: String, entity: String, id: String,
                         before: String = "", after: String) throws {
        seq += 1
        let event = AuditEvent(seq: seq, at: at.iso + ":00+08:00", osUser: osUser, actor: actor, onBehalfOf: onBehalfOf, action: action,
                               entity: entity, entityId: id, before: before, after: after, prevHash: prevHash).sealed(with: mac)
        try insert!.execute(arguments: [event.seq, event.at, event.osUser, event.actor, event.onBehalfOf, event.action, event.entity,
                                        event.entityId, event.before, event.after, event.prevHash, event.hash])
        prevHash = event.hash
        count += 1
    }
}
