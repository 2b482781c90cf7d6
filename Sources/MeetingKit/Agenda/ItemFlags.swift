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

    /// "重大事项、规范性文件、常务会议类别（1）" — the flags that are set, for the timeline and messages.
    public var summary: Localized {
        var set = [(major, Localized(zh: "重大事项", en: "major")), (normative, Localized(zh: "规范性文件", en: "normative")),
                   (publicInterest, Localized(zh: "涉及公共利益", en: "public interest")), (market, Localized(zh: "涉及市场主体", en: "market")),
                   (hearing, Localized(zh: "举行听证", en: "hearing")),
                   (reportToCongress, Localized(zh: "依法报告区人大常委会", en: "report to the People's Congress"))].filter(\.0).map(\.1)
        if let category { set.append(Localized(zh: "常务会议类别（\(category.rawValue)）", en: "executive category (\(category.rawValue))")) }
        if set.isEmpty { return Localized(zh: "无", en: "none") }
        return Localized(zh: set.map(\.zh).joined(separator: "、"), en: set.map(\.en).joined(separator: ", "))
    }
}

extension ItemFlags {
    /// The flags' codes as typed (`huiwu item flags --set`, the TUI form): `major`, `normative`,
    /// `public-interest`, `market`, `hearing`, `congress`.
    public static let codes = ["major", "normative", "public-interest", "market", "hearing", "congress"]

    /// The set flags as a comma-separated list of ``codes``.
    public var codeList: String {
        zip(ItemFlags.codes, [major, normative, publicInterest, market, hearing, reportToCongress]).filter(\.1).map(\.0)
            .joined(separator: ",")
    }

    /// Flags from a comma-separated list of ``codes`` and an optional category 1–6.
    public init(codeList: String, category: Int?) throws {
        let given = codeList.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
        if let unknown = given.first(where: { !ItemFlags.codes.contains($0) }) {
            throw Refusal.invalid("item.unknownFlag", "未知的议题属性 “\(TextSafety.inert(unknown))”：可用 \(ItemFlags.codes.joined(separator: ", "))",
                                  "unknown flag '\(TextSafety.inert(unknown))': use \(ItemFlags.codes.joined(separator: ", "))")
        }
        let executive = try ExecutiveCategory.numbered(category)
        self.init(major: given.contains("major"), normative: given.contains("normative"), publicInterest: given.contains("public-interest"),
                  market: given.contains("market"), hearing: given.contains("hearing"), reportToCongress: given.contains("congress"),
                  category: executive)
    }
}
