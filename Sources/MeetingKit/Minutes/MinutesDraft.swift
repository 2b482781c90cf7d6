/// Generates the first draft of a meeting's minutes from what the office recorded: the header
/// (numbered title, date, place, chair), who attended, and each agenda item in order with its
/// lead department, any unresolved-disagreement statement (R45(3)), its outcome and decision.
///
/// Attendance is what was recorded, never a guess: members signed in are present, approved
/// leave is leave, a registered absence from Beijing is listed as such (R7, R65), and anyone
/// not signed in is listed to be checked. Minutes issued in the government's name at a vice
/// mayor's request (R44) read as the lead department's request (请示) to the government.
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
        /// 离京: members away from Beijing by a registered absence, with its kind (R7, R65).
        public var away: [(name: String, reason: String)]
        /// Members nobody signed in: listed to be checked, not counted as present.
        public var unmarked: [String]

        public init(present: [String], onLeave: [(name: String, substitute: String?)] = [], absent: [String] = [],
                    sitsIn: [String] = [], invited: [String] = [], away: [(name: String, reason: String)] = [],
                    unmarked: [String] = []) {
            self.present = present
            self.onLeave = onLeave
            self.absent = absent
            self.sitsIn = sitsIn
            self.invited = invited
            self.away = away
            self.unmarked = unmarked
        }

        public static func == (a: Attendance, b: Attendance) -> Bool {
            a.present == b.present && a.absent == b.absent && a.sitsIn == b.sitsIn && a.invited == b.invited
                && a.onLeave.map(\.name) == b.onLeave.map(\.name) && a.onLeave.map(\.substitute) == b.onLeave.map(\.substitute)
                && a.away.map(\.name) == b.away.map(\.name) && a.away.map(\.reason) == b.away.map(\.reason) && a.unmarked == b.unmarked
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(present)
            hasher.combine(onLeave.map(\.name))
            hasher.combine(absent)
            hasher.combine(sitsIn)
            hasher.combine(invited)
            hasher.combine(away.map(\.name))
            hasher.combine(unmarked)
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
    /// For minutes issued in the government's name at a vice mayor's request (R44): the lead
    /// department whose request (请示) to the government the document is.
    public var requestingDepartment: String?

    public init(meeting: Meeting, chair: String, attendance: Attendance, items: [Item], requestingDepartment: String? = nil) {
        self.meeting = meeting
        self.chair = chair
        self.attendance = attendance
        self.items = items
        self.requestingDepartment = requestingDepartment
    }

    /// The document title: 第3次区政府常务会议纪要, with a topical meeting's subject after it;
    /// on the R44 route the request's: 关于印发第2次区政府专题会议纪要的请示.
    public static func title(of meeting: Meeting, route: MinutesRoute = .mayorSigns) -> String {
        var base: String
        if let number = meeting.number { base = "第\(number)次\(meeting.seriesName.zh)纪要" } else { base = meeting.seriesName.zh + "纪要" }
        if !meeting.title.isEmpty { base += "（\(meeting.title)）" }
        return route == .governmentRequest ? "关于印发\(base)的请示" : base
    }

    /// The draft body in Chinese (minutes are official documents, written in Chinese).
    public var body: String {
        let day = meeting.start.day
        var lines: [String] = []
        if requestingDepartment != nil { lines += ["区政府：", ""] }
        lines.append("时间：\(day.year)年\(day.month)月\(day.day)日（\(day.weekday.shortName.zh)）\(meeting.start.timeText)")
        lines.append("地点：\(meeting.room ?? "（未定）")")
        lines.append("主持：\(chairLine)")
        lines.append("出席：" + (attendance.present.isEmpty ? "（无）" : attendance.present.joined(separator: "、")))
        if !attendance.onLeave.isEmpty {
            lines.append("请假：" + attendance.onLeave.map { entry in
                entry.substitute.map { "\(entry.name)（\($0)代）" } ?? entry.name
            }.joined(separator: "、"))
        }
        if !attendance.away.isEmpty {
            lines.append("离京：" + attendance.away.map { "\($0.name)（\($0.reason)）" }.joined(separator: "、"))
        }
        if !attendance.absent.isEmpty { lines.append("缺席：" + attendance.absent.joined(separator: "、")) }
        if !attendance.unmarked.isEmpty {
            lines.append("【待核实】未登记签到：" + attendance.unmarked.joined(separator: "、"))
        }
        if !attendance.sitsIn.isEmpty { lines.append("列席：" + attendance.sitsIn.joined(separator: "、")) }
        if !attendance.invited.isEmpty { lines.append("邀请：" + attendance.invited.joined(separator: "、")) }
        lines.append("")
        let chairName = chair.split(separator: "（").first.map(String.init) ?? chair
        let opening = "\(day.year)年\(day.month)月\(day.day)日，\(chairName)主持召开\(meeting.number.map { "第\($0)次" } ?? "")\(meeting.seriesName.zh)"
        let lead = requestingDepartment == nil ? "现将会议议定事项纪要如下：" : "现将会议议定事项报告如下，拟以区政府名义印发会议纪要："
        if items.isEmpty {
            lines.append(opening + "。" + lead)
            lines.append("")
            lines.append("（会议议定事项）")
            return (lines + requestClosing).joined(separator: "\n")
        }
        lines.append(opening + "，研究了\(items.count)项议题。" + lead)
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
        return (lines + requestClosing).joined(separator: "\n")
    }

    /// The chair with why the executive vice mayor chairs, when he does (R39, R7):
    /// 陈海峰（常务副区长，受区长委托主持）.
    private var chairLine: String {
        let why: String
        switch meeting.chairDelegation {
        case .entrusted?: why = "受区长委托主持"
        case .mayorAway?: why = "区长离京期间主持"
        case nil: return chair
        }
        return chair.hasSuffix("）") ? chair.dropLast() + "，\(why)）" : chair + "（\(why)）"
    }

    /// How a request to the government ends (R44): the question, the department, the day.
    private var requestClosing: [String] {
        guard let requestingDepartment else { return [] }
        let day = meeting.start.day
        return ["", "妥否，请批示。", "", requestingDepartment, "\(day.year)年\(day.month)月\(day.day)日"]
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

extension MinutesDraft {
    /// The title of a correction of `original`: the signed document's title marked as its
    /// correction (更正), so the two never read alike in a queue.
    public static func correctionTitle(of original: Minutes) -> String {
        original.title.hasSuffix("（更正）") ? original.title : original.title + "（更正）"
    }

    /// The decision on the item titled `title` as the signed minutes state it: the text after
    /// "会议决定：" in the item's section ("一、<title>（主办：…）"), up to the next section,
    /// or nil when the body has no such section (a body written from scratch). The follow-up
    /// then quotes what was signed, not what was first recorded.
    public static func decisionText(in body: String, itemTitle title: String) -> String? {
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard !title.isEmpty, let start = lines.firstIndex(where: { line in
            guard let mark = line.firstIndex(of: "、") else { return false }
            return line[line.index(after: mark)...].hasPrefix(title)
        }) else { return nil }
        var collected: [String] = []
        var inDecision = false
        for line in lines[(start + 1)...] {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if let mark = trimmed.firstIndex(of: "、"), trimmed[..<mark].allSatisfy({ "一二三四五六七八九十".contains($0) }), !trimmed[..<mark].isEmpty {
                break  // the next item's section
            }
            if trimmed.hasPrefix("妥否") { break }
            if let range = trimmed.range(of: "会议决定：") {
                inDecision = true
                collected.append(String(trimmed[range.upperBound...]))
            } else if inDecision {
                if trimmed.isEmpty { break }
                collected.append(trimmed)
            }
        }
        let text = collected.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }
}
