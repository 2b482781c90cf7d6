import Foundation
import MeetingKit
import MeetingStore

extension Office {
    /// Attaches the file at `path`: this process reads it (as the user) and sends its content;
    /// the office never opens a path a user names.
    @discardableResult
    public func attach(file path: String, to owner: Attachment.Owner) throws -> Attachment {
        try run(AttachCall(fileName: (path as NSString).lastPathComponent, content: try AttachmentFiles.read(path), owner: owner))
    }

    /// A file this user can open holding attachment `id`, its copy checked first: the office's
    /// own copy in embedded mode; in server mode a private copy fetched through the socket
    /// into `cacheDirectory` (the server's files are the service account's alone).
    public func localCopy(ofAttachment id: Int64, cacheDirectory: String) throws -> String {
        let line = try attachment(id)
        try line.requireIntact()
        if case .embedded(let database) = location, !PostgresURL.isURL(database) { return line.path }  // PostgreSQL: bytes in the database
        let directory = cacheDirectory + "/" + String(line.attachment.sha256.prefix(16))
        let path = directory + "/" + line.attachment.name
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
            guard FileManager.default.createFile(atPath: path, contents: try attachmentContent(id),
                                                 attributes: [.posixPermissions: 0o600]) else { throw CocoaError(.fileWriteUnknown) }
        } catch let refusal as Refusal {
            throw refusal
        } catch {
            throw Refusal(.storage, code: "attachment.cache", Localized(zh: "无法写入 \(path)", en: "cannot write \(path)"))
        }
        return path
    }

    /// The content of an attachment the acting person may see, its copy checked first.
    public func attachmentContent(_ id: Int64) throws -> Data {
        try run(AttachmentContentCall(id: id))
    }

    public func attachments(of owner: Attachment.Owner, content: Bool = true) throws -> [AttachmentLine] {
        try run(AttachmentsCall(owner: owner, content: content))
    }

    public func attachment(_ id: Int64, content: Bool = true) throws -> AttachmentLine {
        try run(AttachmentCall(id: id, content: content))
    }

    public func verifyAttachments() throws -> [AttachmentLine] {
        try run(VerifyAttachmentsCall())
    }
}

struct AttachmentsCall: UseCase {
    static let name = "attachments"
    var owner: Attachment.Owner
    var content: Bool
    func run(in session: Session) throws -> [AttachmentLine] { try session.attachments(of: owner, content: content) }
}

struct AttachmentCall: UseCase {
    static let name = "attachment"
    var id: Int64
    var content: Bool
    func run(in session: Session) throws -> AttachmentLine { try session.attachment(id, content: content) }
}

struct VerifyAttachmentsCall: UseCase {
    static let name = "verifyAttachments"
    func run(in session: Session) throws -> [AttachmentLine] { try session.verifyAttachments() }
}

struct AttachCall: UseCase {
    static let name = "attach"
    var fileName: String
    var content: Data
    var owner: Attachment.Owner
    func run(in session: Session) throws -> Attachment { try session.attach(name: fileName, content: content, to: owner) }
}

struct AttachmentContentCall: UseCase {
    static let name = "attachmentContent"
    var id: Int64
    func run(in session: Session) throws -> Data { try session.attachmentContent(id) }
}
