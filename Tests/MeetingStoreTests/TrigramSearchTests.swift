import HuiwuTestSupport
import MeetingKit
@testable import MeetingStore
import Testing

/// Chinese search on PostgreSQL: what pg_trgm does with Chinese under the cluster's locale,
/// and the pieces index that finds words of one and two characters (docs/architecture.md,
/// "Search on PostgreSQL").
@Suite("Chinese search on PostgreSQL", .postgres)
struct TrigramSearchTests {
    /// A table of 20,000 titles, 20 of them about the 常务会议, with both search indexes.
    private func items(_ db: any SQLConnection) throws {
        let d = PostgresDialect()
        try db.exec("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        try db.exec(PostgresDialect.gramsFunction)
        try db.exec("CREATE TABLE item (id BIGINT PRIMARY KEY, title TEXT NOT NULL)")
        try db.exec("""
            INSERT INTO item SELECT g, CASE WHEN g % 1000 = 0 THEN '关于常务会议第' || g || '号议题'
                                          ELSE '关于城市道路维修第' || g || '号' END FROM generate_series(1, 20000) AS g
            """)
        for statement in d.searchIndexes(on: "item", column: "title") { try db.exec(statement) }
        try db.exec("ANALYZE item")
    }

    private func search(_ db: any SQLConnection, _ word: String) throws -> (count: Int, plan: String) {
        let condition = PostgresDialect().contains("title", word: word)
        let count = try db.value(Int.self, "SELECT COUNT(*) FROM item WHERE " + condition.sql, condition.arguments) ?? -1
        let plan = try db.rows("EXPLAIN SELECT id FROM item WHERE " + condition.sql, condition.arguments)
            .map { try $0.get("QUERY PLAN", as: String.self) }.joined(separator: "\n")
        return (count, plan)
    }

    @Test("under C.UTF-8 Chinese characters are word characters, so pg_trgm indexes them")
    func utf8Locale() throws {
        try ScratchDatabase.blank(.postgresql) { db in
            #expect(try db.value(String.self, "SHOW lc_ctype") == PostgresCluster.clusterLocale)
            try items(db)
            #expect(try db.value(Int.self, "SELECT cardinality(show_trgm('常务副市长'))") == 6)
            for word in ["常务会议", "常务会", "常务", "常", "第1000号"] {
                let (count, plan) = try search(db, word)
                #expect(count == (word == "常" || word.hasPrefix("常务") ? 20 : 1), "\(word)")
                #expect(plan.contains("Bitmap Index Scan"), "\(word) reads an index:\n\(plan)")
            }
            let (count, _) = try search(db, "50%_")
            #expect(count == 0)
        }
    }

    @Test("under the C locale pg_trgm sees no Chinese at all: results stay right, the index is not used")
    func cLocale() throws {
        let cluster = try PostgresCluster.shared()
        let name = "clocale_" + String(UInt32.random(in: 0...UInt32.max))
        try cluster.psql("postgres", "CREATE DATABASE \(name) TEMPLATE template0 LC_CTYPE 'C' LC_COLLATE 'C'")
        let db = try PostgresAdapter.connect(PostgresURL(cluster.url(database: name), osUser: "root"))
        defer { db.close() }
        try items(db)
        #expect(try db.value(Int.self, "SELECT cardinality(show_trgm('常务副市长'))") == 0)
        #expect(try db.value(Int.self, "SELECT COUNT(*) FROM item WHERE title LIKE '%常务会议%'") == 20)
        let plan = try db.rows("EXPLAIN SELECT id FROM item WHERE title LIKE '%常务会议%'").map { try $0.get("QUERY PLAN", as: String.self) }
        #expect(!plan.joined().contains("item_title_trgm"))
    }

    @Test("in an office's schema, the search's own query reads the pieces index for 常务 and the trigram index for 常务会议")
    func officeQueriesUseTheIndexes() throws {
        let office = try TestOffice(.postgresql)
        try office.store.transaction { db, _ in
            try db.exec("""
                INSERT INTO agenda_item (title, summary, lead_code, major, normative, public_interest, market, state, created_by, created_at,
                  step_started_at)
                SELECT CASE WHEN g % 1000 = 0 THEN '关于常务会议第' || g || '号议题' ELSE '关于城市道路维修第' || g || '号' END, '', 'CGW',
                  FALSE, FALSE, FALSE, FALSE, 'draft', 'lijing', '2026-03-02T09:00', '2026-03-02T09:00'
                FROM generate_series(1, 20000) AS g
                """)
            try db.exec("ANALYZE agenda_item")
        }
        // Rows inserted since the last vacuum wait in each GIN index's pending list, which the
        // planner counts against the index; autovacuum merges it. Merged here, as it would be.
        for index in ["agenda_item_title_trgm", "agenda_item_title_grams"] {
            try office.store.transaction { db, _ in _ = try db.rows("SELECT gin_clean_pending_list(?::regclass)", index) }
        }
        let title = try #require(TrigramSearchRepository.sources.first { $0.kind == .item && $0.field == .title })
        for (word, index) in [("常务", "agenda_item_title_grams"), ("常务会议", "agenda_item_title_trgm")] {
            let (sql, arguments) = TrigramSearchRepository.statement(title, words: [word], excluding: [])
            let plan = try office.store.snapshot { db in
                try db.rows("EXPLAIN " + sql, arguments).map { try $0.get("QUERY PLAN", as: String.self) }.joined(separator: "\n")
            }
            #expect(plan.contains(index), "\(word):\n\(plan)")
        }
        #expect(try office.session("lijing").search("常务", kinds: [.item], limit: 100).count == 20)
        #expect(try office.session("lijing").search("常务会议", kinds: [.item], limit: 100).count == 20)
    }
}
