/// A record that can be opened from a list.
public enum RecordRef: Hashable, Sendable, Codable {
    case meeting(Int64)
    case item(Int64)
    case leave(Int64)
    /// The compiled leave report of a meeting (R42), by meeting id.
    case leaveReport(Int64)
    case minutes(Int64)
    case followUp(Int64)
    /// A decision recorded on a leader's behalf (代录), by its audit event's number.
    case onBehalf(Int64)
    /// The receipts of a meeting's notice, by meeting id.
    case receipts(Int64)
    /// A registered absence from Beijing (R65, R7).
    case absence(Int64)
}
