import MeetingKit

/// Reads and writes agenda items, their dossiers (related departments, opinions,
/// confirmations), their timelines and meetings' agendas. Rows are only inserted or
/// updated, never deleted.
///
/// On the database port: the same statements on SQLite and PostgreSQL (`AgendaEngineTests`).
/// Rows are decoded by hand: every home screen reads all open items at start, and Codable's
/// key conversion for each column of each row was the largest cost of opening Huiwu on a
/// ten-year office (docs/performance.md).
package enum AgendaRepository {
    package static func item(_ db: any SQLConnection, id: Int64) throws -> AgendaItem {
        guard let row = try db.row("SELECT \(columns) FROM agenda_item WHERE id = ?", id) else {
            throw Refusal.notFound("item.unknown", "没有编号为 \(id) 的议题", "no agenda item with id \(id)")
        }
        return try assemble(db, [try AgendaItemRow(row)])[0]
    }

    /// Items, newest first, optionally only in one state, of one department (leading or
    /// related), or on one meeting's agenda (now or before a deferral).
    ///
    /// With `limit`, one page: the newest `limit` items older than `before` (an id), read from
    /// the primary key backwards, so a list shows ten years of items without loading them.
    package static func items(_ db: any SQLConnection, state: AgendaState? = nil, department: String? = nil,
                             meetingId: Int64? = nil, before: Int64? = nil, limit: Int? = nil) throws -> [AgendaItem] {
        var (conditions, arguments) = filtered(state: state, department: department, meetingId: meetingId)
        if let before { conditions.append("id < ?"); arguments.append(before.sqlValue) }
        var sql = "SELECT \(columns) FROM agenda_item" + whereClause(conditions) + " ORDER BY id DESC"
        if let limit { sql += " LIMIT ?"; arguments.append(limit.sqlValue) }
        return try assemble(db, try db.rows(sql, arguments).map(AgendaItemRow.init))
    }

    /// How many items match the filters (the list's "N items" while it shows one page).
    package static func count(_ db: any SQLConnection, state: AgendaState? = nil, department: String? = nil, meetingId: Int64? = nil) throws -> Int {
        let (conditions, arguments) = filtered(state: state, department: department, meetingId: meetingId)
        return try db.value(Int.self, "SELECT COUNT(*) FROM agenda_item" + whereClause(conditions), arguments) ?? 0
    }

    private static func filtered(state: AgendaState?, department: String?, meetingId: Int64?) -> ([String], [SQLValue]) {
        var conditions: [String] = []
        var arguments: [SQLValue] = []
        if let state { conditions.append("state = ?"); arguments.append(state.sqlValue) }
        if let department {
            conditions.append("(lead_code = ? OR id IN (SELECT item_id FROM agenda_related WHERE department_code = ?))")
            arguments += [department.sqlValue, department.sqlValue]
        }
        if let meetingId {
            conditions.append("(meeting_id = ? OR id IN (SELECT item_id FROM agenda_slot WHERE meeting_id = ?))")
            arguments += [meetingId.sqlValue, meetingId.sqlValue]
        }
        return (conditions, arguments)
    }

    static func whereClause(_ conditions: [String]) -> String {
        conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
    }

    /// The states that still wait on someone, as an SQL list: the partial index
    /// `agenda_item_open` (Schema+Performance, Schema+OpenItems) is defined with exactly this text.
    static let openStatesSQL = "('draft','consulting','consensus','disputed','approved','accepted')"

    /// The steps of the open items, or with `filter` only of those that may wait on a reader
    /// (``AgendaWaitFilter``), for due dates and "waiting for me". The open items are read from
    /// the partial index of open items whatever the size of the history, the filter asked in
    /// the same query (``openItems(_:mayWaitOn:)``). They are assembled as far as a step needs
    /// (``AgendaDeadlines``): the related departments and opinions of the items in consultation
    /// (the awaited opinions are their steps), and no precondition confirmations (no step
    /// depends on them). The items stay inside: they are not whole records. A department head's
    /// home reads a handful of items, not every open one; the office director's, which keeps
    /// most of them, and the year's report, which keeps all, read no opinion or related
    /// department of an item past consultation.
    static func pendingSteps(_ db: any SQLConnection, mayWaitOn filter: AgendaWaitFilter? = nil, org: OrgChart,
                             calendar: HolidayCalendar) throws -> [PendingStep] {
        let rows = try openItems(db, mayWaitOn: filter)
        let consulting = rows.filter { $0.state == .consulting }.compactMap(\.id)
        let related = try relatedCodes(db, of: consulting)
        let opinions = try opinionsByItem(db, of: consulting)
        let items = rows.map { row in
            let id = row.id!
            return row.item(related: related[id] ?? [], opinions: opinions[id] ?? [], confirmations: [])
        }
        return AgendaDeadlines.pendingSteps(for: items, org: org, calendar: calendar)
    }

    /// The open items, or with `filter` those that may wait on a reader, in the order of their
    /// ids. The filter's ``AgendaWaitFilter/reach(of:)`` becomes the query's condition, tested
    /// on each open item as SQLite walks the partial index: rows the filter drops are never
    /// handed over, and no item is read twice.
    static func openItems(_ db: any SQLConnection, mayWaitOn filter: AgendaWaitFilter?) throws -> [AgendaItemRow] {
        var condition = ""
        var arguments: [SQLValue] = []
        if let filter {
            var terms: [String] = []
            let departments = "(\(db.dialect.jsonList(.text)))"
            for state in AgendaState.allCases {
                let inState = "state = '\(state.rawValue)'"
                switch filter.reach(of: state) {
                case .nobody: continue
                case .everyone: terms.append(inState)
                case .ledBy(let codes) where !codes.isEmpty:
                    terms.append("(\(inState) AND lead_code IN \(departments))")
                    arguments.append(.text(SQLValue.jsonArray(codes.sorted())))
                case .relatedTo(let codes) where !codes.isEmpty:
                    terms.append("(\(inState) AND EXISTS (SELECT 1 FROM agenda_related r WHERE r.item_id = agenda_item.id "
                                 + "AND r.department_code IN \(departments)))")
                    arguments.append(.text(SQLValue.jsonArray(codes.sorted())))
                case .ledBy, .relatedTo: continue
                }
            }
            guard !terms.isEmpty else { return [] }
            condition = " AND (" + terms.joined(separator: " OR ") + ")"
        }
        return try db.rows("SELECT \(columns) FROM agenda_item \(db.dialect.indexedBy("agenda_item_open")) WHERE state IN \(openStatesSQL)"
                           + condition + " ORDER BY id", arguments).map(AgendaItemRow.init)
    }

    /// The title of item `id`, if there is one (a notice's line on the home screen).
    static func title(_ db: any SQLConnection, id: Int64) throws -> String? {
        try db.value(String.self, "SELECT title FROM agenda_item WHERE id = ?", id)
    }

    package static func timeline(_ db: any SQLConnection, itemId: Int64) throws -> [AgendaTimelineEntry] {
        try db.rows("SELECT \(entryColumns) FROM agenda_event WHERE item_id = ? ORDER BY id", itemId).map(entry)
    }

    /// The meeting's agenda: every item ever placed on it, in order.
    package static func agenda(_ db: any SQLConnection, meetingId: Int64) throws -> MeetingAgenda {
        let meeting = try MeetingRepository.meeting(db, id: meetingId)
        let slots = try db.rows("SELECT \(slotColumns) FROM agenda_slot WHERE meeting_id = ?", meetingId).map(slot)
        let rows = slots.isEmpty ? [] : try db.rows("SELECT \(columns) FROM agenda_item WHERE id IN (\(db.dialect.jsonList(.integer)))",
                                                   [.text(SQLValue.jsonArray(slots.map(\.itemId)))]).map(AgendaItemRow.init)
        let items = Dictionary(uniqueKeysWithValues: try assemble(db, rows).map { ($0.id!, $0) })
        return MeetingAgenda(meeting: meeting, lines: slots.compactMap { slot in
            items[slot.itemId].map { MeetingAgenda.Line(slot: slot, item: $0) }
        })
    }

    /// The item's place on the meeting it is on now, if any.
    package static func currentSlot(_ db: any SQLConnection, of item: AgendaItem) throws -> AgendaSlot? {
        guard let id = item.id, let meetingId = item.meetingId else { return nil }
        return try slot(db, meetingId: meetingId, itemId: id)
    }

    /// Item `itemId`'s place on meeting `meetingId`'s agenda, if it was ever placed there.
    static func slot(_ db: any SQLConnection, meetingId: Int64, itemId: Int64) throws -> AgendaSlot? {
        try db.row("SELECT \(slotColumns) FROM agenda_slot WHERE meeting_id = ? AND item_id = ?", meetingId, itemId).map(slot)
    }

    // MARK: Writing

    static func insert(_ db: any SQLConnection, _ item: AgendaItem) throws -> AgendaItem {
        let row = AgendaItemRow(item)
        guard let id = try db.value(Int64.self, """
            INSERT INTO agenda_item (title, summary, lead_code, major, normative, public_interest, market, category, hearing,
              report_to_congress, state, coordination_failed_at, statement, statement_proposal, statement_given_by, statement_by,
              statement_at, meeting_id, decision, withdrawal_reason, created_by, created_at, step_started_at, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
            """, row.values) else { throw SQLPortError.noRow(sql: "INSERT INTO agenda_item") }
        var stored = item
        stored.id = id
        try insertRelated(db, itemId: id, codes: item.relatedCodes)
        return stored
    }

    /// Stores every column of `item` (its version as given: the caller moved it on).
    static func update(_ db: any SQLConnection, _ item: AgendaItem) throws {
        guard let id = item.id else { throw SQLPortError.noRow(sql: "UPDATE agenda_item without an id") }
        let changed = try db.exec("""
            UPDATE agenda_item SET title = ?, summary = ?, lead_code = ?, major = ?, normative = ?, public_interest = ?, market = ?,
              category = ?, hearing = ?, report_to_congress = ?, state = ?, coordination_failed_at = ?, statement = ?,
              statement_proposal = ?, statement_given_by = ?, statement_by = ?, statement_at = ?, meeting_id = ?, decision = ?,
              withdrawal_reason = ?, created_by = ?, created_at = ?, step_started_at = ?, version = ?
            WHERE id = ?
            """, AgendaItemRow(item).values + [id.sqlValue])
        guard changed == 1 else { throw SQLPortError.noRow(sql: "UPDATE agenda_item \(id)") }
    }

    /// Stores the result of a transition: the item's columns, what it gained (an opinion,
    /// a confirmation) and the timeline entry.
    static func save(_ db: any SQLConnection, _ transition: AgendaWorkflow.Transition, replacing old: AgendaItem) throws {
        try update(db, transition.item)
        for opinion in transition.item.opinions where opinion.id == nil {
            try db.exec("""
                INSERT INTO agenda_opinion (item_id, department_code, stance, reason, given_by, recorded_by, at) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, opinion.itemId, opinion.departmentCode, opinion.stance, opinion.reason, opinion.givenBy, opinion.recordedBy, opinion.at)
        }
        let had = Set(old.confirmations.map(\.precondition))
        for c in transition.item.confirmations where !had.contains(c.precondition) {
            try db.exec("""
                INSERT INTO agenda_precondition (item_id, precondition, confirmed_by, recorded_by, at, note) VALUES (?, ?, ?, ?, ?, ?)
                """, c.itemId, c.precondition, c.confirmedBy, c.recordedBy, c.at, c.note)
        }
        try insert(db, transition.entry)
    }

    /// Appends an entry to an item's timeline.
    static func insert(_ db: any SQLConnection, _ e: AgendaTimelineEntry) throws {
        try db.exec("""
            INSERT INTO agenda_event (item_id, at, kind, actor, on_behalf_of, from_state, to_state, department_code, precondition,
              meeting_id, text, statement, outcome)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, e.itemId, e.at, e.kind, e.actor, e.onBehalfOf, e.fromState, e.toState, e.departmentCode, e.precondition,
                    e.meetingId, e.text, e.statement, e.outcome)
    }

    /// Stores an item's place on a meeting's agenda, new or changed.
    static func saveSlot(_ db: any SQLConnection, _ slot: AgendaSlot) throws {
        try db.exec("""
            INSERT INTO agenda_slot (meeting_id, item_id, position, planned_minutes, deferred) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (meeting_id, item_id) DO UPDATE SET position = excluded.position,
              planned_minutes = excluded.planned_minutes, deferred = excluded.deferred
            """, slot.meetingId, slot.itemId, slot.position, slot.plannedMinutes, slot.deferred)
    }

    /// Frees an item's place on a meeting's agenda.
    static func deleteSlot(_ db: any SQLConnection, meetingId: Int64, itemId: Int64) throws {
        try db.exec("DELETE FROM agenda_slot WHERE meeting_id = ? AND item_id = ?", meetingId, itemId)
    }

    static func insertRelated(_ db: any SQLConnection, itemId: Int64, codes: [String]) throws {
        for (position, code) in codes.enumerated() {
            try db.exec("INSERT INTO agenda_related (item_id, department_code, position) VALUES (?, ?, ?)", itemId, code, position)
        }
    }

    // MARK: Assembly

    private static func assemble(_ db: any SQLConnection, _ rows: [AgendaItemRow]) throws -> [AgendaItem] {
        let ids = rows.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        let related = try relatedCodes(db, of: ids), opinions = try opinionsByItem(db, of: ids)
        let confirmations = Dictionary(grouping: try db.rows(
            "SELECT \(confirmationColumns) FROM agenda_precondition WHERE \(among(db)) ORDER BY at", [.text(SQLValue.jsonArray(ids))])
            .map(confirmation), by: \.itemId)
        return rows.map { row in
            let id = row.id!
            return row.item(related: related[id] ?? [], opinions: opinions[id] ?? [], confirmations: confirmations[id] ?? [])
        }
    }

    /// The related departments of items `ids`, in their order on each item.
    private static func relatedCodes(_ db: any SQLConnection, of ids: [Int64]) throws -> [Int64: [String]] {
        guard !ids.isEmpty else { return [:] }
        var related: [Int64: [String]] = [:]
        for r in try db.rows("SELECT item_id, department_code FROM agenda_related WHERE \(among(db)) ORDER BY item_id, position",
                             [.text(SQLValue.jsonArray(ids))]) {
            related[try r.get("item_id"), default: []].append(try r.get("department_code"))
        }
        return related
    }

    /// The opinions given on items `ids`, in the order they were given.
    private static func opinionsByItem(_ db: any SQLConnection, of ids: [Int64]) throws -> [Int64: [Opinion]] {
        guard !ids.isEmpty else { return [:] }
        return Dictionary(grouping: try db.rows("SELECT \(opinionColumns) FROM agenda_opinion WHERE \(among(db)) ORDER BY id",
                                                [.text(SQLValue.jsonArray(ids))]).map(opinion), by: \.itemId)
    }

    /// `item_id` among a bound list of ids (``SQLDialect/jsonList(_:)``).
    private static func among(_ db: any SQLConnection) -> String { "item_id IN (\(db.dialect.jsonList(.integer)))" }

    // MARK: - Rows

    static let columns = """
        id, title, summary, lead_code, major, normative, public_interest, market, category, hearing, report_to_congress, state, \
        coordination_failed_at, statement, statement_proposal, statement_given_by, statement_by, statement_at, meeting_id, decision, \
        withdrawal_reason, created_by, created_at, step_started_at, version
        """
    static let opinionColumns = "id, item_id, department_code, stance, reason, given_by, recorded_by, at"
    static let confirmationColumns = "item_id, precondition, confirmed_by, recorded_by, at, note"
    static let entryColumns = """
        id, item_id, at, kind, actor, on_behalf_of, from_state, to_state, department_code, precondition, meeting_id, text, statement, outcome
        """
    static let slotColumns = "meeting_id, item_id, position, planned_minutes, deferred"

    static func opinion(_ row: SQLRow) throws -> Opinion {
        Opinion(id: try row.get("id", as: Int64.self), itemId: try row.get("item_id"), departmentCode: try row.get("department_code"),
                stance: try row.get("stance"), reason: try row.get("reason"), givenBy: try row.get("given_by"),
                recordedBy: try row.get("recorded_by"), at: try row.get("at"))
    }

    static func confirmation(_ row: SQLRow) throws -> PreconditionConfirmation {
        PreconditionConfirmation(itemId: try row.get("item_id"), precondition: try row.get("precondition"),
                                 confirmedBy: try row.get("confirmed_by"), recordedBy: try row.get("recorded_by"),
                                 at: try row.get("at"), note: try row.get("note"))
    }

    static func entry(_ row: SQLRow) throws -> AgendaTimelineEntry {
        AgendaTimelineEntry(id: try row.get("id", as: Int64.self), itemId: try row.get("item_id"), at: try row.get("at"),
                            kind: try row.get("kind"), actor: try row.get("actor"), onBehalfOf: try row.get("on_behalf_of"),
                            fromState: try row.get("from_state"), toState: try row.get("to_state"),
                            departmentCode: try row.get("department_code"), precondition: try row.get("precondition"),
                            meetingId: try row.get("meeting_id"), text: try row.get("text"), statement: try row.get("statement"),
                            outcome: try row.get("outcome"))
    }

    static func slot(_ row: SQLRow) throws -> AgendaSlot {
        AgendaSlot(meetingId: try row.get("meeting_id"), itemId: try row.get("item_id"), position: try row.get("position"),
                   plannedMinutes: try row.get("planned_minutes"), deferred: try row.get("deferred"))
    }
}

extension AgendaState: SQLTextEnum {}
extension Precondition: SQLTextEnum {}
extension Opinion.Stance: SQLTextEnum {}
extension AgendaTimelineEntry.Kind: SQLTextEnum {}
extension AgendaNotice.Kind: SQLTextEnum {}
