import MeetingKit

extension AgendaRepository {
    /// Replaces an item's related departments, in order (a draft's, before it is submitted).
    static func replaceRelated(_ db: any SQLConnection, itemId: Int64, codes: [String]) throws {
        try db.exec("DELETE FROM agenda_related WHERE item_id = ?", itemId)
        try insertRelated(db, itemId: itemId, codes: codes)
    }
}
