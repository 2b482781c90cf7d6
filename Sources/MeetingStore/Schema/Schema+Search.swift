import GRDB
import MeetingKit

extension Schema {
    /// The full-text index of meeting titles, agenda items (title, summary, decision),
    /// opinions' reasons, disagreement statements and minutes (title, body), Chinese included.
    ///
    /// One FTS5 table with the `trigram` tokenizer: every three-character piece is indexed,
    /// so any substring of three characters or more is found without word segmentation. Each
    /// text is a document whose rowid encodes kind, record and field (``SearchDocument``);
    /// triggers on the source tables replace exactly that document on every insert, update
    /// and delete, so rows written by any program (the `sqlite3` shell, the benchmark's
    /// generator) are indexed too. Each document ends with two U+0001 characters: then every
    /// one- or two-character substring is the start of some indexed trigram, and the
    /// `search_vocab` table finds short words by prefix (`SearchRepository`).
    static func search(_ db: Database) throws {
        try db.execute(sql: """
            CREATE VIRTUAL TABLE search_index USING fts5(text, tokenize = 'trigram');
            CREATE VIRTUAL TABLE search_vocab USING fts5vocab(search_index, 'row');
            """)
        let meetingTitle = """
            (CASE WHEN NEW.number IS NOT NULL THEN '第' || NEW.number || '次' ELSE '' END)
            || (CASE NEW.kind WHEN 'plenary' THEN '区政府全体会议' WHEN 'executive' THEN '区政府常务会议' ELSE '区政府专题会议' END)
            || (CASE WHEN NEW.title <> '' THEN '：' || NEW.title ELSE '' END)
            """
        let sources: [Source] = [
            Source(table: "meeting", kind: .meeting, field: .title, column: "title", text: meetingTitle, watch: "kind, number, title"),
            Source(table: "agenda_item", kind: .item, field: .title, column: "title"),
            Source(table: "agenda_item", kind: .item, field: .summary, column: "summary"),
            Source(table: "agenda_item", kind: .item, field: .decision, column: "decision"),
            Source(table: "agenda_item", kind: .statement, field: .statement, column: "statement"),
            Source(table: "agenda_opinion", kind: .opinion, field: .reason, column: "reason"),
            Source(table: "minutes", kind: .minutes, field: .title, column: "title"),
            Source(table: "minutes", kind: .minutes, field: .body, column: "body"),
        ]
        for s in sources {
            let name = "search_\(s.table)_\(s.column)"
            let newId = s.documentId("NEW")
            let insert = "INSERT INTO search_index(rowid, text) SELECT \(newId), \(s.text) || char(1, 1) WHERE \(s.present);"
            try db.execute(sql: """
                CREATE TRIGGER \(name)_insert AFTER INSERT ON \(s.table) BEGIN \(insert) END;
                CREATE TRIGGER \(name)_update AFTER UPDATE OF \(s.watch) ON \(s.table) BEGIN
                  DELETE FROM search_index WHERE rowid = \(s.documentId("OLD"));
                  \(insert)
                END;
                CREATE TRIGGER \(name)_delete AFTER DELETE ON \(s.table) BEGIN
                  DELETE FROM search_index WHERE rowid = \(s.documentId("OLD"));
                END;
                """)
            // Index what exists already.
            let backfill = s.text.replacingOccurrences(of: "NEW.", with: "")
            try db.execute(sql: """
                INSERT INTO search_index(rowid, text)
                SELECT \(s.documentId("")), \(backfill) || char(1, 1) FROM \(s.table)
                WHERE \(s.present.replacingOccurrences(of: "NEW.", with: ""))
                """)
        }
    }

    /// One searchable text: where it comes from and its place in the index.
    private struct Source {
        var table: String
        var kind: SearchKind
        var field: SearchField
        var column: String
        /// The SQL expression of the text, over `NEW.` columns.
        var text: String
        /// The columns whose update changes the text.
        var watch: String

        init(table: String, kind: SearchKind, field: SearchField, column: String, text: String? = nil, watch: String? = nil) {
            self.table = table
            self.kind = kind
            self.field = field
            self.column = column
            self.text = text ?? "NEW.\(column)"
            self.watch = watch ?? column
        }

        /// Whether there is text to index (a meeting always has its numbered title).
        var present: String { table == "meeting" ? "1" : "NEW.\(column) IS NOT NULL AND NEW.\(column) <> ''" }

        /// `kind << 40 | id << 3 | field` over the row `row` (NEW, OLD, or the table itself).
        /// Parenthesized: SQLite gives `<<` and `|` the same precedence, left to right.
        func documentId(_ row: String) -> String {
            let id = row.isEmpty ? "id" : "\(row).id"
            return "((\(kind.code) << 40) | (\(id) << 3) | \(field.code))"
        }
    }
}
