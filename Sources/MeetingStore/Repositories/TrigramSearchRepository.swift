import MeetingKit

/// Chinese search on PostgreSQL: the same documents as SQLite's `search_index`
/// (``SearchDocument``: kind, record, field, the same texts), read from their source columns,
/// which pg_trgm's and the pieces' GIN indexes make searchable (``PostgresSchema``, v7-search).
/// ``PostgresDialect`` runs it.
///
/// How a query runs:
/// - Every word must occur in the text, as a substring, whatever the case of Latin letters
///   (``PostgresDialect/contains(_:word:)``): a word of three characters or more is read from
///   the trigram index; a shorter one from the pieces index, and by a scan when it has cased
///   letters (the pieces are stored as written).
/// - Each kind is searched separately, newest records first, at most
///   ``SearchRepository/window`` matches per kind, as on SQLite.
/// - Ranking is the formula SQLite uses for common words (bm25 with equal word weights:
///   occurrences, saturated, against the text's length), over every window. PostgreSQL has
///   no bm25, so a selective query may rank in another order than on SQLite; the matches are
///   the same.
enum TrigramSearchRepository {
    /// One searchable text: where it comes from and which document it is.
    struct Source {
        var kind: SearchKind
        var field: SearchField
        var table: String
        /// The SQL expression of the text over the table's columns.
        var text: String
        /// Whether pg_trgm's and the pieces' indexes are defined on ``text`` (v7-search).
        var indexed = true
    }

    /// A meeting's document is its numbered title, as SQLite's trigger writes it since
    /// v11-rules2 (`第1次区政府常务会议：title`; a vice mayor's own topical meeting is a
    /// 专题会议). The indexes of v7-search are on `meeting.title` alone, so this expression is
    /// matched by a scan of the meetings (short texts, one row per meeting: 50,000 in the
    /// bench's data set). An expression index would need a migration of its own on both
    /// engines (`PostgresSchemaTests` keeps their lists equal); `CAST(… AS TEXT)` keeps the
    /// expression immutable, so it can be indexed as written here.
    static let meetingTitle = """
        ((CASE WHEN number IS NOT NULL THEN '第' || CAST(number AS TEXT) || '次' ELSE '' END) \
        || (CASE WHEN kind = 'plenary' THEN '区政府全体会议' WHEN kind = 'executive' THEN '区政府常务会议' \
        WHEN in_government_name THEN '区政府专题会议' ELSE '专题会议' END) \
        || (CASE WHEN title <> '' THEN '：' || title ELSE '' END))
        """

    /// Every searchable text, as in `Schema.search` and `Schema.rules2` (SQLite).
    static let sources: [Source] = [
        Source(kind: .meeting, field: .title, table: "meeting", text: meetingTitle, indexed: false),
        Source(kind: .item, field: .title, table: "agenda_item", text: "title"),
        Source(kind: .item, field: .summary, table: "agenda_item", text: "summary"),
        Source(kind: .item, field: .decision, table: "agenda_item", text: "decision"),
        Source(kind: .statement, field: .statement, table: "agenda_item", text: "statement"),
        Source(kind: .opinion, field: .reason, table: "agenda_opinion", text: "reason"),
        Source(kind: .minutes, field: .title, table: "minutes", text: "title"),
        Source(kind: .minutes, field: .body, table: "minutes", text: "body"),
    ]

