import Foundation
import GRDB

/// The SQLite adapter of the database port: GRDB's connection itself.
///
/// Statements are prepared once per connection (GRDB's statement cache, keyed by the SQL):
/// the paths a user waits for run the same few statements again and again.
extension Database: SQLConnection {
    package var dialect: any SQLDialect { SQLiteDialect() }

    @discardableResult
    package func exec(_ sql: String, _ arguments: [SQLValue]) throws -> Int {
        if arguments.isEmpty {
            try execute(sql: sql)  // DDL and fixed statements: not worth a place in the cache
        } else {
            try cachedStatement(sql: sql).execute(arguments: StatementArguments(arguments.map(\.databaseValue)))
        }
        return changesCount
    }

    package func rows(_ sql: String, _ arguments: [SQLValue]) throws -> [SQLRow] {
        let statement = try cachedStatement(sql: sql)
        let columns = SQLRow.Columns(statement.columnNames)
        let cursor = try Row.fetchCursor(statement, arguments: StatementArguments(arguments.map(\.databaseValue)))
        // The values are read from the statement itself: through `Row`'s generic decoding they
        // cost several times as many instructions, and a home screen reads thousands of them.
        let sqliteStatement = statement.sqliteStatement
        let indices = 0..<CInt(columns.names.count)
        // One array for the whole result, the rows windows on it (``SQLRow/Values``).
        var values: [SQLValue] = []
        var count = 0
        while try cursor.next() != nil {
            for index in indices { values.append(SQLValue(DatabaseValue(sqliteStatement: sqliteStatement, index: index))) }
            count += 1
        }
        return (0..<count).map { SQLRow(columns, result: values, row: $0) }
    }
}

extension SQLValue {
    init(_ value: DatabaseValue) {
        switch value.storage {
        case .null: self = .null
        case .int64(let v): self = .integer(v)
        case .double(let d): self = .real(d)
        case .string(let s): self = .text(s)
        case .blob(let d): self = .blob(d)
        }
    }

    /// SQLite has no boolean storage class: `true` is stored as 1.
    var databaseValue: DatabaseValue {
        switch self {
        case .null: .null
        case .integer(let v): v.databaseValue
        case .real(let d): d.databaseValue
        case .text(let s): s.databaseValue
        case .blob(let d): d.databaseValue
        case .boolean(let b): (b ? 1 : 0 as Int64).databaseValue
        }
    }
}
