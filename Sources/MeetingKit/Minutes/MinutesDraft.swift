/// Generates the first draft of a meeting's minutes from what the office recorded: the header
/// (numbered title, date, place, chair), who attended, and each agenda item in order with its
/// lead department, any unresolved-disagreement statement (R45(3)), its outcome and decision.
///
/// Pure: the store gathers the meeting, roster, attendance and agenda into these values.
public struct MinutesDraft: Hashable, Sendable {
    /// Who attended, as the minutes list them.
    public struct Attendance: Hashable, Sendable {
        /// 出席: members who came (names in protocol order).
        public var present: [String]
        /// 请假: members on approved leave, each with the substitute who came instead, if any.
        public var onLeave: [(name: String, substitute: String?)]
        /// 缺席: expected but absent without approved leave.
        public var absent: [String]
        /// 列席
        public var sitsIn: [String]
        /// 邀请 (guests and their organisations)
        public var invited: [String]

        public init(present: [String], onLeave: [(name: String, substitute: String?)] = [], absent: [String] = [],
                    sitsIn: [String] = [], invited: [String] = []) {
            self.present = present
            self.onLeave = onLeave
            self.absent = absent
            self.sitsIn = sitsIn
            self.invited = invited
        }

        public static func == (a: Attendance, b: Attendance) -> Bool {
            a.present == b.present && a.absent == b.absent && a.sitsIn == b.sitsIn && a.invited == b.invited
                && a.onLeave.map(\.name) == b.onLeave.map(\.name) && a.onLeave.map(\.substitute) == b.onLeave.map(\.substitute)
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(present)
            hasher.combine(onLeave.map(\.name))
            hasher.combine(absent)
            hasher.combine(sitsIn)
            hasher.combine(invited)
        }
    }

    /// An agenda item as the minutes record it.
    public struct Item: Hashable, Sendable {
        public enum Outcome: Hashable, Sendable {
            case decided(String)
            case deferred
            case withdrawn(reason: String?)
            /// Discussed, no outcome recorded yet.
            case pending
        }

        public var title: String
        /// The lead department's name.
        public var leadDepartment: String
        /// The lead department's statement of an unresolved disagreement (R45(3)), if any.
        public var disagreementStatement: String?
        public var outcome: Outcome

        public init(title: String, leadDepartment: String, disagreementStatement: String? = nil, outcome: Outcome) {
            self.title = title
            self.leadDepartment = leadDepartment
            self.disagreementStatement = disagreementStatement
            self.outcome = outcome
        }
    }

    public var meeting: Meeting
    /// The chair's name and title, e.g. 周立新（区长）.
    public var chair: String
    public var attendance: Attendance
    public var items: [Item]

    public init(meeting: Meeting, chair: String, attendance: Attendance, items: [Item]) {
        self.meeting = meeting
        self.chair = chair
        self.attendance = attendance
        self.items = items
    }

    /// The document title: 第3次区政府常务会议纪要, with a topical meeting's subject after it.
    public static func title(of meeting: Meeting) -> String {
        let base: String
        if let number = meeting.number { base = "第\(number)次\(meeting.kind.name.zh)纪要" } else { base = meeting.kind.name.zh + "纪要" }
        return meeting.title.isEmpty ? base : base + "（\(meeting.title)）"
    }

    /// The draft body in Chinese (minutes are official documents, written in Chinese).
    public var body: String {
        let day = meeting.start.day
        var lines: [String] = []
        lines.append("时间：\(day.year)年\(day.month)月\(day.day)日（\(day.weekday.shortName.zh)）\(meeting.start.timeText)")
        lines.append("地点：\(meeting.room ?? "（未定）")")
        lines.append("主持：\(chair)")
        lines.append("出席：" + (attendance.present.isEmpty ? "（无）" : attendance.present.joined(separator: "、")))
        if !attendance.onLeave.isEmpty {
            lines.append("请假：" + attendance.onLeave.map { entry in
                entry.substitute.map { "\(entry.name)（\($0)代）" } ?? entry.name
            }.joined(separator: "、"))
        }
        if !attendance.absent.isEmpty { lines.append("缺席：" + attendance.absent.joined(separator: "、")) }
        if !attendance.sitsIn.isEmpty { lines.append("列席：" + attendance.sitsIn.joined(separator: "、")) }
        if !attendance.invited.isEmpty { lines.append("邀请：" + attendance.invited.joined(separator: "、")) }
        lines.append("")
        let chairName = chair.split(separator: "（").first.map(String.init) ?? chair
        let opening = "\(day.year)年\(day.month)月\(day.day)日，\(chairName)主持召开\(meeting.number.map { "第\($0)次" } ?? "")\(meeting.kind.name.zh)"
        if items.isEmpty {
            lines.append(opening + "。现将会议议定事项纪要如下：")
            lines.append("")
            lines.append("（会议议定事项）")
            return lines.joined(separator: "\n")
        }
        lines.append(opening + "，研究了\(items.count)项议题。现将会议议定事项纪要如下：")
        for (i, item) in items.enumerated() {
            lines.append("")
            lines.append("\(MinutesDraft.chineseOrdinal(i + 1))、\(item.title)（主办：\(item.leadDepartment)）")
            if let statement = item.disagreementStatement, !statement.isEmpty {
                lines.append("分歧意见说明：\(statement)")
            }
            switch item.outcome {
            case .decided(let text): lines.append("会议决定：\(text)")
            case .deferred: lines.append("会议决定：该议题暂缓审议。")
            case .withdrawn(let reason): lines.append("该议题已撤回" + (reason.map { "（\($0)）" } ?? "") + "。")
            case .pending: lines.append("会议决定：（待补充）")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// 一, 二, … 九十九: the numbering of first-level headings in official documents.
    public static func chineseOrdinal(_ n: Int) -> String {
        let digits = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        guard n > 0 else { return String(n) }
        if n < 10 { return digits[n] }
        if n < 100 { return (n / 10 == 1 ? "" : digits[n / 10]) + "十" + digits[n % 10] }
        return String(n)
    }
}
