import Foundation
import GRDB
import MeetingKit

/// What ``Store`` learns of a file before it opens it for writing, without modifying it.
struct FileFacts {
    /// A 0-byte file: only `huiwu init` may turn it into an office.
    var isEmpty: Bool
    /// Migrations this program knows that the file lacks, in the order they run (a new file
    /// lacks them all).
    var pendingMigrations: [String]
    var needsMigration: Bool { !pendingMigrations.isEmpty }
    /// The identity of the key its audit log is sealed with (nil: a legacy or new log, or not
    /// read: a start that trusted the stamp reads it through its own connection).
    var keyId: String?
    /// The header holds this program's ``Schema/stamp``.
    var isStamped: Bool

    static let new = FileFacts(isEmpty: true, pendingMigrations: Schema.migrator.migrations, keyId: nil, isStamped: false)
}

extension Store {
    /// Files up to this size (a new office's first months) get `quick_check` when opened, in
    /// 2–3 ms. Larger files get the cheap checks of ``inspect(_:)`` at every start, SQLite's
    /// `cell_size_check` on every page they load, and a full check by `huiwu doctor` and at the
    /// start of `huiwu serve` (``checkIntegrity()``).
    static let quickCheckLimit = 2 << 20

    /// Refuses files that are not SQLite, are damaged, are another program's database or come
    /// from a newer Huiwu, reading them only (a read-only connection, no journal change).
    ///
    /// Every start: the 100-byte header (no SQLite), that the file is as long as its header
    /// says (a truncated copy is refused), and on a read-only connection the application id,
    /// the migrations applied and the audit key's identity. Small files also get `quick_check`.
    ///
    /// `trustingStamp` (a start, not a backup's or the doctor's check): a large file whose
    /// header is current and holds this program's ``Schema/stamp`` has every migration this
    /// program knows and no other, so the read-only connection, which costs a second parse of
    /// the schema (10 M instructions, a tenth of a first screen), is skipped.
    @discardableResult
    static func inspect(_ path: String, trustingStamp: Bool = false) throws -> FileFacts {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            if access(path, R_OK) != 0 && errno == EACCES { throw FileAccess.permissionDenied(path) }
            throw Refusal.notFound("file.missing", "没有文件 \(path)", "there is no file \(path)")
        }
        let header = (try? handle.read(upToCount: 100)) ?? Data()
        try? handle.close()
        if header.isEmpty { return .new }
        guard header.count == 100, header.prefix(16) == Data("SQLite format 3\0".utf8) else {
            throw Refusal(.storage, code: "store.notSQLite", Localized(
                zh: "\(path) 不是 SQLite 数据库文件，未作任何修改。请用 --db 指定会务数据库",
                en: "\(path) is not an SQLite database file; it was not modified. Point --db at a Huiwu database"))
        }
        // Decide from the header alone when it is current (no write-ahead log next to the
        // file): SQLite itself is never asked to open another program's database, because
        // even a read-only connection may create `-wal`/`-shm` files beside a WAL database.
        let hasWAL = hasWriteAheadLog(path)
        let isOurs = bigEndian(header, at: 68) == UInt32(bitPattern: applicationID)
        if !isOurs && !hasWAL {
            // A schema cookie of 0 means no table was ever created: an empty SQLite file.
            if bigEndian(header, at: 40) == 0 { return .new }
            throw foreign(path)
        }
        let size = FileAccess.size(path)
        if !hasWAL, let pages = headerPageCount(header), pages * pageSize(header) > size {
            throw damaged(path, Localized(zh: "文件比其文件头所记短：\(size) 字节，应为 \(pages * pageSize(header)) 字节",
                                          en: "the file is shorter than its header says: \(size) bytes of \(pages * pageSize(header))"))
        }
        // Checking every page costs time in proportion to the file, and a secretary opens
        // Huiwu dozens of times a day: small files are checked at every start.
        let checkPages = !isOurs || size <= quickCheckLimit
        if trustingStamp && isOurs && !hasWAL && !checkPages && bigEndian(header, at: 60) == UInt32(bitPattern: Schema.stamp) {
            return FileFacts(isEmpty: false, pendingMigrations: [], keyId: nil, isStamped: true)
        }
        do {
            let (appID, tables, applied, keyId, check, userVersion) = try readOnly(path) { db in
                let applied = try db.tableExists("grdb_migrations")
                    ? Set(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")) : []
                let keyId = try db.tableExists("setting") ? try OrgRepository.setting(db, AuditKey.settingName) : nil
                return (try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0,
                        try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0,
                        applied, keyId,
                        checkPages ? try String.fetchOne(db, sql: "PRAGMA quick_check(1)") ?? "" : "ok",
                        try Int32.fetchOne(db, sql: "PRAGMA user_version") ?? 0)
            }
            if check != "ok" { throw damaged(path, Localized(zh: check, en: check)) }
            if appID != applicationID && tables > 0 { throw foreign(path) }
            let known = Schema.migrator.migrations
            let unknown = applied.subtracting(known)
            if !unknown.isEmpty {
                let theirs = Schema.version(of: applied), ours = Schema.version(of: Set(known))
                throw Refusal(.storage, code: "store.newerSchema", Localized(
                    zh: "\(path) 由更新版本的会务写入（数据库结构版本 \(theirs)，本程序只支持到版本 \(ours)；未知的迁移：\(unknown.sorted().joined(separator: "、"))），未作任何修改。请升级 huiwu",
                    en: "\(path) was written by a newer Huiwu (schema version \(theirs); this program knows up to version \(ours); unknown migrations: \(unknown.sorted().joined(separator: ", "))); it was not modified. Upgrade huiwu"))
            }
            return FileFacts(isEmpty: false, pendingMigrations: known.filter { !applied.contains($0) }, keyId: keyId,
                             isStamped: userVersion == Schema.stamp)
        } catch let error as DatabaseError {
            throw StoreError.refusal(for: error, path: path)
        }
    }

