import GRDB
import MeetingKit

/// Reads and writes minutes, their timeline and follow-ups.
package enum MinutesRepository {
    package static func minutes(_ db: Database, id: Int64) throws -> Minutes {
        guard let minutes = try Minutes.fetchOne(db, key: id) else {
            throw Refusal.notFound("minutes.unknown", "没有编号为 \(id) 的纪要", "no minutes with id \(id)")
        }
        return minutes
    }

    /// All minutes, optionally in one state, newest first.
    package static func all(_ db: Database, state: MinutesState? = nil) throws -> [Minutes] {
        var request = Minutes.order(Column("id").desc)
        if let state { request = request.filter(Column("state") == state.rawValue) }
        return try request.fetchAll(db)
    }

    /// The documents of one meeting: the original first, then its corrections.
    package static func forMeeting(_ db: Database, meetingId: Int64) throws -> [Minutes] {
        try Minutes.filter(Column("meeting_id") == meetingId).order(Column("id")).fetchAll(db)
    }

    /// The states of minutes somewhere in the chain or back with their drafter, as an SQL
    /// list: the partial index `minutes_open` (Schema+Performance) is defined with this text.
    static let openStatesSQL = "('inReview','awaitingSignature','returned')"

    /// Minutes somewhere in the chain or back with their drafter: what may wait for someone.
    /// On the database port (the due report and the home screen read it on either engine).
    static func open(_ db: any SQLConnection) throws -> [Minutes] {
        try db.rows("SELECT \(columns) FROM minutes WHERE state IN \(openStatesSQL) ORDER BY step_since, id").map(minutes)
    }

    // MARK: - Rows on the port

    static let columns = """
        id, meeting_id, meeting_kind, route, drafter_login, lead_department_code, title, body, state, disclosure, disclosure_reason, \
        classification, chain, step, step_since, return_reason, number_year, number_seq, signed_at, signed_by, signed_text, sha256, \
        correction_of, created_at, version
        """

    /// A whole document decoded by hand; the chain is stored as a JSON array of logins.
    static func minutes(_ row: SQLRow) throws -> Minutes {
        Minutes(id: try row.get("id", as: Int64.self), meetingId: try row.get("meeting_id"), meetingKind: try row.get("meeting_kind"),
                route: try row.get("route"), drafterLogin: try row.get("drafter_login"),
                leadDepartmentCode: try row.get("lead_department_code"), title: try row.get("title"), body: try row.get("body"),
                state: try row.get("state"), disclosure: try row.get("disclosure"), disclosureReason: try row.get("disclosure_reason"),
                classification: try row.get("classification"), chain: MinutesHeader.logins(try row.get("chain")),
                step: try row.get("step"), stepSince: try row.get("step_since"), returnReason: try row.get("return_reason"),
                numberYear: try row.get("number_year"), numberSeq: try row.get("number_seq"), signedAt: try row.get("signed_at"),
                signedBy: try row.get("signed_by"), signedText: try row.get("signed_text"), sha256: try row.get("sha256"),
                correctionOf: try row.get("correction_of"), createdAt: try row.get("created_at"), version: try row.get("version"))
    }

    /// The next number in a kind and year. Called inside the signing write transaction, which
    /// is IMMEDIATE: another process signing at the same moment waits for this one to commit,
    /// then reads the number this one took (and the unique index would refuse a duplicate).
    static func nextNumber(_ db: Database, kind: MeetingKind, year: Int) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(number_seq), 0) + 1 FROM minutes WHERE meeting_kind = ? AND number_year = ?",
                         arguments: [kind.rawValue, year]) ?? 1
    }

    package static func history(_ db: Database, minutesId: Int64) throws -> [MinutesHistoryEntry] {
        try MinutesHistoryEntry.filter(Column("minutes_id") == minutesId).order(Column("id")).fetchAll(db)
    }

    /// The logins on a meeting's roster: who may read its classified minutes (R48).
    package static func attendees(_ db: Database, meetingId: Int64) throws -> Set<String> {
        Set(try String.fetchAll(db, sql: "SELECT person_login FROM participant WHERE meeting_id = ? AND person_login IS NOT NULL",
                                arguments: [meetingId]))
    }

    /// The correction of a signed document, if one was drafted.
    static func correction(_ db: Database, of id: Int64) throws -> Minutes? {
        try Minutes.filter(Column("correction_of") == id).fetchOne(db)
    }

    package static func followUp(_ db: Database, id: Int64) throws -> FollowUp {
        guard let followUp = try FollowUp.fetchOne(db, key: id) else {
            throw Refusal.notFound("followUp.unknown", "没有编号为 \(id) 的督办事项", "no follow-up with id \(id)")
        }
        return followUp
    }

    /// Follow-ups by due day, optionally of one minutes document, one lead unit, one status,
    /// or only those overdue on a day (``FollowUp/isOverdue(today:)``: open, due before it).
    package static func followUps(_ db: Database, minutesId: Int64? = nil, department: String? = nil,
                                 status: FollowUp.Status? = nil, overdueOn: Day? = nil) throws -> [FollowUp] {
        var request = FollowUp.order(Column("due_day"), Column("id"))
        if let minutesId { request = request.filter(Column("minutes_id") == minutesId) }
        if let department { request = request.filter(Column("lead_department_code") == department) }
        if let status { request = request.filter(Column("status") == status.rawValue) }
        if let overdueOn {
            request = request.filter(Column("status") == FollowUp.Status.open.rawValue && Column("due_day") < overdueOn.iso)
        }
        return try request.fetchAll(db)
    }
}

extension MinutesRoute: SQLTextEnum {}
extension MinutesState: SQLTextEnum {}
extension Disclosure: SQLTextEnum {}
extension Classification: SQLTextEnum {}
