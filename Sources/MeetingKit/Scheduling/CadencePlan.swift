/// The result of planning a cadence over a date range: one occurrence per period, each on
/// its date, moved, skipped or already planned, plus the warnings the office must see
/// (a year without holiday data).
public struct CadencePlan: Hashable, Sendable, Codable {
    public enum Outcome: Hashable, Sendable, Codable {
        /// The cadence date is a working day.
        case onDate
        /// The cadence date is not a working day; the meeting moves within its period.
        case moved(Localized)
        /// No working day is left in the period (or the date is unknown); no meeting.
        case skipped(Localized)
        /// The series already has a meeting for this period; nothing new is made.
        case alreadyPlanned
    }

    /// One period of the cadence and what planning does with it.
    public struct Occurrence: Hashable, Sendable, Codable {
        public var period: ClosedRange<Day>
        /// The date the cadence names before the working-day rule; nil when it is unknown.
        public var nominal: Day?
        /// The meeting day: the cadence date, the day it moved to, the existing meeting's
        /// cadence date; nil when skipped.
        public var day: Day?
        public var outcome: Outcome

        /// True when planning makes a new meeting for this occurrence.
        public var createsMeeting: Bool {
            switch outcome {
            case .onDate, .moved: return true
            case .skipped, .alreadyPlanned: return false
            }
        }

        public var isSkipped: Bool { if case .skipped = outcome { return true } else { return false } }

        /// "moved", "skipped" … for JSON.
        public var outcomeCode: String {
            switch outcome {
            case .onDate: return "onDate"
            case .moved: return "moved"
            case .skipped: return "skipped"
            case .alreadyPlanned: return "alreadyPlanned"
            }
        }

        /// Why it moved or was skipped.
        public var reason: Localized? {
            switch outcome {
            case .moved(let r), .skipped(let r): return r
            case .onDate, .alreadyPlanned: return nil
            }
        }
    }

    public var cadence: Cadence
    public var from: Day
    public var to: Day
    public var occurrences: [Occurrence]
    public var warnings: [Localized]

    /// The start of the meeting an occurrence makes.
    public func start(of occurrence: Occurrence) -> LocalDateTime? {
        occurrence.day.map { LocalDateTime(day: $0, minuteOfDay: cadence.minuteOfDay) }
    }

    /// Why a day is not a meeting day: the holiday's name, or the weekend.
    public static func nonWorkingReason(_ day: Day, _ calendar: HolidayCalendar) -> Localized {
        if let holiday = calendar.holiday(on: day) {
            return Localized(zh: "\(day.iso) 是\(holiday.zh)假期", en: "\(day.iso) is a holiday (\(holiday.en))")
        }
        if day.isWeekend { return Localized(zh: "\(day.iso) 是周末", en: "\(day.iso) is a weekend day") }
        return Localized(zh: "\(day.iso) 不是工作日", en: "\(day.iso) is not a working day")
    }

    /// The warning for planning into a year the calendar knows nothing about.
    public static func noDataWarning(year: Int) -> Localized {
        Localized(zh: "\(year) 年无假日数据：仅按周末计", en: "no holiday data for \(year): weekends only")
    }
}
