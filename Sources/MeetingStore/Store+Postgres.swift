import Foundation
import GRDB
import MeetingKit

/// An office on PostgreSQL, and the two entry points on the database port that run on either
/// engine: ``snapshot(_:)`` and ``transaction(_:)`` (issue 21).
///
/// Every use case is on the port. GRDB's entry points (``read(_:)``, ``write(_:)``, `pool`)
/// remain for what only a file has (SQLite's backup API, the file checks of `doctor`), and
/// refuse a PostgreSQL store with ``notOnPostgres`` rather than half-run: a guard for code
/// that forgot to ask the engine first, not a path a user reaches.
extension Store {
    /// Opens the office in the PostgreSQL database `url` names, running the migrations it
    /// lacks (in one transaction each, under the write lock, so two servers starting at once
    /// migrate once). The audit key and the anchor are files in `stateDirectory`. With `create`
    /// (`huiwu init`), an empty database becomes an office; without it, a database that holds
    /// no office is refused, and so is one that holds another program's tables or a newer
    /// schema, without being written to. `upgrading` hears the migrations an existing office
    /// lacks before they run, as on a file (``open(at:create:upgrading:)``).
    package static func open(url: PostgresURL, stateDirectory: String, create: Bool = false,
                             upgrading: ((_ migrations: [String]) -> Void)? = nil) throws -> Store {
        let postgres = PostgresStore(url: url, stateDirectory: stateDirectory)
        do {
            try postgres.direct { db in
                let tables = Set(try db.rows("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")
                    .map { try $0.get("table_name", as: String.self) })
                if !tables.contains("huiwu_migrations") {
                    guard tables.isEmpty else {
                        throw Refusal(.storage, code: "store.notHuiwu", Localized(
                            zh: "PostgreSQL 数据库 \(url) 中已有其他程序的表，不是会务数据库；未作任何修改",
                            en: "the PostgreSQL database \(url) holds another program's tables, not a Huiwu office; it was not modified"))
                    }
                    guard create else {
                        throw Refusal(.notFound, code: "store.missing", Localized(
                            zh: "PostgreSQL 数据库 \(url) 中还没有办公室。请先运行 huiwu --db \(url) init",
                            en: "there is no office in the PostgreSQL database \(url) yet; run huiwu --db \(url) init"))
                    }
                } else {
                    let known = Set(PostgresSchema.migrations.map(\.identifier))
                    let applied = try PostgresSchema.applied(db)
                    if !applied.isSubset(of: known) {
                        throw Refusal(.storage, code: "store.newerSchema", Localized(
                            zh: "\(url) 的数据结构为第 \(Schema.version(of: applied)) 版，比本程序（第 \(Store.schemaVersion) 版）新；未作任何修改，请升级 huiwu",
                            en: "\(url) has schema version \(Schema.version(of: applied)), newer than this program's (\(Store.schemaVersion)); nothing was changed. Upgrade huiwu"))
                    }
                    let pending = PostgresSchema.migrations.map(\.identifier).filter { !applied.contains($0) }
                    if !pending.isEmpty { upgrading?(pending) }
                }
                try PostgresSchema.migrate(db)
            }
            let store = Store(postgres: postgres)
            try store.resolvePostgresKey()
            return store
        } catch let failure as PostgresFailure {
            postgres.close()
            throw StoreError.refusal(for: failure, url: url)
        } catch {
            postgres.close()
            throw error
        }
    }

