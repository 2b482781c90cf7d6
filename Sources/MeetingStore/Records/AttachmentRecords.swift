import GRDB
import MeetingKit

extension Attachment: SnakeCaseIdentifiedRecord {
    public static let databaseTableName = "attachment"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
