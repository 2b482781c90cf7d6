/// A government meeting: its kind, number within the term, chair, time, place and state.
public struct Meeting: Hashable, Sendable, Codable {
    /// Row id; nil until stored.
    public var id: Int64?
    public var kind: MeetingKind
    /// The government term whose numbering it belongs to.
    public var termNumber: Int
    /// Sequence within term and kind ("第39次"); nil when cancelled before it was published,
    /// and for a vice mayor's topical meeting not in the government's name (not in the series).
    public var number: Int?
    /// The number was published (notices went out) or the meeting was held: it never changes
    /// again and is never given to another meeting (R37, ``MeetingNumbering``).
    public var numberFixed: Bool
    /// The subject; empty for a regular meeting known by its number.
    public var title: String
    /// Who called it (the mayor, or a vice mayor for an ad hoc topical meeting).
    public var convenerLogin: String
    /// Who chairs it (the mayor, the entrusted EVM (R39, R7), or the convening VM).
    public var chairLogin: String
    public var start: LocalDateTime
    public var durationMinutes: Int
    public var room: String?
    public var status: MeetingStatus
    public var approval: MeetingApproval
    /// Held in the government's name (R61); VM topical meetings may or may not be.
    public var inGovernmentName: Bool
    /// Executive meetings are broadcast live (R18).
    public var liveBroadcast: Bool
    /// The cadence series that generated it (`executive`, `plenary`, `topical-mayor`), if any.
    public var series: String?
    /// The cadence date of a series meeting (kept when it moves), so planning again never
    /// duplicates it.
    public var seriesDay: Day?
    /// Why it was cancelled or postponed.
    public var statusReason: String?
    /// Why someone other than the mayor chairs a plenary or executive meeting (R39, R7).
    public var chairDelegation: ChairDelegation?
    /// Incremented on every change (optimistic locking).
    public var version: Int

    public init(id: Int64? = nil, kind: MeetingKind, termNumber: Int, number: Int? = nil, title: String = "",
                convenerLogin: String, chairLogin: String, start: LocalDateTime, durationMinutes: Int, room: String? = nil,
                status: MeetingStatus = .planned, approval: MeetingApproval = .notRequired, inGovernmentName: Bool = true,
                liveBroadcast: Bool = false, series: String? = nil, seriesDay: Day? = nil, statusReason: String? = nil,
                chairDelegation: ChairDelegation? = nil, numberFixed: Bool = false, version: Int = 1) {
        self.id = id
        self.kind = kind
        self.termNumber = termNumber
        self.number = number
        self.title = title
        self.convenerLogin = convenerLogin
        self.chairLogin = chairLogin
        self.start = start
        self.durationMinutes = durationMinutes
        self.room = room
        self.status = status
        self.approval = approval
        self.inGovernmentName = inGovernmentName
        self.liveBroadcast = liveBroadcast
        self.series = series
        self.seriesDay = seriesDay
        self.statusReason = statusReason
        self.chairDelegation = chairDelegation
        self.numberFixed = numberFixed
        self.version = version
    }

    /// Whether it takes a number in the government's series of its kind: every meeting but a
    /// vice mayor's topical meeting not held in the government's name.
    public var isInSeries: Bool { kind != .topical || inGovernmentName }

    /// The series' name: 区政府常务会议; a vice mayor's own topical meeting is a 专题会议, not
    /// the government's.
    public var seriesName: Localized {
        isInSeries ? kind.name : Localized(zh: "专题会议", en: "Topical meeting")
    }

    public var end: LocalDateTime { start.adding(minutes: durationMinutes) }

    /// "第39次区政府常务会议" (with the subject after a colon, when there is one).
    public func numberedTitle(_ lang: Lang) -> String {
        let base: String
        if let number {
            base = lang == .zh ? "第\(number)次\(seriesName.zh)" : "\(seriesName.en) No. \(number)"
        } else {
            base = seriesName.text(lang)
        }
        return title.isEmpty ? base : base + (lang == .zh ? "：" : ": ") + title
    }

    /// Whether two meetings overlap in time.
    public func overlaps(_ other: Meeting) -> Bool { start < other.end && other.start < end }
}