    /// Where the audit key and anchor of an office on PostgreSQL are: `HUIWU_STATE_DIR`, else
    /// `/var/lib/huiwu` (the service account's state directory, docs/deployment.md).
    package static func stateDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let dir = environment["HUIWU_STATE_DIR"], !dir.isEmpty { return dir }
        return "/var/lib/huiwu"
    }

    /// Reads a consistent snapshot through the database port, on either engine; the org chart
    /// and the holidays are read at most once in it (``ReadSnapshot``).
    package func snapshot<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        guard let postgres else { return try read { db in try body(ReadSnapshot(db)) } }
        do {
            return try postgres.read { db in try body(ReadSnapshot(db)) }
        } catch let failure as PostgresFailure {
            throw StoreError.refusal(for: failure, url: postgres.url)
        }
    }

    /// Runs `body` in one write transaction through the database port, on either engine, with
    /// the MAC that seals the audit events it appends; after the commit, a new head of the
    /// chain is recorded outside the database (``AuditAnchor``), as ``write(_:)`` does.
    package func transaction<T>(_ body: (any SQLConnection, @escaping AuditMAC) throws -> T) throws -> T {
        guard let postgres else { return try write { db, mac in try body(db, mac) } }
        guard let key = postgres.key else { throw Store.readOnlyForYou(path) }
        var newHead: AuditHead?
        do {
            let value = try postgres.write { db in
                newHead = nil
                let start = try AuditLog.head(db)
                let value = try body(db, key.mac)
                if let end = try AuditLog.head(db), end != start, try AuditAnchor.holds(db, anchorAt: postgres.anchorPath) { newHead = end }
                return value
            }
            if let newHead { try? AuditAnchor.advance(to: newHead, at: postgres.anchorPath, mode: 0o600) }
            noteCommittedWrite()
            return value
        } catch let failure as PostgresFailure {
            throw StoreError.refusal(for: failure, url: postgres.url)
        }
    }

    /// The PostgreSQL database of an office on PostgreSQL (nil for a file): a server listens
    /// there for the changes other servers make (``PostgresChangeListener``).
    package var postgresURL: PostgresURL? { postgres?.url }

    /// Where the audit key is: beside the file, or in the state directory (PostgreSQL).
    package var auditKeyPath: String { postgres?.keyPath ?? AuditKey.path(forDatabase: path) }

    /// Where the head of the chain is recorded outside the database.
    package var auditAnchorPath: String { postgres?.anchorPath ?? AuditAnchor.path(forDatabase: path) }

    /// What GRDB's entry points say on PostgreSQL (a programming error: callers ask the engine first).
    static func notOnPostgres(_ path: String) -> Refusal {
        Refusal(.storage, code: "store.notOnPostgres", Localized(
            zh: "此操作尚未支持 PostgreSQL（\(path)），未作任何修改；请在 SQLite 数据库文件上使用",
            en: "this operation does not run on PostgreSQL yet (\(path)); nothing was changed. Use it on a SQLite file"))
    }

    /// Refuses GRDB's entry points on a PostgreSQL store.
    func refuseOnPostgres() throws {
        if postgres != nil { throw Store.notOnPostgres(path) }
    }

    /// Adopts the key the database names (`audit.keyId`), from the state directory; a new
    /// office's key is created first and becomes the key file only after the database
    /// committed its id, as on SQLite (``resolveAuditKey(keyId:upgradeNow:)``).
    private func resolvePostgresKey() throws {
        guard let postgres else { return }
        let keyPath = postgres.keyPath
        if let keyId = try snapshot({ try OrgRepository.setting($0, AuditKey.settingName) }) {
            guard let key = try AuditKey.load(at: keyPath) else { throw AuditKey.missing(keyId, databasePath: path, keyPath: keyPath) }
            guard key.id == keyId else {
                throw Refusal(.storage, code: "audit.keyMismatch", Localized(
                    zh: "\(path) 的审计日志用密钥 \(keyId) 封存，但 \(keyPath) 是另一把密钥（\(key.id)）；未作任何修改。请放回本办公室的密钥文件（docs/admin.md）",
                    en: "the audit log of \(path) is sealed with the key \(keyId), but \(keyPath) is another key (\(key.id)); nothing was changed. Put this office's key file back (docs/admin.md)"))
            }
            postgres.adopt(key)
            return
        }
        if FileManager.default.fileExists(atPath: keyPath) {
            throw Refusal(.storage, code: "audit.notKeyed", Localized(
                zh: "\(path) 的审计日志未用密钥封存，但密钥文件 \(keyPath) 存在：日志被不持有密钥者重写，或数据库被替换。未作任何修改",
                en: "the audit log of \(path) is not sealed with a key, but the key file \(keyPath) exists: the log was rewritten without the key, or the database was replaced. Nothing was changed"))
        }
        try FileManager.default.createDirectory(atPath: (keyPath as NSString).deletingLastPathComponent, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let pending = AuditKey.pendingPath(forDatabase: String(keyPath.dropLast(".auditkey".count))) + "-\(getpid())"
        try? FileManager.default.removeItem(atPath: pending)
        let key = try AuditKey.create(at: pending, mode: 0o600)
        var keyedByOther: String?
        do {
            try postgres.write { db in
                if let other = try OrgRepository.setting(db, AuditKey.settingName) {
                    keyedByOther = other
                    return
                }
                // No PostgreSQL office predates keys: a log without one was not written by Huiwu.
                guard try AuditLog.count(db) == 0 else {
                    throw Refusal(.storage, code: "audit.notKeyed", Localized(
                        zh: "\(path) 的审计日志不是用密钥封存的；未作任何修改", en: "the audit log of \(path) is not sealed with a key; nothing was changed"))
                }
                try OrgRepository.setSetting(db, AuditKey.settingName, key.id)
            }
        } catch {
            unlink(pending)
            throw error
        }
        if let keyedByOther {
            // Another server keyed the office at the same moment: its key file is the one.
            unlink(pending)
            guard let key = try AuditKey.load(at: keyPath), key.id == keyedByOther else {
                throw AuditKey.missing(keyedByOther, databasePath: path, keyPath: keyPath)
            }
            postgres.adopt(key)
            return
        }
        guard rename(pending, keyPath) == 0 else {
            throw Refusal(.storage, code: "audit.keyRename", Localized(
                zh: "无法把审计密钥写到 \(keyPath)：\(String(cString: strerror(errno)))", en: "cannot put the audit key at \(keyPath): \(String(cString: strerror(errno)))"))
        }
        FileAccess.syncDirectory(of: keyPath)
        postgres.adopt(key)
    }
}

