import Foundation
import MeetingKit

/// The result of checking the audit log: the chain under the office's key, and the head
/// recorded outside the database. Says which key was used, so an administrator knows what
/// the verdict rests on (`huiwu audit verify`, `huiwu doctor`).
public struct AuditVerification: Sendable, Codable {
    public var events: Int
    /// The first break, nil when the chain is intact and still holds the anchored head.
    public var firstBreak: AuditChain.Break?
    public var keyPath: String
    /// The identity of the key used; nil for a legacy chain checked as plain SHA-256.
    public var keyId: String?
    /// The head recorded outside the database, and where.
    public var anchor: AuditHead?
    public var anchorPath: String

    /// "verified with key PATH (id …)", or that the chain is a legacy one.
    public var keyLine: Localized {
        guard let keyId else {
            return Localized(zh: "旧式审计链（SHA-256，未加密钥），有写权限的用户下次写入时将用密钥 \(keyPath) 封存",
                             en: "legacy audit chain (plain SHA-256, no key); it is sealed with the key \(keyPath) at the next write by a user who may write")
        }
        return Localized(zh: "用密钥 \(keyPath)（标识 \(keyId)）校验", en: "verified with key \(keyPath) (id \(keyId))")
    }

    /// The anchored head, or that none is recorded yet.
    public var anchorLine: Localized {
        guard let anchor else { return Localized(zh: "尚无链头记录 \(anchorPath)", en: "no head recorded yet at \(anchorPath)") }
        return Localized(zh: "链头记录 \(anchorPath)：#\(anchor.seq)", en: "head recorded at \(anchorPath): #\(anchor.seq)")
    }

    /// Checks the log of the database at `databasePath` read through `db`, with `key` (nil
    /// when the process has none: a legacy log, or a key this user may not read).
    static func run(_ db: any SQLConnection, databasePath: String, key: AuditKey?) throws -> AuditVerification {
        try run(db, databasePath: databasePath, keyPath: AuditKey.path(forDatabase: databasePath),
                anchorPath: AuditAnchor.path(forDatabase: databasePath), key: key)
    }

    /// The same, with the key and the anchor where `store` keeps them (beside a file, or in
    /// the state directory of an office on PostgreSQL).
    static func run(_ db: any SQLConnection, store: Store) throws -> AuditVerification {
        try run(db, databasePath: store.path, keyPath: store.auditKeyPath, anchorPath: store.auditAnchorPath, key: store.auditKey)
    }

    static func run(_ db: any SQLConnection, databasePath: String, keyPath: String, anchorPath: String, key: AuditKey?) throws -> AuditVerification {
        let keyId = try OrgRepository.setting(db, AuditKey.settingName)
        if let keyId, key == nil, !FileManager.default.fileExists(atPath: keyPath) { throw AuditKey.missing(keyId, databasePath: databasePath, keyPath: keyPath) }
        if let keyId, key?.id != keyId {
            throw Refusal(.storage, code: "audit.keyUnavailable", Localized(
                zh: "审计日志用密钥 \(keyId) 封存，但本进程无法读取 \(keyPath)（\(FileAccess.describe(keyPath).zh)）；请由服务账户或管理员校验",
                en: "the audit log is sealed with the key \(keyId), but this process cannot read \(keyPath) (\(FileAccess.describe(keyPath).en)); verify as the service account or an administrator"))
        }
        let anchor = try AuditAnchor.read(anchorPath)
        let mac = key.map(\.mac) ?? AuditChain.plainSHA256
        return AuditVerification(events: try AuditLog.count(db), firstBreak: try AuditLog.verify(db, mac: mac, anchored: anchor),
                                 keyPath: keyPath, keyId: keyId, anchor: anchor, anchorPath: anchorPath)
    }
}
