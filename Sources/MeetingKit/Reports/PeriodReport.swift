/// The office's report for a period: meetings held per kind, agenda items decided, deferred
/// and withdrawn per lead department with the average days from draft to decision, what is
/// overdue per leader and per department (R46 approval steps, R53–R55 follow-ups), and
/// attendance rates.
///
/// Pure: the store gathers the records and counts what a year holds tens of thousands of
/// (meetings by kind and status, items per lead department, roster entries by status), this
/// type folds those counts. Overdue counts are as of ``asOf``
/// (today), whatever the period: they say what is late now.
public struct PeriodReport: Hashable, Sendable, Codable {
    /// Meetings of one kind starting in the period.
    public struct MeetingCount: Hashable, Sendable, Codable {
        public var kind: MeetingKind
        public var held = 0
        /// Past their day but not recorded as held (planned, notified, postponed).
        public var notHeld = 0
        /// Still to come (on or after ``PeriodReport/asOf``): not counted as "not held".
        public var upcoming = 0
        public var cancelled = 0
    }

    /// Agenda outcomes of one lead department (or `all`) at the period's meetings.
    public struct ItemCount: Hashable, Sendable, Codable {
        public var key: String
        public var name: String
        public var decided = 0
        public var deferred = 0
        public var withdrawn = 0
        /// Mean calendar days from the draft to the meeting that decided, nil without decisions.
        public var averageDaysToDecision: Double?
    }

    /// What is overdue now for one leader or department.
    public struct Overdue: Hashable, Sendable, Codable {
        public var key: String
        public var name: String
        /// Leaders' steps past their R46 deadline: an item's coordination or approval (5 working
        /// days), the office's feedback (1 working day), a review or signature of minutes (5).
        public var approvals = 0
        /// Open follow-ups past their due day (R53–R55); for a leader, those of the units they supervise.
        public var followUps = 0

        public var total: Int { approvals + followUps }
    }

    /// Attended over recorded, for one meeting kind or department (see ``AttendanceTotals``).
    public struct AttendanceRate: Hashable, Sendable, Codable {
        public var key: String
        public var name: String
        public var recorded: Int
        public var attended: Int
        public var rate: Double?
    }

    /// Meetings of one kind and status starting in the period, on or after ``PeriodReport/asOf``
    /// or before it, as the store counts them.
    public struct MeetingGroup: Hashable, Sendable {
        public var kind: MeetingKind
        public var status: MeetingStatus
        /// Starting on or after the day the report is taken.
        public var upcoming: Bool
        public var count: Int

        public init(kind: MeetingKind, status: MeetingStatus, upcoming: Bool, count: Int) {
            self.kind = kind
            self.status = status
            self.upcoming = upcoming
            self.count = count
        }
    }

    /// The agenda items of one lead department decided, deferred or withdrawn in the period, as
    /// the store counts them: decided and deferred at the period's meetings, withdrawn in it.
    public struct ItemOutcomes: Hashable, Sendable {
        public enum Kind: Hashable, Sendable { case decided, deferred, withdrawn }
        public var kind: Kind
        public var leadCode: String
        public var count: Int
        /// Decided items: the calendar days from each item's draft to the meeting that decided
        /// it, summed (0 for the other kinds).
        public var daysToDecision: Int

        public init(kind: Kind, leadCode: String, count: Int, daysToDecision: Int = 0) {
            self.kind = kind
            self.leadCode = leadCode
            self.count = count
            self.daysToDecision = daysToDecision
        }
    }

    /// A minutes step (review or signature) waiting on a leader, with its R46 due day.
    public struct MinutesStep: Hashable, Sendable {
        public var waitingOn: String
        public var leadDepartmentCode: String?
        public var due: Day

        public init(waitingOn: String, leadDepartmentCode: String?, due: Day) {
            self.waitingOn = waitingOn
            self.leadDepartmentCode = leadDepartmentCode
            self.due = due
        }
    }

    public var from: Day
    public var to: Day
    /// The day the overdue counts are taken.
    public var asOf: Day
    public var meetings: [MeetingCount]
    /// Departments with any outcome, by code.
    public var items: [ItemCount]
    /// All departments together.
    public var itemTotal: ItemCount
    /// Leaders (mayor, executive vice mayor, vice mayors) with anything overdue, most first.
    public var overdueByLeader: [Overdue]
    /// Departments with anything overdue, most first.
    public var overdueByDepartment: [Overdue]
    /// Minutes signed in the period that the office has not sent back to the units within
    /// one working day (R46(2)); counted too among the office's own overdue approvals.
    public var overdueReturns: Int
    public var attendance: AttendanceRate
    public var attendanceByKind: [AttendanceRate]
    public var attendanceByDepartment: [AttendanceRate]

