import MeetingKit

/// Everything the home screen shows, read in one snapshot.
public struct HomeSnapshot: Sendable, Codable {
    public var officeName: Localized
    public var now: LocalDateTime
    public var day: DayInfo
    /// Meetings of this week (from Monday) and of the next seven days, in time order.
    public var meetings: [MeetingLine]
    /// What waits for the acting person, most urgent first.
    public var waiting: [WaitingEntry]
    /// Whether the office holds the demo's records (`huiwu demo remove` takes them out).
    public var demo = false
}

/// Whether a day is worked, and why not.
public struct DayInfo: Hashable, Sendable, Codable {
    public enum Status: Hashable, Sendable, Codable {
        case workingDay
        case weekend
        case holiday(Localized)
        /// A weekend day made a working day (调休).
        case adjustedWorkingDay(Localized)
    }

    public var day: Day
    public var status: Status
    /// False when the year has no holiday data: only weekends are known to be off.
    public var hasHolidayData: Bool

    public init(day: Day, calendar: HolidayCalendar) {
        self.day = day
        hasHolidayData = calendar.hasData(for: day.year)
        if let name = calendar.adjustedWorkday(on: day) {
            status = .adjustedWorkingDay(name)
        } else if let name = calendar.holiday(on: day) {
            status = .holiday(name)
        } else {
            status = day.isWeekend ? .weekend : .workingDay
        }
    }

    public var isWorkingDay: Bool {
        switch status {
        case .workingDay, .adjustedWorkingDay: return true
        case .weekend, .holiday: return false
        }
    }

    public var label: Localized {
        switch status {
        case .workingDay: return Localized(zh: "工作日", en: "working day")
        case .weekend: return Localized(zh: "休息日", en: "weekend")
        case .holiday(let name): return Localized(zh: "休息日（\(name.zh)）", en: "holiday (\(name.en))")
        case .adjustedWorkingDay: return Localized(zh: "调休上班日", en: "adjusted working day")
        }
    }
}

/// A meeting as one line of a list.
public struct MeetingLine: Hashable, Sendable, Codable {
    public var id: Int64
    public var kind: String
    /// The numbered title, e.g. 第39次区政府常务会议.
    public var title: Localized
    public var start: LocalDateTime
    public var durationMinutes: Int
    public var room: String?
    public var status: String
    /// The subject of a meeting that has one (研究城市更新工作), for lists too narrow for the
    /// whole title.
    public var subject: String?

    public init(id: Int64, kind: String, title: Localized, start: LocalDateTime, durationMinutes: Int, room: String?, status: String,
                subject: String? = nil) {
        self.id = id
        self.kind = kind
        self.title = title
        self.start = start
        self.durationMinutes = durationMinutes
        self.room = room
        self.status = status
        self.subject = subject
    }
}

extension MeetingLine {
    /// On the wire a line is the array of its values, as a waiting entry is: a week of a
    /// district's meetings is a hundred or more lines for a client to decode.
    public init(from decoder: any Decoder) throws {
        var values = try decoder.unkeyedContainer()
        id = try values.decode(Int64.self)
        kind = try values.decode(String.self)
        title = Localized(zh: try values.decode(String.self), en: try values.decode(String.self))
        start = try values.decode(LocalDateTime.self)
        durationMinutes = try values.decode(Int.self)
        room = try values.decodeIfPresent(String.self)
        status = try values.decode(String.self)
        subject = try values.decodeIfPresent(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var values = encoder.unkeyedContainer()
        try values.encode(id)
        try values.encode(kind)
        try values.encode(title.zh)
        try values.encode(title.en)
        try values.encode(start)
        try values.encode(durationMinutes)
        try values.encode(room)
        try values.encode(status)
        try values.encode(subject)
    }
}

/// Something waiting for the acting person: an approval, a review, a signature.
public struct WaitingEntry: Hashable, Sendable, Codable {
    public var ref: RecordRef
    public var what: Localized
    public var title: String
    /// When it is due (R46), if a deadline applies.
    public var due: Day?
    public var isOverdue: Bool
    /// The due day was counted through a year without holiday data: an estimate (R46).
    public var dueWarning: Localized?

    public init(ref: RecordRef, what: Localized, title: String, due: Day?, isOverdue: Bool, dueWarning: Localized? = nil) {
        self.ref = ref
        self.what = what
        self.title = title
        self.due = due
        self.isOverdue = isOverdue
        self.dueWarning = dueWarning
    }
}

extension WaitingEntry {
    /// On the wire an entry is the array of its values, not an object: the office director's
    /// home lists hundreds, and a served client spent 98 M instructions decoding them as keyed
    /// containers (docs/performance.md).
    public init(from decoder: any Decoder) throws {
        var values = try decoder.unkeyedContainer()
        ref = try values.decode(RecordRef.self)
        what = Localized(zh: try values.decode(String.self), en: try values.decode(String.self))
        title = try values.decode(String.self)
        due = try values.decodeIfPresent(Day.self)
        isOverdue = try values.decode(Bool.self)
        let warning = (zh: try values.decodeIfPresent(String.self), en: try values.decodeIfPresent(String.self))
        dueWarning = warning.zh.map { Localized(zh: $0, en: warning.en ?? $0) }
    }

    public func encode(to encoder: any Encoder) throws {
        var values = encoder.unkeyedContainer()
        try values.encode(ref)
        try values.encode(what.zh)
        try values.encode(what.en)
        try values.encode(title)
        try values.encode(due)
        try values.encode(isOverdue)
        try values.encode(dueWarning?.zh)
        try values.encode(dueWarning?.en)
    }
}
