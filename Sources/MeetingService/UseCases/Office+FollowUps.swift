import MeetingKit
import MeetingStore

extension Office {
    public func followUps(overdueOnly: Bool = false, department: String? = nil, limit: Int? = nil, offset: Int = 0) throws -> [FollowUpLine] {
        try run(FollowUpsCall(overdueOnly: overdueOnly, department: department, limit: limit, offset: offset))
    }

    public func followUpLine(_ id: Int64) throws -> FollowUpLine? {
        try run(FollowUpLineCall(id: id))
    }

    public func followUpBoard(doneSince: Day) throws -> [FollowUpLine] {
        try run(FollowUpBoardCall(doneSince: doneSince))
    }

    public func completeFollowUp(_ id: Int64, note: String) throws -> FollowUp {
        try run(CompleteFollowUpCall(id: id, note: note))
    }

    public func setFollowUpDue(_ id: Int64, due: Day, reason: String) throws -> FollowUp {
        try run(SetFollowUpDueCall(id: id, due: due, reason: reason))
    }
}

struct FollowUpsCall: UseCase {
    static let name = "followUps"
    var overdueOnly: Bool
    var department: String?
    var limit: Int?
    var offset: Int
    func run(in session: Session) throws -> [FollowUpLine] {
        try session.followUps(overdueOnly: overdueOnly, department: department, limit: limit, offset: offset)
    }
}

struct FollowUpLineCall: UseCase {
    static let name = "followUpLine"
    var id: Int64
    func run(in session: Session) throws -> FollowUpLine? { try session.followUpLine(id) }
}

struct FollowUpBoardCall: UseCase {
    static let name = "followUpBoard"
    var doneSince: Day
    func run(in session: Session) throws -> [FollowUpLine] { try session.followUpBoard(doneSince: doneSince) }
}

struct CompleteFollowUpCall: UseCase {
    static let name = "completeFollowUp"
    var id: Int64
    var note: String
    func run(in session: Session) throws -> FollowUp { try session.completeFollowUp(id, note: note) }
}

struct SetFollowUpDueCall: UseCase {
    static let name = "setFollowUpDue"
    var id: Int64
    var due: Day
    var reason: String
    func run(in session: Session) throws -> FollowUp { try session.setFollowUpDue(id, due: due, reason: reason) }
}
