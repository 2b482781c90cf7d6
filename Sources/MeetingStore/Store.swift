import Foundation
import GRDB
import MeetingKit
import Synchronization

/// The office's records in one SQLite file, with its audit key and anchor beside it, or in a
/// PostgreSQL database (``open(url:stateDirectory:create:)``, `Store+Postgres.swift`).
///
/// WAL mode so readers never block the writer (another user's process, or a server's reader
/// connections; one user's own process reads on its writer's connection, ``concurrentReads``,
/// and opens it as a GRDB queue, not a pool);
/// a busy timeout so concurrent writers wait instead of failing; writes are short IMMEDIATE
/// transactions (GRDB's default for writers). SQLite can still answer "busy" at once in a few
/// cases the timeout does not cover (a connection opening while another recovers the WAL index
/// or closes the last connection, `SQLITE_BUSY_RECOVERY`); opening, reading and writing retry
/// those a bounded number of times (``retryingBusy(_:)``), so users never see "database is locked".
///
/// Opening checks the file first and never modifies a file that is not a Huiwu database, a
/// database of a newer schema, or one this user may not write. Opening never waits for the
/// write lock: when another process holds it, the store starts read-only and takes a
/// writable connection at its first write (docs/reliability.md, "Opening").
package final class Store: Sendable {
    /// Written into the SQLite header (`PRAGMA application_id`) to recognise our files: "HUIW".
    public static let applicationID: Int32 = 0x4855_4957

    public let path: String
    /// Transactions this process committed through ``write(_:)``: the server compares it
    /// before and after a call to know whether to tell clients what changed.
    private let writes = Atomic<Int>(0)
    let configuration: Configuration
    /// Whether this user may write the file at all (file and directory permissions).
    let mayWrite: Bool
    /// Whether reads run on the pool's reader connections, beside writes (a server's many
    /// callers), or on the writer's connection (one user's process, whose reads and writes come
    /// one after another): one connection instead of two, and the schema parsed once, not
    /// twice, at each start (about 6 M instructions, docs/performance.md).
    let concurrentReads: Bool
    private let backend: Backend

    /// Where the records are: a file through GRDB, or PostgreSQL through the database port.
    private enum Backend {
        case file(StoreState)
        case postgres(PostgresStore)
    }

    private init(path: String, configuration: Configuration, mayWrite: Bool, concurrentReads: Bool, writer: any DatabaseWriter,
                 writable: Bool, key: AuditKey?) {
        self.path = path
        self.configuration = configuration
        self.mayWrite = mayWrite
        self.concurrentReads = concurrentReads
        backend = .file(StoreState(writer: writer, writable: writable, key: key))
    }

    /// A store on PostgreSQL; `path` names the database in messages (the URL without its password).
    init(postgres: PostgresStore) {
        path = postgres.url.description
        configuration = Configuration()
        mayWrite = true
        concurrentReads = true
        backend = .postgres(postgres)
    }

    /// The engine the office runs on.
    package var engine: StoreEngine {
        switch backend {
        case .file: .sqlite
        case .postgres: .postgresql
        }
    }

    /// The office on PostgreSQL, nil for a file.
    var postgres: PostgresStore? {
        if case .postgres(let store) = backend { return store }
        return nil
    }

    /// The SQLite file's state. Only code that runs on files asks (GRDB's entry points below
    /// refuse a PostgreSQL store first).
    private var state: StoreState {
        guard case .file(let state) = backend else { preconditionFailure("\(path) is on PostgreSQL: it has no SQLite connection") }
        return state
    }

    /// The connections: a pool of them for a server (``concurrentReads``), one for a user's own
    /// process. Read-only until the first write when the file is read-only for this user or
    /// another process held the write lock at open. SQLite only.
    public var writer: any DatabaseWriter { state.writer }

    /// The office's audit key; nil while the log is a legacy, unkeyed chain that this process
    /// could not key yet (read-only file, or the write lock was held at open).
    public var auditKey: AuditKey? {
        switch backend {
        case .file(let state): state.key
        case .postgres(let store): store.key
        }
    }

    /// Whether a database file exists at `path`. True too when the user may not look (the
    /// directory is out of reach): opening it then says "permission denied", instead of the
    /// caller creating a second office.
    public static func exists(at path: String) -> Bool {
        // A PostgreSQL URL: whether it holds an office is known only by connecting (open says so).
        if PostgresURL.isURL(path) { return true }
        var info = stat()
        return stat(path, &info) == 0 || errno == EACCES
    }

    /// Opens (and with `create`, creates) the database at `path` and brings its schema up to date.
    /// A server opens it with ``concurrentReads``, its callers reading beside its writes.
    /// A `postgresql://` URL opens the office in that PostgreSQL database instead
    /// (``open(url:stateDirectory:create:)``), with the audit key and anchor in
    /// ``stateDirectory(environment:)``.
    ///
    /// `upgrading` hears the migrations an existing file lacks before they run: on a large
    /// office one may rebuild an index for a minute or more, and the user should know why
    /// nothing shows (`huiwu` says so on stderr).
    public static func open(at path: String, create: Bool = false, concurrentReads: Bool = false,
                            upgrading: ((_ migrations: [String]) -> Void)? = nil) throws -> Store {
        if PostgresURL.isURL(path) {
            return try open(url: PostgresURL(path, osUser: FileAccess.processUser), stateDirectory: stateDirectory(), create: create,
                            upgrading: upgrading)
        }
        return try open(at: path, create: create, configuration: configuration(), concurrentReads: concurrentReads, upgrading: upgrading)
    }

    /// Opens with a given connection configuration: tests use it to trace every statement
    /// (QueryPlanTests checks their query plans).
    static func open(at path: String, create: Bool = false, configuration: Configuration, concurrentReads: Bool = false,
                     upgrading: ((_ migrations: [String]) -> Void)? = nil) throws -> Store {
        var info = stat()
        let existed = stat(path, &info) == 0
        if !existed && errno == EACCES { throw FileAccess.permissionDenied(path) }
        if existed && info.st_mode & S_IFMT == S_IFDIR {
            throw Refusal(.storage, code: "store.isDirectory", Localized(zh: "\(path) 是目录，不是数据库文件", en: "\(path) is a directory, not a database file"))
        }
        var facts = FileFacts.new
        if existed {
            facts = try inspect(path, trustingStamp: true)
            if facts.isEmpty && !create {
                throw Refusal(.storage, code: "store.emptyFile", Localized(
                    zh: "\(path) 是空文件（0 字节），不是会务数据库，未作任何修改。要在此处新建办公室，请运行 huiwu --db \(path) init",
                    en: "\(path) is an empty file (0 bytes), not a Huiwu office; it was not modified. To create an office there, run huiwu --db \(path) init"))
            }
        } else {
            guard create else {
                throw Refusal(.notFound, code: "store.missing", Localized(
                    zh: "\(path) 处没有数据库。请先运行 huiwu init 创建", en: "there is no database at \(path); run huiwu init to create it"))
            }
            try createParentDirectory(of: path)
            try createPrivateFile(path)
        }
        let mayWrite = canWrite(path)
        do {
            if !mayWrite {
                guard access(path, R_OK) == 0 else { throw FileAccess.permissionDenied(path) }
                if facts.needsMigration { throw readOnlyForYou(path) }
                let pool = try openReadOnly(path, configuration: configuration)
                let key = try? AuditKey.load(at: AuditKey.path(forDatabase: path))
                return Store(path: path, configuration: configuration, mayWrite: false, concurrentReads: concurrentReads, writer: pool,
                             writable: false, key: key ?? nil)
            }
            var writable = true
            let writer: any DatabaseWriter
            do {
                writer = try openWritable(path, configuration: configuration, concurrentReads: concurrentReads, waiting: facts.needsMigration)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
                // Another process holds the write lock, and opening would have written (GRDB's
                // pool sets up an empty WAL, a file not yet in WAL mode is converted): read now,
                // write later.
                writer = try openReadOnly(path, configuration: configuration)
                writable = false
            }
            let store = Store(path: path, configuration: configuration, mayWrite: true, concurrentReads: concurrentReads, writer: writer,
                              writable: writable, key: nil)
            do {
                if facts.needsMigration || !existed {
                    let migrator = Schema.migrator
                    if try !retryingBusy({ try writer.read(migrator.hasCompletedMigrations) }) {
                        if existed && !facts.isEmpty { upgrading?(facts.pendingMigrations) }
                        try retryingBusy { try migrator.migrate(writer) }
                    }
                }
                if writable && !facts.isStamped { store.stampSchema() }
                do {
                    try store.resolveAuditKey(keyId: existed ? try store.storedAuditKeyId() : nil, upgradeNow: writable)
                } catch let refusal as Refusal where refusal.code == AuditKey.legacyBrokenCode {
                    // Reads stay possible (to inspect it); every write is refused with this.
                }
            } catch {
                try? writer.close()
                // A file we just created and could not set up is removed, not left half-made.
                if !existed {
                    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
                }
                throw error
            }
            return store
        } catch let error as DatabaseError {
            throw StoreError.refusal(for: error, path: path)
        }
    }

    static func configuration() -> Configuration {
        var config = Configuration()
        config.busyMode = .timeout(10)
        config.foreignKeysEnabled = true
        config.prepareDatabase { db in
            // NORMAL in WAL mode can lose the last commits on power loss; FULL loses none.
            try db.execute(sql: "PRAGMA synchronous = FULL")
            // 256 KiB of page cache per connection instead of SQLite's 2 MiB: every user runs
            // their own process, the OS already caches the file, and another process's write
            // empties this cache anyway. A year's report reads 3 % more pages from the OS with
            // it; a start holds 0.8 MB less (docs/performance.md, peak memory).
            try db.execute(sql: "PRAGMA cache_size = -256")
            // Every page is checked as it is loaded, so a damaged page that a command reads or
            // writes is reported as damage instead of being used (docs/reliability.md).
            try db.execute(sql: "PRAGMA cell_size_check = ON")
        }
        if let pages = maxPageCountForTests() {
            config.prepareDatabase { db in try db.execute(sql: "PRAGMA max_page_count = \(pages)") }
        }
        return config
    }

    /// Test hook, documented in docs/reliability.md: `HUIWU_TEST_MAX_PAGE_COUNT=N` caps the
    /// database at N pages on every connection of this process (SQLite's `max_page_count`),
    /// so a test can make the "disk" full for the real binary and check that the write is
    /// refused whole. It can only make writes fail, never let more through, so it is harmless
    /// in production; nothing else reads the variable.
    static func maxPageCountForTests() -> Int? {
        // `getenv`, not `ProcessInfo.environment`, which builds the whole dictionary at every
        // start (0.4 M instructions) to read one variable.
        guard let text = getenv("HUIWU_TEST_MAX_PAGE_COUNT").map({ String(cString: $0) }), let pages = Int(text), pages > 0 else {
            return nil
        }
        return pages
    }

    /// The writable connections: a pool with ``concurrentReads``, else one connection. Asked
    /// not to wait (unless a migration must run), so a held write lock makes opening fail at
    /// once instead of after the busy timeout when opening writes: GRDB's pool writes to set up
    /// the WAL when the WAL file is empty.
    ///
    /// A user's own process opens a GRDB queue and asks for WAL mode itself, which a file
    /// already in it (every office since its `init`) answers without writing. The pool's set-up
    /// asks Foundation for the WAL file's size and writes a transaction: about 5 M instructions
    /// and four `fdatasync` calls at every start (docs/performance.md).
    private static func openWritable(_ path: String, configuration: Configuration, concurrentReads: Bool,
                                     waiting: Bool) throws -> any DatabaseWriter {
        var config = configuration
        if !waiting { config.busyMode = .immediateError }
        return try retryingBusy(onlyRecovery: !waiting) {
            let writer: any DatabaseWriter
            if concurrentReads {
                writer = try DatabasePool(path: path, configuration: config)
            } else {
                writer = try DatabaseQueue(path: path, configuration: config)
                try writer.writeWithoutTransaction { db in
                    guard try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") == "wal" else {
                        throw DatabaseError(message: "could not activate WAL mode at path: \(path)")
                    }
                    // Where the pool's set-up would have met a held write lock, this does, and
                    // the store opens read-only at once as it would have; nothing is written.
                    if !waiting { try db.execute(sql: "BEGIN IMMEDIATE; ROLLBACK") }
                }
            }
            // GRDB's pool switches the writer to synchronous NORMAL when it enables WAL, after
            // `prepareDatabase` ran; NORMAL can lose the last commits on power loss, FULL none.
            try writer.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA synchronous = FULL")
                try db.execute(sql: "PRAGMA busy_timeout = 10000")
            }
            return writer
        }
    }

    /// A pool that only reads. When this user may not create the `-shm` file SQLite needs for
    /// a WAL database and no writer is active (no write-ahead log), the file is read as
    /// immutable: nothing is created beside it.
    static func openReadOnly(_ path: String, configuration: Configuration) throws -> DatabasePool {
        var config = configuration
        config.readonly = true
        config.maximumReaderCount = 1  // one connection, so `data_version` compares like with like
        do {
            return try retryingBusy { try DatabasePool(path: path, configuration: config) }
        } catch let error as DatabaseError where [.SQLITE_CANTOPEN, .SQLITE_READONLY].contains(error.resultCode) && !hasWriteAheadLog(path) {
            return try DatabasePool(path: immutableURI(path), configuration: config)
        }
    }

    static func immutableURI(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        return "file:" + (absolute.addingPercentEncoding(withAllowedCharacters: allowed) ?? absolute) + "?immutable=1"
    }

    static func hasWriteAheadLog(_ path: String) -> Bool {
        FileAccess.size(path + "-wal") > 0
    }

    /// Whether this user may write the database: the file, and the directory when SQLite
    /// must create the `-wal` and `-shm` files beside it.
    static func canWrite(_ path: String) -> Bool {
        guard access(path, W_OK) == 0 else { return false }
        let dir = (path as NSString).deletingLastPathComponent
        let sidecarsWritable = access(path + "-wal", W_OK) == 0 && access(path + "-shm", W_OK) == 0
        return sidecarsWritable || access(dir.isEmpty ? "." : dir, W_OK | X_OK) == 0
    }

    static func readOnlyForYou(_ path: String) -> Refusal {
        Refusal(.storage, code: "store.readOnly", Localized(
            zh: "\(path) 对你（\(FileAccess.processUser)）是只读的（\(FileAccess.describe(path).zh)），未写入任何内容；需要写入请联系管理员",
            en: "this file is read-only for you (\(FileAccess.processUser)): \(path) (\(FileAccess.describe(path).en)); nothing was written. Ask the administrator for write access"))
    }

    private static func createParentDirectory(of path: String) throws {
        let dir = (path as NSString).deletingLastPathComponent
        guard !dir.isEmpty, !FileManager.default.fileExists(atPath: dir) else { return }
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw Refusal(.storage, code: "store.mkdir", Localized(zh: "无法创建目录 \(dir)：\(error.localizedDescription)", en: "cannot create directory \(dir): \(error.localizedDescription)"))
        }
    }

    /// A new database is private to its user (0600), unless its directory is a shared,
    /// setgid group directory (docs/deployment.md), where the group may write too (0660).
    /// The empty file is made before SQLite opens it because SQLite gives the -wal and -shm
    /// files the main file's permissions: created any later, they would follow the umask.
    private static func createPrivateFile(_ path: String) throws {
        do {
            try FileAccess.writeNew(Data(), to: path, mode: fileMode(for: path))
        } catch {
            throw Refusal(.storage, code: "store.create", Localized(
                zh: "无法创建 \(path)：\(String(cString: strerror(errno)))", en: "cannot create \(path): \(String(cString: strerror(errno)))"))
        }
    }

    /// The mode of the office's files: 0600, or 0660 in a shared group directory.
    static func fileMode(for path: String) -> mode_t { FileAccess.isInSharedDirectory(path) ? 0o660 : 0o600 }

    /// SQLite's `data_version` as seen by this process's writer connection: it changes when
    /// another connection (another user's process) commits, so an open screen knows to reload.
    public func dataVersion() -> Int {
        guard engine == .sqlite else { return committedWrites }
        // Asked after every key the TUI handles: the statement is prepared once.
        return (try? writer.writeWithoutTransaction { db in try Int.fetchOne(db.cachedStatement(sql: "PRAGMA data_version")) }) ?? 0
    }

    /// How many write transactions this process has committed.
    public var committedWrites: Int { writes.load(ordering: .relaxed) }

    func noteCommittedWrite() { writes.add(1, ordering: .relaxed) }

    /// Reads a consistent snapshot through GRDB (SQLite only: what has not moved onto the
    /// database port yet, ``snapshot(_:)``, is refused on PostgreSQL).
    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        try refuseOnPostgres()
        let writer = self.writer
        do {
            return try Store.retryingBusy { concurrentReads ? try writer.read(body) : try Store.readOnWriter(writer, body) }
        } catch let error as DatabaseError {
            throw StoreError.refusal(for: error, path: path)
        }
    }

    /// A read transaction on the writer's connection, read-only as a reader's is. SQLite's
    /// `query_only` is put back as it was, not cleared as GRDB's `readOnly` clears it: a
    /// connection made read-only (StorageFailureTests' stand-in for a read-only file) stays so.
    private static func readOnWriter<T>(_ writer: any DatabaseWriter, _ body: (Database) throws -> T) throws -> T {
        try writer.writeWithoutTransaction { db in
            let wasReadOnly = try Bool.fetchOne(db.cachedStatement(sql: "PRAGMA query_only")) ?? false
            if !wasReadOnly { try db.cachedStatement(sql: "PRAGMA query_only = 1").execute() }
            // Failing to clear it leaves the connection read-only: every later write is refused, none lost.
            defer { if !wasReadOnly { try? db.cachedStatement(sql: "PRAGMA query_only = 0").execute() } }
            var result: T?
            try db.inTransaction(.deferred) {
                result = try body(db)
                return .commit
            }
            return result!
        }
    }

    /// Runs `body` in one IMMEDIATE transaction, retrying a bounded number of times when the
    /// database stays busy (``retryingBusy(_:)``). Either all of it is written or none: a
    /// transaction that meets a busy answer is rolled back whole, so a retry never writes twice.
    public func write<T>(_ body: (Database) throws -> T) throws -> T {
        try write { db, _ in try body(db) }
    }

    /// ``write(_:)`` with the MAC that seals the audit events the transaction appends. After
    /// the commit, a new head of the chain is recorded outside the database (``AuditAnchor``).
    func write<T>(_ body: (Database, @escaping AuditMAC) throws -> T) throws -> T {
        try refuseOnPostgres()
        let (writer, key) = try writableState()
        let anchorPath = AuditAnchor.path(forDatabase: path)
        var newHead: AuditHead?
        do {
            let result = try Store.retryingBusy {
                try writer.write { db in
                    newHead = nil
                    let start = try AuditLog.head(db)
                    let value = try body(db, key.mac)
                    if let end = try AuditLog.head(db), end != start, try AuditAnchor.holds(db, anchorAt: anchorPath) { newHead = end }
                    return value
                }
            }
            if let newHead { try? AuditAnchor.advance(to: newHead, at: anchorPath, mode: Store.fileMode(for: path)) }
            writes.add(1, ordering: .relaxed)
            return result
        } catch let error as DatabaseError {
            throw StoreError.refusal(for: error, path: path)
        }
    }

    /// The writable connections and the key, opening them now when another process held the
    /// write lock at open, and keying a legacy log first.
    func writableState() throws -> (any DatabaseWriter, AuditKey) {
        guard mayWrite else { throw Store.readOnlyForYou(path) }
        if !state.writable {
            do {
                state.becomeWritable(try Store.openWritable(path, configuration: configuration, concurrentReads: concurrentReads,
                                                            waiting: true))
            } catch let error as DatabaseError {
                throw StoreError.refusal(for: error, path: path)
            }
        }
        if state.key == nil {
            try resolveAuditKey(keyId: try storedAuditKeyId(), upgradeNow: true)
        }
        guard let key = state.key else { throw Store.readOnlyForYou(path) }
        return (state.writer, key)
    }

    /// Sets the key once resolved (``resolveAuditKey(keyId:upgradeNow:)``).
    func adopt(_ key: AuditKey) { state.adopt(key) }

    /// Runs `body` again when SQLite answers busy, up to 8 times with a short, growing,
    /// jittered pause (about 0.1 to 0.7 s in all, plus the busy timeout each attempt may
    /// wait), and at most 30 s in all: then the busy error goes to the caller, who tells
    /// the user in plain words (``StoreError``). With `onlyRecovery`, only the busy answers
    /// of WAL recovery are retried, not a lock another process holds.
    static func retryingBusy<T>(onlyRecovery: Bool = false, _ body: () throws -> T) throws -> T {
        let started = Date()
        var attempt = 0
        while true {
            do {
                return try body()
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && attempt < 8
                        && Date().timeIntervalSince(started) < 30
                        && (!onlyRecovery || error.extendedResultCode == .SQLITE_BUSY_RECOVERY) {
                attempt += 1
                usleep(UInt32.random(in: 5_000...20_000) * UInt32(attempt))
            }
        }
    }
}
