import GRDB
import Synchronization

/// The coding key of a snake_case column, converted once per process.
///
/// GRDB's `.convertFromSnakeCase` converts every column name again for every row it decodes:
/// on the bench's week query that was a fifth of the command's instructions for the same few
/// hundred names (docs/performance.md, "What each optimisation bought"). The rule is Foundation's for lower-case names: `meeting_id` →
/// `meetingId`, `r46_due` → `r46Due`.
enum SnakeCaseColumns {
    private static let keys = Mutex<[String: ColumnKey]>([:])

    static let decoding = DatabaseColumnDecodingStrategy.custom { column in
        if let key = keys.withLock({ $0[column] }) { return key }
        let key = ColumnKey(camelCase(column))
        keys.withLock { $0[column] = key }
        return key
    }

    static func camelCase(_ column: String) -> String {
        let parts = column.split(separator: "_", omittingEmptySubsequences: true)
        guard let first = parts.first, !column.hasPrefix("_"), !column.hasSuffix("_") else { return column }
        return parts.dropFirst().reduce(String(first)) { $0 + $1.prefix(1).uppercased() + $1.dropFirst() }
    }

    struct ColumnKey: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
