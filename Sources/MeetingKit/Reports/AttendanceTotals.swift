/// Attendance of a period per meeting kind and per department, from counts the store takes:
/// what ``PeriodReport`` shows, without the records ``AttendanceStatistics`` needs for its
/// people's lines.
///
/// The rule is ``AttendanceStatistics``'s (an entry's status is its sign-in mark, else
/// `leave` with approved leave, else none: unrecorded); the store counts the entries of the
/// period's meetings that are not cancelled, grouped by kind, person and status, and this type
/// folds those groups the way ``AttendanceStatistics`` folds single entries: people missing
/// from the org chart are left out, a department is the person's. Approved leave requests
/// (``AttendanceStatistics/Tally/approvedLeave``) are not counted here: the report does not
/// show them.
public struct AttendanceTotals: Hashable, Sendable {
    /// The roster entries of one meeting kind and person with one status (nil: unrecorded).
    public struct Count: Hashable, Sendable {
        public var kind: MeetingKind
        public var login: String
        public var status: AttendanceStatus?
        public var entries: Int

        public init(kind: MeetingKind, login: String, status: AttendanceStatus?, entries: Int) {
            self.kind = kind
            self.login = login
            self.status = status
            self.entries = entries
        }
    }

    /// Per meeting kind with any entry, in ``MeetingKind`` order.
    public var kinds: [AttendanceStatistics.Tally]
    /// Per department with any entry, by code.
    public var departments: [AttendanceStatistics.Tally]

    public init(counts: [Count], org: OrgChart) {
        var kinds: [MeetingKind: AttendanceStatistics.Tally] = [:]
        var departments: [String: AttendanceStatistics.Tally] = [:]
        for c in counts {
            guard let person = org.person(c.login) else { continue }
            if let code = person.departmentCode {
                departments[code, default: .init(key: code, name: org.department(code)?.name ?? code)].add(c.status, entries: c.entries)
            }
            kinds[c.kind, default: .init(key: c.kind.rawValue, name: c.kind.name.zh)].add(c.status, entries: c.entries)
        }
        self.kinds = MeetingKind.allCases.compactMap { kinds[$0] }
        self.departments = departments.values.sorted { $0.key < $1.key }
    }
}

extension AttendanceStatistics.Tally {
    fileprivate mutating func add(_ status: AttendanceStatus?, entries: Int) {
        switch status {
        case .present: present += entries
        case .late: late += entries
        case .absent: absent += entries
        case .leave: leave += entries
        case .substitute: substitute += entries
        case nil: unrecorded += entries
        }
    }
}
