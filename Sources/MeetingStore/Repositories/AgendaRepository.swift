import GRDB
import MeetingKit

/// Reads and writes agenda items, their dossiers (related departments, opinions,
/// confirmations), their timelines and meetings' agendas. Rows are only inserted or
/// updated, never deleted.
package enum AgendaRepository {
    package static func item(_ db: Database, id: Int64) throws -> AgendaItem {
        guard let row = try AgendaItemRow.fetchOne(db, key: id) else {
            throw Refusal.notFound("item.unknown", "没有编号为 \(id) 的议题", "no agenda item with id \(id)")
        }
        return try assemble(db, [row])[0]
    }

    /// Items, newest first, optionally only in one state, of one department (leading or
    /// related), or on one meeting's agenda (now or before a deferral).
    ///
    /// With `limit`, one page: the newest `limit` items older than `before` (an id), read from
    /// the primary key backwards, so a list shows ten years of items without loading them.
    package static func items(_ db: Database, state: AgendaState? = nil, department: String? = nil,
                             meetingId: Int64? = nil, before: Int64? = nil, limit: Int? = nil) throws -> [AgendaItem] {
        var request = filtered(state: state, department: department, meetingId: meetingId).order(Column("id").desc)
        if let before { request = request.filter(Column("id") < before) }
        if let limit { request = request.limit(limit) }
        return try assemble(db, try request.fetchAll(db))
    }

    /// How many items match the filters (the list's "N items" while it shows one page).
    package static func count(_ db: Database, state: AgendaState? = nil, department: String? = nil, meetingId: Int64? = nil) throws -> Int {
        try filtered(state: state, department: department, meetingId: meetingId).fetchCount(db)
    }

    private static func filtered(state: AgendaState?, department: String?, meetingId: Int64?) -> QueryInterfaceRequest<AgendaItemRow> {
        var request = AgendaItemRow.all()
        if let state { request = request.filter(Column("state") == state.rawValue) }
        if let department {
            request = request.filter(sql: "lead_code = ? OR id IN (SELECT item_id FROM agenda_related WHERE department_code = ?)",
                                     arguments: [department, department])
        }
        if let meetingId {
            request = request.filter(sql: "meeting_id = ? OR id IN (SELECT item_id FROM agenda_slot WHERE meeting_id = ?)",
                                     arguments: [meetingId, meetingId])
        }
        return request
    }

    /// The states that still wait on someone, as an SQL list: the partial index
    /// `agenda_item_open` (Schema+Performance) is defined with exactly this text.
    static let openStatesSQL = "('draft','consulting','consensus','disputed','approved','accepted')"

    /// Items in states that still wait on someone (for due dates and "waiting for me"), read
    /// from the partial index of open items whatever the size of the history.
    static func openItems(_ db: Database) throws -> [AgendaItem] {
        try assemble(db, try AgendaItemRow.fetchAll(db.cachedStatement(sql: "SELECT * FROM agenda_item WHERE state IN \(openStatesSQL) ORDER BY id")))
    }

    package static func timeline(_ db: Database, itemId: Int64) throws -> [AgendaTimelineEntry] {
        try AgendaTimelineEntry.filter(Column("item_id") == itemId).order(Column("id")).fetchAll(db)
    }

    /// The meeting's agenda: every item ever placed on it, in order.
    package static func agenda(_ db: Database, meetingId: Int64) throws -> MeetingAgenda {
        let meeting = try MeetingRepository.meeting(db, id: meetingId)
        let slots = try AgendaSlot.filter(Column("meeting_id") == meetingId).fetchAll(db)
        let rows = try AgendaItemRow.filter(keys: slots.map(\.itemId)).fetchAll(db)
        let items = Dictionary(uniqueKeysWithValues: try assemble(db, rows).map { ($0.id!, $0) })
        return MeetingAgenda(meeting: meeting, lines: slots.compactMap { slot in
            items[slot.itemId].map { MeetingAgenda.Line(slot: slot, item: $0) }
        })
    }

    /// The item's place on the meeting it is on now, if any.
    package static func currentSlot(_ db: Database, of item: AgendaItem) throws -> AgendaSlot? {
        guard let id = item.id, let meetingId = item.meetingId else { return nil }
        return try AgendaSlot.fetchOne(db, key: ["meeting_id": meetingId, "item_id": id])
    }

    // MARK: Writing

    static func insert(_ db: Database, _ item: AgendaItem) throws -> AgendaItem {
        var row = AgendaItemRow(item)
        try row.insert(db)
        var stored = item
        stored.id = row.id
        for (position, code) in item.relatedCodes.enumerated() {
            try db.execute(sql: "INSERT INTO agenda_related(item_id, department_code, position) VALUES (?, ?, ?)",
                           arguments: [row.id, code, position])
        }
        return stored
    }

    /// Stores the result of a transition: the item's columns, what it gained (an opinion,
    /// a confirmation) and the timeline entry.
    static func save(_ db: Database, _ transition: AgendaWorkflow.Transition, replacing old: AgendaItem) throws {
        try AgendaItemRow(transition.item).update(db)
        for var opinion in transition.item.opinions where opinion.id == nil { try opinion.insert(db) }
        let had = Set(old.confirmations.map(\.precondition))
        for confirmation in transition.item.confirmations where !had.contains(confirmation.precondition) {
            try confirmation.insert(db)
        }
        var entry = transition.entry
        try entry.insert(db)
    }

    static func saveSlot(_ db: Database, _ slot: AgendaSlot) throws { try slot.save(db) }

    // MARK: Assembly

    private static func assemble(_ db: Database, _ rows: [AgendaItemRow]) throws -> [AgendaItem] {
        let ids = rows.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        let marks = Array(repeating: "?", count: ids.count).joined(separator: ",")
        let args = StatementArguments(ids)
        var related: [Int64: [String]] = [:]
        for r in try Row.fetchAll(db, sql: "SELECT item_id, department_code FROM agenda_related WHERE item_id IN (\(marks)) ORDER BY item_id, position",
                                  arguments: args) {
            related[r["item_id"], default: []].append(r["department_code"])
        }
        let opinions = Dictionary(grouping: try Opinion.fetchAll(
            db, sql: "SELECT * FROM agenda_opinion WHERE item_id IN (\(marks)) ORDER BY id", arguments: args), by: \.itemId)
        let confirmations = Dictionary(grouping: try PreconditionConfirmation.fetchAll(
            db, sql: "SELECT * FROM agenda_precondition WHERE item_id IN (\(marks)) ORDER BY at", arguments: args), by: \.itemId)
        return rows.map { row in
            let id = row.id!
            return row.item(related: related[id] ?? [], opinions: opinions[id] ?? [], confirmations: confirmations[id] ?? [])
        }
    }
}
