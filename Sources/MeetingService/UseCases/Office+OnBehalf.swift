import MeetingKit
import MeetingStore

extension Office {
    public func onBehalfRecords(status: OnBehalfRecord.Status? = nil) throws -> [OnBehalfLine] {
        try run(OnBehalfRecordsCall(status: status))
    }

    public func confirmOnBehalf(_ seq: Int64) throws -> OnBehalfLine {
        try run(ConfirmOnBehalfCall(seq: seq))
    }

    public func disputeOnBehalf(_ seq: Int64, reason: String) throws -> OnBehalfLine {
        try run(DisputeOnBehalfCall(seq: seq, reason: reason))
    }

    public func acknowledgeOnBehalf(_ seq: Int64, note: String) throws -> OnBehalfLine {
        try run(AcknowledgeOnBehalfCall(seq: seq, note: note))
    }
}

struct OnBehalfRecordsCall: UseCase {
    static let name = "onBehalfRecords"
    var status: OnBehalfRecord.Status?
    func run(in session: Session) throws -> [OnBehalfLine] { try session.onBehalfRecords(status: status) }
}

struct ConfirmOnBehalfCall: UseCase {
    static let name = "confirmOnBehalf"
    var seq: Int64
    func run(in session: Session) throws -> OnBehalfLine { try session.confirmOnBehalf(seq) }
}

struct DisputeOnBehalfCall: UseCase {
    static let name = "disputeOnBehalf"
    var seq: Int64
    var reason: String
    func run(in session: Session) throws -> OnBehalfLine { try session.disputeOnBehalf(seq, reason: reason) }
}

struct AcknowledgeOnBehalfCall: UseCase {
    static let name = "acknowledgeOnBehalf"
    var seq: Int64
    var note: String
    func run(in session: Session) throws -> OnBehalfLine { try session.acknowledgeOnBehalf(seq, note: note) }
}
