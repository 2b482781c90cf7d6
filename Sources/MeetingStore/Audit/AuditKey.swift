import Crypto
import Foundation
import MeetingKit

/// The office's secret for the audit chain: 32 random bytes in a file beside the database
/// (`<db>.auditkey`), readable only by the account that owns the office.
///
/// Each event's `hash` is HMAC-SHA256 under this key, so someone who can rewrite the
/// database file but cannot read the key cannot re-chain a rewritten log: a plain SHA-256
/// chain can be recomputed by anyone (docs/architecture.md, "The audit chain"). The key is
/// backed up with the database (docs/admin.md); without it the chain cannot be verified.
public struct AuditKey: Sendable {
    /// Where the key lives.
    public let path: String
    /// The key's public identity: the first 16 hex digits of SHA-256 of the key. It names the
    /// key in messages, backups' manifests and the database (setting `audit.keyId`) without
    /// revealing it.
    public let id: String
    /// The key's bytes (`SymmetricKey` is not `Sendable`; one is made for each MAC).
    private let bytes: Data

    init(path: String, bytes: Data) {
        self.path = path
        self.bytes = bytes
        id = String(AuditKey.hex(Crypto.SHA256.hash(data: bytes)).prefix(16))
    }

    /// HMAC-SHA256 of an event's chain text, in hex: the MAC the chain carries.
    public var mac: AuditMAC {
        let bytes = self.bytes
        return { text in
            AuditKey.hex(HMAC<Crypto.SHA256>.authenticationCode(for: Data(text.utf8), using: SymmetricKey(data: bytes)))
        }
    }

    /// `bytes` as lower-case hex digits: `String(format:)` took 1.6 M instructions for the key
    /// id's 32 bytes at every start, and every audited write formats a MAC.
    private static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The key file of the database at `databasePath`.
    public static func path(forDatabase databasePath: String) -> String { databasePath + ".auditkey" }

    /// The key file written while a log is being keyed: it becomes ``path(forDatabase:)`` only
    /// once the database committed the key's id, so a key file beside a database always
    /// belongs to a keyed chain (``Store`` relies on it to refuse a chain re-hashed without it).
    static func pendingPath(forDatabase databasePath: String) -> String { path(forDatabase: databasePath) + ".new" }

    /// Reads the key at `path`; nil when there is no such file.
    static func load(at path: String) throws -> AuditKey? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let bytes = FileManager.default.contents(atPath: path) else {
            throw Refusal(.storage, code: "audit.keyUnreadable", Localized(
                zh: "无法读取审计密钥 \(path)（\(FileAccess.describe(path).zh)）；请联系管理员",
                en: "cannot read the audit key \(path) (\(FileAccess.describe(path).en)); ask the administrator"))
        }
        guard bytes.count == 32 else {
            throw Refusal(.storage, code: "audit.keyMalformed", Localized(
                zh: "审计密钥 \(path) 应为 32 字节，实为 \(bytes.count) 字节；请从备份恢复密钥",
                en: "the audit key \(path) should hold 32 bytes, not \(bytes.count); restore the key from the backup"))
        }
        return AuditKey(path: path, bytes: bytes)
    }

    /// Writes this key to a new file at `path` (which must not exist): the key of an office
    /// copied to another database (``OfficeCopy``), whose chain it seals.
    func write(to path: String, mode: mode_t) throws {
        try FileAccess.writeNew(bytes, to: path, mode: mode)
    }

    /// Creates a new random key at `path` (which must not exist), with `mode` (0600, or 0640 in
    /// a shared group directory, where every member's process seals events).
    static func create(at path: String, mode: mode_t) throws -> AuditKey {
        var bytes = Data(count: 32)
        bytes.withUnsafeMutableBytes { buffer in
            var generator = SystemRandomNumberGenerator()
            for i in buffer.indices { buffer[i] = generator.next() }
        }
        try FileAccess.writeNew(bytes, to: path, mode: mode)
        return AuditKey(path: path, bytes: bytes)
    }
}
