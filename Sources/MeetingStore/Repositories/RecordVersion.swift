import MeetingKit

/// Optimistic locking: the one check every edit of a shared record goes through (people,
/// departments, meetings, agenda items, leave requests, minutes).
///
/// Each of these records carries a version that every change increments. A screen or a
/// script states the version it read (`--expect-version`, or the version a TUI form kept
/// when it opened); when the stored version has moved on, someone else changed the record
/// in between, and the edit is refused with who did it and when instead of silently
/// overwriting their change. `expected: nil` means "whatever is stored now" (a one-shot
/// command that reads and writes in the same transaction).
///
/// ```swift
/// try RecordVersion.require(db, expected: 3, current: meeting.version, entity: "meeting", id: "12")
/// // Refusal "record.stale": "meeting 12 was changed by 李静 (lijing) at 2026-03-02 10:15 …; reload"
/// ```
package enum RecordVersion {
    /// The refusal's stable code.
    package static let staleCode = "record.stale"

    /// Refuses an edit that read version `expected` of `entity` `id` when it is now at `current`.
    /// `entity` is the audit log's entity name, from which the last change is looked up.
    package static func require(_ db: any SQLConnection, expected: Int?, current: Int, entity: String, id: String) throws {
        guard let expected, expected != current else { return }
        let last = try lastChange(db, entity: entity, id: id)
        let who: String
        if let last, let name = try db.value(String.self, "SELECT name FROM person WHERE login = ?", last.actor) {
            who = "\(name)（\(last.actor)）"
        } else {
            who = last?.actor ?? "?"
        }
        let whoEn = who.replacingOccurrences(of: "（", with: " (").replacingOccurrences(of: "）", with: ")")
        let at = last.map { String($0.at.prefix(16)).replacingOccurrences(of: "T", with: " ") } ?? "?"
        let label = self.label(entity, id: TextSafety.inert(id))
        throw Refusal.conflict(staleCode,
                               "\(label.zh) 已被 \(who) 于 \(at) 修改（你读取的是第 \(expected) 版，现为第 \(current) 版），请重新加载后再改",
                               "\(label.en) was changed by \(whoEn) at \(at) (you read version \(expected), it is now \(current)); reload and try again")
    }

    /// The latest audit event that changed the record: refused attempts (`refused.*`) and
    /// reads (`*.read`, e.g. the mayor reading a leave report) are not changes. (The patterns
    /// are lower case as the actions are: SQLite's LIKE ignores ASCII case, PostgreSQL's does not.)
    static func lastChange(_ db: any SQLConnection, entity: String, id: String) throws -> AuditEvent? {
        try db.row("""
            SELECT * FROM audit_event WHERE entity = ? AND entity_id = ? AND action NOT LIKE ? AND action NOT LIKE '%.read'
            ORDER BY seq DESC LIMIT 1
            """, entity, id, AuditLog.refusedPrefix + "%").map(AuditLog.event)
    }

    /// How the record is named in the message: "meeting 12", "item #3", "person lijing".
    static func label(_ entity: String, id: String) -> Localized {
        switch entity {
        case "person": return Localized(zh: "人员 \(id)", en: "person \(id)")
        case "department": return Localized(zh: "部门 \(id)", en: "department \(id)")
        case "meeting": return Localized(zh: "会议 #\(id)", en: "meeting #\(id)")
        case "item": return Localized(zh: "议题 #\(id)", en: "item #\(id)")
        case "leave": return Localized(zh: "请假申请 #\(id)", en: "leave request #\(id)")
        case "minutes": return Localized(zh: "纪要 #\(id)", en: "minutes #\(id)")
        default: return .same("\(entity) \(id)")
        }
    }
}
