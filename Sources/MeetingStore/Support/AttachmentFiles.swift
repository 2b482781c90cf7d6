import Foundation
import MeetingKit

/// The attached files' copies, in `attachments/` next to the database file.
///
/// Private like the database: directories 0700 and files 0600, or, when the database lives
/// in a shared setgid group directory (docs/deployment.md), 2770 and 0660 so the office's
/// group can read them. Content is read and hashed in one streaming pass; a copy is written
/// under a temporary name and renamed into place, so a half-copied file never shows.
public struct AttachmentFiles: Sendable {
    /// The attachments directory.
    public let root: String
    /// Whether the database's directory is a shared (setgid) group directory.
    let shared: Bool

    public init(databasePath: String) {
        let dir = (databasePath as NSString).deletingLastPathComponent
        root = (dir.isEmpty ? "." : dir) + "/attachments"
        shared = (try? FileManager.default.attributesOfItem(atPath: dir.isEmpty ? "." : dir)[.posixPermissions] as? Int)
            .map { $0 & 0o2000 != 0 } ?? false
    }

    public func path(of attachment: Attachment) -> String { root + "/" + attachment.storedPath }

    /// The content of the file at `source`, read by the user's own process (in server mode,
    /// the client's: the server never opens a path a user names). At most ``Attachment/maxSize``.
    public static func read(_ source: String) throws -> Data {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: source, isDirectory: &isDirectory) else {
            throw Refusal.notFound("attachment.noFile", "没有文件 \(TextSafety.inert(source))", "there is no file \(TextSafety.inert(source))")
        }
        guard !isDirectory.boolValue else {
            throw Refusal.invalid("attachment.isDirectory", "\(TextSafety.inert(source)) 是目录，只能附加文件",
                                  "\(TextSafety.inert(source)) is a directory; only files can be attached")
        }
        guard let input = FileHandle(forReadingAtPath: source) else {
            throw Refusal.invalid("attachment.unreadable", "无法读取 \(TextSafety.inert(source))（权限不足？）",
                                  "cannot read \(TextSafety.inert(source)) (permissions?)")
        }
        defer { try? input.close() }
        var content = Data()
        while let chunk = try input.read(upToCount: 1 << 16), !chunk.isEmpty {
            content.append(chunk)
            try Attachment.checkSize(Int64(content.count))
        }
        return content
    }

    /// A copy of `content` in the attachments directory: its place, SHA-256 and size, and
    /// whether this call created it (an identical file attached before is reused).
    func store(_ content: Data, name: String) throws -> (sha256: String, size: Int64, created: Bool) {
        let fm = FileManager.default
        try Attachment.checkSize(Int64(content.count))
        try makeDirectory(root)
        let temporary = root + "/.incoming-" + UUID().uuidString
        guard fm.createFile(atPath: temporary, contents: nil, attributes: [.posixPermissions: fileMode]),
              let output = FileHandle(forWritingAtPath: temporary) else {
            throw Refusal(.storage, code: "attachment.write", Localized(zh: "无法写入 \(root)", en: "cannot write to \(root)"))
        }
        var hasher = SHA256.Hasher256()
        do {
            defer { try? output.close() }
            hasher.update(Array(content))
            try output.write(contentsOf: content)
            try output.synchronize()
        } catch {
            try? fm.removeItem(atPath: temporary)
            throw Refusal(.storage, code: "attachment.write", Localized(zh: "复制文件失败：\(error.localizedDescription)",
                                                                         en: "copying the file failed: \(error.localizedDescription)"))
        }
        chmod(temporary, mode_t(fileMode))  // the umask may have removed bits
        let sha256 = hasher.finalizeHex()
        let size = Int64(content.count)
        let stored = Attachment.storedPath(sha256: sha256, name: name)
        let final = root + "/" + stored
        if fm.fileExists(atPath: final) {
            try? fm.removeItem(atPath: temporary)
            guard (try? hash(final))?.sha256 == sha256 else {
                throw Refusal.conflict("attachment.occupied", "附件目录中已有不同内容的 \(stored)，请运行 huiwu attach verify",
                                       "the attachments directory already holds a different \(stored); run huiwu attach verify")
            }
            return (sha256, size, false)
        }
        try makeDirectory((final as NSString).deletingLastPathComponent)
        guard rename(temporary, final) == 0 else {
            try? fm.removeItem(atPath: temporary)
            throw Refusal(.storage, code: "attachment.write", Localized(zh: "无法写入 \(final)", en: "cannot write \(final)"))
        }
        return (sha256, size, true)
    }

    /// Removes a copy this process just made when its row could not be written.
    func remove(sha256: String, name: String) {
        let final = root + "/" + Attachment.storedPath(sha256: sha256, name: name)
        try? FileManager.default.removeItem(atPath: final)
        rmdir((final as NSString).deletingLastPathComponent)  // only when empty: other names may share it
    }

    /// The copy's state: missing, or changed (checked by size, and with `content` by SHA-256).
    public func status(of attachment: Attachment, content: Bool) -> AttachmentStatus {
        let path = self.path(of: attachment)
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              attributes[.type] as? FileAttributeType == .typeRegular else { return .missing }
        if (attributes[.size] as? NSNumber)?.int64Value != attachment.size { return .changed }
        guard content else { return .ok }
        guard let actual = try? hash(path) else { return .missing }
        return actual.sha256 == attachment.sha256 ? .ok : .changed
    }

    /// SHA-256 and size of a file, read in 64 KiB chunks.
    func hash(_ path: String) throws -> (sha256: String, size: Int64) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw Refusal.notFound("attachment.noFile", "没有文件 \(path)", "there is no file \(path)")
        }
        defer { try? handle.close() }
        var hasher = SHA256.Hasher256()
        var size: Int64 = 0
        while let chunk = try handle.read(upToCount: 1 << 16), !chunk.isEmpty {
            size += Int64(chunk.count)
            hasher.update(Array(chunk))
        }
        return (hasher.finalizeHex(), size)
    }

    private var fileMode: Int { shared ? 0o660 : 0o600 }

    private func makeDirectory(_ path: String) throws {
        guard !FileManager.default.fileExists(atPath: path) else { return }
        let mode = shared ? 0o2770 : 0o700
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: mode])
            chmod(path, mode_t(mode))  // the umask may have removed bits, and setgid is not set by mkdir's mode
        } catch {
            throw Refusal(.storage, code: "attachment.mkdir", Localized(zh: "无法创建目录 \(path)：\(error.localizedDescription)",
                                                                         en: "cannot create directory \(path): \(error.localizedDescription)"))
        }
    }
}
