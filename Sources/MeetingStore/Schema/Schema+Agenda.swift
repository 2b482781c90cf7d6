import GRDB

extension Schema {
    /// Agenda items with their related departments, opinions, precondition confirmations and
    /// timeline (R41, R45(3), R16, R18, R19, R47(1)), and meetings' agendas (R61).
    /// Nothing here is ever deleted: items are withdrawn, agenda places are marked deferred.
    static func agenda(_ db: Database) throws {
        let states = "'draft','consulting','consensus','disputed','approved','accepted','scheduled','decided','withdrawn'"
        try db.create(table: "agenda_item") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("title", .text).notNull()
            t.column("summary", .text).notNull().defaults(to: "")
            t.column("lead_code", .text).notNull().references("department", column: "code")
            t.column("major", .boolean).notNull()
            t.column("normative", .boolean).notNull()
            t.column("public_interest", .boolean).notNull()
            t.column("market", .boolean).notNull()
            t.column("category", .integer).check(sql: "category BETWEEN 1 AND 6")
            t.column("state", .text).notNull().check(sql: "state IN (\(states))")
            t.column("statement", .text)
            t.column("statement_by", .text).references("person", column: "login")
            t.column("statement_at", .text)
            t.column("meeting_id", .integer).references("meeting")
            t.column("decision", .text)
            t.column("withdrawal_reason", .text)
            t.column("created_by", .text).notNull().references("person", column: "login")
            t.column("created_at", .text).notNull()
            t.column("step_started_at", .text).notNull()
            t.column("version", .integer).notNull().defaults(to: 1)
        }
        try db.create(index: "agenda_item_state", on: "agenda_item", columns: ["state"])
        try db.create(index: "agenda_item_lead", on: "agenda_item", columns: ["lead_code"])
        try db.create(index: "agenda_item_meeting", on: "agenda_item", columns: ["meeting_id"])
        try db.create(table: "agenda_related") { t in
            t.column("item_id", .integer).notNull().references("agenda_item")
            t.column("department_code", .text).notNull().references("department", column: "code")
            t.column("position", .integer).notNull()
            t.primaryKey(["item_id", "department_code"])
        }
        try db.create(index: "agenda_related_department", on: "agenda_related", columns: ["department_code"])
        try db.create(table: "agenda_opinion") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("item_id", .integer).notNull().references("agenda_item")
            t.column("department_code", .text).notNull().references("department", column: "code")
            t.column("stance", .text).notNull().check(sql: "stance IN ('agree','disagree')")
            t.column("reason", .text)
            t.column("given_by", .text).notNull().references("person", column: "login")
            t.column("recorded_by", .text).notNull().references("person", column: "login")
            t.column("at", .text).notNull()
            t.uniqueKey(["item_id", "department_code"])
        }
        try db.create(table: "agenda_precondition") { t in
            t.column("item_id", .integer).notNull().references("agenda_item")
            t.column("precondition", .text).notNull()
            t.column("confirmed_by", .text).notNull().references("person", column: "login")
            t.column("recorded_by", .text).notNull().references("person", column: "login")
            t.column("at", .text).notNull()
            t.column("note", .text)
            t.primaryKey(["item_id", "precondition"])
        }
        try db.create(table: "agenda_event") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("item_id", .integer).notNull().references("agenda_item")
            t.column("at", .text).notNull()
            t.column("kind", .text).notNull()
            t.column("actor", .text).notNull().references("person", column: "login")
            t.column("on_behalf_of", .text).references("person", column: "login")
            t.column("from_state", .text)
            t.column("to_state", .text).notNull()
            t.column("department_code", .text)
            t.column("precondition", .text)
            t.column("meeting_id", .integer)
            t.column("text", .text)
            t.column("statement", .text)
            t.column("outcome", .text)
        }
        try db.create(index: "agenda_event_item", on: "agenda_event", columns: ["item_id", "id"])
        try db.create(table: "agenda_slot") { t in
            t.column("meeting_id", .integer).notNull().references("meeting")
            t.column("item_id", .integer).notNull().references("agenda_item")
            t.column("position", .integer).notNull()
            t.column("planned_minutes", .integer).notNull().check(sql: "planned_minutes > 0")
            t.column("deferred", .boolean).notNull().defaults(to: false)
            t.primaryKey(["meeting_id", "item_id"])
        }
        try db.create(index: "agenda_slot_item", on: "agenda_slot", columns: ["item_id"])
    }
}
