import Foundation
import MeetingKit

/// What a backup was when it was taken, written next to it (`<backup>.manifest.json`):
/// the audit chain's head (the anchor travels with the backup), the key it is sealed with,
/// the copy's SHA-256 and its schema version. `restore` checks a backup against its manifest
/// when there is one; an administrator can compare heads without opening the copy.
public struct BackupManifest: Codable, Sendable, Equatable {
    /// The backup file's name (in the same directory as the manifest).
    public var file: String
    /// SHA-256 of the backup file.
    public var sha256: String
    /// The newest audit event in the backup (nil for an empty log).
    public var auditHead: AuditHead?
    /// The identity of the key the backup's audit chain is sealed with.
    public var auditKeyId: String?
    /// The schema version (the newest migration's number) and the migrations applied.
    public var schemaVersion: Int
    /// When the backup was taken (Beijing time).
    public var takenAt: String

    public static func path(forBackup backupPath: String) -> String { backupPath + ".manifest.json" }

    /// The manifest next to `backupPath`; nil when there is none.
    static func read(forBackup backupPath: String) throws -> BackupManifest? {
        guard let data = FileManager.default.contents(atPath: path(forBackup: backupPath)) else { return nil }
        guard let manifest = try? JSONDecoder().decode(BackupManifest.self, from: data) else {
            throw Refusal.invalid("backup.badManifest", "备份清单 \(path(forBackup: backupPath)) 无法读取",
                                  "the backup manifest \(path(forBackup: backupPath)) cannot be read")
        }
        return manifest
    }

    func write(forBackup backupPath: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        try FileAccess.writeNew(try encoder.encode(self) + Data("\n".utf8), to: BackupManifest.path(forBackup: backupPath), mode: 0o600)
    }
}
