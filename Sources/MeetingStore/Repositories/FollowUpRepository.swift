import GRDB
import MeetingKit

/// Lists follow-ups filtered and ordered by SQLite, each with its minutes' header in the same
/// query (a join on the `minutes_listing` index), so a list costs one statement however long
/// the office's history is.
enum FollowUpRepository {
    /// Which follow-ups a list shows. Every condition is optional; all given ones apply.
    struct Filter {
        var id: Int64?
        var minutesId: Int64?
        var department: String?
        var status: FollowUp.Status?
        /// Open and due before this day: overdue on it (``FollowUp/isOverdue(today:)``).
        var overdueOn: Day?
        /// Open, or closed on or after this day (the board: what is still to do, and what was just done).
        var openOrDoneSince: Day?
    }

    /// A follow-up and its minutes (header only: no body, no signed text).
    struct Listed {
        var followUp: FollowUp
        var minutes: Minutes
    }

    static func list(_ db: Database, _ filter: Filter) throws -> [Listed] {
        let (sql, arguments) = statement(filter)
        // Many follow-ups share a document: decode each header once.
        var headers: [Int64: Minutes] = [:]
        var out: [Listed] = []
        let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        while let row = try rows.next() {
            guard let followUp = decode(row) else {
                throw DatabaseError(message: "follow-up \(row[0] as Int64? ?? 0) has values Huiwu cannot read; run huiwu doctor")
            }
            let minutes: Minutes
            if let known = headers[followUp.minutesId] {
                minutes = known
            } else {
                let header = try MinutesHeader.decoded(row, at: 13)
                headers[followUp.minutesId] = header
                minutes = header
            }
            out.append(Listed(followUp: followUp, minutes: minutes))
        }
        return out
    }

    /// The listing query for `filter` (separate so that a test can check its plan).
    static func statement(_ filter: Filter) -> (sql: String, arguments: StatementArguments) {
        var conditions: [String] = []
        var arguments = StatementArguments()
        if let id = filter.id { conditions.append("f.id = ?"); arguments += [id] }
        if let id = filter.minutesId { conditions.append("f.minutes_id = ?"); arguments += [id] }
        if let code = filter.department { conditions.append("f.lead_department_code = ?"); arguments += [code] }
        if let status = filter.status { conditions.append("f.status = ?"); arguments += [status.rawValue] }
        if let day = filter.overdueOn {
            // The SQL form of FollowUp.isOverdue: open and today > due day (ISO days sort as text).
            conditions.append("f.status = 'open' AND f.due_day < ?")
            arguments += [day.iso]
        }
        if let day = filter.openOrDoneSince {
            // Two index ranges (open; closed since) rather than an OR, which SQLite answers by
            // walking all 416,000 follow-ups in due order.
            conditions.append("f.id IN (SELECT id FROM follow_up WHERE status = 'open' UNION ALL SELECT id FROM follow_up WHERE done_at >= ?)")
            arguments += [day.iso]
        }
        let sql = """
            SELECT f.id, f.minutes_id, f.item_id, f.lead_department_code, f.description, f.due_day, f.status,
                   f.done_note, f.done_at, f.done_by, f.created_at, f.version, f.pending_request, \(MinutesHeader.select("m"))
            FROM follow_up f JOIN minutes m INDEXED BY minutes_listing ON m.id = f.minutes_id
            \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
            ORDER BY f.due_day, f.id
            """
        return (sql, arguments)
    }

    /// A follow-up from the first thirteen columns of a listing row (by position: hundreds of
    /// thousands of rows decode several times faster than through Codable).
    private static func decode(_ row: Row) -> FollowUp? {
        guard let due = Day(iso: row[5] as String), let status = FollowUp.Status(rawValue: row[6]),
              let created = LocalDateTime(iso: row[10] as String) else { return nil }
        let doneAt: String? = row[8]
        let pending: String? = row[12]
        return FollowUp(id: row[0], minutesId: row[1], itemId: row[2], leadDepartmentCode: row[3], description: row[4],
                        dueDay: due, status: status, doneNote: row[7], doneAt: doneAt.flatMap { LocalDateTime(iso: $0) },
                        doneBy: row[9], createdAt: created, pendingRequest: pending.flatMap(FollowUpReport.Kind.init(rawValue:)),
                        version: row[11])
    }

    /// The co-responsible units of each follow-up (R54), in the order the decision names them.
    static func coUnits(_ db: Database, of ids: [Int64]) throws -> [Int64: [String]] {
        guard !ids.isEmpty else { return [:] }
        var out: [Int64: [String]] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT follow_up_id, department_code FROM follow_up_unit WHERE follow_up_id IN (SELECT value FROM json_each(?)) ORDER BY rowid
            """, arguments: ["[" + ids.map(String.init).joined(separator: ",") + "]"])
        while let row = try rows.next() { out[row[0], default: []].append(row[1]) }
        return out
    }

    /// Open follow-ups a unit is co-responsible for, in due order (its head's home screen).
    static func openCoResponsible(_ db: Database, department code: String) throws -> [FollowUp] {
        try FollowUp.fetchAll(db.cachedStatement(sql: """
            SELECT f.* FROM follow_up_unit u JOIN follow_up f ON f.id = u.follow_up_id
            WHERE u.department_code = ? AND f.status = 'open' ORDER BY f.due_day, f.id
            """), arguments: [code])
    }

    /// Open follow-ups with a unit's report the office has yet to act on (the partial index
    /// `follow_up_pending_request` holds exactly these).
    static func awaitingOffice(_ db: Database) throws -> [FollowUp] {
        try FollowUp.fetchAll(db.cachedStatement(sql: """
            SELECT * FROM follow_up WHERE pending_request IS NOT NULL AND status = 'open' ORDER BY id
            """))
    }

    /// What the units reported on a follow-up and what the office decided, oldest first.
    static func reports(_ db: Database, of id: Int64) throws -> [FollowUpReport] {
        try FollowUpReport.filter(Column("follow_up_id") == id).order(Column("id")).fetchAll(db)
    }
}
