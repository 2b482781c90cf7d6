/// A meeting's receipts as the office follows them: who confirmed, who asked for leave, and
/// who has not answered yet.
public struct ReceiptBoard: Hashable, Sendable, Codable {
    /// One receipt with its names.
    public struct Line: Hashable, Sendable, Codable {
        public var receipt: NoticeReceipt
        /// The participant's login (nil for a named guest).
        public var person: String?
        public var name: String
        /// The unit: department or street name, 区政府领导 for leaders, the guest's organisation.
        public var unit: String
        public var participation: Participation
        public var attendeeName: String?
        public var answeredByName: String?
        /// The leave request's state when the answer asked for leave.
        public var leaveStatus: LeaveStatus?

        public init(receipt: NoticeReceipt, person: String?, name: String, unit: String, participation: Participation,
                    attendeeName: String?, answeredByName: String?, leaveStatus: LeaveStatus?) {
            self.receipt = receipt
            self.person = person
            self.name = name
            self.unit = unit
            self.participation = participation
            self.attendeeName = attendeeName
            self.answeredByName = answeredByName
            self.leaveStatus = leaveStatus
        }
    }

    public var meetingId: Int64
    public var title: String
    public var start: LocalDateTime
    /// When the notice went out, and who sent it (nil: not sent yet).
    public var sentAt: LocalDateTime?
    public var sentByName: String?
    /// Whether the notice went out one to two working days ahead, and when receipts are due
    /// (nil: not sent).
    public var timing: NoticeTiming?
    public var lines: [Line]

    public init(meetingId: Int64, title: String, start: LocalDateTime, sentAt: LocalDateTime?, sentByName: String?,
                timing: NoticeTiming?, lines: [Line]) {
        self.meetingId = meetingId
        self.title = title
        self.start = start
        self.sentAt = sentAt
        self.sentByName = sentByName
        self.timing = timing
        self.lines = lines
    }

    public func count(_ status: NoticeReceipt.Status) -> Int { lines.filter { $0.receipt.status == status }.count }

    /// The units that have not answered, in roster order.
    public var unanswered: [Line] { lines.filter { $0.receipt.status == .pending } }

    /// One line of counts: 已签收 2 · 请假 1 · 未答复 1.
    public var summary: Localized {
        let (c, l, p) = (count(.confirmed), count(.leave), count(.pending))
        return Localized(zh: "已签收 \(c) · 请假 \(l) · 未答复 \(p)", en: "\(c) confirmed · \(l) leave · \(p) not answered")
    }
}
