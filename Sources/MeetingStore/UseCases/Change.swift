import MeetingKit

/// A write in progress: the connection, the actor, and the moment, for audit events.
package struct Change {
    /// The transaction's connection, on the database port (either engine).
    public let db: any SQLConnection
    public let actor: Actor
    /// The audit timestamp of this change.
    public let at: String
    public let now: LocalDateTime
    /// Seals the audit events with the office's key.
    let mac: AuditMAC

    /// Records what changed, in the same transaction as the change. A decision recorded for a
    /// leader (代录) also waits on the leader's home for confirmation.
    public func audit(_ action: String, entity: String, id: String, before: String = "", after: String = "") throws {
        let event = try AuditLog.append(db, mac: mac, at: at, actor: actor, action: action, entity: entity, entityId: id, before: before, after: after)
        if let leader = actor.onBehalfOf {
            try OnBehalfRepository.insert(db, OnBehalfRecord(seq: event.seq, leaderLogin: leader.login, recorderLogin: actor.person.login,
                                                             action: action, entity: entity, entityId: id, at: at))
        }
    }
}
