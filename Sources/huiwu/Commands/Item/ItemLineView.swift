import MeetingKit

/// One line of `huiwu item list`.
struct ItemLineView: Encodable {
    var id: Int64
    var title: String
    var state: AgendaState
    var lead: String
    var related: [String]
    var major: Bool
    var category: Int?
    var flagged: Bool
    var meeting: Int64?
    /// Place and planned minutes on the agenda, when listing one meeting's items.
    var position: Int?
    var plannedMinutes: Int?

    init(_ item: AgendaItem) {
        id = item.id ?? 0
        title = item.title
        state = item.state
        lead = item.leadCode
        related = item.relatedCodes
        major = item.major
        category = item.category?.rawValue
        flagged = item.isFlagged
        meeting = item.meetingId
    }
}
