import MeetingKit

/// One row of a result, its columns by name, the same from either engine.
package struct SQLRow: Sendable {
    /// The result's column names and their positions, shared by all its rows.
    package final class Columns: Sendable {
        package let names: [String]
        let positions: [String: Int]

        package init(_ names: [String]) {
            self.names = names
            // The first of two equal names wins, as a search from the left would find.
            positions = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }

    package let shape: Columns
    package let values: [SQLValue]
    package var columns: [String] { shape.names }

    /// A row of a result whose columns are `shape`: build it once per result, not per row (a
    /// name is then found by hashing instead of comparing it with every column's).
    package init(_ shape: Columns, values: [SQLValue]) {
        self.shape = shape
        self.values = values
    }

    /// The raw value of `column` (NULL when the row has no such column).
    package subscript(column: String) -> SQLValue {
        shape.positions[column].map { values[$0] } ?? .null
    }

    /// The value of `column` as `T`, or a ``SQLPortError/decoding(column:value:as:)`` naming it.
    package func get<T: SQLValueConvertible>(_ column: String, as type: T.Type = T.self) throws -> T {
        let value = self[column]
        guard let decoded = T.fromSQL(value) else { throw SQLPortError.decoding(column: column, value: value, as: "\(T.self)") }
        return decoded
    }
}
