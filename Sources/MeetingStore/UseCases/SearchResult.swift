import MeetingKit

/// One found text: which record it belongs to, the record's title, and an excerpt with the
/// matches marked.
public struct SearchResult: Hashable, Sendable {
    public var kind: SearchKind
    public var field: SearchField
    /// The record the text is in: the meeting, item, opinion, item (statement) or minutes.
    public var id: Int64
    /// What opens it: opinions and statements open their agenda item.
    public var ref: RecordRef
    /// The record's title (an opinion's and a statement's: their item's).
    public var title: Localized
    /// A short description: the meeting's day, the item's state, the department, the number.
    public var detail: Localized
    public var snippet: SearchSnippet
    /// bm25 when the index ranked it (lower is better); nil when a common short word was
    /// found by scanning (then shorter texts came first).
    public var score: Double?
}
