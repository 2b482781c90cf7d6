/// The tasks of the executive meeting (R39 (1)–(6)); an item for an executive meeting names one.
public enum ExecutiveCategory: Int, CaseIterable, Sendable, Codable {
    case policy = 1
    case reportToBodies = 2
    case billsAndReports = 3
    case normativeDocuments = 4
    case personnel = 5
    case otherImportant = 6

    public var name: Localized {
        switch self {
        case .policy:
            return Localized(zh: "（一）重大规划、重大政策措施、城市和社会管理重要事务",
                             en: "(1) major plans, economic and reform policies, important city and social affairs")
        case .reportToBodies:
            return Localized(zh: "（二）向区委汇报、向区人大常委会报告、向区政协通报的重要事项",
                             en: "(2) matters reported to the district Party committee, People's Congress or CPPCC")
        case .billsAndReports:
            return Localized(zh: "（三）提请区人大及其常委会审议的议案、政府工作报告、重大事项草案",
                             en: "(3) bills, the government work report and drafts for the People's Congress")
        case .normativeDocuments:
            return Localized(zh: "（四）以区政府或区政府办公室名义制发的行政规范性文件",
                             en: "(4) normative documents in the name of the government or its office")
        case .personnel:
            return Localized(zh: "（五）人事任免、责任追究事项", en: "(5) appointments, removals and accountability")
        case .otherImportant:
            return Localized(zh: "（六）通报和讨论其他重要事项", en: "(6) other important matters")
        }
    }

    /// The category an item names by its number as typed (nil: none), refused outside 1 to 6.
    public static func numbered(_ number: Int?) throws -> ExecutiveCategory? {
        guard let number else { return nil }
        guard let category = ExecutiveCategory(rawValue: number) else {
            throw Refusal.invalid("item.badCategory", "常务会议任务类别须为 1 到 6（R39 第（一）至（六）项），收到 \(number)",
                                  "the executive meeting category must be 1 to 6 (R39 (1)-(6)), got \(number)")
        }
        return category
    }
}
