import GRDB

extension Schema {
    /// The org chart's order of precedence, stored (issue 21): vice mayors by seniority and
    /// departments in the official sequence were the order of entry, SQLite's implicit
    /// `rowid`, which PostgreSQL does not keep. Each person and department gets a
    /// `precedence`, smaller first, backfilled from the rowid so that every existing office
    /// keeps exactly its order; ``OrgRepository`` gives a new row the largest one plus one.
    /// `DEFAULT 0` only because SQLite cannot add a NOT NULL column without one: a row
    /// written outside the store sorts first, by its key (docs/architecture.md).
    static func precedence(_ db: Database) throws {
        try db.alter(table: "person") { t in t.add(column: "precedence", .integer).notNull().defaults(to: 0) }
        try db.alter(table: "department") { t in t.add(column: "precedence", .integer).notNull().defaults(to: 0) }
        try db.execute(sql: "UPDATE person SET precedence = rowid")
        try db.execute(sql: "UPDATE department SET precedence = rowid")
    }
}
