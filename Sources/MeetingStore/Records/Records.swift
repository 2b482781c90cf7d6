import GRDB
import MeetingKit

// The domain's value types are stored as they are: GRDB maps their Codable properties to
// snake_case columns. Dates are stored as ISO text, which sorts like the dates themselves.

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

/// Shared column naming for every stored domain type.
protocol SnakeCaseRecord: FetchableRecord, PersistableRecord {}

extension SnakeCaseRecord {
    public static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { SnakeCaseColumns.decoding }
    public static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy { .convertToSnakeCase }
}

/// Shared column naming for stored types with an auto-incremented `id`.
///
/// These must be `MutablePersistableRecord` only: with `PersistableRecord`, GRDB's `insert`
/// calls the non-mutating `didInsert`, so a `mutating func didInsert` never runs and the
/// inserted value keeps `id == nil`.
protocol SnakeCaseIdentifiedRecord: FetchableRecord, MutablePersistableRecord {}

extension SnakeCaseIdentifiedRecord {
    public static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { SnakeCaseColumns.decoding }
    public static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy { .convertToSnakeCase }
}

extension OnBehalfRecord: SnakeCaseRecord {
    public static let databaseTableName = "on_behalf_record"
}

extension Person: SnakeCaseRecord {
    public static let databaseTableName = "person"
}

extension Department: SnakeCaseRecord {
    public static let databaseTableName = "department"
}

extension Term: SnakeCaseRecord {
    public static let databaseTableName = "term"
}

extension AuditEvent: SnakeCaseRecord {
    public static let databaseTableName = "audit_event"
}

extension Meeting: SnakeCaseIdentifiedRecord {
    public static let databaseTableName = "meeting"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Participant: SnakeCaseIdentifiedRecord {
    public static let databaseTableName = "participant"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
