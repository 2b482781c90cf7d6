import Foundation
import Logging
import MeetingKit
import NIOCore
import NIOPosix
import PostgresNIO

/// The PostgreSQL adapter of the database port: one connection through postgres-nio.
///
/// postgres-nio is asynchronous (SwiftNIO); the store and its use cases are synchronous, and
/// `huiwu serve` runs each client on a thread of its own. The adapter bridges with blocking
/// waits on futures: every connection lives on one process-wide event loop thread
/// (``eventLoopGroup``) and callers block their own thread until the answer arrives. A wait
/// on the event loop itself would deadlock, so the adapter is only used from threads the
/// store owns, never from an event loop (docs/architecture.md, "The database port").
///
/// Not safe for concurrent use: one caller at a time, as a GRDB connection.
package final class PostgresAdapter: SQLConnection, @unchecked Sendable {
    /// The one event loop thread of the process: a few connections, each waiting on the
    /// server far more than computing, need no more.
    package static let eventLoopGroup: MultiThreadedEventLoopGroup = MultiThreadedEventLoopGroup(numberOfThreads: 1)

    private let connection: PostgresConnection
    private let logger: Logger
    /// The server this connection reached (of the URL's endpoints).
    package let endpoint: PostgresURL.Endpoint
    package var dialect: any SQLDialect { PostgresDialect() }

    private init(connection: PostgresConnection, logger: Logger, endpoint: PostgresURL.Endpoint) {
        self.connection = connection
        self.logger = logger
        self.endpoint = endpoint
    }

    /// Connects to the first of the URL's servers that answers (and, with
    /// `target_session_attrs=read-write`, accepts writes), as libpq does.
    package static func connect(_ url: PostgresURL) throws -> PostgresAdapter {
        var logger = Logger(label: "huiwu.postgres")
        logger.logLevel = .critical
        var failures: [String] = []
        for endpoint in url.endpoints {
            var configuration: PostgresConnection.Configuration
            if let socket = endpoint.socketPath {
                configuration = .init(unixSocketPath: socket, username: url.user, password: url.password, database: url.database)
            } else {
                configuration = .init(host: endpoint.host, port: endpoint.port, username: url.user, password: url.password,
                                      database: url.database, tls: .disable)
            }
            configuration.options.connectTimeout = .seconds(Int64(url.connectTimeout))
            do {
                let connection = try PostgresConnection.connect(on: eventLoopGroup.next(), configuration: configuration,
                                                                id: 1, logger: logger).wait()
                let adapter = PostgresAdapter(connection: connection, logger: logger, endpoint: endpoint)
                if url.requiresWritable, try adapter.value(String.self, "SHOW transaction_read_only") == "on" {
                    adapter.close()
                    failures.append("\(endpoint.host):\(endpoint.port): read-only (a standby)")
                    continue
                }
                return adapter
            } catch {
                failures.append("\(endpoint.host):\(endpoint.port): \(PostgresFailure(error).message)")
            }
        }
        throw PostgresFailure(sqlState: "08001", message: "cannot connect to \(url): " + failures.joined(separator: "; "))
    }

    package var isClosed: Bool { connection.isClosed }

    /// Calls `handler` with the payload of every notification on `channel` (after `LISTEN`
    /// on this connection), on the event loop: the handler must not block.
    package func onNotification(_ channel: String, _ handler: @escaping @Sendable (String) -> Void) {
        connection.addListener(channel: channel) { _, notification in handler(notification.payload) }
    }

    /// Blocks until the connection is closed (by the server, the network, or ``close()``).
    package func waitUntilClosed() {
        try? connection.closeFuture.wait()
    }

    package func close() {
        try? connection.close().wait()
    }

    @discardableResult
    package func exec(_ sql: String, _ arguments: [SQLValue]) throws -> Int {
        let result = try run(sql, arguments)
        return result.metadata.rows ?? 0
    }

    package func rows(_ sql: String, _ arguments: [SQLValue]) throws -> [SQLRow] {
        let result = try run(sql, arguments)
        guard let first = result.rows.first else { return [] }
        let columns = SQLRow.Columns(first.map(\.columnName))
        return try result.rows.map { row in SQLRow(columns, values: try row.map(PostgresAdapter.value(of:))) }
    }

    private func run(_ sql: String, _ arguments: [SQLValue]) throws -> PostgresQueryResult {
        var binds = PostgresBindings(capacity: arguments.count)
        for argument in arguments {
            switch argument {
            case .null: binds.appendNull()
            case .integer(let v): binds.append(v)
            case .real(let d): binds.append(d)
            case .text(let s): binds.append(s)
            case .blob(let d): binds.append(ByteBuffer(bytes: d))
            case .boolean(let b): binds.append(b)
            }
        }
        let query = PostgresQuery(unsafeSQL: dialect.prepare(sql), binds: binds)
        guard !connection.isClosed else { throw PostgresFailure.connectionLost }
        do {
            return try answer(to: connection.query(query, logger: logger))
        } catch let failure as PostgresFailure {
            throw failure
        } catch {
            throw PostgresFailure(error)
        }
    }

    /// Blocks this thread until `future` completes. A query sent as the connection closes can
    /// stay unanswered forever (seen when the server was stopped mid-transaction), so the wait
    /// looks every second, and gives up once the connection has been closed for a second.
    private func answer<T: Sendable>(to future: EventLoopFuture<T>) throws -> T {
        let outcome = Outcome<T>()
        future.whenComplete { outcome.set($0) }
        var closedChecks = 0
        while true {
            if let result = outcome.wait(seconds: 1) { return try result.get() }
            if connection.isClosed {
                closedChecks += 1
                if closedChecks > 1 { throw PostgresFailure.connectionLost }
            }
        }
    }

    /// A cell as the port's value, by its PostgreSQL type.
    private static func value(of cell: PostgresCell) throws -> SQLValue {
        guard cell.bytes != nil else { return .null }
        do {
            switch cell.dataType {
            case .bool: return .boolean(try cell.decode(Bool.self))
            case .int2, .int4, .int8, .oid: return .integer(try cell.decode(Int64.self))
            case .float4, .float8: return .real(try cell.decode(Double.self))
            case .numeric: return .real(Double(try cell.decode(String.self)) ?? 0)
            case .bytea: return .blob(Data((try cell.decode(ByteBuffer.self)).readableBytesView))
            case .void: return .null
            default: return .text(try cell.decode(String.self))
            }
        } catch {
            throw SQLPortError.decoding(column: cell.columnName, value: .null, as: "\(cell.dataType)")
        }
    }
}

/// The result of a future, handed from the event loop to the waiting thread.
private final class Outcome<T: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var result: Result<T, any Error>?

    func set(_ value: Result<T, any Error>) {
        condition.lock()
        result = value
        condition.signal()
        condition.unlock()
    }

    /// The result, or nil when it did not come within `seconds`.
    func wait(seconds: TimeInterval) -> Result<T, any Error>? {
        condition.lock()
        defer { condition.unlock() }
        let deadline = Date().addingTimeInterval(seconds)
        while result == nil && condition.wait(until: deadline) {}
        return result
    }
}

extension PostgresAdapter {
    /// Runs `body` between the `begin` statements and COMMIT, and rolls back when it throws
    /// (on a connection still open: a lost one has rolled back by itself).
    func transaction<T>(_ begin: [String], _ body: (PostgresAdapter) throws -> T) throws -> T {
        for statement in begin { try exec(statement) }
        do {
            let value = try body(self)
            try exec("COMMIT")
            return value
        } catch {
            if !isClosed { _ = try? exec("ROLLBACK") }
            throw error
        }
    }
}
