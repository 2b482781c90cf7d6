import MeetingKit
import Synchronization

/// One row of a result, its columns by name, the same from either engine.
package struct SQLRow: Sendable {
    /// The result's column names, shared by all its rows.
    package final class Columns: Sendable {
        package let names: [String]
        /// Each name's length in UTF-8 bytes.
        private let lengths: [Int]
        /// Whether a name stands twice (a join may select `id` from two tables): then only the
        /// search from the left finds the first.
        private let repeatsAName: Bool
        /// The column after the last one found: a row's decoder asks for the columns in the order
        /// its query names them, so the next lookup is nearly always there.
        private let next = Atomic<Int>(0)

        package init(_ names: [String]) {
            self.names = names
            let lengths = names.map(\.utf8.count)
            self.lengths = lengths
            repeatsAName = names.indices.contains { i in
                (0..<i).contains { lengths[$0] == lengths[i] && names[$0] == names[i] }
            }
        }

        /// The position of the first column named `name`: the column after the last one found
        /// when it is that one, else a search from the left that compares only the names of the
        /// same length. A result has a few dozen columns at most; hashing the name for a
        /// dictionary took four times as many instructions (430 against 100 a lookup), a tenth
        /// of the office director's first screen, and the search itself a thirtieth.
        func position(of name: String) -> Int? {
            let length = name.utf8.count
            let guess = next.load(ordering: .relaxed)
            if !repeatsAName, guess < names.count, lengths[guess] == length, names[guess] == name { return found(guess) }
            for index in lengths.indices where lengths[index] == length && names[index] == name { return found(index) }
            return nil
        }

        private func found(_ index: Int) -> Int {
            next.store(index + 1 < names.count ? index + 1 : 0, ordering: .relaxed)
            return index
        }
    }

    /// The values of one row, by position from 0: a window on the values of its whole result,
    /// which all its rows share, so that reading a result allocates once and not once per row
    /// (a year's report reads 87,000 rows).
    package struct Values: RandomAccessCollection, Sendable {
        private let result: [SQLValue]
        private let offset: Int
        private let width: Int

        init(result: [SQLValue], offset: Int, width: Int) {
            self.result = result
            self.offset = offset
            self.width = width
        }

        package var startIndex: Int { 0 }
        package var endIndex: Int { width }
        package subscript(position: Int) -> SQLValue {
            precondition(position >= 0 && position < width, "column \(position) of a row of \(width)")
            return result[offset + position]
        }
    }

    package let shape: Columns
    package let values: Values
    package var columns: [String] { shape.names }

    /// A row of a result whose columns are `shape`: build it once per result, not per row.
    package init(_ shape: Columns, values: [SQLValue]) {
        self.shape = shape
        self.values = Values(result: values, offset: 0, width: values.count)
    }

    /// Row `index` of a result whose values are `result`, row after row, each as wide as `shape`.
    package init(_ shape: Columns, result: [SQLValue], row index: Int) {
        self.shape = shape
        values = Values(result: result, offset: index * shape.names.count, width: shape.names.count)
    }

    /// The raw value of `column` (NULL when the row has no such column).
    package subscript(column: String) -> SQLValue {
        shape.position(of: column).map { values[$0] } ?? .null
    }

    /// The value of `column` as `T`, or a ``SQLPortError/decoding(column:value:as:)`` naming it.
    package func get<T: SQLValueConvertible>(_ column: String, as type: T.Type = T.self) throws -> T {
        let value = self[column]
        guard let decoded = T.fromSQL(value) else { throw SQLPortError.decoding(column: column, value: value, as: "\(T.self)") }
        return decoded
    }
}
