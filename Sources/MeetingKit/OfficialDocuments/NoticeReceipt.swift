/// A unit's receipt (签收/回执) of a meeting notice: one per roster entry, created when the
/// notice is sent. The unit confirms it received the notice and who will come, or asks for
/// leave from there (R42); the office sees who has not answered.
public struct NoticeReceipt: Hashable, Sendable, Codable {
    public enum Status: String, CaseIterable, Sendable, Codable {
        /// Sent, not answered yet.
        case pending
        /// Received; ``NoticeReceipt/attendeeLogin`` comes.
        case confirmed
        /// Received; the person asked for leave (``NoticeReceipt/leaveId``).
        case leave

        public var name: Localized {
            switch self {
            case .pending: return Localized(zh: "未答复", en: "not answered")
            case .confirmed: return Localized(zh: "已签收", en: "confirmed")
            case .leave: return Localized(zh: "已签收，请假", en: "confirmed, leave requested")
            }
        }
    }

    /// Row id; nil until stored.
    public var id: Int64?
    public var meetingId: Int64
    /// The roster entry the receipt answers for.
    public var participantId: Int64
    public var status: Status
    /// Who will come (the participant, unless the unit names someone else).
    public var attendeeLogin: String?
    /// The leave request filed through the receipt.
    public var leaveId: Int64?
    public var answeredAt: LocalDateTime?
    /// The person who answered (the participant, a colleague of the unit, or office staff).
    public var answeredBy: String?
    /// Office staff who recorded an answer given by telephone (代录), if any.
    public var recordedBy: String?
    public var note: String?
    public var version: Int

    public init(id: Int64? = nil, meetingId: Int64, participantId: Int64, status: Status = .pending, attendeeLogin: String? = nil,
                leaveId: Int64? = nil, answeredAt: LocalDateTime? = nil, answeredBy: String? = nil, recordedBy: String? = nil,
                note: String? = nil, version: Int = 1) {
        self.id = id
        self.meetingId = meetingId
        self.participantId = participantId
        self.status = status
        self.attendeeLogin = attendeeLogin
        self.leaveId = leaveId
        self.answeredAt = answeredAt
        self.answeredBy = answeredBy
        self.recordedBy = recordedBy
        self.note = note
        self.version = version
    }
}

/// How a unit answers a notice.
public enum ReceiptAnswer: Hashable, Sendable, Codable {
    /// Received; the participant will come.
    case confirm
    /// Received; the participant cannot come and asks for leave (R42), optionally naming who
    /// attends instead.
    case leave(reason: String, substitute: String?)
}