    /// `meetings` and `outcomes` are counted by the store over the period (the report reads no
    /// single meeting or item); `overdueFollowUps` counts the follow-ups still open after their
    /// due day on `asOf`, per lead department; `returnsDue` are the R46(2) due days of the
    /// period's signed minutes not yet sent back.
    public init(from: Day, to: Day, asOf: Day, meetings: [MeetingGroup], outcomes: [ItemOutcomes], pendingSteps: [PendingStep],
                minutesSteps: [MinutesStep], overdueFollowUps: [String: Int], returnsDue: [Day] = [], attendance: AttendanceTotals, org: OrgChart) {
        self.from = from
        self.to = to
        self.asOf = asOf
        func departmentName(_ code: String) -> String { org.department(code)?.name ?? code }
        func personName(_ login: String) -> String { org.person(login)?.name ?? login }

        self.meetings = MeetingKind.allCases.map { kind in
            var count = MeetingCount(kind: kind)
            for group in meetings where group.kind == kind {
                switch group.status {
                case .held: count.held += group.count
                case .cancelled: count.cancelled += group.count
                default:
                    if group.upcoming { count.upcoming += group.count } else { count.notHeld += group.count }
                }
            }
            return count
        }

        var byDepartment: [String: ItemCount] = [:]
        var days: [String: (sum: Int, decided: Int)] = [:]
        var total = ItemCount(key: "all", name: "")
        var allDays = (sum: 0, decided: 0)
        for o in outcomes where o.count > 0 {
            var count = byDepartment[o.leadCode] ?? ItemCount(key: o.leadCode, name: departmentName(o.leadCode))
            switch o.kind {
            case .decided:
                count.decided += o.count
                total.decided += o.count
                days[o.leadCode, default: (0, 0)].sum += o.daysToDecision
                days[o.leadCode, default: (0, 0)].decided += o.count
                allDays.sum += o.daysToDecision
                allDays.decided += o.count
            case .deferred:
                count.deferred += o.count
                total.deferred += o.count
            case .withdrawn:
                count.withdrawn += o.count
                total.withdrawn += o.count
            }
            byDepartment[o.leadCode] = count
        }
        func mean(_ days: (sum: Int, decided: Int)?) -> Double? {
            guard let days, days.decided > 0 else { return nil }
            return Double(days.sum) / Double(days.decided)
        }
        items = byDepartment.values.map { c in
            var c = c
            c.averageDaysToDecision = mean(days[c.key])
            return c
        }.sorted { $0.key < $1.key }
        total.averageDaysToDecision = mean(allDays)
        itemTotal = total

        // Overdue now: agenda steps with an R46 deadline, minutes steps, open follow-ups.
        let leaders = Set(org.people.values.filter { [.mayor, .executiveViceMayor, .viceMayor].contains($0.role) }.map(\.login))
        var leaderCounts: [String: Overdue] = [:]
        var departmentCounts: [String: Overdue] = [:]
        func leader(_ login: String, _ change: (inout Overdue) -> Void) {
            guard leaders.contains(login) else { return }
            var o = leaderCounts[login] ?? Overdue(key: login, name: personName(login))
            change(&o)
            leaderCounts[login] = o
        }
        func department(_ code: String, _ change: (inout Overdue) -> Void) {
            var o = departmentCounts[code] ?? Overdue(key: code, name: departmentName(code))
            change(&o)
            departmentCounts[code] = o
        }
        for step in pendingSteps where step.isOverdue(today: asOf) {
            for login in step.waitingOn { leader(login) { $0.approvals += 1 } }
            department(step.departmentCode) { $0.approvals += 1 }
        }
        for step in minutesSteps where asOf > step.due {
            leader(step.waitingOn) { $0.approvals += 1 }
            if let code = step.leadDepartmentCode { department(code) { $0.approvals += 1 } }
        }
        let lateReturns = returnsDue.filter { asOf > $0 }.count
        overdueReturns = lateReturns
        if lateReturns > 0, let office = org.holder(of: .officeDirector)?.departmentCode {
            department(office) { $0.approvals += lateReturns }
        }
        for (code, count) in overdueFollowUps where count > 0 {
            department(code) { $0.followUps += count }
            if let supervisor = org.department(code)?.supervisorLogin { leader(supervisor) { $0.followUps += count } }
        }
        func ordered(_ list: Dictionary<String, Overdue>.Values) -> [Overdue] {
            list.sorted { ($0.total, $1.key) > ($1.total, $0.key) }
        }
        overdueByLeader = ordered(leaderCounts.values)
        overdueByDepartment = ordered(departmentCounts.values)

        func rate(_ t: AttendanceStatistics.Tally, name: String) -> AttendanceRate {
            AttendanceRate(key: t.key, name: name, recorded: t.recorded, attended: t.attended, rate: t.rate)
        }
        let recorded = attendance.kinds.reduce(0) { $0 + $1.recorded }
        let attended = attendance.kinds.reduce(0) { $0 + $1.attended }
        self.attendance = AttendanceRate(key: "all", name: "", recorded: recorded, attended: attended,
                                         rate: recorded == 0 ? nil : Double(attended) / Double(recorded))
        attendanceByKind = attendance.kinds.map { rate($0, name: MeetingKind(rawValue: $0.key)?.name.zh ?? $0.key) }
        attendanceByDepartment = attendance.departments.filter { $0.recorded > 0 }.map { rate($0, name: $0.name) }
    }
}
