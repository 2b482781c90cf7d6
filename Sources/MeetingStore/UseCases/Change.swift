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

extension Change {
    /// Reads record `key` to change it, refusing it when the caller read an older version than
    /// the stored one (optimistic locking, ``RecordVersion``). `check` refuses first what no
    /// version read would allow (deciding one's own leave request).
    func current<Record: VersionedRecord>(_ type: Record.Type, _ key: Record.Key, expected: Int?,
                                          check: (Record) throws -> Void = { _ in }) throws -> Versioned<Record> {
        let stored = try Record.stored(db, key)
        try check(stored.value)
        try RecordVersion.require(db, expected: expected, current: stored.version, entity: Record.entity, id: String(describing: key))
        return stored
    }

    /// The versioned edit of a shared record, in this transaction: reads it and refuses a stale
    /// version (``current(_:_:expected:check:)``), lets `edit` work out the new record and store
    /// it (with what goes with it: a history entry, a renumbering), then audits `action` with the
    /// record before and after. `edit` refuses what the rules forbid, and returns nil when
    /// nothing changed: then nothing is audited and the stored record comes back.
    ///
    /// ```swift
    /// try change.update(LeaveRequest.self, id, expected: 2, audit: "leave.approve") { before in
    ///     let after = try LeaveWorkflow.transition(before, .approve, by: actor, policy: policy, at: now)
    ///     try LeaveRepository.update(db, after)
    ///     return after
    /// }
    /// ```
    @discardableResult
    func update<Record: VersionedRecord>(_ type: Record.Type, _ key: Record.Key, expected: Int?, audit action: String,
                                         check: (Record) throws -> Void = { _ in },
                                         _ edit: (Record) throws -> Record?) throws -> Versioned<Record> {
        let before = try current(type, key, expected: expected, check: check)
        guard let after = try edit(before.value) else { return before }
        try audit(action, entity: Record.entity, id: String(describing: key),
                  before: before.value.auditSummary, after: after.auditSummary)
        return Versioned(after, version: before.version + 1)
    }
}
