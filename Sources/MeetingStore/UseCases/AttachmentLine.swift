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
