import MeetingKit

/// Refused decisions leave a trace in the audit log.
///
/// A decision the work rules reserve to a named person (R42 leave, R41 item approval and the
/// office's acceptance, R61 meeting approval, R65 absences, R43/R44 review and signature of
/// minutes) is audited when a rule refuses it: who tried, as whom, what, and the article
/// that stopped it. So is an attempt to change minutes that are signed (immutable, R43) or
/// that belong to another drafter. The refused change itself writes nothing; the event
/// `refused.<action>` is appended in a short transaction of its own after the refused one
/// rolled back, so the chain stays valid and the record is untouched.
///
/// Invalid input, unknown records and stale versions are not audited: nobody overstepped
/// a rule, and logging typos would bury the refusals that matter.
extension Session {
    /// Runs `body`; when a rule refuses it (and `audits` agrees), records `refused.<action>`
    /// on the entity and rethrows.
    func auditingRefusal<T>(_ action: String, entity: String, id: String, audits: (Refusal) -> Bool = { _ in true },
                            _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let refusal as Refusal where refusal.kind == .rule && audits(refusal) {
            recordRefusal(refusal, action: action, entity: entity, id: id)
            throw refusal
        }
    }

    /// Appends the refusal event. Best effort: when the store cannot be written (disk full),
    /// the user still gets the refusal itself rather than a storage error about the log.
    func recordRefusal(_ refusal: Refusal, action: String, entity: String, id: String) {
        let summary = RefusalSummary(code: refusal.code, article: refusal.article, message: refusal.message.en)
        let stamp = clock.timestamp
        _ = try? store.transaction { db, mac in
            try AuditLog.append(db, mac: mac, at: stamp, actor: actor, action: AuditLog.refusedPrefix + action, entity: entity,
                                entityId: id, before: "", after: AuditSummary.of(summary))
        }
    }
}

extension AuditLog {
    /// The prefix of refusal events' actions: `refused.leave.approve`. Such an event records
    /// an attempt, not a change of the record.
    public static let refusedPrefix = "refused."
}

/// What the audit log keeps of a refusal.
struct RefusalSummary: Encodable {
    var code: String
    var article: String?
    var message: String
}
