/// A meeting's sign-in sheet (签到表): every roster entry with unit, title and name, a blank
/// for the signature, the time signed in, and remarks pre-filled from approved leave and
/// substitutes; with the counts 应到 / 实到 / 请假 / 缺席 once sign-in has begun.
public struct SignInSheet: Hashable, Sendable, Codable {
    public struct Row: Hashable, Sendable, Codable {
        /// 单位: department or street, 区政府 for leaders, the guest's organisation.
        public var unit: String
        /// 职务.
        public var title: String
        public var name: String
        /// 签到时间 (HH:MM), when signed in.
        public var signedAt: String?
        /// 备注: 请假, 代会：张宇航, 迟到 15 分钟, 缺席.
        public var remark: String
    }

    /// The counts after sign-in.
    public struct Counts: Hashable, Sendable, Codable {
        /// 应到: everyone on the roster.
        public var expected: Int
        /// 实到: present or late.
        public var present: Int
        /// 请假: approved leave, with or without a substitute.
        public var leave: Int
        /// Of those on leave, how many sent a substitute (代会).
        public var substitutes: Int
        /// 缺席: absent without leave.
        public var absent: Int
        /// Not signed in yet.
        public var unmarked: Int
    }

    public var meetingId: Int64
    public var issuer: String
    public var meetingTitle: String
    public var start: LocalDateTime
    public var room: String?
    public var rows: [Row]
    public var counts: Counts

    /// Builds the sheet from the roster and the time each entry was signed in.
    public init(roster: Roster, room: String?, issuer: String, signedAt: [Int64: LocalDateTime], org: OrgChart) {
        meetingId = roster.meetingId
        self.issuer = issuer
        meetingTitle = roster.title.zh
        start = roster.start
        self.room = room
        rows = roster.lines.map { line in
            let person = line.person.flatMap { org.person($0) }
            var remark = ""
            switch line.status {
            case .leave?: remark = line.substituteName.map { "请假，\($0)代会" } ?? "请假"
            case .substitute?: remark = "代会：" + (line.substituteName ?? "")
            case .late?: remark = "迟到 \(line.lateMinutes ?? 0) 分钟"
            case .absent?: remark = "缺席"
            case .present?, nil: remark = ""
            }
            let isLeader = person.map { [.mayor, .executiveViceMayor, .viceMayor].contains($0.role) } ?? false
            return Row(unit: isLeader ? OfficialNames.government : line.departmentName ?? "",
                       title: person.map { SignInSheet.title(of: $0) } ?? "", name: line.name,
                       signedAt: line.status?.attended == true ? signedAt[line.participantId].map(\.timeText) : nil, remark: remark)
        }
        let statuses = roster.lines.map(\.status)
        counts = Counts(expected: statuses.count, present: statuses.filter { $0?.attended == true }.count,
                        leave: statuses.filter { $0 == .leave || $0 == .substitute }.count,
                        substitutes: statuses.filter { $0 == .substitute }.count, absent: statuses.filter { $0 == .absent }.count,
                        unmarked: statuses.filter { $0 == nil }.count)
    }

    /// Whether anyone has signed in yet (a sheet printed before the meeting has no counts).
    public var hasSignIn: Bool { counts.unmarked < counts.expected }

    /// The title printed in the 职务 column.
    static func title(of person: Person) -> String {
        switch person.role {
        case .departmentHead: return "主要负责人"
        case .streetDirector: return "主任"
        default: return person.role.title.zh
        }
    }
}
