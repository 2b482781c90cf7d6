import Foundation
import GRDB
import MeetingKit

/// Health checks of a database for `huiwu doctor`: permissions, schema version, integrity,
/// WAL mode and the audit chain, each with the fix to apply when it fails.
public enum StoreDoctor {
    public struct Check: Sendable, Codable {
        public var name: String
        public var ok: Bool
        public var detail: Localized
        /// What to do about it, when not ok.
        public var fix: Localized?
    }

    package static func run(_ store: Store) throws -> [Check] {
        var checks = permissionChecks(path: store.path)
        try store.read { db in
            let migrator = Schema.migrator
            let applied = try migrator.appliedIdentifiers(db)
            let known = migrator.migrations
            let missing = known.filter { !applied.contains($0) }
            let unknown = applied.subtracting(known)
            checks.append(Check(
                name: "schema", ok: missing.isEmpty && unknown.isEmpty,
                detail: Localized(zh: "数据库结构版本：\(applied.count)/\(known.count) 个迁移", en: "schema: \(applied.count)/\(known.count) migrations applied"),
                fix: unknown.isEmpty ? nil : Localized(zh: "数据库来自更新版本的会务（\(unknown.sorted().joined(separator: ","))），请升级程序",
                                                       en: "the database comes from a newer Huiwu (\(unknown.sorted().joined(separator: ","))); upgrade the program")))
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            checks.append(Check(
                name: "integrity", ok: integrity == ["ok"],
                detail: Localized(zh: "完整性：\(integrity.prefix(3).joined(separator: "；"))", en: "integrity: \(integrity.prefix(3).joined(separator: "; "))"),
                fix: integrity == ["ok"] ? nil : Localized(zh: "用 huiwu restore 从最近的备份恢复", en: "restore the latest backup with huiwu restore")))
            let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? ""
            checks.append(Check(
                name: "wal", ok: mode == "wal",
                detail: Localized(zh: "日志模式：\(mode)", en: "journal mode: \(mode)"),
                fix: mode == "wal" ? nil : Localized(zh: "运行 sqlite3 \(store.path) 'PRAGMA journal_mode=WAL'", en: "run sqlite3 \(store.path) 'PRAGMA journal_mode=WAL'")))
            let broken = try AuditLog.verify(db)
            let events = try AuditLog.count(db)
            checks.append(Check(
                name: "audit", ok: broken == nil,
                detail: broken?.message ?? Localized(zh: "审计链完整：\(events) 个事件", en: "audit chain intact: \(events) events"),
                fix: broken == nil ? nil : Localized(zh: "记录已被改动：保留此文件作证据，并从备份恢复（huiwu restore）",
                                                     en: "records were altered: keep this file as evidence and restore a backup (huiwu restore)")))
        }
        return checks
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
