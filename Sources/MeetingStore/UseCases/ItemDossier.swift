import MeetingKit

/// Everything shown about one agenda item, read in one snapshot: the item (with its
/// opinions and confirmations), its timeline, its meeting and place on the agenda, what it
/// waits on, and the steps the acting person may take now.
public struct ItemDossier: Sendable {
    public var item: AgendaItem
    public var timeline: [AgendaTimelineEntry]
    /// The meeting the item is on now, if any.
    public var meeting: Meeting?
    /// Its place on that meeting's agenda.
    public var slot: AgendaSlot?
    /// What the item waits on, with R46 due dates.
    public var pending: [PendingStep]
    /// The steps the acting person may take in the item's current state.
    public var allowedSteps: [AgendaStep]
    /// The org chart of the snapshot, for names.
    public var org: OrgChart
    public var today: Day

    /// "区教委（JW）" or the bare code when unknown.
    public func departmentName(_ code: String) -> String { org.department(code)?.name ?? code }

    /// "王晓燕" or the bare login when unknown.
    public func personName(_ login: String) -> String { org.person(login)?.name ?? login }
}

/// What `huiwu due` prints: the steps with an R46 deadline, and how many are due and
/// overdue per person and per department.
public struct DueReport: Sendable, Encodable {
    /// One step waiting on someone, with its deadline.
    public struct Line: Sendable, Encodable, Hashable {
        public var itemId: Int64
        public var title: String
        public var step: PendingStep.Kind
        public var waitingOn: [String]
        public var department: String
        public var since: Day
        public var due: Day
        public var overdue: Bool
    }

    /// How many steps a person or department has due, and how many of them are overdue.
    public struct Tally: Sendable, Encodable, Hashable {
        /// A login or a department code.
        public var key: String
        public var name: String
        public var due: Int
        public var overdue: Int
    }

    public var today: Day
    /// The person asked about (`--person`), if any.
    public var person: String?
    /// Overdue first, then by due date.
    public var lines: [Line]
    public var byPerson: [Tally]
    public var byDepartment: [Tally]
}
