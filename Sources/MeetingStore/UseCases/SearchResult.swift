import MeetingKit

/// One found text: which record it belongs to, the record's title, and an excerpt with the
/// matches marked.
public struct SearchResult: Hashable, Sendable, Codable {
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
    /// The bm25 score (lower is better), or bm25's formula with equal word weights when a
    /// word was too common for bm25 to be cheap (see `SearchRepository`).
    public var score: Double
}
