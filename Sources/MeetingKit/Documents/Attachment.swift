import Foundation

/// A file attached to an agenda item or a minutes document: a copy kept in the data
/// directory, with the SHA-256 of its content recorded when it was attached, so a file
/// that went missing or changed afterwards is noticed.
///
/// Attachments are never changed: a new version is a new attachment. Signed minutes take
/// none (R43: they are immutable; attach to the correction instead), and the attachments of
/// classified minutes are seen only by those who may read the body (R48).
public struct Attachment: Hashable, Sendable, Codable {
    /// What a file is attached to.
    public enum Owner: Hashable, Sendable, Codable {
        case item(Int64)
        case minutes(Int64)
    }

    /// Row id; nil until stored.
    public var id: Int64?
    public var itemId: Int64?
    public var minutesId: Int64?
    /// The file's name as it was attached (its last path component).
    public var name: String
    /// Where the copy is, relative to the attachments directory: `<sha256 prefix>/<name>`.
    public var storedPath: String
    /// SHA-256 of the content, 64 lower-case hex digits.
    public var sha256: String
    /// Size in bytes.
    public var size: Int64
    public var addedBy: String
    public var addedAt: LocalDateTime

    public init(id: Int64? = nil, owner: Owner, name: String, sha256: String, size: Int64, addedBy: String, addedAt: LocalDateTime) {
        self.id = id
        switch owner {
        case .item(let id): itemId = id
        case .minutes(let id): minutesId = id
        }
        self.name = name
        storedPath = Attachment.storedPath(sha256: sha256, name: name)
        self.sha256 = sha256
        self.size = size
        self.addedBy = addedBy
        self.addedAt = addedAt
    }

    public var owner: Owner { minutesId.map(Owner.minutes) ?? .item(itemId ?? 0) }

    /// Files up to 32 MiB (scans, spreadsheets, presentations). In server mode a file travels
    /// to the server in one message; the limit bounds what one client can make it hold.
    public static let maxSize: Int64 = 32 * 1024 * 1024

    /// Refuses content larger than ``maxSize``.
    public static func checkSize(_ size: Int64) throws {
        guard size <= maxSize else {
            throw Refusal.invalid("attachment.tooLarge", "文件过大：超过 \(sizeText(maxSize))",
                                  "the file is too large: more than \(sizeText(maxSize))")
        }
    }

    /// The copy's place: a directory per content (the first 16 hex digits of its SHA-256),
    /// the original name inside, so the same file attached twice is stored once.
    public static func storedPath(sha256: String, name: String) -> String { String(sha256.prefix(16)) + "/" + name }

    /// Refuses a name that cannot be a plain file name in the attachments directory.
    public static func check(name: String) throws {
        if name.isEmpty || name == "." || name == ".." || name.contains("/") {
            throw Refusal.invalid("attachment.badName", "“\(TextSafety.inert(name))” 不是有效的文件名", "'\(TextSafety.inert(name))' is not a valid file name")
        }
        if !TextSafety.isClean(name) {
            throw Refusal.invalid("attachment.controlCharacters", "文件名含有控制字符或转义序列：\(TextSafety.inert(name))",
                                  "the file name contains control characters or escape sequences: \(TextSafety.inert(name))")
        }
        if name.utf8.count > 255 {
            throw Refusal.invalid("attachment.nameTooLong", "文件名过长：\(name.utf8.count) 字节，上限 255",
                                  "the file name is too long: \(name.utf8.count) bytes, at most 255")
        }
    }

    /// "1.2 MB", "340 KB", "12 B".
    public static func sizeText(_ bytes: Int64) -> String {
        if bytes >= 1024 * 1024 { return String(format: "%.1f MB", Double(bytes) / 1_048_576) }
        if bytes >= 1024 { return "\((bytes + 512) / 1024) KB" }
        return "\(bytes) B"
    }
}

/// Whether an attachment's copy is still what was attached.
public enum AttachmentStatus: String, Hashable, Sendable, Codable {
    /// Present, and its content has the recorded SHA-256 (or, when only checked quickly, its size).
    case ok
    /// The copy is gone.
    case missing
    /// The copy's content differs from what was attached.
    case changed

    public var name: Localized {
        switch self {
        case .ok: return Localized(zh: "完好", en: "ok")
        case .missing: return Localized(zh: "文件缺失", en: "MISSING")
        case .changed: return Localized(zh: "文件已被改动", en: "CHANGED")
        }
    }
}
