import GRDB
import MeetingKit

// Dates are stored as ISO text, which sorts like the dates themselves. Records are read and
// written by the repositories on the database port (one insert idiom: `INSERT … RETURNING id`).

extension Day: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { iso.databaseValue }
    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> Day? {
        String.fromDatabaseValue(dbValue).flatMap { Day(iso: $0) }
    }
}

extension LocalDateTime: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { iso.databaseValue }
    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> LocalDateTime? {
        String.fromDatabaseValue(dbValue).flatMap { LocalDateTime(iso: $0) }
    }
}

/// GRDB's record API, for the two types tests read straight from a SQLite file (a person in a
/// restored backup, an audit event to tamper with).
protocol SnakeCaseRecord: FetchableRecord, PersistableRecord {}

extension SnakeCaseRecord {
    public static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { SnakeCaseColumns.decoding }
    public static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy { .convertToSnakeCase }
}

extension Person: SnakeCaseRecord {
    public static let databaseTableName = "person"
}

extension AuditEvent: SnakeCaseRecord {
    public static let databaseTableName = "audit_event"
}
