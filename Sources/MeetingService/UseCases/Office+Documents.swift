import MeetingKit
import MeetingStore

extension Office {
    public func minutesPaper(_ id: Int64) throws -> MinutesPaper {
        try run(MinutesPaperCall(id: id))
    }

    public func signInSheet(meetingId: Int64) throws -> SignInSheet {
        try run(SignInSheetCall(meetingId: meetingId))
    }

    public func leaveReportPaper(meetingId: Int64) throws -> LeaveReportPaper {
        try run(LeaveReportPaperCall(meetingId: meetingId))
    }

    public func followUpPaper(department: String? = nil, overdueOnly: Bool = false) throws -> FollowUpPaper {
        try run(FollowUpPaperCall(department: department, overdueOnly: overdueOnly))
    }

    public func meetingNotice(_ meetingId: Int64) throws -> MeetingNotice {
        try run(MeetingNoticeCall(meetingId: meetingId))
    }

    public func sendNotice(meetingId: Int64, contact: String? = nil, materials: String? = nil) throws -> ReceiptBoard {
        try run(SendNoticeCall(meetingId: meetingId, contact: contact, materials: materials))
    }

    public func meetingReceipts(_ meetingId: Int64) throws -> ReceiptBoard {
        try run(MeetingReceiptsCall(meetingId: meetingId))
    }

    public func answerReceipt(meetingId: Int64, person: String? = nil, answer: ReceiptAnswer) throws -> ReceiptBoard.Line {
        try run(AnswerReceiptCall(meetingId: meetingId, person: person, answer: answer))
    }

    public func seatingChart(meetingId: Int64) throws -> SeatingChart {
        try run(SeatingChartCall(meetingId: meetingId))
    }

    public func moveSeat(meetingId: Int64, participantId: Int64, by offset: Int) throws -> SeatingChart {
        try run(MoveSeatCall(meetingId: meetingId, participantId: participantId, offset: offset))
    }

    public func setSeatingOrder(meetingId: Int64, participantIds: [Int64]) throws -> SeatingChart {
        try run(SetSeatingOrderCall(meetingId: meetingId, participantIds: participantIds))
    }

    public func resetSeating(meetingId: Int64) throws -> SeatingChart {
        try run(ResetSeatingCall(meetingId: meetingId))
    }
}

struct MinutesPaperCall: UseCase {
    static let name = "minutesPaper"
    var id: Int64
    func run(in session: Session) throws -> MinutesPaper { try session.minutesPaper(id) }
}

struct SignInSheetCall: UseCase {
    static let name = "signInSheet"
    var meetingId: Int64
    func run(in session: Session) throws -> SignInSheet { try session.signInSheet(meetingId: meetingId) }
}

struct LeaveReportPaperCall: UseCase {
    static let name = "leaveReportPaper"
    var meetingId: Int64
    func run(in session: Session) throws -> LeaveReportPaper { try session.leaveReportPaper(meetingId: meetingId) }
}

struct FollowUpPaperCall: UseCase {
    static let name = "followUpPaper"
    var department: String?
    var overdueOnly: Bool
    func run(in session: Session) throws -> FollowUpPaper { try session.followUpPaper(department: department, overdueOnly: overdueOnly) }
}

struct MeetingNoticeCall: UseCase {
    static let name = "meetingNotice"
    var meetingId: Int64
    func run(in session: Session) throws -> MeetingNotice { try session.meetingNotice(meetingId) }
}

struct SendNoticeCall: UseCase {
    static let name = "sendNotice"
    var meetingId: Int64
    var contact: String?
    var materials: String?
    func run(in session: Session) throws -> ReceiptBoard { try session.sendNotice(meetingId: meetingId, contact: contact, materials: materials) }
}

struct MeetingReceiptsCall: UseCase {
    static let name = "meetingReceipts"
    var meetingId: Int64
    func run(in session: Session) throws -> ReceiptBoard { try session.meetingReceipts(meetingId) }
}

struct AnswerReceiptCall: UseCase {
    static let name = "answerReceipt"
    var meetingId: Int64
    var person: String?
    var answer: ReceiptAnswer
    func run(in session: Session) throws -> ReceiptBoard.Line { try session.answerReceipt(meetingId: meetingId, person: person, answer: answer) }
}

struct SeatingChartCall: UseCase {
    static let name = "seatingChart"
    var meetingId: Int64
    func run(in session: Session) throws -> SeatingChart { try session.seatingChart(meetingId: meetingId) }
}

struct MoveSeatCall: UseCase {
    static let name = "moveSeat"
    var meetingId: Int64
    var participantId: Int64
    var offset: Int
    func run(in session: Session) throws -> SeatingChart { try session.moveSeat(meetingId: meetingId, participantId: participantId, by: offset) }
}

struct SetSeatingOrderCall: UseCase {
    static let name = "setSeatingOrder"
    var meetingId: Int64
    var participantIds: [Int64]
    func run(in session: Session) throws -> SeatingChart { try session.setSeatingOrder(meetingId: meetingId, participantIds: participantIds) }
}

struct ResetSeatingCall: UseCase {
    static let name = "resetSeating"
    var meetingId: Int64
    func run(in session: Session) throws -> SeatingChart { try session.resetSeating(meetingId: meetingId) }
}
