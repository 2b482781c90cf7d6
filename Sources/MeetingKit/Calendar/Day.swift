/// A civil date in Beijing time, without a time of day.
///
/// Stored and printed as ISO 8601 (`2026-03-02`). Arithmetic goes through a day
/// number so that adding days, weekdays and comparisons need no Foundation calendar.
public struct Day: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Creates a day, or returns nil when the date does not exist (2026-02-30).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= Day.daysInMonth(year: year, month: month) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`; returns nil for anything else, including impossible dates.
    public init?(iso text: some StringProtocol) {
        guard let day = ISOText.day(in: text) else { return nil }
        self = day
    }

    /// The same for a `String`, the form every stored day arrives in: compiled here for it, as
    /// a caller in another module cannot specialise the generic form (as `LocalDateTime(iso:)`).
    public init?(iso text: String) {
        guard let day = ISOText.day(in: text) else { return nil }
        self = day
    }

    /// Days since 1970-01-01 (negative before). Algorithm from H. Hinnant's `days_from_civil`.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The day with the given day number (see ``dayNumber``).
    public init(dayNumber z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func isLeapYear(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    public var weekday: Weekday { Weekday(rawValue: ((dayNumber % 7) + 7 + 3) % 7 + 1)! }

    public var isWeekend: Bool { weekday == .saturday || weekday == .sunday }

    public func adding(days: Int) -> Day { Day(dayNumber: dayNumber + days) }

    /// The Monday of this day's ISO week.
    public var startOfWeek: Day { adding(days: -(weekday.rawValue - 1)) }

    public var iso: String {
        func pad(_ n: Int, _ w: Int) -> String { let s = String(n); return String(repeating: "0", count: max(0, w - s.count)) + s }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public var description: String { iso }

    public static func < (a: Day, b: Day) -> Bool { a.dayNumber < b.dayNumber }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = Day(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a date (YYYY-MM-DD): \(text)"))
        }
        self = day
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(iso)
    }
}

/// ISO weekday numbering: Monday is 1, Sunday is 7.
public enum Weekday: Int, CaseIterable, Sendable, Codable {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    /// Parses `mon`, `monday`, `1`, `周一`, `星期一`.
    public init?(text: String) {
        let t = text.lowercased()
        let table: [(Weekday, [String])] = [
            (.monday, ["mon", "monday", "1", "周一", "星期一"]),
            (.tuesday, ["tue", "tuesday", "2", "周二", "星期二"]),
            (.wednesday, ["wed", "wednesday", "3", "周三", "星期三"]),
            (.thursday, ["thu", "thursday", "4", "周四", "星期四"]),
            (.friday, ["fri", "friday", "5", "周五", "星期五"]),
            (.saturday, ["sat", "saturday", "6", "周六", "星期六"]),
            (.sunday, ["sun", "sunday", "7", "周日", "星期日", "星期天"]),
        ]
        guard let hit = table.first(where: { $0.1.contains(t) }) else { return nil }
        self = hit.0
    }

    public var shortName: Localized {
        let zh = ["一", "二", "三", "四", "五", "六", "日"][rawValue - 1]
        let en = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][rawValue - 1]
        return Localized(zh: "周" + zh, en: en)
    }
}
