/// One change to the office's records: who made it, on whose behalf, when, and what changed.
///
/// Events form a chain: each ``hash`` is a MAC over the event's fields and the previous
/// event's hash, so altering or deleting any row breaks verification from that row on. The
/// MAC is injected (``AuditMAC``): the store uses HMAC-SHA256 under the office's key, so
/// only a holder of the key can re-chain a rewritten log; the domain stays Foundation-only.
public struct AuditEvent: Hashable, Sendable, Codable {
    /// Position in the chain, from 1.
    public var seq: Int64
    /// Beijing time with seconds, e.g. `2026-03-02T09:00:05+08:00`.
    public var at: String
    /// The OS user that ran the process (the real user, even under `--as`).
    public var osUser: String
    /// The person whose identity was used (the login itself, or the `--as` target).
    public var actor: String
    /// The leader a secretary recorded this for (代录), if any.
    public var onBehalfOf: String?
    /// What happened, e.g. `meeting.create`, `item.approve`, `leave.refused`.
    public var action: String
    /// The kind of record, e.g. `meeting`.
    public var entity: String
    /// The record's key.
    public var entityId: String
    /// A short summary of the record before the change (empty for creation).
    public var before: String
    /// A short summary after the change (empty for deletion).
    public var after: String
    public var prevHash: String
    public var hash: String

    public init(seq: Int64, at: String, osUser: String, actor: String, onBehalfOf: String?, action: String,
                entity: String, entityId: String, before: String, after: String, prevHash: String, hash: String = "") {
        self.seq = seq
        self.at = at
        self.osUser = osUser
        self.actor = actor
        self.onBehalfOf = onBehalfOf
        self.action = action
        self.entity = entity
        self.entityId = entityId
        self.before = before
        self.after = after
        self.prevHash = prevHash
        self.hash = hash
    }

    /// The hash of the first event's predecessor.
    public static let genesisHash = String(repeating: "0", count: 64)

    /// What the MAC covers: every field and the previous hash, joined with U+001F.
    public var chainText: String {
        let unit = "\u{1F}"
        let fields = [String(seq), at, osUser, actor, onBehalfOf ?? "", action, entity, entityId, before, after, prevHash]
        return fields.joined(separator: unit)
    }

    /// Returns this event with its hash filled in by `mac`.
    public func sealed(with mac: AuditMAC) -> AuditEvent {
        var copy = self
        copy.hash = mac(chainText)
        return copy
    }
}
