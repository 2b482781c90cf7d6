import MeetingKit

/// The stored columns of an ``AgendaItem`` (its related departments, opinions and
/// confirmations live in their own tables).
struct AgendaItemRow: Codable, Hashable {
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

    /// Decoded by hand rather than through Codable: every home screen reads all open items
    /// at start, and Codable's snake_case key conversion for each column of each row made
    /// that the largest cost of opening Huiwu on a ten-year office (docs/performance.md).
    /// The columns are ``AgendaRepository/columns``.
    init(_ row: SQLRow) throws {
        id = try row.get("id")
        title = try row.get("title")
        summary = try row.get("summary")
        leadCode = try row.get("lead_code")
        major = try row.get("major")
        normative = try row.get("normative")
        publicInterest = try row.get("public_interest")
        market = try row.get("market")
        category = try row.get("category")
        hearing = try row.get("hearing")
        reportToCongress = try row.get("report_to_congress")
        state = try row.get("state")
        coordinationFailedAt = try row.get("coordination_failed_at")
        statement = try row.get("statement")
        statementProposal = try row.get("statement_proposal")
        statementGivenBy = try row.get("statement_given_by")
        statementBy = try row.get("statement_by")
        statementAt = try row.get("statement_at")
        meetingId = try row.get("meeting_id")
        decision = try row.get("decision")
        withdrawalReason = try row.get("withdrawal_reason")
        createdBy = try row.get("created_by")
        createdAt = try row.get("created_at")
        stepStartedAt = try row.get("step_started_at")
        version = try row.get("version")
    }

    /// The values of every column but `id`, in the order of ``AgendaRepository/columns``.
    var values: [SQLValue] {
        [title.sqlValue, summary.sqlValue, leadCode.sqlValue, major.sqlValue, normative.sqlValue, publicInterest.sqlValue,
         market.sqlValue, category.sqlValue, hearing.sqlValue, reportToCongress.sqlValue, state.sqlValue, coordinationFailedAt.sqlValue,
         statement.sqlValue, statementProposal.sqlValue, statementGivenBy.sqlValue, statementBy.sqlValue, statementAt.sqlValue,
         meetingId.sqlValue, decision.sqlValue, withdrawalReason.sqlValue, createdBy.sqlValue, createdAt.sqlValue,
         stepStartedAt.sqlValue, version.sqlValue]
    }
}
