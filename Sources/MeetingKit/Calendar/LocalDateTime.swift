/// A wall-clock moment in Beijing time (Asia/Shanghai, UTC+8 all year), to the minute.
///
/// The office works in Beijing time whatever the server's zone, so every stored time is
/// this type, written as `2026-03-02T09:00`, which also sorts correctly as text.
public struct LocalDateTime: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let day: Day
    /// Minutes after midnight, 0..<1440.
    public let minuteOfDay: Int

    public init(day: Day, minuteOfDay: Int) {
        precondition((0..<1440).contains(minuteOfDay), "minute of day out of range")
        self.day = day
        self.minuteOfDay = minuteOfDay
    }

    public init?(day: Day, hour: Int, minute: Int) {
        guard (0..<24).contains(hour), (0..<60).contains(minute) else { return nil }
        self.init(day: day, minuteOfDay: hour * 60 + minute)
    }

    /// Parses `YYYY-MM-DDTHH:MM` (a space instead of `T`, and trailing `:SS`, are accepted).
    public init?(iso text: some StringProtocol) {
        self.init(parsing: text)
    }

    /// The same for a `String`, the form every stored time arrives in: compiled here for it,
    /// as a caller in another module cannot specialise the generic form, which took 740
    /// instructions a time (a twentieth of a year's report, which reads 50,000).
    public init?(iso text: String) {
        self.init(parsing: text)
    }

    private init?(parsing text: some StringProtocol) {
        // The stored form, `2026-03-02T09:00`, byte by byte; any other accepted form below.
        if let stored = ISOText.storedDateTime(in: text) {
            self = stored
            return
        }
        let s = String(text)
        guard s.count >= 16 else { return nil }
        let datePart = s.prefix(10)
        let sep = s[s.index(s.startIndex, offsetBy: 10)]
        guard sep == "T" || sep == " ", let day = Day(iso: datePart) else { return nil }
        var timePart = s.dropFirst(11)
        if timePart.count == 8, timePart.hasSuffix(":00") { timePart = timePart.dropLast(3) }
        guard let (h, m) = LocalDateTime.parseTime(timePart) else { return nil }
        self.init(day: day, hour: h, minute: m)
    }

    /// Parses `HH:MM` into hour and minute.
    public static func parseTime(_ text: some StringProtocol) -> (Int, Int)? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let h = Int(parts[0]), let m = Int(parts[1]), (0..<24).contains(h), (0..<60).contains(m)
        else { return nil }
        return (h, m)
    }

    public var hour: Int { minuteOfDay / 60 }
    public var minute: Int { minuteOfDay % 60 }

    /// Minutes since 1970-01-01T00:00 Beijing time.
    public var minuteNumber: Int { day.dayNumber * 1440 + minuteOfDay }

    public init(minuteNumber: Int) {
        let d = minuteNumber >= 0 ? minuteNumber / 1440 : (minuteNumber - 1439) / 1440
        self.init(day: Day(dayNumber: d), minuteOfDay: minuteNumber - d * 1440)
    }

    public func adding(minutes: Int) -> LocalDateTime { LocalDateTime(minuteNumber: minuteNumber + minutes) }

    public var timeText: String {
        (hour < 10 ? "0" : "") + String(hour) + ":" + (minute < 10 ? "0" : "") + String(minute)
    }

    public var iso: String { day.iso + "T" + timeText }

    public var description: String { iso }

    public static func < (a: LocalDateTime, b: LocalDateTime) -> Bool { a.minuteNumber < b.minuteNumber }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = LocalDateTime(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a time (YYYY-MM-DDTHH:MM): \(text)"))
        }
        self = value
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(iso)
    }
}
