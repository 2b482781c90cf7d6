import GRDB
import MeetingKit

/// Reads and writes meetings and their rosters.
package enum MeetingRepository {
    package static func meeting(_ db: Database, id: Int64) throws -> Meeting {
        // Looked up by most use cases, often in loops: prepared once per connection.
        guard let meeting = try Meeting.fetchOne(db.cachedStatement(sql: "SELECT * FROM meeting WHERE id = ?"), arguments: [id]) else {
            throw Refusal.notFound("meeting.unknown", "没有编号为 \(id) 的会议", "no meeting with id \(id)")
        }
        return meeting
    }

    /// Meetings starting in [from, to) (either bound optional), optionally of one kind, in time order.
    ///
    /// The week view, the home screen and `huiwu meeting list` call this on every screen and
    /// every week moved: the statement is prepared once per connection (GRDB's statement
    /// cache, keyed by the SQL, which only varies with the filters given), and the range on
    /// `start` reads the `meeting_start` index (or `meeting_kind_start`) in order, no sort.
    package static func meetings(_ db: Database, from: LocalDateTime? = nil, to: LocalDateTime? = nil,
                                kind: MeetingKind? = nil, includeCancelled: Bool = true) throws -> [Meeting] {
        var conditions: [String] = []
        var arguments: [(any DatabaseValueConvertible)?] = []
        if let kind { conditions.append("kind = ?"); arguments.append(kind.rawValue) }
        if let from { conditions.append("start >= ?"); arguments.append(from.iso) }
        if let to { conditions.append("start < ?"); arguments.append(to.iso) }
        if !includeCancelled { conditions.append("status <> ?"); arguments.append(MeetingStatus.cancelled.rawValue) }
        let sql = "SELECT * FROM meeting" + (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND "))
            + " ORDER BY start, id"
        return try Meeting.fetchAll(db.cachedStatement(sql: sql), arguments: StatementArguments(arguments))
    }

    package static func participants(_ db: Database, meetingId: Int64) throws -> [Participant] {
        try Participant.fetchAll(db.cachedStatement(sql: "SELECT * FROM participant WHERE meeting_id = ? ORDER BY position"),
                                 arguments: [meetingId])
    }

    /// Stores a roster for a new meeting.
    static func insertParticipants(_ db: Database, meetingId: Int64, entries: [MeetingComposition.Entry], startingAt first: Int = 0) throws {
        for (i, e) in entries.enumerated() {
            var p = Participant(meetingId: meetingId, personLogin: e.personLogin, guestName: e.guestName, guestOrg: e.guestOrg,
                                role: e.role, position: first + i)
            try p.insert(db)
        }
    }

    /// Numbers the meetings of one kind in a term (R37, ``MeetingNumbering``): published
    /// numbers stay, the others follow date order from the term's first number.
    ///
    /// Reads and writes only the columns numbering needs, so the v11 migration can repair
    /// numbers with it whatever columns later versions add. Changed numbers are cleared
    /// first and then written: the unique index on (term, kind, number) never sees two
    /// meetings with one number, even in the middle of the change.
    static func renumber(_ db: Database, term: Int, kind: MeetingKind) throws {
        let rows = try Row.fetchAll(db, sql: """
            SELECT id, start, status, number, number_fixed, in_government_name FROM meeting WHERE term_number = ? AND kind = ?
            """, arguments: [term, kind.rawValue])
        let meetings = rows.compactMap { row -> Meeting? in
            guard let start = LocalDateTime(iso: row["start"] as String), let status = MeetingStatus(rawValue: row["status"]) else { return nil }
            return Meeting(id: row["id"], kind: kind, termNumber: term, number: row["number"], convenerLogin: "", chairLogin: "",
                           start: start, durationMinutes: 1, status: status, inGovernmentName: row["in_government_name"],
                           numberFixed: row["number_fixed"])
        }
        let numbers = MeetingNumbering.assign(meetings, firstNumber: try firstNumber(db, term: term, kind: kind))
        let changed = meetings.filter { numbers[$0.id!] != $0.number }
        for m in changed where m.number != nil {
            try db.execute(sql: "UPDATE meeting SET number = NULL WHERE id = ?", arguments: [m.id])
        }
        for m in changed {
            if let number = numbers[m.id!] { try db.execute(sql: "UPDATE meeting SET number = ? WHERE id = ?", arguments: [number, m.id]) }
        }
    }

    /// The number the term's first meeting of `kind` takes: 1, or what an office that started
    /// using Huiwu mid-term set (``Session/setNextMeetingNumber(kind:next:)``).
    static func firstNumber(_ db: Database, term: Int, kind: MeetingKind) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT first_number FROM meeting_numbering WHERE term_number = ? AND kind = ?",
                         arguments: [term, kind.rawValue]) ?? 1
    }
}
