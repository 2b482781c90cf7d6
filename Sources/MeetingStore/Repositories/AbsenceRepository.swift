import MeetingKit

/// Reads and writes the register of absences from Beijing (R65), on the database port.
package enum AbsenceRepository {
    package static func absence(_ db: any SQLConnection, id: Int64) throws -> Absence {
        guard let row = try db.row("SELECT \(columns) FROM absence WHERE id = ?", id) else {
            throw Refusal.notFound("absence.unknown", "没有编号为 \(id) 的离京登记", "no absence with id \(id)")
        }
        return try absence(row)
    }

    /// Absences overlapping [from, to] (either bound optional), optionally of one person or
    /// status, by first day.
    package static func absences(_ db: any SQLConnection, from: Day? = nil, to: Day? = nil, person: String? = nil,
                                status: Absence.Status? = nil) throws -> [Absence] {
        var conditions: [String] = []
        var arguments: [SQLValue] = []
        if let from { conditions.append("to_day >= ?"); arguments.append(from.sqlValue) }
        if let to { conditions.append("from_day <= ?"); arguments.append(to.sqlValue) }
        if let person { conditions.append("person_login = ?"); arguments.append(person.sqlValue) }
        if let status { conditions.append("status = ?"); arguments.append(status.sqlValue) }
        return try db.rows("SELECT \(columns) FROM absence" + (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND "))
                           + " ORDER BY from_day, id", arguments).map(absence)
    }

    /// A person's absences from `since` on that are neither reported to the municipality nor
    /// withdrawn, by first day (the mayor's, R7, for the office's home screen).
    static func unreported(_ db: any SQLConnection, person: String, since: Day) throws -> [Absence] {
        try db.rows("""
            SELECT \(columns) FROM absence WHERE person_login = ? AND from_day >= ? AND reported_at IS NULL AND withdrawn_at IS NULL
            ORDER BY from_day
            """, person, since).map(absence)
    }

    /// Stores a new absence; the absence with the id the database gave it.
    static func insert(_ db: any SQLConnection, _ a: Absence) throws -> Absence {
        var stored = a
        stored.id = try db.value(Int64.self, """
            INSERT INTO absence (person_login, from_day, to_day, kind, reason, status, needs_mayor, supervisor_login, mayor_approved_at,
              supervisor_approved_at, refused_by, refusal_reason, registered_by, registered_at, withdrawn_by, withdrawn_at,
              withdrawal_reason, reported_by, reported_at, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
            """, values(a))
        return stored
    }

    /// Stores every field of `a` (its version as given: the workflow moved it on).
    static func update(_ db: any SQLConnection, _ a: Absence) throws {
        guard let id = a.id else { throw SQLPortError.noRow(sql: "UPDATE absence without an id") }
        let changed = try db.exec("""
            UPDATE absence SET person_login = ?, from_day = ?, to_day = ?, kind = ?, reason = ?, status = ?, needs_mayor = ?,
              supervisor_login = ?, mayor_approved_at = ?, supervisor_approved_at = ?, refused_by = ?, refusal_reason = ?,
              registered_by = ?, registered_at = ?, withdrawn_by = ?, withdrawn_at = ?, withdrawal_reason = ?, reported_by = ?,
              reported_at = ?, version = ?
            WHERE id = ?
            """, values(a) + [id.sqlValue])
        guard changed == 1 else { throw SQLPortError.noRow(sql: "UPDATE absence \(id)") }
    }

    private static func values(_ a: Absence) -> [SQLValue] {
        [a.personLogin.sqlValue, a.fromDay.sqlValue, a.toDay.sqlValue, a.kind.sqlValue, a.reason.sqlValue, a.status.sqlValue,
         a.needsMayor.sqlValue, a.supervisorLogin.sqlValue, a.mayorApprovedAt.sqlValue, a.supervisorApprovedAt.sqlValue,
         a.refusedBy.sqlValue, a.refusalReason.sqlValue, a.registeredBy.sqlValue, a.registeredAt.sqlValue, a.withdrawnBy.sqlValue,
         a.withdrawnAt.sqlValue, a.withdrawalReason.sqlValue, a.reportedBy.sqlValue, a.reportedAt.sqlValue, a.version.sqlValue]
    }

    static let columns = """
        id, person_login, from_day, to_day, kind, reason, status, needs_mayor, supervisor_login, mayor_approved_at, supervisor_approved_at, \
        refused_by, refusal_reason, registered_by, registered_at, withdrawn_by, withdrawn_at, withdrawal_reason, reported_by, reported_at, version
        """

    static func absence(_ row: SQLRow) throws -> Absence {
        Absence(id: try row.get("id", as: Int64.self), personLogin: try row.get("person_login"), fromDay: try row.get("from_day"),
                toDay: try row.get("to_day"), kind: try row.get("kind"), reason: try row.get("reason"), status: try row.get("status"),
                needsMayor: try row.get("needs_mayor"), supervisorLogin: try row.get("supervisor_login"),
                mayorApprovedAt: try row.get("mayor_approved_at"), supervisorApprovedAt: try row.get("supervisor_approved_at"),
                refusedBy: try row.get("refused_by"), refusalReason: try row.get("refusal_reason"), registeredBy: try row.get("registered_by"),
                registeredAt: try row.get("registered_at"), withdrawnBy: try row.get("withdrawn_by"), withdrawnAt: try row.get("withdrawn_at"),
                withdrawalReason: try row.get("withdrawal_reason"), reportedBy: try row.get("reported_by"), reportedAt: try row.get("reported_at"),
                version: try row.get("version"))
    }
}

extension Absence.Kind: SQLTextEnum {}
extension Absence.Status: SQLTextEnum {}
