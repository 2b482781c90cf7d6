import MeetingKit
import MeetingStore

extension Office {
    public func scheduleItem(_ id: Int64, meeting meetingId: Int64, plannedMinutes: Int = AgendaWorkflow.defaultPlannedMinutes,
                             expectedVersion: Int? = nil) throws -> ScheduledItem {
        try run(ScheduleItemCall(id: id, meetingId: meetingId, plannedMinutes: plannedMinutes, expectedVersion: expectedVersion))
    }

    public func addItem(title: String, lead: String, related: [String] = [], major: Bool = false, normative: Bool = false, publicInterest: Bool = false, market: Bool = false, category: Int? = nil, summary: String = "",
                        hearing: Bool = false, reportToCongress: Bool = false) throws -> AgendaItem {
        try run(AddItemCall(title: title, lead: lead, related: related, major: major, normative: normative, publicInterest: publicInterest, market: market, category: category, summary: summary, hearing: hearing, reportToCongress: reportToCongress))
    }

    /// Edits an item's title, summary and (while a draft) related departments, before the
    /// vice mayor approves it (R41).
    public func editItem(_ id: Int64, title: String, summary: String, related: [String], expectedVersion: Int? = nil) throws -> AgendaItem {
        try run(EditItemCall(id: id, title: title, summary: summary, related: related, expectedVersion: expectedVersion))
    }

    public func submitItem(_ id: Int64, expectedVersion: Int? = nil) throws -> AgendaItem {
        try run(SubmitItemCall(id: id, expectedVersion: expectedVersion))
    }

    public func giveOpinion(_ id: Int64, department: String, stance: Opinion.Stance, reason: String? = nil, expectedVersion: Int? = nil) throws -> AgendaItem {
        try run(GiveOpinionCall(id: id, department: department, stance: stance, reason: reason, expectedVersion: expectedVersion))
    }

    public func coordinateItem(_ id: Int64, _ coordination: AgendaEvent.Coordination, note: String? = nil, expectedVersion: Int? = nil) throws -> AgendaItem {
        try run(CoordinateItemCall(id: id, coordination: coordination, note: note, expectedVersion: expectedVersion))
    }

    public func confirmPrecondition(_ id: Int64, _ precondition: Precondition, note: String? = nil, expectedVersion: Int? = nil) throws -> AgendaItem {
        try run(ConfirmPreconditionCall(id: id, precondition: precondition, note: note, expectedVersion: expectedVersion))
    }

    public func approveItem(_ id: Int64, expectedVersion: Int? = nil) throws -> AgendaItem {
        try run(ApproveItemCall(id: id, expectedVersion: expectedVersion))
    }

    public func acceptItem(_ id: Int64, expectedVersion: Int? = nil) throws -> AgendaItem {
        try run(AcceptItemCall(id: id, expectedVersion: expectedVersion))
    }

    public func decideItem(_ id: Int64, text: String, expectedVersion: Int? = nil) throws -> AgendaItem {
        try run(DecideItemCall(id: id, text: text, expectedVersion: expectedVersion))
    }

    public func deferItem(_ id: Int64, reason: String? = nil, expectedVersion: Int? = nil) throws -> AgendaItem {
        try run(DeferItemCall(id: id, reason: reason, expectedVersion: expectedVersion))
    }

    public func withdrawItem(_ id: Int64, reason: String, expectedVersion: Int? = nil) throws -> AgendaItem {
        try run(WithdrawItemCall(id: id, reason: reason, expectedVersion: expectedVersion))
    }

    public func items(state: AgendaState? = nil, department: String? = nil, meeting: Int64? = nil) throws -> [AgendaItem] {
        try run(ItemsCall(state: state, department: department, meeting: meeting))
    }

    public func itemDossier(_ id: Int64) throws -> ItemDossier {
        try run(ItemDossierCall(id: id))
    }
}

struct AddItemCall: UseCase {
    static let name = "addItem"
    var title: String
    var lead: String
    var related: [String]
    var major: Bool
    var normative: Bool
    var publicInterest: Bool
    var market: Bool
    var category: Int?
    var summary: String
    var hearing: Bool
    var reportToCongress: Bool
    func run(in session: Session) throws -> AgendaItem { try session.addItem(title: title, lead: lead, related: related, major: major, normative: normative, publicInterest: publicInterest, market: market, category: category, summary: summary, hearing: hearing, reportToCongress: reportToCongress) }
}