    /// The best matches of every kind in `kinds`, the newest ``SearchRepository/window`` of
    /// each considered. `hidden` are minutes the reader may not see (R48): they never count
    /// as matches; nor do `hiddenDocuments` (the decisions that are those minutes' words).
    static func candidates(_ db: any SQLConnection, _ query: SearchQuery, kinds: [SearchKind], hidden: [Int64],
                           hiddenDocuments: [Int64]) throws -> [SearchRepository.Candidate] {
        let withheld = hiddenDocuments.compactMap(SearchDocument.init(id:))
        var windows: [(document: SearchDocument, text: String)] = []
        for kind in kinds {
            var matches: [(document: SearchDocument, text: String)] = []
            for source in sources where source.kind == kind {
                var excluded = kind == .minutes ? hidden : []
                excluded += withheld.filter { $0.kind == kind && $0.field == source.field }.map(\.recordId)
                let (sql, arguments) = statement(source, words: query.terms.map(\.text), excluding: excluded)
                for row in try db.rows(sql, arguments) {
                    matches.append((SearchDocument(kind: kind, recordId: try row.get("id"), field: source.field), try row.get("text")))
                }
            }
            // The newest documents of the kind, as SQLite's rowid range read backwards.
            windows += matches.sorted { $0.document.id > $1.document.id }.prefix(SearchRepository.window)
        }
        return rank(windows, words: query.terms.map(\.text))
    }

    /// The newest texts of `source` that contain every one of `words`, leaving out the records
    /// `excluded` (separate so that a test can check its plan: `TrigramSearchTests`).
    static func statement(_ source: Source, words: [String], excluding excluded: [Int64]) -> (sql: String, arguments: [SQLValue]) {
        let dialect = PostgresDialect()
        var conditions: [String] = []
        var arguments: [SQLValue] = []
        for word in words {
            let condition = dialect.contains(source.text, word: word, indexed: source.indexed)
            conditions.append(condition.sql)
            arguments += condition.arguments
        }
        if !excluded.isEmpty {
            conditions.append("id NOT IN (\(dialect.jsonList(.integer)))")
            arguments.append(.text(SQLValue.jsonArray(excluded)))
        }
        let sql = """
            SELECT id, \(source.text) AS text FROM \(source.table) WHERE \(conditions.joined(separator: " AND "))
            ORDER BY id DESC LIMIT \(SearchRepository.window)
            """
        return (sql, arguments)
    }

    /// SQLite's ranking of common words (``SearchRepository``), over the texts themselves.
    static func rank(_ windows: [(document: SearchDocument, text: String)], words: [String]) -> [SearchRepository.Candidate] {
        let measured = windows.map { window in
            (window.document, length: Double(window.text.unicodeScalars.count),
             counts: words.map { Double(occurrences(of: $0, in: window.text)) })
        }
        let average = max(1, measured.map(\.length).reduce(0, +) / Double(max(1, measured.count)))
        let k1 = 1.2, b = 0.75
        return measured.map { row in
            let norm = k1 * (1 - b + b * row.length / average)
            return SearchRepository.Candidate(document: row.0, score: -row.counts.reduce(0) { $0 + $1 * (k1 + 1) / ($1 + norm) })
        }
    }

    /// How often `word` occurs in `text`, not overlapping, Latin letters folded as SQLite's
    /// `lower()` folds them (ASCII only), as the SQLite query counts them.
    static func occurrences(of word: String, in text: String) -> Int {
        let needle = Array(word.unicodeScalars)
        guard !needle.isEmpty else { return 0 }
        let haystack = text.unicodeScalars.map { $0.isASCII ? Unicode.Scalar(UInt8(ascii: $0).lowercasedASCII) : $0 }
        var count = 0, i = 0
        while i + needle.count <= haystack.count {
            if haystack[i..<(i + needle.count)].elementsEqual(needle) {
                count += 1
                i += needle.count
            } else {
                i += 1
            }
        }
        return count
    }

    /// The text of a document; empty when its record is gone.
    static func text(_ db: any SQLConnection, of document: SearchDocument) throws -> String {
        guard let source = sources.first(where: { $0.kind == document.kind && $0.field == document.field }) else { return "" }
        return try db.value(String.self, "SELECT \(source.text) AS text FROM \(source.table) WHERE id = ?", document.recordId) ?? ""
    }
}

private extension UInt8 {
    var lowercasedASCII: UInt8 { (65...90).contains(self) ? self + 32 : self }
}
