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
    var state: AgendaState
    var statement: String?
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
        state = item.state
        statement = item.statement?.text
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
            statementValue = AgendaItem.Statement(text: statement, recordedBy: statementBy, at: statementAt)
        }
        return AgendaItem(id: id, title: title, summary: summary, leadCode: leadCode, relatedCodes: related, major: major,
                          normative: normative, publicInterest: publicInterest, market: market,
                          category: category.flatMap(ExecutiveCategory.init(rawValue:)), state: state, statement: statementValue,
                          meetingId: meetingId, decision: decision, withdrawalReason: withdrawalReason, createdBy: createdBy,
                          createdAt: createdAt, stepStartedAt: stepStartedAt, opinions: opinions, confirmations: confirmations,
                          version: version)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Opinion: SnakeCaseIdentifiedRecord {
    public static let databaseTableName = "agenda_opinion"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension PreconditionConfirmation: SnakeCaseRecord {
    public static let databaseTableName = "agenda_precondition"
}

extension AgendaTimelineEntry: SnakeCaseIdentifiedRecord {
    public static let databaseTableName = "agenda_event"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension AgendaSlot: SnakeCaseRecord {
    public static let databaseTableName = "agenda_slot"
}
