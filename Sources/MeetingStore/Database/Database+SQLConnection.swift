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
        let query = try Query(self, sql, arguments)
        // One array for the whole result, the rows windows on it (``SQLRow/Values``).
        var values: [SQLValue] = []
        var count = 0
        while try query.next() {
            query.append(to: &values)
            count += 1
        }
        return (0..<count).map { SQLRow(query.columns, result: values, row: $0) }
    }

    package func forEachRow(_ sql: String, _ arguments: [SQLValue], _ body: (SQLRow) throws -> Void) throws {
        let query = try Query(self, sql, arguments)
        // One array for every row in turn: once `body` has let go of a row, its values are
        // replaced in place.
        var values: [SQLValue] = []
        values.reserveCapacity(query.columns.names.count)
        while try query.next() {
            values.removeAll(keepingCapacity: true)
            query.append(to: &values)
            try body(SQLRow(query.columns, values: values))
        }
    }

    /// A query stepped row by row, its values read from the statement itself: through `Row`'s
    /// generic decoding they cost several times as many instructions, and a home screen reads
    /// thousands of them.
    private struct Query {
        let columns: SQLRow.Columns
        private let cursor: RowCursor
        private let statement: OpaquePointer
        private let indices: Range<CInt>

        init(_ db: Database, _ sql: String, _ arguments: [SQLValue]) throws {
            let statement = try db.cachedStatement(sql: sql)
            columns = SQLRow.Columns(statement.columnNames)
            cursor = try Row.fetchCursor(statement, arguments: StatementArguments(arguments.map(\.databaseValue)))
            self.statement = statement.sqliteStatement
            indices = 0..<CInt(columns.names.count)
        }

        /// Steps to the next row; false after the last.
        func next() throws -> Bool { try cursor.next() != nil }

        /// Appends the current row's values to `values`.
        func append(to values: inout [SQLValue]) {
            for index in indices { values.append(SQLValue(DatabaseValue(sqliteStatement: statement, index: index))) }
        }
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
