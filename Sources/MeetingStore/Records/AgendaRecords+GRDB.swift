import GRDB
import MeetingKit

// GRDB's record conformances of the agenda's rows, for the readers not yet on the database
// port (issue 21): search reads items and opinions by key. The agenda's own use cases read and
// write these tables through ``AgendaRepository``, on either engine.

extension AgendaItemRow: FetchableRecord, TableRecord {
    static let databaseTableName = "agenda_item"

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

extension Opinion: FetchableRecord, TableRecord {
    public static let databaseTableName = "agenda_opinion"

    /// Decoded by hand, like ``AgendaItemRow/init(row:)``: read with every open item.
    public init(row: Row) throws {
        self.init(id: try row.decode(forColumn: "id"), itemId: try row.decode(forColumn: "item_id"),
                  departmentCode: try row.decode(forColumn: "department_code"), stance: try row.decodeRawValue(forColumn: "stance"),
                  reason: try row.decode(forColumn: "reason"), givenBy: try row.decode(forColumn: "given_by"),
                  recordedBy: try row.decode(forColumn: "recorded_by"), at: try row.decode(forColumn: "at"))
    }
}
