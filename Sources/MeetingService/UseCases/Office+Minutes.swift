import MeetingKit
import MeetingStore

extension Office {
    public func draftMinutes(meetingId: Int64, body: String? = nil, inGovernmentName: Bool? = nil) throws -> Minutes {
        try run(DraftMinutesCall(meetingId: meetingId, body: body, inGovernmentName: inGovernmentName))
    }

    public func editMinutes(_ id: Int64, body: String, expectedVersion: Int? = nil) throws -> Minutes {
        try run(EditMinutesCall(id: id, body: body, expectedVersion: expectedVersion))
    }

    public func setMinutesAttributes(_ id: Int64, disclosure: Disclosure?, reason: String?, classification: Classification?, expectedVersion: Int? = nil) throws -> Minutes {
        try run(SetMinutesAttributesCall(id: id, disclosure: disclosure, reason: reason, classification: classification, expectedVersion: expectedVersion))
    }

    public func submitMinutes(_ id: Int64, expectedVersion: Int? = nil) throws -> Minutes {
        try run(SubmitMinutesCall(id: id, expectedVersion: expectedVersion))
    }

    public func approveMinutes(_ id: Int64, expectedVersion: Int? = nil) throws -> Minutes {
        try run(ApproveMinutesCall(id: id, expectedVersion: expectedVersion))
    }

    public func returnMinutes(_ id: Int64, reason: String, expectedVersion: Int? = nil) throws -> Minutes {
        try run(ReturnMinutesCall(id: id, reason: reason, expectedVersion: expectedVersion))
    }

    public func signMinutes(_ id: Int64, expectedVersion: Int? = nil) throws -> Minutes {
        try run(SignMinutesCall(id: id, expectedVersion: expectedVersion))
    }
}

struct DraftMinutesCall: UseCase {
    static let name = "draftMinutes"
    var meetingId: Int64
    var body: String?
    var inGovernmentName: Bool?
    func run(in session: Session) throws -> Minutes { try session.draftMinutes(meetingId: meetingId, body: body, inGovernmentName: inGovernmentName) }
}

struct EditMinutesCall: UseCase {
    static let name = "editMinutes"
    var id: Int64
    var body: String
    var expectedVersion: Int?
    func run(in session: Session) throws -> Minutes { try session.editMinutes(id, body: body, expectedVersion: expectedVersion) }
}

struct SetMinutesAttributesCall: UseCase {
    static let name = "setMinutesAttributes"
    var id: Int64
    var disclosure: Disclosure?
    var reason: String?
    var classification: Classification?
    var expectedVersion: Int?
    func run(in session: Session) throws -> Minutes { try session.setMinutesAttributes(id, disclosure: disclosure, reason: reason, classification: classification, expectedVersion: expectedVersion) }
}

struct SubmitMinutesCall: UseCase {
    static let name = "submitMinutes"
    var id: Int64
    var expectedVersion: Int?
    func run(in session: Session) throws -> Minutes { try session.submitMinutes(id, expectedVersion: expectedVersion) }
}

struct ApproveMinutesCall: UseCase {
    static let name = "approveMinutes"
    var id: Int64
    var expectedVersion: Int?
    func run(in session: Session) throws -> Minutes { try session.approveMinutes(id, expectedVersion: expectedVersion) }
}

struct ReturnMinutesCall: UseCase {
    static let name = "returnMinutes"
    var id: Int64
    var reason: String
    var expectedVersion: Int?
    func run(in session: Session) throws -> Minutes { try session.returnMinutes(id, reason: reason, expectedVersion: expectedVersion) }
}

struct SignMinutesCall: UseCase {
    static let name = "signMinutes"
    var id: Int64
    var expectedVersion: Int?
    func run(in session: Session) throws -> Minutes { try session.signMinutes(id, expectedVersion: expectedVersion) }
}
