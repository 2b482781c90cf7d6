/// Verifies an ordered run of audit events as a hash chain.
public enum AuditChain {
    /// Why verification failed at a given event.
    public enum Break: Hashable, Sendable, Codable {
        /// The event's stored hash does not match its content (the row was altered).
        case alteredEvent(seq: Int64)
        /// The event does not point at its predecessor (a row was removed or inserted).
        case brokenLink(seq: Int64)
        /// Sequence numbers skip (a row was deleted).
        case gap(afterSeq: Int64, nextSeq: Int64)

        public var seq: Int64 {
            switch self {
            case .alteredEvent(let s), .brokenLink(let s): return s
            case .gap(_, let next): return next
            }
        }

        public var message: Localized {
            switch self {
            case .alteredEvent(let s):
                return Localized(zh: "审计事件 #\(s) 的内容已被改动（哈希不符）", en: "audit event #\(s) was altered (hash mismatch)")
            case .brokenLink(let s):
                return Localized(zh: "审计事件 #\(s) 与前一事件的链接断开", en: "audit event #\(s) does not link to the previous event")
            case .gap(let a, let n):
                return Localized(zh: "审计事件 #\(a) 与 #\(n) 之间有事件被删除", en: "audit events between #\(a) and #\(n) were deleted")
            }
        }
    }

    /// Checks events in `seq` order, continuing from `previous` (nil at the start of the log).
    /// Returns the first break, or nil when the run is intact.
    public static func firstBreak<S: Sequence>(in events: S, after previous: AuditEvent? = nil) -> Break? where S.Element == AuditEvent {
        var prevHash = previous?.hash ?? AuditEvent.genesisHash
        var prevSeq = previous?.seq ?? 0
        for event in events {
            if event.seq != prevSeq + 1 { return .gap(afterSeq: prevSeq, nextSeq: event.seq) }
            if event.prevHash != prevHash { return .brokenLink(seq: event.seq) }
            if event.computedHash != event.hash { return .alteredEvent(seq: event.seq) }
            prevHash = event.hash
            prevSeq = event.seq
        }
        return nil
    }
}