    /// Writes ``Schema/stamp`` in the header once the schema is this program's, so that later
    /// starts may trust it (``inspect(_:trustingStamp:)``). Nothing depends on it but their
    /// speed: a write lock another process holds, or any failure, leaves it to a later start.
    func stampSchema() {
        try? writer.writeWithoutTransaction { try $0.execute(sql: "PRAGMA user_version = \(Schema.stamp)") }
    }

    /// Runs `body` on a read-only connection to `path` that is closed afterwards (read as
    /// immutable when this user could not otherwise read a WAL database, ``openReadOnly``).
    static func readOnly<T>(_ path: String, _ body: (Database) throws -> T) throws -> T {
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(10)
        let queue: DatabaseQueue
        do {
            queue = try retryingBusy { try DatabaseQueue(path: path, configuration: config) }
        } catch let error as DatabaseError where [.SQLITE_CANTOPEN, .SQLITE_READONLY].contains(error.resultCode) && !hasWriteAheadLog(path) {
            queue = try DatabaseQueue(path: immutableURI(path), configuration: config)
        }
        defer { try? queue.close() }
        return try retryingBusy { try queue.read(body) }
    }

    /// Runs SQLite's `quick_check` over every page, whatever the file's size: for `huiwu serve`
    /// at its start (once per server, not per command) and `huiwu doctor`. Throws the
    /// "damaged" refusal when a page is damaged.
    public func checkIntegrity() throws {
        // PostgreSQL checks its own pages (data checksums are the cluster's, initdb --data-checksums).
        guard engine == .sqlite else { return }
        let check = try read { db in try String.fetchAll(db, sql: "PRAGMA quick_check(3)") }
        if check != ["ok"] { throw Store.damaged(path, Localized(zh: check.joined(separator: "；"), en: check.joined(separator: "; "))) }
    }

    static func damaged(_ path: String, _ detail: Localized) -> Refusal {
        Refusal(.storage, code: "store.corrupt", Localized(
            zh: "\(path) 已损坏（\(detail.zh)），未作任何修改。请用 huiwu restore 从备份恢复",
            en: "\(path) is damaged (\(detail.en)); it was not modified. Restore a backup with huiwu restore"))
    }

    private static func foreign(_ path: String) -> Refusal {
        Refusal(.storage, code: "store.foreign", Localized(
            zh: "\(path) 是其他程序的 SQLite 数据库，不是会务数据库，未作任何修改",
            en: "\(path) is another program's SQLite database, not Huiwu's; it was not modified"))
    }

    /// The page size in bytes (offset 16; 1 means 65536).
    private static func pageSize(_ header: Data) -> Int {
        let raw = Int(header[header.startIndex + 16]) << 8 | Int(header[header.startIndex + 17])
        return raw == 1 ? 65_536 : raw
    }

    /// The database size in pages (offset 28), when the header says it is current: its
    /// "version-valid-for" number (offset 92) equals the change counter (offset 24).
    private static func headerPageCount(_ header: Data) -> Int? {
        guard bigEndian(header, at: 92) == bigEndian(header, at: 24) else { return nil }
        let pages = Int(bigEndian(header, at: 28))
        return pages > 0 ? pages : nil
    }

    /// The big-endian 32-bit field of the SQLite file header at `offset`.
    private static func bigEndian(_ header: Data, at offset: Int) -> UInt32 {
        header.dropFirst(offset).prefix(4).reduce(0) { $0 << 8 | UInt32($1) }
    }
}