extension AuditKey {
    /// The log names a key whose file is missing: `keyPath` where it is looked for.
    static func missing(_ keyId: String, databasePath: String, keyPath: String) -> Refusal {
        Refusal(.storage, code: "audit.keyMissing", Localized(
            zh: "\(databasePath) 的审计日志用密钥 \(keyId) 封存，但密钥文件 \(keyPath) 不存在；未作任何修改。请从备份恢复密钥文件（docs/admin.md）",
            en: "the audit log of \(databasePath) is sealed with the key \(keyId), but the key file \(keyPath) is missing; nothing was changed. Restore the key file from the backup (docs/admin.md)"))
    }
}

extension StoreError {
    /// PostgreSQL's errors in words a secretary can act on, as SQLite's (``refusal(for:path:)``).
    static func refusal(for failure: PostgresFailure, url: PostgresURL) -> Refusal {
        let state = failure.sqlState ?? ""
        if failure.isConnectionLost {
            return Refusal(.storage, code: "store.unreachable", Localized(
                zh: "无法连接数据库服务器 \(url)，未写入任何内容；请稍后重试或联系管理员：\(failure.message)",
                en: "the database server \(url) cannot be reached; nothing was written. Try again later or ask the administrator: \(failure.message)"))
        }
        if state.hasPrefix("23") || state == "P0001" {
            return Refusal(.conflict, code: "store.constraint", Localized(
                zh: "记录不一致，已拒绝：\(failure.message)", en: "refused because records would be inconsistent: \(failure.message)"))
        }
        if ["40001", "40P01", "55P03"].contains(state) {
            return Refusal(.storage, code: "store.busy", Localized(
                zh: "数据库正忙（其他用户正在写入），请稍后重试；未写入任何内容",
                en: "the database is busy (another user is writing); nothing was written, please try again"))
        }
        if ["53100", "53200"].contains(state) {
            return Refusal(.storage, code: "store.full", Localized(
                zh: "数据库服务器的磁盘或内存已满，未写入任何内容：\(url)", en: "the database server's disk or memory is full; nothing was written: \(url)"))
        }
        if state.hasPrefix("28") || state == "42501" {
            return Refusal(.storage, code: "store.readOnly", Localized(
                zh: "无权访问 \(url)，未写入任何内容：\(failure.message)", en: "no permission for \(url); nothing was written: \(failure.message)"))
        }
        return Refusal(.storage, code: "store.error", Localized(zh: "数据库错误：\(failure.description)", en: "database error: \(failure.description)"))
    }
}
