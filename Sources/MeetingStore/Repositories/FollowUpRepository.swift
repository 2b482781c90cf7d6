import MeetingKit

/// Reads and writes follow-ups (R53–R55), their co-responsible units and the units' reports,
/// on the database port (either engine). A list is filtered and ordered by the database, each
/// follow-up with its minutes' header in the same query (a join on the `minutes_listing`
/// index), so a list costs one statement however long the office's history is.
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
        /// At most this many, after skipping `offset` in the list's order (a page of a long list).
        var limit: Int?
        var offset = 0
    }

    /// A follow-up and its minutes (header only: no body, no signed text).
    struct Listed {
        var followUp: FollowUp
        var minutes: Minutes
    }

    static func list(_ db: any SQLConnection, _ filter: Filter) throws -> [Listed] {
        let (sql, arguments) = statement(filter, dialect: db.dialect)
        // Many follow-ups share a document: decode each header once.
        var headers: [Int64: Minutes] = [:]
        var headerColumns: SQLRow.Columns?
        return try db.rows(sql, arguments).map { row in
            let followUp = try decoded(row)
            if let known = headers[followUp.minutesId] { return Listed(followUp: followUp, minutes: known) }
            let shape = headerColumns ?? SQLRow.Columns(Array(row.columns.dropFirst(columns.count)))
            headerColumns = shape
            let header = try MinutesHeader.decoded(SQLRow(shape, values: Array(row.values.dropFirst(columns.count))))
            headers[followUp.minutesId] = header
            return Listed(followUp: followUp, minutes: header)
        }
    }

    /// The listing query for `filter` (separate so that a test can check its plan). Ordered by
    /// due day, then id: a stable key, so paging (LIMIT/OFFSET, or keyset on `(due_day, id)`)
    /// can be added without rewriting it, and the `follow_up_due` index serves the order.
    static func statement(_ filter: Filter, dialect: any SQLDialect) -> (sql: String, arguments: [SQLValue]) {
        var conditions: [String] = []
        var arguments: [SQLValue] = []
        if let id = filter.id { conditions.append("f.id = ?"); arguments.append(id.sqlValue) }
        if let id = filter.minutesId { conditions.append("f.minutes_id = ?"); arguments.append(id.sqlValue) }
        if let code = filter.department { conditions.append("f.lead_department_code = ?"); arguments.append(code.sqlValue) }
        if let status = filter.status { conditions.append("f.status = ?"); arguments.append(status.rawValue.sqlValue) }
        if let day = filter.overdueOn {
            conditions.append(overdue("f"))
            arguments.append(day.iso.sqlValue)
        }
        if let day = filter.openOrDoneSince {
            // Two index ranges (open; closed since) rather than an OR, which SQLite answers by
            // walking all 416,000 follow-ups in due order.
            conditions.append("f.id IN (SELECT id FROM follow_up WHERE status = 'open' UNION ALL SELECT id FROM follow_up WHERE done_at >= ?)")
            arguments.append(day.iso.sqlValue)
        }
        let sql = """
            SELECT \(columns.map { "f." + $0 }.joined(separator: ", ")), \(MinutesHeader.select("m"))
            FROM follow_up f JOIN minutes m \(dialect.indexedBy("minutes_listing")) ON m.id = f.minutes_id
            \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
            ORDER BY f.due_day, f.id
            """ + (filter.limit == nil ? "" : " LIMIT ? OFFSET ?")
        if let limit = filter.limit { arguments += [limit.sqlValue, filter.offset.sqlValue] }
        return (sql, arguments)
    }

    /// The SQL form of ``FollowUp/isOverdue(today:)`` for the follow-ups named `table`, the day
    /// its one argument: open, and due before that day (ISO days sort as text).
    static func overdue(_ table: String) -> String {
        "\(table).status = 'open' AND \(table).due_day < ?"
    }

    /// One follow-up; a refusal when there is none with `id`.
    package static func followUp(_ db: any SQLConnection, id: Int64) throws -> FollowUp {
        guard let followUp = try db.row("SELECT \(columnList) FROM follow_up WHERE id = ?", id).map(decoded) else {
            throw Refusal.notFound("followUp.unknown", "没有编号为 \(id) 的督办事项", "no follow-up with id \(id)")
        }
        return followUp
    }

    /// Follow-ups by due day, then id, optionally of one lead unit or one status. The indexes
    /// `(lead_department_code, status, due_day)` and `(status, due_day)` serve each form.
    package static func followUps(_ db: any SQLConnection, department: String? = nil, status: FollowUp.Status? = nil) throws -> [FollowUp] {
        var conditions: [String] = []
        var arguments: [SQLValue] = []
        if let department { conditions.append("lead_department_code = ?"); arguments.append(department.sqlValue) }
        if let status { conditions.append("status = ?"); arguments.append(status.rawValue.sqlValue) }
        return try db.rows("""
            SELECT \(columnList) FROM follow_up \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
            ORDER BY due_day, id
            """, arguments).map(decoded)
    }

    /// The follow-ups still open after their due day on `day`, counted per lead department
    /// (``FollowUp/isOverdue(today:)``: open, due before it), from the index `(status, due_day)`.
    /// The year's report counts them; reading the 3,800 overdue ones of the bench office whole
    /// took a fifteenth of its instructions.
    static func overdueCounts(_ db: any SQLConnection, on day: Day) throws -> [String: Int] {
        // Counted as they come rather than grouped in SQL, which would sort them (as the
        // report's items, `Session.itemOutcomes`).
        var counts: [String: Int] = [:]
        try db.forEachRow("SELECT lead_department_code FROM follow_up WHERE \(overdue("follow_up"))", day.iso) { row in
            counts[try row.get("lead_department_code", as: String.self), default: 0] += 1
        }
        return counts
    }

    /// Whether the decision on agenda item `itemId` is already followed up (a correction's
    /// decisions came with the original).
    static func isFollowedUp(_ db: any SQLConnection, itemId: Int64) throws -> Bool {
        try db.row("SELECT 1 AS found FROM follow_up WHERE item_id = ?", itemId) != nil
    }

    /// The co-responsible units of each of `followUps` (R54), in the order its decision names
    /// them (``DecisionUnits/named(in:org:)`` over its text, as at signing). The order is worked
    /// out from the text rather than read from the rows: PostgreSQL keeps no insertion order a
    /// query could sort by. Units the text no longer names (a department renamed) come last,
    /// by code.
    static func coUnits(_ db: any SQLConnection, of followUps: [FollowUp], org: OrgChart) throws -> [Int64: [String]] {
        let ids = followUps.compactMap(\.id)
        guard !ids.isEmpty else { return [:] }
        var stored: [Int64: [String]] = [:]
        for row in try db.rows("""
            SELECT follow_up_id, department_code FROM follow_up_unit WHERE follow_up_id IN (\(db.dialect.jsonList(.integer)))
            ORDER BY follow_up_id, department_code
            """, [.text(SQLValue.jsonArray(ids))]) {
            stored[try row.get("follow_up_id"), default: []].append(try row.get("department_code"))
        }
        var out: [Int64: [String]] = [:]
        for f in followUps {
            guard let id = f.id, let units = stored[id] else { continue }
            let named = DecisionUnits.named(in: f.description, org: org)
            out[id] = units.sorted { a, b in
                switch (named.firstIndex(of: a), named.firstIndex(of: b)) {
                case let (x?, y?): x < y
                case (_?, nil): true
                case (nil, _?): false
                case (nil, nil): a < b
                }
            }
        }
        return out
    }

    /// Open follow-ups a unit is co-responsible for, in due order (its head's home screen).
    static func openCoResponsible(_ db: any SQLConnection, department code: String) throws -> [FollowUp] {
        try db.rows("""
            SELECT \(columns.map { "f." + $0 }.joined(separator: ", ")) FROM follow_up_unit u JOIN follow_up f ON f.id = u.follow_up_id
            WHERE u.department_code = ? AND f.status = 'open' ORDER BY f.due_day, f.id
            """, code).map(decoded)
    }

    /// Open follow-ups with a unit's report the office has yet to act on (the partial index
    /// `follow_up_pending_request` holds exactly these).
    static func awaitingOffice(_ db: any SQLConnection) throws -> [FollowUp] {
        try db.rows("SELECT \(columnList) FROM follow_up WHERE pending_request IS NOT NULL AND status = 'open' ORDER BY id").map(decoded)
    }

    /// What the units reported on a follow-up and what the office decided, oldest first.
    static func reports(_ db: any SQLConnection, of id: Int64) throws -> [FollowUpReport] {
        try db.rows("""
            SELECT id, follow_up_id, kind, department_code, text, due_day, by, recorded_by, at FROM follow_up_report
            WHERE follow_up_id = ? ORDER BY id
            """, id).map { row in
            FollowUpReport(id: try row.get("id", as: Int64.self), followUpId: try row.get("follow_up_id"), kind: try row.get("kind"),
                           departmentCode: try row.get("department_code"), text: try row.get("text"), dueDay: try row.get("due_day"),
                           by: try row.get("by"), recordedBy: try row.get("recorded_by"), at: try row.get("at"))
        }
    }

    // MARK: Writing

    /// Stores a new follow-up; it with the id the database gave it.
    static func insert(_ db: any SQLConnection, _ f: FollowUp) throws -> FollowUp {
        var stored = f
        stored.id = try db.value(Int64.self, """
            INSERT INTO follow_up (minutes_id, item_id, lead_department_code, description, due_day, status, done_note, done_at, done_by,
              created_at, version, pending_request)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
            """, values(f))
        return stored
    }

    /// Stores every field of `f` (its version as given: the use case moved it on).
    static func update(_ db: any SQLConnection, _ f: FollowUp) throws {
        guard let id = f.id else { throw SQLPortError.noRow(sql: "UPDATE follow_up without an id") }
        let changed = try db.exec("""
            UPDATE follow_up SET minutes_id = ?, item_id = ?, lead_department_code = ?, description = ?, due_day = ?, status = ?,
              done_note = ?, done_at = ?, done_by = ?, created_at = ?, version = ?, pending_request = ?
            WHERE id = ?
            """, values(f) + [id.sqlValue])
        guard changed == 1 else { throw SQLPortError.noRow(sql: "UPDATE follow_up \(id)") }
    }

    /// Makes `department` co-responsible for follow-up `id` (R54).
    static func insertUnit(_ db: any SQLConnection, followUpId id: Int64, department code: String) throws {
        try db.exec("INSERT INTO follow_up_unit (follow_up_id, department_code) VALUES (?, ?)", id, code)
    }

    /// Stores a unit's report or the office's move of the due day; it with its id.
    static func insert(_ db: any SQLConnection, _ r: FollowUpReport) throws -> FollowUpReport {
        var stored = r
        stored.id = try db.value(Int64.self, """
            INSERT INTO follow_up_report (follow_up_id, kind, department_code, text, due_day, by, recorded_by, at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
            """, r.followUpId, r.kind, r.departmentCode, r.text, r.dueDay, r.by, r.recordedBy, r.at)
        return stored
    }

    // MARK: Rows

    /// The follow-up's columns, in the order ``decoded(_:)`` and ``values(_:)`` use.
    private static let columns = ["id", "minutes_id", "item_id", "lead_department_code", "description", "due_day", "status",
                                  "done_note", "done_at", "done_by", "created_at", "version", "pending_request"]
    private static let columnList = columns.joined(separator: ", ")

    private static func values(_ f: FollowUp) -> [SQLValue] {
        [f.minutesId.sqlValue, f.itemId.sqlValue, f.leadDepartmentCode.sqlValue, f.description.sqlValue, f.dueDay.sqlValue,
         f.status.sqlValue, f.doneNote.sqlValue, f.doneAt.sqlValue, f.doneBy.sqlValue, f.createdAt.sqlValue, f.version.sqlValue,
         f.pendingRequest.sqlValue]
    }

    /// A follow-up decoded by hand from the first thirteen columns of `row` (``columns``, in
    /// order: every query here selects them first), by position: hundreds of thousands of rows
    /// decode several times faster than through Codable or by name. An error naming the
    /// follow-up when Huiwu cannot read it.
    private static func decoded(_ row: SQLRow) throws -> FollowUp {
        let v = row.values
        func value<T: SQLValueConvertible>(_ i: Int, _ type: T.Type = T.self) throws -> T {
            guard let decoded = T.fromSQL(v[i]) else {
                throw SQLPortError.decoding(column: "follow_up.\(columns[i]) of follow-up \(v[0])", value: v[i], as: "\(T.self)")
            }
            return decoded
        }
        return FollowUp(id: try value(0, Int64.self), minutesId: try value(1), itemId: try value(2), leadDepartmentCode: try value(3),
                        description: try value(4), dueDay: try value(5), status: try value(6), doneNote: try value(7),
                        doneAt: try value(8), doneBy: try value(9), createdAt: try value(10), pendingRequest: try value(12),
                        version: try value(11))
    }
}

extension FollowUp.Status: SQLTextEnum {}
extension FollowUpReport.Kind: SQLTextEnum {}
