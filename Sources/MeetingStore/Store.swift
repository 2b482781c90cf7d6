import Foundation
import GRDB
import MeetingKit
import Synchronization

/// The office's records in one SQLite file, shared by every user on the server.
///
/// WAL mode so readers never block the writer; a busy timeout so concurrent writers wait
/// instead of failing; writes are short IMMEDIATE transactions (GRDB's default for
/// writers). SQLite can still answer "busy" at once in a few cases the timeout does not
/// cover (a connection opening while another recovers the WAL index or closes the last
/// connection, `SQLITE_BUSY_RECOVERY`); opening, reading and writing retry those a bounded
/// number of times (``retryingBusy(_:)``), so users never see "database is locked".
/// Opening checks the file first and never modifies a file that is not a Huiwu database.
package final class Store: Sendable {
    /// Written into the SQLite header (`PRAGMA application_id`) to recognise our files: "HUIW".
    public static let applicationID: Int32 = 0x4855_4957

    public let pool: DatabasePool
    public let path: String
    /// Transactions this process committed through ``write(_:)``: the server compares it
    /// before and after a call to know whether to tell clients what changed.
    private let writes = Atomic<Int>(0)

    private init(pool: DatabasePool, path: String) {
        self.pool = pool
        self.path = path
    }

    /// Whether a database file exists at `path`.
    public static func exists(at path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    /// Opens (and with `create`, creates) the database at `path` and brings its schema up to date.
    public static func open(at path: String, create: Bool = false) throws -> Store {
        try open(at: path, create: create, configuration: configuration())
    }

    /// Opens with a given connection configuration: tests use it to trace every statement
    /// (QueryPlanTests checks their query plans).
    static func open(at path: String, create: Bool = false, configuration: Configuration) throws -> Store {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        let existed = fm.fileExists(atPath: path, isDirectory: &isDirectory)
        if isDirectory.boolValue {
            throw Refusal(.storage, code: "store.isDirectory", Localized(zh: "\(path) 是目录，不是数据库文件", en: "\(path) is a directory, not a database file"))
        }
        if existed {
            try checkIsHuiwuDatabase(path)
        } else {
            guard create else {
                throw Refusal(.notFound, code: "store.missing", Localized(
                    zh: "\(path) 处没有数据库。请先运行 huiwu init 创建", en: "there is no database at \(path); run huiwu init to create it"))
            }
            try createParentDirectory(of: path)
            try createPrivateFile(path)
        }
        do {
            let pool = try retryingBusy { try DatabasePool(path: path, configuration: configuration) }
            // GRDB switches the writer to synchronous NORMAL when it enables WAL, after
            // `prepareDatabase` ran; NORMAL can lose the last commits on power loss, FULL none.
            try retryingBusy { try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") } }
            do {
                // Migrating takes the write lock; an up-to-date file (the usual case) only reads.
                let migrator = Schema.migrator
                if try !retryingBusy({ try pool.read(migrator.hasCompletedMigrations) }) {
                    try retryingBusy { try migrator.migrate(pool) }
                }
            } catch {
                try? pool.close()
                // A file we just created and could not set up is removed, not left half-made.
                if !existed { for suffix in ["", "-wal", "-shm"] { try? fm.removeItem(atPath: path + suffix) } }
                throw error
            }
            return Store(pool: pool, path: path)
        } catch let error as DatabaseError {
            throw StoreError.refusal(for: error, path: path)
        }
    }

    static func configuration(environment: [String: String] = ProcessInfo.processInfo.environment) -> Configuration {
        var config = Configuration()
        config.busyMode = .timeout(10)
        config.foreignKeysEnabled = true
        config.prepareDatabase { db in
            // NORMAL in WAL mode can lose the last commits on power loss; FULL loses none.
            try db.execute(sql: "PRAGMA synchronous = FULL")
            // 1 MiB of page cache per connection instead of 2: every user on the server runs
            // their own process, the OS already caches the file, and another process's write
            // empties this cache anyway (docs/performance.md, peak memory).
            try db.execute(sql: "PRAGMA cache_size = -1024")
        }
        if let pages = maxPageCountForTests(environment) {
            config.prepareDatabase { db in try db.execute(sql: "PRAGMA max_page_count = \(pages)") }
        }
        return config
    }

    /// Test hook, documented in docs/reliability.md: `HUIWU_TEST_MAX_PAGE_COUNT=N` caps the
    /// database at N pages on every connection of this process (SQLite's `max_page_count`),
    /// so a test can make the "disk" full for the real binary and check that the write is
    /// refused whole. It can only make writes fail, never let more through, so it is harmless
    /// in production; nothing else reads the variable.
    static func maxPageCountForTests(_ environment: [String: String]) -> Int? {
        guard let text = environment["HUIWU_TEST_MAX_PAGE_COUNT"], let pages = Int(text), pages > 0 else { return nil }
        return pages
    }

    /// Refuses files that are not SQLite, are damaged, or are another program's database,
    /// reading them only (read-only connection, no journal change).
    static func checkIsHuiwuDatabase(_ path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else {
            throw Refusal.notFound("file.missing", "没有文件 \(path)", "there is no file \(path)")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw Refusal(.storage, code: "store.unreadable", Localized(zh: "无法读取 \(path)（权限不足？）", en: "cannot read \(path) (permissions?)"))
        }
        let header = (try? handle.read(upToCount: 100)) ?? Data()
        try? handle.close()
        if header.isEmpty { return }  // an empty file is an empty SQLite database
        guard header.count == 100, header.prefix(16) == Data("SQLite format 3\0".utf8) else {
            throw Refusal(.storage, code: "store.notSQLite", Localized(
                zh: "\(path) 不是 SQLite 数据库文件，未作任何修改。请用 --db 指定会务数据库",
                en: "\(path) is not an SQLite database file; it was not modified. Point --db at a Huiwu database"))
        }
        // Decide from the header alone when it is current (no write-ahead log next to the
        // file): SQLite itself is never asked to open another program's database, because
        // even a read-only connection may create `-wal`/`-shm` files beside a WAL database.
        let hasWAL = ((try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0) > 0
        let isOurs = bigEndian(header, at: 68) == UInt32(bitPattern: applicationID)
        if !isOurs && !hasWAL {
            // A schema cookie of 0 means no table was ever created: an empty SQLite file.
            if bigEndian(header, at: 40) == 0 { return }
            throw foreign(path)
        }
        // Checking every page costs time in proportion to the file, and a secretary opens
        // Huiwu dozens of times a day: small files are checked at every start, large ones
        // by `huiwu doctor` (and any damaged page a command touches is reported as damage).
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        if isOurs && size > quickCheckLimit { return }
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(10)
        do {
            let (appID, tables, check) = try retryingBusy {
                let queue = try DatabaseQueue(path: path, configuration: config)
                defer { try? queue.close() }
                return try queue.read { db in
                    (try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0,
                     try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0,
                     try String.fetchOne(db, sql: "PRAGMA quick_check(1)") ?? "")
                }
            }
            if check != "ok" {
                throw Refusal(.storage, code: "store.corrupt", Localized(
                    zh: "\(path) 已损坏（\(check)），未作任何修改。请用 huiwu restore 从备份恢复",
                    en: "\(path) is damaged (\(check)); it was not modified. Restore a backup with huiwu restore"))
            }
            if appID != applicationID && tables > 0 { throw foreign(path) }
        } catch let error as DatabaseError {
            throw StoreError.refusal(for: error, path: path)
        }
    }

    private static func foreign(_ path: String) -> Refusal {
        Refusal(.storage, code: "store.foreign", Localized(
            zh: "\(path) 是其他程序的 SQLite 数据库，不是会务数据库，未作任何修改",
            en: "\(path) is another program's SQLite database, not Huiwu's; it was not modified"))
    }

    /// Files up to this size (a new office's first months) get `quick_check` when opened, in 2–3 ms.
    static let quickCheckLimit = 2 << 20

    /// The big-endian 32-bit field of the SQLite file header at `offset`.
    private static func bigEndian(_ header: Data, at offset: Int) -> UInt32 {
        header.dropFirst(offset).prefix(4).reduce(0) { $0 << 8 | UInt32($1) }
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
        let dir = (path as NSString).deletingLastPathComponent
        let shared = (try? FileManager.default.attributesOfItem(atPath: dir.isEmpty ? "." : dir)[.posixPermissions] as? Int)
            .map { $0 & 0o2000 != 0 } ?? false
        let fd = Foundation.open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, shared ? 0o660 : 0o600)
        guard fd >= 0 else {
            throw Refusal(.storage, code: "store.create", Localized(
                zh: "无法创建 \(path)：\(String(cString: strerror(errno)))", en: "cannot create \(path): \(String(cString: strerror(errno)))"))
        }
        fchmod(fd, shared ? 0o660 : 0o600)  // the umask may have removed bits we asked for
        close(fd)
    }

    /// SQLite's `data_version` as seen by this process's writer connection: it changes when
    /// another connection (another user's process) commits, so an open screen knows to reload.
    public func dataVersion() -> Int {
        // Asked after every key the TUI handles: the statement is prepared once.
        (try? pool.writeWithoutTransaction { db in try Int.fetchOne(db.cachedStatement(sql: "PRAGMA data_version")) }) ?? 0
    }

    /// How many write transactions this process has committed.
    public var committedWrites: Int { writes.load(ordering: .relaxed) }

    /// Reads a consistent snapshot.
    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try Store.retryingBusy { try pool.read(body) }
        } catch let error as DatabaseError {
            throw StoreError.refusal(for: error, path: path)
        }
    }

    /// Runs `body` in one IMMEDIATE transaction, retrying a bounded number of times when the
    /// database stays busy (``retryingBusy(_:)``). Either all of it is written or none: a
    /// transaction that meets a busy answer is rolled back whole, so a retry never writes twice.
    public func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            let result = try Store.retryingBusy { try pool.write(body) }
            writes.add(1, ordering: .relaxed)
            return result
        } catch let error as DatabaseError {
            throw StoreError.refusal(for: error, path: path)
        }
    }

    /// Runs `body` again when SQLite answers busy, up to 8 times with a short, growing,
    /// jittered pause (about 0.1 to 0.7 s in all, plus the busy timeout each attempt may
    /// wait), and at most 30 s in all: then the busy error goes to the caller, who tells
    /// the user in plain words (``StoreError``).
    static func retryingBusy<T>(_ body: () throws -> T) throws -> T {
        let started = Date()
        var attempt = 0
        while true {
            do {
                return try body()
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && attempt < 8
                        && Date().timeIntervalSince(started) < 30 {
                attempt += 1
                usleep(UInt32.random(in: 5_000...20_000) * UInt32(attempt))
            }
        }
    }
}
