/// A decision of signed minutes, tracked to completion (督办, R53–R55): the lead unit and the
/// co-responsible units the decision names carry it out and report, the office follows it up,
/// moves its due day on a unit's request and closes it.
public struct FollowUp: Hashable, Sendable, Codable {
    public enum Status: String, CaseIterable, Sendable, Codable {
        case open
        case done

        public var name: Localized {
            self == .open ? Localized(zh: "办理中", en: "open") : Localized(zh: "已办结", en: "done")
        }
    }

    /// Working days a lead unit has by default, counted from the day the minutes are signed.
    public static let defaultWorkingDays = 20

    public var id: Int64?
    public var minutesId: Int64
    /// The agenda item whose decision this is, when it came from one.
    public var itemId: Int64?
    /// The unit that carries it out (R54).
    public var leadDepartmentCode: String
    /// What was decided.
    public var description: String
    public var dueDay: Day
    public var status: Status
    public var doneNote: String?
    public var doneAt: LocalDateTime?
    public var doneBy: String?
    public var createdAt: LocalDateTime
    /// A unit's report the office has yet to act on (R54): completion (close it) or a request
    /// for more time (move the due day); cleared when the office acts.
    public var pendingRequest: FollowUpReport.Kind?
    public var version: Int

    public init(id: Int64? = nil, minutesId: Int64, itemId: Int64? = nil, leadDepartmentCode: String, description: String,
                dueDay: Day, status: Status = .open, doneNote: String? = nil, doneAt: LocalDateTime? = nil,
                doneBy: String? = nil, createdAt: LocalDateTime, pendingRequest: FollowUpReport.Kind? = nil, version: Int = 1) {
        self.id = id
        self.minutesId = minutesId
        self.itemId = itemId
        self.leadDepartmentCode = leadDepartmentCode
        self.description = description
        self.dueDay = dueDay
        self.status = status
        self.doneNote = doneNote
        self.doneAt = doneAt
        self.doneBy = doneBy
        self.createdAt = createdAt
        self.pendingRequest = pendingRequest
        self.version = version
    }

    /// Open after its due day.
    public func isOverdue(today: Day) -> Bool { status == .open && today > dueDay }

    /// The default due day: 20 working days after `signed` (the signing day does not count).
    public static func defaultDue(signedOn day: Day, calendar: HolidayCalendar) -> Day {
        calendar.addingWorkingDays(defaultWorkingDays, to: day)
    }
}
