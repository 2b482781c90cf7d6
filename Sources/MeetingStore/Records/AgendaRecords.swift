import GRDB
import MeetingKit

/// The stored columns of an ``AgendaItem`` (its related departments, opinions and
/// confirmations live in their own tables).
struct AgendaItemRow: Codable, Hashable, SnakeCaseIdentifiedRecord {
    static let databaseTableName = "agenda_item"

    var id: Int64?
    var title: String
    var summary: String
    var leadCode: String
    var major: Bool
    var normative: Bool
    var publicInterest: Bool
    var market: Bool
    var category: Int?
    var hearing: Bool
    var reportToCongress: Bool
    var state: AgendaState
    var coordinationFailedAt: LocalDateTime?
    var statement: String?
    var statementProposal: String?
    var statementGivenBy: String?
    var statementBy: String?
    var statementAt: LocalDateTime?
    var meetingId: Int64?
    var decision: String?
    var withdrawalReason: String?
    var createdBy: String
    var createdAt: LocalDateTime
    var stepStartedAt: LocalDateTime
    var version: Int

    init(_ item: AgendaItem) {
        id = item.id
        title = item.title
        summary = item.summary
        leadCode = item.leadCode
        major = item.major
        normative = item.normative
        publicInterest = item.publicInterest
        market = item.market
        category = item.category?.rawValue
        hearing = item.hearing
        reportToCongress = item.reportToCongress
        state = item.state
        coordinationFailedAt = item.coordinationFailedAt
        statement = item.statement?.text
        statementProposal = item.statement?.proposal
        statementGivenBy = item.statement?.givenBy
        statementBy = item.statement?.recordedBy
        statementAt = item.statement?.at
        meetingId = item.meetingId
        decision = item.decision
        withdrawalReason = item.withdrawalReason
        createdBy = item.createdBy
        createdAt = item.createdAt
        stepStartedAt = item.stepStartedAt
        version = item.version
    }

    func item(related: [String], opinions: [Opinion], confirmations: [PreconditionConfirmation]) -> AgendaItem {
        var statementValue: AgendaItem.Statement?
        if let statement, let statementBy, let statementAt {
            statementValue = AgendaItem.Statement(text: statement, proposal: statementProposal, givenBy: statementGivenBy,
                                                  recordedBy: statementBy, at: statementAt)
        }
        return AgendaItem(id: id, title: title, summary: summary, leadCode: leadCode, relatedCodes: related, major: major,
                          normative: normative, publicInterest: publicInterest, market: market,
                          category: category.flatMap(ExecutiveCategory.init(rawValue:)), hearing: hearing,
                          reportToCongress: reportToCongress, state: state, coordinationFailedAt: coordinationFailedAt,
                          statement: statementValue,
                          meetingId: meetingId, decision: decision, withdrawalReason: withdrawalReason, createdBy: createdBy,
                          createdAt: createdAt, stepStartedAt: stepStartedAt, opinions: opinions, confirmations: confirmations,
                          version: version)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// Decoded by hand rather than through Codable: every home screen reads all open items
    /// at start, and Codable's snake_case key conversion for each column of each row made
    /// that the largest cost of opening Huiwu on a ten-year office (docs/performance.md).
    init(row: Row) throws {
        id = try row.decode(forColumn: "id")
        title = try row.decode(forColumn: "title")
        summary = try row.decode(forColumn: "summary")
        leadCode = try row.decode(forColumn: "lead_code")
        major = try row.decode(forColumn: "major")
        normative = try row.decode(forColumn: "normative")
        publicInterest = try row.decode(forColumn: "public_interest")
        market = try row.decode(forColumn: "market")
        category = try row.decode(forColumn: "category")
        hearing = try row.decode(forColumn: "hearing")
        reportToCongress = try row.decode(forColumn: "report_to_congress")
        state = try row.decodeRawValue(forColumn: "state")
        coordinationFailedAt = try row.decode(forColumn: "coordination_failed_at")
        statement = try row.decode(forColumn: "statement")
        statementProposal = try row.decode(forColumn: "statement_proposal")
        statementGivenBy = try row.decode(forColumn: "statement_given_by")
        statementBy = try row.decode(forColumn: "statement_by")
        statementAt = try row.decode(forColumn: "statement_at")
        meetingId = try row.decode(forColumn: "meeting_id")
        decision = try row.decode(forColumn: "decision")
        withdrawalReason = try row.decode(forColumn: "withdrawal_reason")
        createdBy = try row.decode(forColumn: "created_by")
        createdAt = try row.decode(forColumn: "created_at")
        stepStartedAt = try row.decode(forColumn: "step_started_at")
        version = try row.decode(forColumn: "version")
    }
}

extension Opinion: SnakeCaseIdentifiedRecord {
    public static let databaseTableName = "agenda_opinion"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// Decoded by hand, like ``AgendaItemRow/init(row:)``: read with every open item.
    public init(row: Row) throws {
        self.init(id: try row.decode(forColumn: "id"), itemId: try row.decode(forColumn: "item_id"),
                  departmentCode: try row.decode(forColumn: "department_code"), stance: try row.decodeRawValue(forColumn: "stance"),
                  reason: try row.decode(forColumn: "reason"), givenBy: try row.decode(forColumn: "given_by"),
                  recordedBy: try row.decode(forColumn: "recorded_by"), at: try row.decode(forColumn: "at"))
    }
}

extension PreconditionConfirmation: SnakeCaseRecord {
    public static let databaseTableName = "agenda_precondition"

    /// Decoded by hand, like ``AgendaItemRow/init(row:)``: read with every open item.
    public init(row: Row) throws {
        self.init(itemId: try row.decode(forColumn: "item_id"), precondition: try row.decodeRawValue(forColumn: "precondition"),
                  confirmedBy: try row.decode(forColumn: "confirmed_by"), recordedBy: try row.decode(forColumn: "recorded_by"),
                  at: try row.decode(forColumn: "at"), note: try row.decode(forColumn: "note"))
    }
}

extension Row {
    /// A value stored as its enum's raw text; an unknown text is a decoding error, not a crash.
    func decodeRawValue<Value: RawRepresentable>(forColumn column: String) throws -> Value where Value.RawValue == String {
        let text: String = try decode(forColumn: column)
        guard let value = Value(rawValue: text) else {
            throw DatabaseError(message: "unknown \(column) '\(text)' in the database")
        }
        return value
    }
}

extension AgendaTimelineEntry: SnakeCaseIdentifiedRecord {
    public static let databaseTableName = "agenda_event"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension AgendaSlot: SnakeCaseRecord {
    public static let databaseTableName = "agenda_slot"
}

extension AgendaNotice: SnakeCaseIdentifiedRecord {
    public static let databaseTableName = "agenda_notice"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
