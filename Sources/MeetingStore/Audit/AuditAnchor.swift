import Foundation
import MeetingKit

/// The chain's head kept outside the database (`<db>.audit-head`), so that deleting the
/// newest events, which leaves a perfectly linked shorter chain, is detected.
///
/// The writing process records the head after its transaction committed (SQLite with
/// `synchronous = FULL` has the events on disk first), so the anchor can lag behind the
/// database, never lead it. It only moves forward, and never away from an event the database
/// no longer holds: a truncated log keeps failing `audit verify` until an administrator
/// restores a backup (which re-anchors).
enum AuditAnchor {
    static func path(forDatabase databasePath: String) -> String { databasePath + ".audit-head" }

    /// The recorded head; nil when none was recorded yet.
    static func read(_ path: String) throws -> AuditHead? {
        guard let data = FileManager.default.contents(atPath: path) else {
            if FileManager.default.fileExists(atPath: path) { throw unreadable(path) }
            return nil
        }
        guard let head = try? JSONDecoder().decode(AuditHead.self, from: data) else { throw unreadable(path) }
        return head
    }

    /// Whether `db` still holds the head recorded at `path` (true when none is recorded).
    static func holds(_ db: any SQLConnection, anchorAt path: String) throws -> Bool {
        guard let anchored = try read(path) else { return true }
        return try AuditLog.contains(db, anchored)
    }

    /// Records `head` (a committed head) unless the recorded one is newer.
    static func advance(to head: AuditHead, at path: String, mode: mode_t) throws {
        if let recorded = try? read(path), recorded.seq > head.seq { return }
        try record(head, at: path, mode: mode)
    }

    /// Records `head` whatever was recorded before: after a restore, whose head is older.
    static func record(_ head: AuditHead, at path: String, mode: mode_t) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        try FileAccess.replace(path, with: try encoder.encode(head) + Data("\n".utf8), mode: mode)
    }

    private static func unreadable(_ path: String) -> Refusal {
        Refusal(.storage, code: "audit.anchorUnreadable", Localized(
            zh: "无法读取审计链头记录 \(path)（\(FileAccess.describe(path).zh)）",
            en: "cannot read the audit head record \(path) (\(FileAccess.describe(path).en))"))
    }
}
