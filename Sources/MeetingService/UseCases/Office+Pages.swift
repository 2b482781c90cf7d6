import MeetingKit
import MeetingStore

extension Office {
    public func itemPage(state: AgendaState? = nil, department: String? = nil, meeting: Int64? = nil, before: Int64? = nil, limit: Int) throws -> ItemPage {
        try run(ItemPageCall(state: state, department: department, meeting: meeting, before: before, limit: limit))
    }
}

struct ItemPageCall: UseCase {
    static let name = "itemPage"
    var state: AgendaState?
    var department: String?
    var meeting: Int64?
    var before: Int64?
    var limit: Int
    func run(in session: Session) throws -> ItemPage { try session.itemPage(state: state, department: department, meeting: meeting, before: before, limit: limit) }
}