struct EditItemCall: UseCase {
    static let name = "editItem"
    var id: Int64
    var title: String
    var summary: String
    var related: [String]
    var expectedVersion: Int?
    func run(in session: Session) throws -> AgendaItem {
        try session.editItem(id, title: title, summary: summary, related: related, expectedVersion: expectedVersion)
    }
}

struct SubmitItemCall: UseCase {
    static let name = "submitItem"
    var id: Int64
    var expectedVersion: Int?
    func run(in session: Session) throws -> AgendaItem { try session.submitItem(id, expectedVersion: expectedVersion) }
}

struct GiveOpinionCall: UseCase {
    static let name = "giveOpinion"
    var id: Int64
    var department: String
    var stance: Opinion.Stance
    var reason: String?
    var expectedVersion: Int?
    func run(in session: Session) throws -> AgendaItem { try session.giveOpinion(id, department: department, stance: stance, reason: reason, expectedVersion: expectedVersion) }
}

struct CoordinateItemCall: UseCase {
    static let name = "coordinateItem"
    var id: Int64
    var coordination: AgendaEvent.Coordination
    var note: String?
    var expectedVersion: Int?
    func run(in session: Session) throws -> AgendaItem { try session.coordinateItem(id, coordination, note: note, expectedVersion: expectedVersion) }
}

struct ConfirmPreconditionCall: UseCase {
    static let name = "confirmPrecondition"
    var id: Int64
    var precondition: Precondition
    var note: String?
    var expectedVersion: Int?
    func run(in session: Session) throws -> AgendaItem { try session.confirmPrecondition(id, precondition, note: note, expectedVersion: expectedVersion) }
}

struct ApproveItemCall: UseCase {
    static let name = "approveItem"
    var id: Int64
    var expectedVersion: Int?
    func run(in session: Session) throws -> AgendaItem { try session.approveItem(id, expectedVersion: expectedVersion) }
}

struct AcceptItemCall: UseCase {
    static let name = "acceptItem"
    var id: Int64
    var expectedVersion: Int?
    func run(in session: Session) throws -> AgendaItem { try session.acceptItem(id, expectedVersion: expectedVersion) }
}

struct DecideItemCall: UseCase {
    static let name = "decideItem"
    var id: Int64
    var text: String
    var expectedVersion: Int?
    func run(in session: Session) throws -> AgendaItem { try session.decideItem(id, text: text, expectedVersion: expectedVersion) }
}

struct DeferItemCall: UseCase {
    static let name = "deferItem"
    var id: Int64
    var reason: String?
    var expectedVersion: Int?
    func run(in session: Session) throws -> AgendaItem { try session.deferItem(id, reason: reason, expectedVersion: expectedVersion) }
}

struct WithdrawItemCall: UseCase {
    static let name = "withdrawItem"
    var id: Int64
    var reason: String
    var expectedVersion: Int?
    func run(in session: Session) throws -> AgendaItem { try session.withdrawItem(id, reason: reason, expectedVersion: expectedVersion) }
}

struct ItemsCall: UseCase {
    static let name = "items"
    var state: AgendaState?
    var department: String?
    var meeting: Int64?
    func run(in session: Session) throws -> [AgendaItem] { try session.items(state: state, department: department, meeting: meeting) }
}

struct ItemDossierCall: UseCase {
    static let name = "itemDossier"
    var id: Int64
    func run(in session: Session) throws -> ItemDossier { try session.itemDossier(id) }
}

struct ScheduleItemCall: UseCase {
    static let name = "scheduleItem"
    var id: Int64
    var meetingId: Int64
    var plannedMinutes: Int
    var expectedVersion: Int?
    func run(in session: Session) throws -> ScheduledItem {
        let (item, agenda) = try session.scheduleItem(id, meeting: meetingId, plannedMinutes: plannedMinutes, expectedVersion: expectedVersion)
        return ScheduledItem(item: item, agenda: agenda)
    }
}

/// An item placed on a meeting's agenda, and that agenda now.
public struct ScheduledItem: Codable, Sendable {
    public var item: AgendaItem
    public var agenda: MeetingAgenda
}
