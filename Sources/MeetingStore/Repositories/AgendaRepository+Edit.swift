import GRDB
import MeetingKit

extension AgendaRepository {
    /// Replaces an item's related departments, in order (a draft's, before it is submitted).
    static func replaceRelated(_ db: Database, itemId: Int64, codes: [String]) throws {
        try db.execute(sql: "DELETE FROM agenda_related WHERE item_id = ?", arguments: [itemId])
        for (position, code) in codes.enumerated() {
            try db.execute(sql: "INSERT INTO agenda_related(item_id, department_code, position) VALUES (?, ?, ?)",
                           arguments: [itemId, code, position])
        }
    }
}
