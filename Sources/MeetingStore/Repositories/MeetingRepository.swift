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

    /// Numbers the meetings of one kind in a term in date order. Held meetings keep their
    /// numbers forever; cancelled ones lose theirs; the unheld ones after are renumbered.
    static func renumber(_ db: Database, term: Int, kind: MeetingKind) throws {
        let all = try Meeting.filter(Column("term_number") == term && Column("kind") == kind.rawValue)
            .order(Column("start"), Column("id")).fetchAll(db)
        var counter = 0
        for var m in all {
            if m.status == .cancelled {
                if m.number != nil { m.number = nil; try m.update(db) }
                continue
            }
            if m.status == .held, let n = m.number {
                counter = n
                continue
            }
            counter += 1
            if m.number != counter {
                m.number = counter
                try m.update(db)
            }
        }
    }
}
