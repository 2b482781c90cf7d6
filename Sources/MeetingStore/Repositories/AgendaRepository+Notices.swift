import MeetingKit

/// The notices that tell a lead department its item followed its meeting (R5, R18).
extension AgendaRepository {
    package static func notice(_ db: any SQLConnection, id: Int64) throws -> AgendaNotice? {
        try db.row("SELECT \(noticeColumns) FROM agenda_notice WHERE id = ?", id).map(notice)
    }

    /// Notices newest first, of these departments (every department's when nil), unread only
    /// unless `includeRead`.
    static func notices(_ db: any SQLConnection, departments: [String]?, includeRead: Bool) throws -> [AgendaNotice] {
        var conditions: [String] = []
        var arguments: [SQLValue] = []
        if let departments {
            conditions.append("department_code IN (\(db.dialect.jsonList(.text)))")
            arguments.append(.text(SQLValue.jsonArray(departments)))
        }
        if !includeRead { conditions.append("acknowledged_at IS NULL") }
        return try db.rows("SELECT \(noticeColumns) FROM agenda_notice" + whereClause(conditions) + " ORDER BY id DESC", arguments)
            .map(notice)
    }

    /// A department's unread notices, oldest first: the partial index `agenda_notice_open` holds only these.
    static func unreadNotices(_ db: any SQLConnection, department: String) throws -> [AgendaNotice] {
        try db.rows("SELECT \(noticeColumns) FROM agenda_notice WHERE department_code = ? AND acknowledged_at IS NULL ORDER BY id", department)
            .map(notice)
    }

    static func insert(_ db: any SQLConnection, _ n: AgendaNotice) throws {
        try db.exec("""
            INSERT INTO agenda_notice (item_id, department_code, meeting_id, kind, previous_start, at, by, acknowledged_at, acknowledged_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, n.itemId, n.departmentCode, n.meetingId, n.kind, n.previousStart, n.at, n.by, n.acknowledgedAt, n.acknowledgedBy)
    }

    /// Records who read a notice, and when.
    static func acknowledge(_ db: any SQLConnection, _ n: AgendaNotice) throws {
        guard let id = n.id else { throw SQLPortError.noRow(sql: "UPDATE agenda_notice without an id") }
        let changed = try db.exec("UPDATE agenda_notice SET acknowledged_at = ?, acknowledged_by = ? WHERE id = ?",
                                  n.acknowledgedAt, n.acknowledgedBy, id)
        guard changed == 1 else { throw SQLPortError.noRow(sql: "UPDATE agenda_notice \(id)") }
    }

    static let noticeColumns = "id, item_id, department_code, meeting_id, kind, previous_start, at, by, acknowledged_at, acknowledged_by"

    static func notice(_ row: SQLRow) throws -> AgendaNotice {
        AgendaNotice(id: try row.get("id", as: Int64.self), itemId: try row.get("item_id"), departmentCode: try row.get("department_code"),
                     meetingId: try row.get("meeting_id"), kind: try row.get("kind"), previousStart: try row.get("previous_start"),
                     at: try row.get("at"), by: try row.get("by"), acknowledgedAt: try row.get("acknowledged_at"),
                     acknowledgedBy: try row.get("acknowledged_by"))
    }
}
