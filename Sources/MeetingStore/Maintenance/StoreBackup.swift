import Foundation
import GRDB
import MeetingKit

/// Online backup and restore through SQLite's backup API: others keep working meanwhile,
/// and a restore replaces the content in one step after checking the backup is sound.
public enum StoreBackup {
    /// Copies the live database to a new file at `path` (refused if it exists) and writes its
    /// manifest beside it (``BackupManifest``); returns the manifest.
    @discardableResult
    package static func backup(_ store: Store, to path: String, takenAt: String) throws -> BackupManifest {
        let manifestPath = BackupManifest.path(forBackup: path)
        for existing in [path, manifestPath] where FileManager.default.fileExists(atPath: existing) {
            throw Refusal.conflict("backup.exists", "\(existing) 已存在，不会覆盖", "\(existing) already exists; it will not be overwritten")
        }
        do {
            let destination = try DatabaseQueue(path: path)
            try store.writer.backup(to: destination)
            let (head, keyId, applied) = try destination.read { db in
                (try AuditLog.head(db), try OrgRepository.setting(db, AuditKey.settingName),
                 Set(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")))
            }
            try destination.close()
            try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
            let manifest = BackupManifest(file: (path as NSString).lastPathComponent,
                                          sha256: try AttachmentFiles(databasePath: path).hash(path).sha256,
                                          auditHead: head, auditKeyId: keyId, schemaVersion: Schema.version(of: applied), takenAt: takenAt)
            try manifest.write(forBackup: path)
            return manifest
        } catch let error as DatabaseError {
            for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            throw StoreError.refusal(for: error, path: path)
        }
    }

    /// Refuses `huiwu backup` and `huiwu restore` on an office on PostgreSQL before anything is
    /// written: a cluster is backed up by PostgreSQL's own tools, which keep every server on
    /// it consistent (docs/admin.md), and an office-level copy is `huiwu admin copy`.
    package static func refuseCluster(_ store: Store, command: String) throws {
        guard store.engine == .postgresql else { return }
        throw Refusal(.storage, code: "\(command).postgres", Localized(
            zh: "huiwu \(command) 只用于 SQLite 数据库文件；\(store.path) 上的办公室由 PostgreSQL 备份与恢复：pg_dump 与 pg_restore，或 pg_basebackup 基础备份（docs/admin.md）；要得到办公室的 SQLite 文件副本，运行 huiwu admin copy --from \(store.path) --to 文件。未作任何修改",
            en: "huiwu \(command) works on SQLite files only; an office on \(store.path) is backed up and restored with PostgreSQL's tools: pg_dump and pg_restore, or pg_basebackup base backups (docs/admin.md); for a SQLite copy of the office, run huiwu admin copy --from \(store.path) --to FILE. Nothing was changed"))
    }

    /// What is wrong with a backup file for `store`: not Huiwu's, from a newer Huiwu, damaged,
    /// schema objects (tables, indexes, triggers) other than the migrations create, an audit
    /// chain not sealed with this office's key or broken, or a copy that does not match its
    /// manifest. A forged file placed as a backup fails at least one of these.
    package static func problems(inBackup path: String, for store: Store) throws -> [Localized] {
        let facts = try Store.inspect(path)
        if facts.isEmpty { return [Localized(zh: "备份是空文件", en: "the backup is an empty file")] }
        do {
            return try Store.readOnly(path) { db in
                var found: [Localized] = []
                let check = try String.fetchAll(db, sql: "PRAGMA integrity_check")
                if check != ["ok"] {
                    found.append(Localized(zh: "完整性检查失败：\(check.prefix(3).joined(separator: "；"))",
                                           en: "integrity check failed: \(check.prefix(3).joined(separator: "; "))"))
                }
                found += try ExpectedSchema.differences(db)
                found += try chainProblems(db, keyId: facts.keyId, store: store)
                found += try manifestProblems(path, db: db)
                return found
            }
        } catch let error as DatabaseError {
            throw StoreError.refusal(for: error, path: path)
        }
    }

    /// The backup's chain must be sealed with this office's key and intact.
    private static func chainProblems(_ db: Database, keyId: String?, store: Store) throws -> [Localized] {
        guard let key = store.auditKey else {
            return [Localized(zh: "本办公室的审计日志尚未用密钥封存，无法校验备份", en: "this office's audit log is not keyed yet; the backup cannot be checked")]
        }
        guard keyId == key.id else {
            return [Localized(
                zh: "备份的审计日志不是用本办公室的密钥（\(key.id)）封存的（\(keyId.map { "而是 \($0)" } ?? "未加密钥")）",
                en: "the backup's audit log is not sealed with this office's key (\(key.id)) but \(keyId.map { "with \($0)" } ?? "without a key")")]
        }
        return try AuditLog.verify(db, mac: key.mac).map { [$0.message] } ?? []
    }

    /// When the backup has a manifest, the copy must be the one it describes.
    private static func manifestProblems(_ path: String, db: Database) throws -> [Localized] {
        guard let manifest = try BackupManifest.read(forBackup: path) else { return [] }
        var found: [Localized] = []
        if try AttachmentFiles(databasePath: path).hash(path).sha256 != manifest.sha256 {
            found.append(Localized(zh: "备份文件与其清单的 SHA-256 不符（备份后被改动）", en: "the backup file does not match its manifest's SHA-256 (changed after the backup)"))
        }
        if try AuditLog.head(db) != manifest.auditHead {
            found.append(Localized(zh: "备份的审计链头与清单不符", en: "the backup's audit head does not match its manifest"))
        }
        return found
    }

    /// Replaces the live content with the backup at `path` after verifying it. The current
    /// content is first saved next to the database; returns that file's path. The anchor then
    /// names the restored head (``AuditAnchor``).
    package static func restore(_ store: Store, from path: String, stamp: String) throws -> String {
        let problems = try problems(inBackup: path, for: store)
        guard problems.isEmpty else {
            throw Refusal(.storage, code: "restore.badBackup", Localized(
                zh: "备份 \(path) 未通过校验，未恢复：" + problems.map(\.zh).joined(separator: "；"),
                en: "the backup \(path) failed verification and was not restored: " + problems.map(\.en).joined(separator: "; ")))
        }
        // 2026-03-02T09:00:05+08:00 → 20260302-090005
        let digits = stamp.prefix(19).filter { $0.isNumber }
        let safeStamp = digits.prefix(8) + "-" + digits.dropFirst(8)
        let keep = store.path + ".before-restore-" + safeStamp
        try backup(store, to: keep, takenAt: stamp)
        var config = Configuration()
        config.readonly = true
        do {
            let (writer, _) = try store.writableState()
            let source = try DatabaseQueue(path: path, configuration: config)
            try source.backup(to: writer)
            try source.close()
            try Schema.migrator.migrate(writer)
            if let head = try store.read(AuditLog.head) {
                try AuditAnchor.record(head, at: AuditAnchor.path(forDatabase: store.path), mode: Store.fileMode(for: store.path))
            }
        } catch let error as DatabaseError {
            throw StoreError.refusal(for: error, path: store.path)
        }
        return keep
    }
}
