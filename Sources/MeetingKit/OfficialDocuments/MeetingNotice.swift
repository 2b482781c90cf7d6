/// A meeting notice (会议通知) as the office issues it: the meeting's full name and number,
/// time and place, chair, the agenda in order with each item's reporting unit and the units
/// sitting in for it, who attends, sits in and is invited, the contact, what to bring, and
/// when the receipts are due.
public struct MeetingNotice: Hashable, Sendable, Codable {
    /// One agenda item as the notice lists it.
    public struct Item: Hashable, Sendable, Codable {
        public var title: String
        /// The lead department, which reports on the item (汇报单位).
        public var reportingUnit: String
        /// The related departments, which sit in for the item (列席单位).
        public var sittingIn: [String]
        public var minutes: Int

        public init(title: String, reportingUnit: String, sittingIn: [String], minutes: Int) {
            self.title = title
            self.reportingUnit = reportingUnit
            self.sittingIn = sittingIn
            self.minutes = minutes
        }
    }

    public var meetingId: Int64
    /// 北京市西城区人民政府.
    public var issuer: String
    /// The office that sends it: 北京市西城区人民政府办公室.
    public var office: String
    /// 第1次区政府常务会议 (with the subject of a topical meeting).
    public var meetingTitle: String
    public var start: LocalDateTime
    public var end: LocalDateTime
    public var room: String?
    /// 周立新（区长）.
    public var chair: String
    public var items: [Item]
    /// 出席: leaders and members, "name（title or unit）", in protocol order.
    public var members: [String]
    /// 列席: units, in protocol order.
    public var sitsIn: [String]
    /// 邀请: guests and their organisations.
    public var invited: [String]
    /// Who to call, e.g. 李静（区政府办公室）.
    public var contact: String
    /// What to bring.
    public var materials: String
    /// Executive meetings are broadcast live (R18).
    public var liveBroadcast: Bool
    /// When it went out (nil: a draft of the notice).
    public var sentAt: LocalDateTime?
    public var timing: NoticeTiming

    public init(meetingId: Int64, issuer: String, office: String, meetingTitle: String, start: LocalDateTime, end: LocalDateTime,
                room: String?, chair: String, items: [Item], members: [String], sitsIn: [String], invited: [String], contact: String,
                materials: String, liveBroadcast: Bool, sentAt: LocalDateTime?, timing: NoticeTiming) {
        self.meetingId = meetingId
        self.issuer = issuer
        self.office = office
        self.meetingTitle = meetingTitle
        self.start = start
        self.end = end
        self.room = room
        self.chair = chair
        self.items = items
        self.members = members
        self.sitsIn = sitsIn
        self.invited = invited
        self.contact = contact
        self.materials = materials
        self.liveBroadcast = liveBroadcast
        self.sentAt = sentAt
        self.timing = timing
    }

    /// What units are asked to bring when the office says nothing else.
    public static let defaultMaterials = "汇报单位请准备议题材料 30 份，于会前 1 个工作日送区政府办公室；参会人员请携带本通知。"
}
