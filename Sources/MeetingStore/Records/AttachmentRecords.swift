import MeetingKit

/// Attachments' rows, through the database port on either engine (issue 21).
extension Attachment {
    private static let columns = "id, item_id, minutes_id, name, stored_path, sha256, size, added_by, added_at"

    /// The attachments `condition` selects (`id`-ordered), e.g. `item_id = ?`; all without one.
    static func fetch(_ db: any SQLConnection, where condition: String? = nil, _ arguments: any SQLValueConvertible...) throws -> [Attachment] {
        try db.rows("SELECT \(columns) FROM attachment" + (condition.map { " WHERE " + $0 } ?? "") + " ORDER BY id",
                    arguments.map(\.sqlValue)).map(Attachment.init(row:))
    }

    /// Records a new attachment and takes its id.
    mutating func insert(_ db: any SQLConnection) throws {
        id = try db.value(Int64.self, """
            INSERT INTO attachment (item_id, minutes_id, name, stored_path, sha256, size, added_by, added_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
            """, itemId, minutesId, name, storedPath, sha256, size, addedBy, addedAt)
    }

    private init(row: SQLRow) throws {
        let owner: Owner
        if let minutes = try row.get("minutes_id", as: Int64?.self) { owner = .minutes(minutes) } else { owner = .item(try row.get("item_id")) }
        self.init(id: try row.get("id"), owner: owner,
                  name: try row.get("name"), sha256: try row.get("sha256"), size: try row.get("size"),
                  addedBy: try row.get("added_by"), addedAt: try row.get("added_at"))
        storedPath = try row.get("stored_path")
    }
}
