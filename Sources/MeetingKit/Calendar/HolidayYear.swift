/// One year of public holidays and adjusted working days (调休), as published by the State
/// Council and stored in `Data/holidays/YYYY.json` (schema in docs/data.md). Only decoded from
/// that file, so its values keep the synthesized (internal) initialisers.
public struct HolidayYear: Codable, Sendable, Hashable {
    public struct Holiday: Codable, Sendable, Hashable {
        public var name: String
        public var nameEn: String
        public var from: Day
        public var to: Day
    }

    public struct Workday: Codable, Sendable, Hashable {
        public var day: Day
        public var name: String
        public var nameEn: String
    }

    public var year: Int
    public var source: String
    public var holidays: [Holiday]
    public var workdays: [Workday]

    /// What is wrong with the data, empty when it can be used.
    public func problems() -> [Localized] {
        var found: [Localized] = []
        if !(1949...2200).contains(year) { found.append(Localized(zh: "年份 \(year) 不合理", en: "year \(year) is out of range")) }
        for h in holidays {
            if h.to < h.from {
                found.append(Localized(zh: "假期“\(h.name)”的结束日 \(h.to) 早于开始日 \(h.from)", en: "holiday \(h.nameEn): end \(h.to) is before start \(h.from)"))
            }
            if h.from.year != year && h.to.year != year {
                found.append(Localized(zh: "假期“\(h.name)”不在 \(year) 年", en: "holiday \(h.nameEn) is not in \(year)"))
            }
            if h.to.dayNumber - h.from.dayNumber > 14 {
                found.append(Localized(zh: "假期“\(h.name)”超过 15 天", en: "holiday \(h.nameEn) is longer than 15 days"))
            }
        }
        for w in workdays {
            if !w.day.isWeekend {
                found.append(Localized(zh: "调休上班日 \(w.day) 不是周末", en: "adjusted working day \(w.day) is not a Saturday or Sunday"))
            }
            if holidays.contains(where: { $0.from <= w.day && w.day <= $0.to }) {
                found.append(Localized(zh: "\(w.day) 既是假日又是调休上班日", en: "\(w.day) is both a holiday and an adjusted working day"))
            }
        }
        return found
    }
}
