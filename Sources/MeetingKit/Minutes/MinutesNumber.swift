/// A signed document's number within its year and meeting kind: 常务会议纪要〔2026〕12号.
public struct MinutesNumber: Hashable, Sendable, Codable {
    public var kind: MeetingKind
    public var year: Int
    public var sequence: Int

    public init(kind: MeetingKind, year: Int, sequence: Int) {
        self.kind = kind
        self.year = year
        self.sequence = sequence
    }

    /// The number as printed on the document. The Chinese form is the official one.
    public func text(_ lang: Lang) -> String {
        lang == .zh ? "\(kind.shortName.zh)纪要〔\(year)〕\(sequence)号"
            : "\(kind.shortName.en) Meeting Minutes [\(year)] No. \(sequence)"
    }

    public var localized: Localized { Localized(zh: text(.zh), en: text(.en)) }
}
