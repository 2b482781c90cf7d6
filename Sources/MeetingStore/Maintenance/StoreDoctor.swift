import Foundation
import GRDB
import MeetingKit

/// Health checks of a database for `huiwu doctor`: permissions, access and the write lock,
/// free disk space, schema version, integrity, WAL mode, triggers, the audit chain with its
/// key and anchor, and the attached files, each with the fix to apply when it fails.
public enum StoreDoctor {
    public struct Check: Sendable, Codable {
        public var name: String
        public var ok: Bool
        public var detail: Localized
        /// What to do about it, when not ok.
        public var fix: Localized?
    }

    /// Free space under which the disk check fails: SQLite needs room for the WAL and for
    /// a checkpoint, and a backup as large as the database.
    public static let minimumFreeBytes: Int64 = 256 << 20

    /// Checks the database at `path` without modifying it and without needing the write lock:
    /// it reports on a read-only, locked or damaged file instead of failing. Each problem is a
    /// failed check with its fix; a file that cannot be opened at all is one failed check.
    public static func run(path: String, minimumFreeBytes: Int64 = StoreDoctor.minimumFreeBytes) -> [Check] {
        if PostgresURL.isURL(path) { return run(postgres: path) }
        var checks = permissionChecks(path: path)
        checks.append(diskSpaceCheck(path: path, minimum: minimumFreeBytes))
        do {
            try Store.inspect(path)
            checks.append(accessCheck(path: path))
            checks += try Store.readOnly(path) { db in try databaseChecks(db, path: path) }
        } catch let refusal as Refusal {
            checks.append(Check(name: "open", ok: false, detail: refusal.message,
                                fix: Localized(zh: "按上面的说明处理；损坏时用 huiwu restore 恢复备份", en: "act on the message above; when damaged, restore a backup with huiwu restore")))
        } catch {
            // A damaged page met while reading (SQLite may report it only as the read ends).
            checks.append(guarded("integrity", fix: restore) { throw error })
        }
        return checks
    }

    /// Schema version, integrity, WAL mode, triggers, the audit chain with its key and anchor,
    /// and the attached files.
    private static func databaseChecks(_ db: Database, path: String) throws -> [Check] {
        var checks: [Check] = []
        let migrator = Schema.migrator
        let applied = try migrator.appliedIdentifiers(db)
        let known = migrator.migrations
        let missing = known.filter { !applied.contains($0) }
        let unknown = applied.subtracting(known)
        checks.append(Check(
            name: "schema", ok: missing.isEmpty && unknown.isEmpty,
            detail: Localized(zh: "数据库结构版本：\(applied.count)/\(known.count) 个迁移", en: "schema: \(applied.count)/\(known.count) migrations applied"),
            fix: unknown.isEmpty ? (missing.isEmpty ? nil : Localized(zh: "由有写权限的用户运行任一 huiwu 命令完成升级", en: "run any huiwu command as a user who may write, to upgrade it"))
                : Localized(zh: "数据库来自更新版本的会务（\(unknown.sorted().joined(separator: ","))），请升级程序",
                            en: "the database comes from a newer Huiwu (\(unknown.sorted().joined(separator: ","))); upgrade the program")))
        checks.append(guarded("integrity", fix: restore) {
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            return Check(
                name: "integrity", ok: integrity == ["ok"],
                detail: Localized(zh: "完整性：\(integrity.prefix(3).joined(separator: "；"))", en: "integrity: \(integrity.prefix(3).joined(separator: "; "))"),
                fix: integrity == ["ok"] ? nil : restore)
        })
        let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? ""
        checks.append(Check(
            name: "wal", ok: mode == "wal",
            detail: Localized(zh: "日志模式：\(mode)", en: "journal mode: \(mode)"),
            fix: mode == "wal" ? nil : Localized(zh: "运行 sqlite3 \(path) 'PRAGMA journal_mode=WAL'", en: "run sqlite3 \(path) 'PRAGMA journal_mode=WAL'")))
        let triggers = try ExpectedSchema.missingTriggers(db)
        checks.append(Check(
            name: "triggers", ok: triggers.missing.isEmpty,
            detail: triggers.missing.isEmpty
                ? Localized(zh: "触发器：\(triggers.expected) 个，齐全", en: "triggers: all \(triggers.expected) present")
                : Localized(zh: "缺少触发器：\(triggers.missing.joined(separator: "、"))", en: "missing triggers: \(triggers.missing.joined(separator: ", "))"),
            fix: triggers.missing.isEmpty ? nil : Localized(zh: "规则保护已被移除：保留此文件作证据，并从备份恢复（huiwu restore）",
                                                             en: "rule protections were removed: keep this file as evidence and restore a backup (huiwu restore)")))
        checks.append(auditCheck(restore: restore) {
            try AuditVerification.run(db, databasePath: path, key: try AuditKey.load(at: AuditKey.path(forDatabase: path)))
        })
        let files = AttachmentFiles(databasePath: path)
        checks.append(guarded("attachments", fix: restore) {
            try attachmentsCheck(db, storage: .files(files), hasTable: try db.tableExists("attachment"),
                                 fix: Localized(zh: "从同一晚的附件备份恢复 \(files.root)，再运行 huiwu attach verify",
                                                en: "restore \(files.root) from the same night's archive, then run huiwu attach verify"))
        })
        return checks
    }

