import GRDB

extension Schema {
    /// Indexes for the period report (`huiwu report`, issue 20), which counts a year of
    /// history: about 44,000 decided items and 29,000 roster entries on the bench's default
    /// data set. Each replaces an index it extends, so a write maintains no more indexes than
    /// before, except the small partial one.
    static func report(_ db: Database) throws {
        try db.execute(sql: """
            DROP INDEX agenda_item_meeting;
            CREATE INDEX agenda_item_meeting ON agenda_item(meeting_id, state, lead_code, created_at);
            CREATE INDEX agenda_slot_deferred ON agenda_slot(meeting_id) WHERE deferred;
            DROP INDEX participant_meeting;
            CREATE INDEX participant_meeting ON participant(meeting_id, position, person_login);
            """)
    }
}
