/// What an agenda item is, as far as the rules care: the flags that decide which meetings
/// may take it (R5, R39(4)) and which preconditions it needs (R16, R19, R20), and its
/// executive-meeting task (R39). The office may correct them before it accepts the item.
public struct ItemFlags: Hashable, Sendable, Codable {
    /// A major matter (重大事项): plenary or executive meetings only (R5).
    public var major: Bool
    /// A normative document in the government's name (R16, R39(4), R47(1)).
    public var normative: Bool
    /// Affects the public interest or may cause instability (R19).
    public var publicInterest: Bool
    /// Affects market actors (R19, R47(1)).
    public var market: Bool
    /// A hearing is held (R19 "必要时依法采取听证会").
    public var hearing: Bool
    /// The law requires a report to the district People's Congress standing committee (R20).
    public var reportToCongress: Bool
    /// The executive meeting task (R39 (1)–(6)).
    public var category: ExecutiveCategory?

    public init(major: Bool = false, normative: Bool = false, publicInterest: Bool = false, market: Bool = false,
                hearing: Bool = false, reportToCongress: Bool = false, category: ExecutiveCategory? = nil) {
        self.major = major
        self.normative = normative
        self.publicInterest = publicInterest
        self.market = market
        self.hearing = hearing
        self.reportToCongress = reportToCongress
        self.category = category
    }

    /// "重大、规范性文件、类别（一）" — the flags that are set, for the timeline and messages.
    public var summary: Localized {
        var zh: [String] = [], en: [String] = []
        func add(_ on: Bool, _ z: String, _ e: String) { if on { zh.append(z); en.append(e) } }
        add(major, "重大事项", "major")
        add(normative, "规范性文件", "normative")
        add(publicInterest, "涉及公共利益", "public interest")
        add(market, "涉及市场主体", "market")
        add(hearing, "举行听证", "hearing")
        add(reportToCongress, "依法报告区人大常委会", "report to the People's Congress")
        if let category { zh.append("常务会议类别（\(category.rawValue)）"); en.append("executive category (\(category.rawValue))") }
        return Localized(zh: zh.isEmpty ? "无" : zh.joined(separator: "、"), en: en.isEmpty ? "none" : en.joined(separator: ", "))
    }
}
