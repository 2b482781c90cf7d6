import GRDB
import MeetingKit

extension Minutes: SnakeCaseIdentifiedRecord {
    public static let databaseTableName = "minutes"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension MinutesHistoryEntry: SnakeCaseIdentifiedRecord {
    public static let databaseTableName = "minutes_history"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension FollowUp: SnakeCaseIdentifiedRecord {
    public static let databaseTableName = "follow_up"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension MinutesDeclassification: SnakeCaseIdentifiedRecord {
    public static let databaseTableName = "minutes_declassification"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension MinutesDispatch: SnakeCaseRecord {
    public static let databaseTableName = "minutes_dispatch"
}

extension FollowUpReport: SnakeCaseIdentifiedRecord {
    public static let databaseTableName = "follow_up_report"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
