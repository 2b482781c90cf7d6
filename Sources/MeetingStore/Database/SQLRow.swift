import MeetingKit

/// One row of a result, its columns by name, the same from either engine.
package struct SQLRow: Sendable {
    package let columns: [String]
    package let values: [SQLValue]

    package init(columns: [String], values: [SQLValue]) {
        self.columns = columns
        self.values = values
    }

    /// The raw value of `column` (NULL when the row has no such column).
    package subscript(column: String) -> SQLValue {
        columns.firstIndex(of: column).map { values[$0] } ?? .null
    }

    /// The value of `column` as `T`, or a ``SQLPortError/decoding(column:value:as:)`` naming it.
    package func get<T: SQLValueConvertible>(_ column: String, as type: T.Type = T.self) throws -> T {
        let value = self[column]
        guard let decoded = T.fromSQL(value) else { throw SQLPortError.decoding(column: column, value: value, as: "\(T.self)") }
        return decoded
    }
}
