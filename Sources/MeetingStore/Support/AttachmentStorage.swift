import Foundation
import MeetingKit

/// Where an office keeps the bytes of its attached files (issue 21).
///
/// A SQLite office keeps them in the attachments directory beside its file
/// (``AttachmentFiles``), backed up with it. An office on PostgreSQL keeps them in the database
/// (`attachment_content`, one row per content, keyed by its SHA-256): several front-end
/// servers on one database then read the same copy, a copy commits or rolls back with its
/// record, and the cluster's own backups and replication carry it (docs/architecture.md).
package enum AttachmentStorage: Sendable {
    case files(AttachmentFiles)
    /// In the database `location` names (for messages and ``path(of:)``).
    case database(location: String)

    package init(_ store: Store) {
        switch store.engine {
        case .sqlite: self = .files(AttachmentFiles(databasePath: store.path))
        case .postgresql: self = .database(location: store.path)
        }
    }

    /// Prepares the copy of `content`, before the change that records it: a file is written
    /// now (it cannot join the transaction), the database's copy in ``record(_:sha256:in:)``.
    /// Its SHA-256 and size, and whether this call created a file.
    func prepare(_ content: Data, name: String) throws -> (sha256: String, size: Int64, created: Bool) {
        switch self {
        case .files(let files):
            return try files.store(content, name: name)
        case .database:
            try Attachment.checkSize(Int64(content.count))
            return (SHA256.hex(bytes: Array(content)), Int64(content.count), false)
        }
    }

    /// Writes the database's copy in the change's transaction (identical content is kept once).
    func record(_ content: Data, sha256: String, in db: any SQLConnection) throws {
        guard case .database = self else { return }
        try db.exec("INSERT INTO attachment_content (sha256, content) VALUES (?, ?) ON CONFLICT (sha256) DO NOTHING", sha256, content)
    }

    /// Removes a file this process just made when its record could not be written.
    func discard(sha256: String, name: String) {
        if case .files(let files) = self { files.remove(sha256: sha256, name: name) }
    }

    /// Where the copy is: a file's full path, or the row of the database that holds it.
    package func path(of attachment: Attachment) -> String {
        switch self {
        case .files(let files): files.path(of: attachment)
        case .database(let location): location + "#attachment_content/" + attachment.sha256
        }
    }

    /// The copy's state: missing, or changed (checked by size, and with `content` by SHA-256).
    func status(of attachment: Attachment, content: Bool, in db: any SQLConnection) throws -> AttachmentStatus {
        switch self {
        case .files(let files):
            return files.status(of: attachment, content: content)
        case .database:
            guard content else {
                guard let size = try db.value(Int64.self, "SELECT length(content) FROM attachment_content WHERE sha256 = ?",
                                              attachment.sha256) else { return .missing }
                return size == attachment.size ? .ok : .changed
            }
            return AttachmentStorage.status(of: try self.content(of: attachment, in: db), for: attachment)
        }
    }

    /// The state of bytes read back: intact when their size and SHA-256 are the recorded ones.
    static func status(of bytes: Data?, for attachment: Attachment) -> AttachmentStatus {
        guard let bytes else { return .missing }
        return Int64(bytes.count) == attachment.size && SHA256.hex(bytes: Array(bytes)) == attachment.sha256 ? .ok : .changed
    }

    /// The copy's bytes as stored (unchecked), nil when there is none.
    func content(of attachment: Attachment, in db: any SQLConnection) throws -> Data? {
        switch self {
        case .files(let files): FileManager.default.contents(atPath: files.path(of: attachment))
        case .database: try db.value(Data.self, "SELECT content FROM attachment_content WHERE sha256 = ?", attachment.sha256)
        }
    }
}
