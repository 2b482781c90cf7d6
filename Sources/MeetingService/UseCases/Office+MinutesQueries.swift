import MeetingKit
import MeetingStore

extension Office {
    public func minutesList(state: MinutesState? = nil) throws -> [Minutes] {
        try run(MinutesListCall(state: state))
    }

    public func minutesDetail(_ id: Int64) throws -> MinutesDetail {
        try run(MinutesDetailCall(id: id))
    }

    public func minutesQueue(for login: String? = nil) throws -> [MinutesQueueEntry] {
        try run(MinutesQueueCall(login: login))
    }

    public func exportMinutes(_ id: Int64) throws -> String {
        try run(ExportMinutesCall(id: id))
    }
}

struct MinutesListCall: UseCase {
    static let name = "minutesList"
    var state: MinutesState?
    func run(in session: Session) throws -> [Minutes] { try session.minutesList(state: state) }
}

struct MinutesDetailCall: UseCase {
    static let name = "minutesDetail"
    var id: Int64
    func run(in session: Session) throws -> MinutesDetail { try session.minutesDetail(id) }
}

struct MinutesQueueCall: UseCase {
    static let name = "minutesQueue"
    var login: String?
    func run(in session: Session) throws -> [MinutesQueueEntry] { try session.minutesQueue(for: login) }
}

struct ExportMinutesCall: UseCase {
    static let name = "exportMinutes"
    var id: Int64
    func run(in session: Session) throws -> String { try session.exportMinutes(id) }
}
