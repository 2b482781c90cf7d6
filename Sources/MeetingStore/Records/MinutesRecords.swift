import GRDB
import MeetingKit

extension Minutes: SnakeCaseRecord {
    public static let databaseTableName = "minutes"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension MinutesHistoryEntry: SnakeCaseRecord {
    public static let databaseTableName = "minutes_history"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension FollowUp: SnakeCaseRecord {
    public static let databaseTableName = "follow_up"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
