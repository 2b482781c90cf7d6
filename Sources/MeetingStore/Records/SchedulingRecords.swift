import GRDB
import MeetingKit

extension Absence: SnakeCaseRecord {
    public static let databaseTableName = "absence"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension MeetingMove: SnakeCaseRecord {
    public static let databaseTableName = "meeting_move"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
