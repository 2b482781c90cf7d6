import GRDB
import MeetingKit

extension LeaveRequest: SnakeCaseRecord {
    public static let databaseTableName = "leave_request"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Attendance: SnakeCaseRecord {
    public static let databaseTableName = "attendance"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
