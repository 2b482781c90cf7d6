import MeetingKit
import PostgresNIO

/// An error of the PostgreSQL server or of the connection to it, in plain words.
///
/// postgres-nio's `PSQLError` keeps the server's fields apart from its description (which
/// hides them, so that logs never carry data): the adapter takes the SQLSTATE and message,
/// which the dialect reads (a trigger's refusal is `P0001`) and the store maps to refusals.
package struct PostgresFailure: Error, CustomStringConvertible {
    /// The server's SQLSTATE (`23505` unique violation, `P0001` a trigger's refusal, `40001`
    /// serialization failure …); nil when the connection itself failed.
    package let sqlState: String?
    package let message: String

    package init(sqlState: String?, message: String) {
        self.sqlState = sqlState
        self.message = message
    }

    init(_ error: any Error) {
        if let psql = error as? PSQLError {
            if let info = psql.serverInfo {
                self.init(sqlState: info[.sqlState], message: info[.message] ?? "\(psql.code)")
            } else {
                self.init(sqlState: nil, message: "\(psql.code)" + (psql.underlying.map { ": \($0)" } ?? ""))
            }
        } else {
            self.init(sqlState: nil, message: "\(error)")
        }
    }

    /// Whether the connection is gone (the server stopped, failed over, or the network
    /// dropped), so that a new connection may succeed where this one failed.
    package var isConnectionLost: Bool {
        guard let sqlState else { return true }
        // 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now, 08xxx connection
        // exceptions, 25006 read_only_sql_transaction (we reached a standby after failover).
        return sqlState.hasPrefix("08") || ["57P01", "57P02", "57P03", "25006"].contains(sqlState)
    }

    /// The connection closed under a statement (08006, connection_failure).
    static let connectionLost = PostgresFailure(sqlState: "08006", message: "the connection to the PostgreSQL server was lost")

    package var description: String { sqlState.map { "\($0): \(message)" } ?? message }
}