    private static let restore = Localized(zh: "用 huiwu restore 从最近的备份恢复", en: "restore the latest backup with huiwu restore")

    /// The check `body` makes, or a failed one naming what went wrong (a damaged page stops
    /// one check, not the report).
    static func guarded(_ name: String, fix: Localized, _ body: () throws -> Check) -> Check {
        do {
            return try body()
        } catch let error as DatabaseError {
            let message = error.message ?? "\(error.resultCode)"
            return Check(name: name, ok: false, detail: Localized(zh: "\(name)：\(message)", en: "\(name): \(message)"), fix: fix)
        } catch {
            return Check(name: name, ok: false, detail: Localized(zh: "\(name)：\(error)", en: "\(name): \(error)"), fix: fix)
        }
    }

    /// The chain under the office's key and against the anchored head, naming the key used;
    /// `restore` is how this engine's office goes back to a backup.
    static func auditCheck(restore: Localized, _ verify: () throws -> AuditVerification) -> Check {
        do {
            let result = try verify()
            let ok = result.firstBreak == nil && result.keyId != nil
            let verdict = result.firstBreak?.message
                ?? Localized(zh: "审计链完整：\(result.events) 个事件", en: "audit chain intact: \(result.events) events")
            return Check(
                name: "audit", ok: ok,
                detail: Localized(zh: verdict.zh + "；" + result.keyLine.zh + "；" + result.anchorLine.zh,
                                  en: verdict.en + "; " + result.keyLine.en + "; " + result.anchorLine.en),
                fix: result.firstBreak != nil
                    ? Localized(zh: "记录已被改动：保留现状作证据，并" + restore.zh, en: "records were altered: keep them as evidence and " + restore.en)
                    : ok ? nil : Localized(zh: "由有写权限的用户运行任一写入命令，用密钥封存审计链", en: "run any write as a user who may write, to seal the chain with a key"))
        } catch let refusal as Refusal {
            return Check(name: "audit", ok: false, detail: refusal.message,
                         fix: Localized(zh: "从备份恢复密钥文件（docs/admin.md）", en: "restore the key file from the backup (docs/admin.md)"))
        } catch {
            return Check(name: "audit", ok: false, detail: Localized(zh: "\(error)", en: "\(error)"), fix: nil)
        }
    }

    /// Every attached file present with its recorded size and SHA-256, wherever the office
    /// keeps the copies (``AttachmentStorage``).
    static func attachmentsCheck(_ db: any SQLConnection, storage: AttachmentStorage, hasTable: Bool, fix: Localized) throws -> Check {
        var bad: [String] = []
        var count = 0
        if hasTable {
            for attachment in try Attachment.fetch(db) {
                count += 1
                let status = try storage.status(of: attachment, content: true, in: db)
                if status != .ok { bad.append("#\(attachment.id ?? 0) \(attachment.storedPath) (\(status.rawValue))") }
            }
        }
        return Check(
            name: "attachments", ok: bad.isEmpty,
            detail: bad.isEmpty
                ? Localized(zh: "附件：\(count) 个，均完好", en: "attachments: all \(count) present and unchanged")
                : Localized(zh: "附件缺失或被改动：\(bad.prefix(5).joined(separator: "，"))", en: "attachments missing or changed: \(bad.prefix(5).joined(separator: ", "))"),
            fix: bad.isEmpty ? nil : fix)
    }

