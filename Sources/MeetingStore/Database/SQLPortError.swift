/// What goes wrong at the port itself rather than in the database: a column that does not
/// hold the type asked for, a URL that is not a PostgreSQL URL. Errors of the engines keep
/// their own types (GRDB's `DatabaseError`, ``PostgresFailure``).
package enum SQLPortError: Error, CustomStringConvertible {
    case decoding(column: String, value: SQLValue, as: String)
    case noRow(sql: String)
    /// A dialect was handed a connection of the other engine (a programming error).
    case otherEngine(expected: StoreEngine)

    package var description: String {
        switch self {
        case .decoding(let column, let value, let type): "column \(column) holds \(value), not \(type)"
        case .noRow(let sql): "no row for: \(sql)"
        case .otherEngine(let engine): "not a connection to \(engine.rawValue)"
        }
    }
}
