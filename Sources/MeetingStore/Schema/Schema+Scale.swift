import GRDB

extension Schema {
    /// Indexes for an office history of realistic size (50,000 meetings, 416,000 follow-ups):
    /// the follow-up lists filter and sort in SQLite, and the fields of minutes a list or the
    /// classified-content rule (R48) needs are read without touching the minutes rows, whose
    /// bodies and signed texts spill onto overflow pages (the columns after `body` cost a walk
    /// along them).
    static func scale(_ db: Database) throws {
        // `followup list --overdue`, the report's overdue counts, the board's open ones:
        // status = 'open' AND due_day < today, in due order (the rowid breaks ties).
        try db.create(index: "follow_up_status_due", on: "follow_up", columns: ["status", "due_day"])
        // The whole list in due order, without sorting 416,000 rows.
        try db.create(index: "follow_up_due", on: "follow_up", columns: ["due_day"])
        // One lead unit's follow-ups in due order (`followup list --dept`).
        try db.create(index: "follow_up_department_due", on: "follow_up", columns: ["lead_department_code", "due_day"])
        // The board's recently closed ones.
        try db.create(index: "follow_up_done_at", on: "follow_up", columns: ["done_at"])
        // The report's items withdrawn in a period: one kind of event in a time range,
        // covering (no lookups into 3.9 million agenda events).
        try db.create(index: "agenda_event_kind_at", on: "agenda_event", columns: ["kind", "at", "item_id"])
        // What a follow-up line shows of its minutes and what R48 decides on, for any minutes
        // (`MinutesHeader.columns`; written out, as a released migration never changes).
        let header = ["id", "meeting_id", "meeting_kind", "route", "drafter_login", "title", "state",
                      "classification", "chain", "number_year", "number_seq", "created_at"]
        try db.create(index: "minutes_listing", on: "minutes", columns: header)
        // The same for classified minutes only: who may not read which (search, R48).
        try db.create(index: "minutes_classified", on: "minutes", columns: header, condition: Column("classification") != "none")
    }
}
