import GRDB

extension Schema {
    /// Indexes for the paths a user waits on (issue 9, docs/performance.md): the home screen,
    /// the week view and `huiwu meeting list`. `QueryPlanTests` checks that none of their
    /// statements scans a table that grows with the office's history.
    static func performance(_ db: Database) throws {
        // The leave of one meeting (the roster, the compiled report, the mayor's unread reports):
        // the only index on meeting_id was the partial one of open requests, which a plain
        // `meeting_id = ?` cannot use, so each lookup scanned every request ever filed.
        try db.create(index: "leave_request_meeting", on: "leave_request", columns: ["meeting_id", "id"])
        // Meetings waiting for the mayor's approval (R61), in date order, on his home screen:
        // without it the mayor's first screen read every meeting in history.
        try db.create(index: "meeting_approval", on: "meeting", columns: ["approval", "start"])
        // The minutes of one meeting (its detail screen): the unique index covers originals only.
        try db.create(index: "minutes_meeting", on: "minutes", columns: ["meeting_id", "id"])
        // Open work, which "waiting for me" reads on every home screen: small partial indexes
        // over the few rows still open. An index on `state` alone is not enough: once SQLite
        // has statistics (ANALYZE) it knows `state` has a handful of values over 500,000 items
        // and prefers reading the whole table in id order to a lookup of six states. The
        // queries name the states as literals (``AgendaRepository/openStatesSQL`` and the
        // like) so that SQLite can prove these indexes hold every row they need; the lists are
        // written out here because a released migration never changes, and QueryPlanTests
        // fails if the queries' lists drift from them.
        try db.execute(sql: """
            CREATE INDEX agenda_item_open ON agenda_item(id) WHERE state IN ('draft','consulting','consensus','disputed','approved','accepted');
            CREATE INDEX minutes_open ON minutes(step_since, id) WHERE state IN ('inReview','awaitingSignature','returned');
            CREATE INDEX leave_request_pending ON leave_request(approver_login, id) WHERE status = 'pending';
            """)
    }
}
