import GRDB

extension Schema {
    /// The partial index of open items carries their state and lead department: a home's
    /// query of the items that can wait on its reader (``AgendaRepository/openItems(_:mayWaitOn:)``)
    /// tests every open item in the index and reads from the table only the items it keeps
    /// (the office director's home keeps 504 of 1,229 on the bench's default data set, a vice
    /// mayor's a handful). Ordered by id first, as before.
    static func openItems(_ db: Database) throws {
        try db.execute(sql: """
            DROP INDEX agenda_item_open;
            CREATE INDEX agenda_item_open ON agenda_item(id, state, lead_code)
              WHERE state IN ('draft','consulting','consensus','disputed','approved','accepted');
            """)
    }
}
