import MeetingKit

/// What SQLite and PostgreSQL spell differently, in one place per engine.
///
/// Everything else is written once: see ``SQLConnection``. A repository asks its
/// connection's dialect for the few fragments that differ and splices them into the same
/// statement for both engines.
package protocol SQLDialect: Sendable {
    /// The engine, for messages and `huiwu doctor`.
    var engine: StoreEngine { get }

    /// The statement the engine runs for `sql` written with `?` placeholders.
    func prepare(_ sql: String) -> String

    /// What starts a write transaction: it must serialize writers, since every write appends
    /// to the one audit chain (SQLite `BEGIN IMMEDIATE`; PostgreSQL a transaction-scoped
    /// advisory lock, so readers keep their snapshots and never wait).
    var beginWrite: [String] { get }

    /// The column type of an auto-incremented integer primary key, for `CREATE TABLE`.
    var autoIncrementedPrimaryKey: String { get }

    /// The column type of a boolean.
    var boolean: String { get }

    /// A subquery of the values of one bound JSON array (`IN (…)` with a list of any length
    /// bound as one parameter), each as `type` (`integer` or `text`).
    func jsonList(_ type: SQLListType) -> String

    /// The clause after a table name that makes the engine read `index` (SQLite's `INDEXED BY`,
    /// where its planner would pick worse on a long history); empty where the engine has no
    /// such hint (PostgreSQL plans from its statistics).
    func indexedBy(_ index: String) -> String

    /// The join that makes the engine read the table on its left first (SQLite's `CROSS JOIN`
    /// with `ON`, where its planner would start from the other side on a young office); a plain
    /// `JOIN` where the engine has no such hint (PostgreSQL, whose `CROSS JOIN` takes no `ON`).
    var orderedJoin: String { get }

    /// DDL for triggers that refuse a change: `BEFORE event ON table`, for each row where
    /// `condition` (over `OLD` and `NEW`) holds, abort with `message`.
    func refusingTrigger(named name: String, on table: String, before event: SQLTriggerEvent,
                         when condition: String?, message: String) -> [String]

    /// A statement that tells other servers on the database that audit event `seq` was
    /// appended, delivered when the transaction commits; nil where the engine has no such
    /// channel (SQLite: the clients watch the file instead).
    func announce(seq: Int64) -> (sql: String, arguments: [SQLValue])?

    /// Whether `error` is the refusal of a trigger made by ``refusingTrigger(named:on:before:when:message:)``, and its message.
    func triggerRefusal(in error: any Error) -> String?

    // MARK: Chinese search (``Session/search(_:kinds:limit:)``)

    /// The best matches of `query` of each of `kinds`, the newest ``SearchRepository/window``
    /// of each considered, leaving out the minutes in `hidden` and the documents in
    /// `hiddenDocuments` (R48). SQLite reads its FTS5 index of documents (``SearchRepository``),
    /// PostgreSQL the same texts in their source columns under pg_trgm
    /// (``TrigramSearchRepository``): the two engines share no full-text machinery.
    func searchCandidates(_ db: any SQLConnection, _ query: SearchQuery, kinds: [SearchKind], hidden: [Int64],
                          hiddenDocuments: [Int64]) throws -> [SearchRepository.Candidate]

    /// The text of a found document, for its excerpt.
    func searchText(_ db: any SQLConnection, of document: SearchDocument) throws -> String

    // MARK: Copying a whole office (``OfficeCopy``, `huiwu admin copy`)

    /// The tables that hold the office's records, as the engine's catalog lists them: the
    /// engine's bookkeeping (migrations) and what is derived from the records (SQLite's
    /// full-text index) left out.
    func recordTables(_ db: any SQLConnection) throws -> Set<String>

    /// The columns of `table` in their order, each with whether it holds booleans.
    func columns(of table: String, _ db: any SQLConnection) throws -> [SQLColumn]

    /// The last id `table`'s auto-incremented key gave out (ids of deleted rows included);
    /// nil when the table has no such key or has given out none.
    func lastIdentity(of table: String, _ db: any SQLConnection) throws -> Int64?

    /// Makes `table`'s auto-incremented key go on after `id`, as in the office copied.
    func setLastIdentity(of table: String, to id: Int64, _ db: any SQLConnection) throws

    /// Runs `body` in the caller's transaction with the refusing triggers
    /// (``refusingTrigger(named:on:before:when:message:)``) of `tables` off, and puts them back
    /// before it returns: copying signed minutes together with their timeline inserts rows
    /// those triggers refuse one by one.
    func withoutRefusingTriggers<T>(on tables: [String], _ db: any SQLConnection, _ body: () throws -> T) throws -> T
}

/// A column as the engine's catalog describes it (``SQLDialect/columns(of:_:)``).
package struct SQLColumn: Hashable, Sendable {
    package let name: String
    package let isBoolean: Bool
}

/// The type of the elements of a bound JSON list (``SQLDialect/jsonList(_:)``).
package enum SQLListType: Sendable { case integer, text }

/// The change a refusing trigger stops (``SQLDialect/refusingTrigger(named:on:before:when:message:)``).
package enum SQLTriggerEvent: String, Sendable { case insert = "INSERT", update = "UPDATE", delete = "DELETE" }

/// The two engines the store runs on.
package enum StoreEngine: String, Sendable, Codable {
    case sqlite
    case postgresql
}