    /// Whether this user may write, and whether another process holds the write lock now.
    private static func accessCheck(path: String) -> Check {
        guard access(path, F_OK) == 0 else { return Check(name: "access", ok: false, detail: FileAccess.permissionDenied(path).message, fix: nil) }
        guard Store.canWrite(path) else {
            return Check(name: "access", ok: true, detail: Localized(
                zh: "对你（\(FileAccess.processUser)）只读：可以查看，不能写入（\(FileAccess.describe(path).zh)）",
                en: "read-only for you (\(FileAccess.processUser)): reads work, writes are refused (\(FileAccess.describe(path).en))"), fix: nil)
        }
        var config = Configuration()
        config.busyMode = .immediateError
        let held: Bool
        do {
            let queue = try DatabaseQueue(path: path, configuration: config)
            defer { try? queue.close() }
            try queue.inDatabase { db in try db.execute(sql: "BEGIN IMMEDIATE; ROLLBACK") }
            held = false
        } catch {
            held = true
        }
        return Check(name: "access", ok: true, detail: held
            ? Localized(zh: "另一进程正持有写锁：读取正常，写入将等待", en: "another process holds the write lock now: reads work, writes wait")
            : Localized(zh: "可读写，写锁空闲", en: "readable and writable; the write lock is free"), fix: nil)
    }

    /// Free space on the database's file system.
    private static func diskSpaceCheck(path: String, minimum: Int64) -> Check {
        let dir = (path as NSString).deletingLastPathComponent
        var info = statvfs()
        guard statvfs(dir.isEmpty ? "." : dir, &info) == 0 else {
            return Check(name: "disk", ok: false, detail: Localized(zh: "无法查看磁盘空间", en: "cannot read the free disk space"), fix: nil)
        }
        let free = Int64(info.f_bavail) * Int64(info.f_frsize)
        let mib = free >> 20
        return Check(
            name: "disk", ok: free >= minimum,
            detail: Localized(zh: "可用磁盘空间：\(mib) MiB", en: "free disk space: \(mib) MiB"),
            fix: free >= minimum ? nil : Localized(zh: "可用空间低于 \(minimum >> 20) MiB：清理磁盘或迁移备份", en: "less than \(minimum >> 20) MiB free: free some space or move old backups"))
    }

    /// The file should be private (0600) or, in a shared setgid group directory, 0660; never
    /// readable by others. The directory likewise (0700, or 2770 for the shared setup).
    static func permissionChecks(path: String) -> [Check] {
        let fm = FileManager.default
        let dir = (path as NSString).deletingLastPathComponent
        func mode(_ p: String) -> Int? { (try? fm.attributesOfItem(atPath: p.isEmpty ? "." : p))?[.posixPermissions] as? Int }
        var checks: [Check] = []
        if let dirMode = mode(dir) {
            // Others may list a directory of private files; writing would let them replace the
            // database, unless the sticky bit (as on /tmp) protects files they do not own.
            let worldAccess = dirMode & 0o002 != 0 && dirMode & 0o1000 == 0
            checks.append(Check(
                name: "directory", ok: !worldAccess,
                detail: Localized(zh: "目录 \(dir) 权限 \(String(dirMode & 0o7777, radix: 8))", en: "directory \(dir) mode \(String(dirMode & 0o7777, radix: 8))"),
                fix: worldAccess ? Localized(zh: "chmod o-w \(dir)（共享部署见 docs/deployment.md：chmod 2770）",
                                             en: "chmod o-w \(dir) (for a shared server see docs/deployment.md: chmod 2770)") : nil))
        }
        for file in [path, path + "-wal", path + "-shm"] {
            guard let fileMode = mode(file) else { continue }
            let worldAccess = fileMode & 0o007 != 0
            checks.append(Check(
                name: "file", ok: !worldAccess,
                detail: Localized(zh: "文件 \(file) 权限 \(String(fileMode & 0o777, radix: 8))", en: "file \(file) mode \(String(fileMode & 0o777, radix: 8))"),
                fix: worldAccess ? Localized(zh: "chmod o-rwx \(file)", en: "chmod o-rwx \(file)") : nil))
        }
        return checks
    }
}
