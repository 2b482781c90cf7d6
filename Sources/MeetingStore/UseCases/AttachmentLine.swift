import MeetingKit

/// An attachment as lists show it: where its copy is, whether the copy is intact, who added it.
public struct AttachmentLine: Hashable, Sendable, Codable {
    public var attachment: Attachment
    /// The copy's full path.
    public var path: String
    public var status: AttachmentStatus
    public var addedByName: String
    /// The title of the item or minutes it belongs to.
    public var ownerTitle: String
}

extension AttachmentLine {
    /// Refuses a copy that went missing or changed since it was attached.
    public func requireIntact() throws {
        let id = attachment.id ?? 0
        switch status {
        case .ok: return
        case .missing:
            throw Refusal.notFound("attachment.missing", "附件 #\(id) 的文件缺失", "the copy of attachment #\(id) is missing")
        case .changed:
            throw Refusal.conflict("attachment.changed", "附件 #\(id) 的文件已被改动（SHA-256 不符）",
                                   "the copy of attachment #\(id) changed since it was attached (SHA-256 differs)")
        }
    }
}
