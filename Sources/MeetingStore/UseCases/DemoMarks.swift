import Foundation
import MeetingKit

/// What the demo created in an office on PostgreSQL, told by the ids its rows were given
/// (issue 21): the highest id of every table before the demo was seeded, and the audit head.
///
/// A SQLite office goes back to the file backed up before the demo; a database shared by
/// several servers has no such file, so the demo is taken out row by row instead. That is
/// exact because the demo needs an office without meetings or items, and its removal is
/// refused once anything but the demo happened (``Session/removeDemo()``). The audit events
/// stay: the chain is append-only, and its history says the demo came and went.
struct DemoMarks: Codable, Sendable {
    /// The highest `id` of each table keyed by one, before the demo (0 when empty).
    var lastIds: [String: Int64]
    /// The audit head's `seq` before the demo.
    var lastSeq: Int64

    /// Tables without an `id` of their own, and the table whose rows theirs belong to.
    private static let children: [String: (column: String, parent: String)] = [
        "agenda_related": ("item_id", "agenda_item"), "agenda_precondition": ("item_id", "agenda_item"),
        "agenda_slot": ("meeting_id", "meeting"), "leave_report_read": ("meeting_id", "meeting"),
        "meeting_notice": ("meeting_id", "meeting"), "seating_order": ("meeting_id", "meeting"),
        "minutes_dispatch": ("minutes_id", "minutes"), "follow_up_unit": ("follow_up_id", "follow_up"),
    ]

    /// The marks of the office as it is now.
    static func take(_ db: any SQLConnection) throws -> DemoMarks {
        var lastIds: [String: Int64] = [:]
        for table in OfficeCopy.tables {
            guard try db.dialect.columns(of: table, db).contains(where: { $0.name == "id" }) else { continue }
            lastIds[table] = try db.value(Int64.self, "SELECT MAX(id) FROM \(table)") ?? 0
        }
        return DemoMarks(lastIds: lastIds, lastSeq: try AuditLog.head(db)?.seq ?? 0)
    }

    /// Deletes every row made since the marks were taken, audit events excepted, in the
    /// caller's transaction; the number of rows deleted. Signed minutes and their timeline
    /// go too, so the refusing triggers are off meanwhile (as when an office is copied).
    func erase(_ db: any SQLConnection) throws -> Int {
        let tables = OfficeCopy.tables
        return try db.dialect.withoutRefusingTriggers(on: tables, db) {
            var deleted = 0
            // Newest tables first: a row goes before the rows it refers to.
            for table in tables.reversed() {
                if let last = lastIds[table] {
                    deleted += try db.exec("DELETE FROM \(table) WHERE id > ?", last)
                } else if let child = DemoMarks.children[table], let last = lastIds[child.parent] {
                    deleted += try db.exec("DELETE FROM \(table) WHERE \(child.column) > ?", last)
                } else if table == "on_behalf_record" {
                    deleted += try db.exec("DELETE FROM on_behalf_record WHERE seq > ?", lastSeq)
                }
            }
            return deleted
        }
    }

    /// The marks as a setting's text, and back.
    var text: String { String(decoding: (try? JSONEncoder().encode(self)) ?? Data(), as: UTF8.self) }

    init?(text: String) {
        guard let marks = try? JSONDecoder().decode(DemoMarks.self, from: Data(text.utf8)) else { return nil }
        self = marks
    }

    private init(lastIds: [String: Int64], lastSeq: Int64) {
        self.lastIds = lastIds
        self.lastSeq = lastSeq
    }
}
