import HuiwuTestSupport
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
}
