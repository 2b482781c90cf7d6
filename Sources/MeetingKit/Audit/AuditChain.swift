/// Computes the hex MAC of an event's ``AuditEvent/chainText``. The store passes HMAC-SHA256
/// under the office's key; ``AuditChain/plainSHA256`` is the unkeyed hash of chains written
/// before keys existed (checked once, when such a log is upgraded).
public typealias AuditMAC = @Sendable (String) -> String

/// Verifies an ordered run of audit events as a MAC chain.
public enum AuditChain {
    /// The MAC of legacy chains: plain SHA-256, which anyone holding the file can recompute.
    public static let plainSHA256: AuditMAC = { SHA256.hex($0) }

    /// Why verification failed at a given event.
    public enum Break: Hashable, Sendable, Codable {
        /// The event's stored hash does not match its content (the row was altered).
        case alteredEvent(seq: Int64)
        /// The event does not point at its predecessor (a row was removed or inserted).
        case brokenLink(seq: Int64)
        /// Sequence numbers skip (a row was deleted).
        case gap(afterSeq: Int64, nextSeq: Int64)
        /// The head recorded outside the database (``AuditHead``) is missing from it or has
        /// another MAC: the newest events were deleted or rewritten.
        case anchoredHeadMissing(seq: Int64)

        public var seq: Int64 {
            switch self {
            case .alteredEvent(let s), .brokenLink(let s), .anchoredHeadMissing(let s): return s
            case .gap(_, let next): return next
            }
        }

        public var message: Localized {
            switch self {
            case .alteredEvent(let s):
                return Localized(zh: "审计事件 #\(s) 的内容已被改动，或不是用本办公室的密钥封存的（MAC 不符）",
                                 en: "audit event #\(s) was altered, or was not sealed with this office's key (MAC mismatch)")
            case .brokenLink(let s):
                return Localized(zh: "审计事件 #\(s) 与前一事件的链接断开", en: "audit event #\(s) does not link to the previous event")
            case .gap(let a, let n):
                return Localized(zh: "审计事件 #\(a) 与 #\(n) 之间有事件被删除", en: "audit events between #\(a) and #\(n) were deleted")
            case .anchoredHeadMissing(let s):
                return Localized(zh: "审计事件 #\(s)（记录在数据库之外的链头）已不在数据库中或已被改写：最新的事件被删除或改写",
                                 en: "audit event #\(s), the chain's head recorded outside the database, is missing or different: the newest events were deleted or rewritten")
            }
        }
    }

    /// Checks events in `seq` order under `mac`, continuing from `previous` (nil at the start
    /// of the log). Returns the first break, or nil when the run is intact.
    public static func firstBreak<S: Sequence>(in events: S, after previous: AuditEvent? = nil, mac: AuditMAC) -> Break?
    where S.Element == AuditEvent {
        var prevHash = previous?.hash ?? AuditEvent.genesisHash
        var prevSeq = previous?.seq ?? 0
        for event in events {
            if event.seq != prevSeq + 1 { return .gap(afterSeq: prevSeq, nextSeq: event.seq) }
            if event.prevHash != prevHash { return .brokenLink(seq: event.seq) }
            if mac(event.chainText) != event.hash { return .alteredEvent(seq: event.seq) }
            prevHash = event.hash
            prevSeq = event.seq
        }
        return nil
    }
}
