import Foundation
import GRDB
import MeetingKit

/// Finding the office's audit key when a store opens, and keying a legacy log.
///
/// The database names its key (setting `audit.keyId`, the key's identity); the key file
/// beside it must be that key. A key file appears beside a database only after the database
/// committed its identity (``AuditKey/pendingPath(forDatabase:)``), so a key file beside a
/// log that names no key means the log was replaced or re-hashed without the key: refused,
/// never silently keyed again.
extension AuditKey {
    /// The setting that names the key of a keyed log.
    static let settingName = "audit.keyId"
    /// The refusal code of a legacy chain too broken to be keyed.
    static let legacyBrokenCode = "audit.legacyBroken"
}

extension AuditKey {
    /// The log names a key whose file is not beside the database.
    static func missing(_ keyId: String, databasePath: String) -> Refusal {
        let keyPath = path(forDatabase: databasePath)
        return Refusal(.storage, code: "audit.keyMissing", Localized(
            zh: "\(databasePath) 的审计日志用密钥 \(keyId) 封存，但密钥文件 \(keyPath) 不存在；未作任何修改。请从备份恢复密钥文件（docs/admin.md）",
            en: "the audit log of \(databasePath) is sealed with the key \(keyId), but the key file \(keyPath) is missing; nothing was changed. Restore the key file from the backup (docs/admin.md)"))
    }
}

extension Store {
    /// The identity of the key the log names (setting `audit.keyId`; nil for a legacy or new log).
    func storedAuditKeyId() throws -> String? {
        try read { try OrgRepository.setting($0, AuditKey.settingName) }
    }

    /// Adopts the key the log names (`keyId`), or, for a legacy log and when `upgradeNow`,
    /// keys it: the old chain is verified as plain SHA-256, re-sealed with a new key and an
    /// `audit.rekey` event naming the legacy head is appended, all in one transaction.
    func resolveAuditKey(keyId: String?, upgradeNow: Bool) throws {
        let keyPath = AuditKey.path(forDatabase: path)
        if let keyId {
            var loaded = try AuditKey.load(at: keyPath)
            if loaded == nil {
                finishInterruptedKeying(keyId: keyId)
                loaded = try AuditKey.load(at: keyPath)
            }
            guard let key = loaded else { throw AuditKey.missing(keyId, databasePath: path) }
            guard key.id == keyId else {
                throw Refusal(.storage, code: "audit.keyMismatch", Localized(
                    zh: "\(path) 的审计日志用密钥 \(keyId) 封存，但 \(keyPath) 是另一把密钥（\(key.id)）；未作任何修改。请放回本办公室的密钥文件（docs/admin.md）",
                    en: "the audit log of \(path) is sealed with the key \(keyId), but \(keyPath) is another key (\(key.id)); nothing was changed. Put this office's key file back (docs/admin.md)"))
            }
            adopt(key)
            return
        }
        if FileManager.default.fileExists(atPath: keyPath) {
            throw Refusal(.storage, code: "audit.notKeyed", Localized(
                zh: "\(path) 的审计日志未用密钥封存，但密钥文件 \(keyPath) 存在：日志被不持有密钥者重写，或用旧数据库替换了本办公室的数据库。未作任何修改；请用 huiwu restore 恢复备份",
                en: "the audit log of \(path) is not sealed with a key, but the key file \(keyPath) exists: the log was rewritten without the key, or an older database replaced this office's. Nothing was changed; restore a backup with huiwu restore"))
        }
        if upgradeNow { try keyLegacyLog() }
    }

    /// Keys a legacy (or new, empty) log with a new random key.
    private func keyLegacyLog() throws {
        let keyPath = AuditKey.path(forDatabase: path)
        let pending = AuditKey.pendingPath(forDatabase: path) + "-\(getpid())"
        try? FileManager.default.removeItem(atPath: pending)
        let key = try AuditKey.create(at: pending, mode: Store.fileMode(for: path) & 0o640)
        var keyedByOther: String?
        var head: AuditHead?
        do {
            try write(writer: writer) { db in
                if let other = try OrgRepository.setting(db, AuditKey.settingName) {
                    keyedByOther = other
                    return
                }
                if let broken = try AuditLog.verify(db, mac: AuditChain.plainSHA256) {
                    throw Refusal(.storage, code: AuditKey.legacyBrokenCode, Localized(
                        zh: "旧审计链（未加密钥）已断开，不会用密钥重新封存：" + broken.message.zh + "。请运行 huiwu doctor，并从备份恢复",
                        en: "the legacy (unkeyed) audit chain is broken and will not be sealed with a key: " + broken.message.en + ". Run huiwu doctor and restore a backup"))
                }
                let legacyHead = try AuditLog.head(db)
                try AuditLog.rechain(db, mac: key.mac)
                try OrgRepository.setSetting(db, AuditKey.settingName, key.id)
                if let legacyHead {
                    let user = FileAccess.processUser
                    try AuditLog.append(db, mac: key.mac, at: Clock.system.timestamp, osUser: user, actor: user, onBehalfOf: nil,
                                        action: "audit.rekey", entity: "audit", entityId: key.id,
                                        before: AuditSummary.of(["legacyHeadSeq": String(legacyHead.seq), "legacyHeadHash": legacyHead.mac]),
                                        after: AuditSummary.of(["keyId": key.id, "algorithm": "HMAC-SHA256"]))
                }
                head = try AuditLog.head(db)
            }
        } catch {
            unlink(pending)
            throw error
        }
        if let keyedByOther {
            unlink(pending)
            return try resolveAuditKey(keyId: keyedByOther, upgradeNow: false)
        }
        if rename(pending, keyPath) != 0 { finishInterruptedKeying(keyId: key.id) }
        FileAccess.syncDirectory(of: keyPath)
        adopt(key)
        if let head { try? AuditAnchor.record(head, at: AuditAnchor.path(forDatabase: path), mode: Store.fileMode(for: path)) }
    }

    /// Renames the pending key file of a keying that committed but was interrupted before
    /// the rename (or that another process is finishing now).
    private func finishInterruptedKeying(keyId: String) {
        let keyPath = AuditKey.path(forDatabase: path)
        let dir = (path as NSString).deletingLastPathComponent
        let prefix = (AuditKey.pendingPath(forDatabase: path) as NSString).lastPathComponent + "-"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: dir.isEmpty ? "." : dir)) ?? [] where name.hasPrefix(prefix) {
            let candidate = (dir.isEmpty ? "" : dir + "/") + name
            if (try? AuditKey.load(at: candidate))??.id == keyId, rename(candidate, keyPath) == 0 { return }
        }
    }

    /// One IMMEDIATE transaction on `writer`, retried when busy, with storage errors in plain words.
    private func write(writer: any DatabaseWriter, _ body: (Database) throws -> Void) throws {
        do {
            try Store.retryingBusy { try writer.write(body) }
        } catch let error as DatabaseError {
            throw StoreError.refusal(for: error, path: path)
        }
    }
}
