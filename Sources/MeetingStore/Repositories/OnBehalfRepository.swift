import MeetingKit

/// Decisions recorded on a leader's behalf (代录), on the database port.
package enum OnBehalfRepository {
    static func insert(_ db: any SQLConnection, _ r: OnBehalfRecord) throws {
        try db.exec("""
            INSERT INTO on_behalf_record (seq, leader_login, recorder_login, action, entity, entity_id, at, status, answered_at, note)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, r.seq, r.leaderLogin, r.recorderLogin, r.action, r.entity, r.entityId, r.at, r.status, r.answeredAt, r.note)
    }

    /// The answer to a record: its status, when, and the note.
    static func saveAnswer(_ db: any SQLConnection, _ r: OnBehalfRecord) throws {
        try db.exec("UPDATE on_behalf_record SET status = ?, answered_at = ?, note = ? WHERE seq = ?", r.status, r.answeredAt, r.note, r.seq)
    }

    static func record(_ db: any SQLConnection, seq: Int64) throws -> OnBehalfRecord? {
        try db.row("SELECT \(columns) FROM on_behalf_record WHERE seq = ?", seq).map(record)
    }

    /// Records newest first, of one status and one leader when given.
    static func records(_ db: any SQLConnection, status: OnBehalfRecord.Status?, leader: String?) throws -> [OnBehalfRecord] {
        var conditions: [String] = []
        var arguments: [SQLValue] = []
        if let status { conditions.append("status = ?"); arguments.append(status.sqlValue) }
        if let leader { conditions.append("leader_login = ?"); arguments.append(leader.sqlValue) }
        return try db.rows("SELECT \(columns) FROM on_behalf_record" + (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND "))
                           + " ORDER BY seq DESC", arguments).map(record)
    }

    /// A leader's records waiting for an answer, oldest first. The status is a literal, so
    /// SQLite uses the partial index (a bound value would not match it).
    static func pending(_ db: any SQLConnection, leader: String) throws -> [OnBehalfRecord] {
        try db.rows("SELECT \(columns) FROM on_behalf_record WHERE status = 'pending' AND leader_login = ? ORDER BY seq", leader).map(record)
    }

    /// The disputes the office must handle, oldest first.
    static func disputed(_ db: any SQLConnection) throws -> [OnBehalfRecord] {
        try db.rows("SELECT \(columns) FROM on_behalf_record WHERE status = 'disputed' ORDER BY seq").map(record)
    }

    private static let columns = "seq, leader_login, recorder_login, action, entity, entity_id, at, status, answered_at, note"

    private static func record(_ row: SQLRow) throws -> OnBehalfRecord {
        OnBehalfRecord(seq: try row.get("seq"), leaderLogin: try row.get("leader_login"), recorderLogin: try row.get("recorder_login"),
                       action: try row.get("action"), entity: try row.get("entity"), entityId: try row.get("entity_id"),
                       at: try row.get("at"), status: try row.get("status"), answeredAt: try row.get("answered_at"), note: try row.get("note"))
    }
}

extension OnBehalfRecord.Status: SQLTextEnum {}
