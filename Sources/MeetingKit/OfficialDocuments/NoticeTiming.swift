/// When a meeting notice should go out: one to two working days ahead, so units can prepare
/// and ask for leave in advance (R42), with receipts due by 17:00 on the working day before.
public struct NoticeTiming: Hashable, Sendable, Codable {
    /// Working days from the sending day to the meeting's day (0: sent on the day itself).
    public var workingDaysAhead: Int
    /// The earliest recommended day: two working days ahead.
    public var recommendedFrom: Day
    /// The latest recommended day: one working day ahead.
    public var recommendedBy: Day
    /// Receipts are due by this time (17:00 of the working day before, or the meeting's start
    /// when that has passed).
    public var receiptsDue: LocalDateTime

    public init(meeting: Day, meetingStart: LocalDateTime, sentOn: Day, calendar: HolidayCalendar) {
        recommendedBy = NoticeTiming.workingDay(before: meeting, count: 1, calendar: calendar)
        recommendedFrom = NoticeTiming.workingDay(before: meeting, count: 2, calendar: calendar)
        var ahead = 0
        var day = sentOn
        while day < meeting {
            if calendar.isWorkingDay(day) { ahead += 1 }
            day = day.adding(days: 1)
        }
        workingDaysAhead = ahead
        let due = LocalDateTime(day: recommendedBy, minuteOfDay: 17 * 60)
        receiptsDue = sentOn > recommendedBy ? meetingStart : due
    }

    /// Sent less than one working day ahead.
    public var isLate: Bool { workingDaysAhead < 1 }

    /// A warning for a late notice, nil when it is on time.
    public var warning: Localized? {
        guard isLate else { return nil }
        return Localized(zh: "通知应提前 1 至 2 个工作日发出（最迟 \(recommendedBy.iso)），各单位可能来不及请假（R42）",
                         en: "notices should go out one to two working days ahead (by \(recommendedBy.iso)); units may not manage to ask for leave in advance (R42)")
    }

    static func workingDay(before day: Day, count: Int, calendar: HolidayCalendar) -> Day {
        var found = 0
        var candidate = day
        while found < count {
            candidate = candidate.adding(days: -1)
            if calendar.isWorkingDay(candidate) { found += 1 }
        }
        return candidate
    }
}
