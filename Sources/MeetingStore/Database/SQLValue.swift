import Foundation
import MeetingKit

/// One value crossing the database port, in either direction, whatever the engine.
///
/// The five storage classes SQLite has, plus booleans: PostgreSQL's `boolean` columns take
/// and return `true`/`false`, SQLite stores them as 0 and 1 (``SQLiteDialect``). Repositories
/// bind and read Swift values (``SQLValueConvertible``); only the adapters see this enum's
/// cases.
package enum SQLValue: Hashable, Sendable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob(Data)
    case boolean(Bool)
}

/// A Swift value that binds to a statement and reads back from a row.
package protocol SQLValueConvertible {
    var sqlValue: SQLValue { get }
    /// The value a column holds, or nil when it holds something else.
    static func fromSQL(_ value: SQLValue) -> Self?
}

extension Int64: SQLValueConvertible {
    package var sqlValue: SQLValue { .integer(self) }
    package static func fromSQL(_ value: SQLValue) -> Int64? {
        switch value {
        case .integer(let v): v
        case .boolean(let b): b ? 1 : 0
        case .real(let d) where d == d.rounded(): Int64(exactly: d)
        default: nil
        }
    }
}

extension Int: SQLValueConvertible {
    package var sqlValue: SQLValue { .integer(Int64(self)) }
    package static func fromSQL(_ value: SQLValue) -> Int? { Int64.fromSQL(value).flatMap { Int(exactly: $0) } }
}

extension Bool: SQLValueConvertible {
    package var sqlValue: SQLValue { .boolean(self) }
    package static func fromSQL(_ value: SQLValue) -> Bool? {
        switch value {
        case .boolean(let b): b
        case .integer(let v): v != 0
        default: nil
        }
    }
}

extension Double: SQLValueConvertible {
    package var sqlValue: SQLValue { .real(self) }
    package static func fromSQL(_ value: SQLValue) -> Double? {
        switch value {
        case .real(let d): d
        case .integer(let v): Double(v)
        default: nil
        }
    }
}

extension String: SQLValueConvertible {
    package var sqlValue: SQLValue { .text(self) }
    package static func fromSQL(_ value: SQLValue) -> String? {
        if case .text(let s) = value { return s }
        return nil
    }
}

extension Data: SQLValueConvertible {
    package var sqlValue: SQLValue { .blob(self) }
    package static func fromSQL(_ value: SQLValue) -> Data? {
        if case .blob(let d) = value { return d }
        return nil
    }
}

extension Day: SQLValueConvertible {
    package var sqlValue: SQLValue { .text(iso) }
    package static func fromSQL(_ value: SQLValue) -> Day? { String.fromSQL(value).flatMap { Day(iso: $0) } }
}

extension LocalDateTime: SQLValueConvertible {
    package var sqlValue: SQLValue { .text(iso) }
    package static func fromSQL(_ value: SQLValue) -> LocalDateTime? { String.fromSQL(value).flatMap { LocalDateTime(iso: $0) } }
}

extension Optional: SQLValueConvertible where Wrapped: SQLValueConvertible {
    package var sqlValue: SQLValue { self?.sqlValue ?? .null }
    /// NULL reads as `.some(nil)`; a value of another type as nil (a decoding error).
    package static func fromSQL(_ value: SQLValue) -> Wrapped?? {
        if case .null = value { return .some(nil) }
        return Wrapped.fromSQL(value).map { .some($0) }
    }
}

/// A domain enum stored as its raw text (`role`, `kind`, `status` columns): it binds and
/// reads through the port like a string, and a value no case has is a decoding error.
package protocol SQLTextEnum: SQLValueConvertible, RawRepresentable where RawValue == String {}

extension SQLTextEnum {
    package var sqlValue: SQLValue { .text(rawValue) }
    package static func fromSQL(_ value: SQLValue) -> Self? { String.fromSQL(value).flatMap(Self.init(rawValue:)) }
}

extension SQLValue {
    /// A list of ids bound as one JSON array parameter, for ``SQLDialect/jsonList(_:)``.
    package static func jsonArray(_ ids: [Int64]) -> String { "[" + ids.map(String.init).joined(separator: ",") + "]" }

    /// A list of texts bound as one JSON array parameter, for ``SQLDialect/jsonList(_:)``.
    package static func jsonArray(_ texts: [String]) -> String {
        String(decoding: (try? JSONEncoder().encode(texts)) ?? Data("[]".utf8), as: UTF8.self)
    }
}
