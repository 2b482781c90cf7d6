import Foundation
import GRDB
import MeetingKit

/// Online backup and restore through SQLite's backup API: others keep working meanwhile,
/// and a restore replaces the content in one step after checking the backup is sound.
public enum StoreBackup {
    /// Copies the live database to a new file at `path` (refused if it exists).
    package static func backup(_ store: Store, to path: String) throws {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw Refusal.conflict("backup.exists", "\(path) 已存在，不会覆盖", "\(path) already exists; it will not be overwritten")
        }
        do {
            let destination = try DatabaseQueue(path: path)
            try store.pool.backup(to: destination)
            try destination.close()
            try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        } catch let error as DatabaseError {
            for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            throw StoreError.refusal(for: error, path: path)
        }
    }

    /// What is wrong with a backup file: not Huiwu's, damaged, or a broken audit chain.
    public static func problems(inBackup path: String) throws -> [Localized] {
        try Store.checkIsHuiwuDatabase(path)
        var config = Configuration()
        config.readonly = true
        do {
            let queue = try DatabaseQueue(path: path, configuration: config)
            defer { try? queue.close() }
            return try queue.read { db in
                var found: [Localized] = []
                let check = try String.fetchAll(db, sql: "PRAGMA integrity_check")
                if check != ["ok"] {
                    found.append(Localized(zh: "完整性检查失败：\(check.prefix(3).joined(separator: "；"))",
                                           en: "integrity check failed: \(check.prefix(3).joined(separator: "; "))"))
                }
                if try db.tableExists("audit_event"), let broken = try AuditLog.verify(db) {
                    found.append(broken.message)
                }
                return found
            }
        } catch let error as DatabaseError {
            throw StoreError.refusal(for: error, path: path)
        }
    }

    /// Replaces the live content with the backup at `path` after verifying it. The current
    /// content is first saved next to the database; returns that file's path.
    package static func restore(_ store: Store, from path: String, stamp: String) throws -> String {
        let problems = try problems(inBackup: path)
        guard problems.isEmpty else {
            throw Refusal(.storage, code: "restore.badBackup", Localized(
                zh: "备份 \(path) 未通过校验，未恢复：" + problems.map(\.zh).joined(separator: "；"),
                en: "the backup \(path) failed verification and was not restored: " + problems.map(\.en).joined(separator: "; ")))
        }
        // 2026-03-02T09:00:05+08:00 → 20260302-090005
        let digits = stamp.prefix(19).filter { $0.isNumber }
        let safeStamp = digits.prefix(8) + "-" + digits.dropFirst(8)
        let keep = store.path + ".before-restore-" + safeStamp
        try backup(store, to: keep)
        var config = Configuration()
        config.readonly = true
        do {
            let source = try DatabaseQueue(path: path, configuration: config)
            try source.backup(to: store.pool)
            try source.close()
            try Schema.migrator.migrate(store.pool)
        } catch let error as DatabaseError {
            throw StoreError.refusal(for: error, path: store.path)
        }
        return keep
    }
}
