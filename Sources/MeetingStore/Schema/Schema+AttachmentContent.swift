import GRDB

extension Schema {
    /// The bytes of attached files kept in the database, one row per content keyed by its
    /// SHA-256 and never changed (issue 21). An office on PostgreSQL keeps its copies here, so
    /// every front-end server on the database reads the same one and a copy commits with its
    /// record; a SQLite office keeps them beside its file and leaves this table empty. Created
    /// on both engines so that their schemas stay the same, table for table.
    static func attachmentContent(_ db: Database) throws {
        try db.execute(sql: "CREATE TABLE attachment_content (sha256 TEXT NOT NULL PRIMARY KEY CHECK (length(sha256) = 64), content BLOB NOT NULL)")
        for statement in SQLiteDialect().refusingTrigger(named: "attachment_content_no_update", on: "attachment_content", before: .update,
                                                         when: nil, message: Schema.attachmentContentUnchanged) {
            try db.execute(sql: statement)
        }
    }

    /// What the database says to a change of an attached file's stored bytes.
    static let attachmentContentUnchanged = "the content of an attachment is never changed; attach the new version"
}
