/// What a search result is: the five kinds of record whose text is searchable.
///
/// Each searchable text has a fixed place in the full-text index, its *document id*:
/// `kind << 40 | record id << 3 | field`. The kind in the high bits lets a search ask for
/// one kind's newest matches with a rowid range (cheap in FTS5), and the fixed id lets the
/// triggers that keep the index in sync replace exactly one document when a record changes.
public enum SearchKind: String, CaseIterable, Sendable, Codable, Hashable {
    /// A meeting's numbered title (第12次区政府常务会议：…).
    case meeting
    /// An agenda item's title, summary or decision.
    case item
    /// A department's written opinion: its reasons (R41).
    case opinion
    /// The lead department's statement of an unresolved disagreement (R41, R45(3)).
    case statement
    /// A minutes document's title and body (R43; classified bodies only for their readers, R48).
    case minutes

    /// The kind's number in the high bits of a document id (stable: stored in the index).
    public var code: Int64 {
        switch self {
        case .meeting: return 1
        case .item: return 2
        case .opinion: return 3
        case .statement: return 4
        case .minutes: return 5
        }
    }

    public var name: Localized {
        switch self {
        case .meeting: return Localized(zh: "会议", en: "meeting")
        case .item: return Localized(zh: "议题", en: "item")
        case .opinion: return Localized(zh: "部门意见", en: "opinion")
        case .statement: return Localized(zh: "分歧说明", en: "statement")
        case .minutes: return Localized(zh: "纪要", en: "minutes")
        }
    }

    /// The smallest and largest document id of this kind.
    public var documentRange: ClosedRange<Int64> { (code << 40)...((code + 1) << 40 - 1) }
}

/// Which text of a record a document holds.
public enum SearchField: String, CaseIterable, Sendable, Codable, Hashable {
    case title
    case summary
    case decision
    case reason
    case statement
    case body

    /// The field's number in the low three bits of a document id (stable: stored in the index).
    public var code: Int64 {
        switch self {
        case .title: return 0
        case .summary: return 1
        case .decision: return 2
        case .reason: return 3
        case .statement: return 4
        case .body: return 5
        }
    }

    public var name: Localized {
        switch self {
        case .title: return Localized(zh: "标题", en: "title")
        case .summary: return Localized(zh: "摘要", en: "summary")
        case .decision: return Localized(zh: "决定", en: "decision")
        case .reason: return Localized(zh: "理由", en: "reasons")
        case .statement: return Localized(zh: "分歧说明", en: "statement")
        case .body: return Localized(zh: "正文", en: "body")
        }
    }
}

/// A place in the full-text index: which record, which of its texts.
public struct SearchDocument: Hashable, Sendable {
    public var kind: SearchKind
    /// The record's id: the meeting, item, opinion, item (for a statement) or minutes.
    public var recordId: Int64
    public var field: SearchField

    public init(kind: SearchKind, recordId: Int64, field: SearchField) {
        self.kind = kind
        self.recordId = recordId
        self.field = field
    }

    /// The index rowid: `kind << 40 | record id << 3 | field`.
    public var id: Int64 { kind.code << 40 | recordId << 3 | field.code }

    /// Decodes an index rowid; nil for one this version does not know.
    public init?(id: Int64) {
        guard let kind = SearchKind.allCases.first(where: { $0.code == id >> 40 }),
              let field = SearchField.allCases.first(where: { $0.code == id & 0b111 }) else { return nil }
        self.init(kind: kind, recordId: (id >> 3) & (1 << 37 - 1), field: field)
    }
}
