/// Attendance over a period: rates per person, per department and per meeting kind, leave
/// counts and reasons, and absences without leave.
///
/// An entry counts once it has a status: a sign-in mark, or approved leave without a mark
/// (the roster shows such a person as on leave). Entries with neither are "unrecorded" and
/// stay out of the rate. The rate is attended (present + late) over recorded.
public struct AttendanceStatistics: Hashable, Sendable, Codable {
    /// Counts for one person, department or meeting kind.
    public struct Tally: Hashable, Sendable, Codable {
        /// A login, a department code or a meeting kind.
        public var key: String
        public var name: String
        public var present = 0
        public var late = 0
        public var absent = 0
        public var leave = 0
        public var substitute = 0
        /// Roster entries in the period with no status yet.
        public var unrecorded = 0
        /// Leave requests approved in the period.
        public var approvedLeave = 0

        public init(key: String, name: String) {
            self.key = key
            self.name = name
        }

        public var recorded: Int { present + late + absent + leave + substitute }
        public var attended: Int { present + late }
        /// Attended over recorded, nil when nothing is recorded.
        public var rate: Double? { recorded == 0 ? nil : Double(attended) / Double(recorded) }

        mutating func add(_ status: AttendanceStatus?) {
            switch status {
            case .present: present += 1
            case .late: late += 1
            case .absent: absent += 1
            case .leave: leave += 1
            case .substitute: substitute += 1
            case nil: unrecorded += 1
            }
        }

        // Encoded with the derived numbers so scripts need not recompute them.
        enum CodingKeys: String, CodingKey {
            case key, name, present, late, absent, leave, substitute, unrecorded, approvedLeave, recorded, attended, rate
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(key, forKey: .key)
            try c.encode(name, forKey: .name)
            try c.encode(present, forKey: .present)
            try c.encode(late, forKey: .late)
            try c.encode(absent, forKey: .absent)
            try c.encode(leave, forKey: .leave)
            try c.encode(substitute, forKey: .substitute)
            try c.encode(unrecorded, forKey: .unrecorded)
            try c.encode(approvedLeave, forKey: .approvedLeave)
            try c.encode(recorded, forKey: .recorded)
            try c.encode(attended, forKey: .attended)
            try c.encode(rate, forKey: .rate)
        }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            key = try c.decode(String.self, forKey: .key)
            name = try c.decode(String.self, forKey: .name)
            present = try c.decode(Int.self, forKey: .present)
            late = try c.decode(Int.self, forKey: .late)
            absent = try c.decode(Int.self, forKey: .absent)
            leave = try c.decode(Int.self, forKey: .leave)
            substitute = try c.decode(Int.self, forKey: .substitute)
            unrecorded = try c.decode(Int.self, forKey: .unrecorded)
            approvedLeave = try c.decode(Int.self, forKey: .approvedLeave)
        }
    }

    /// A leave request of the period, with its reason.
    public struct LeaveLine: Hashable, Sendable, Codable {
        public var requestId: Int64
        public var meetingId: Int64
        public var meetingTitle: Localized
        public var day: Day
        public var person: String
        public var name: String
        public var status: LeaveStatus
        public var reason: String
    }

    /// Someone marked absent without approved leave.
    public struct AbsenceLine: Hashable, Sendable, Codable {
        public var meetingId: Int64
        public var meetingTitle: Localized
        public var day: Day
        public var person: String
        public var name: String
    }

    public var from: Day
    public var to: Day
    public var department: String?
    public var kind: MeetingKind?
    /// Meetings counted (not cancelled, starting in the period, of the kind if given).
    public var meetings: Int
    public var people: [Tally]
    public var departments: [Tally]
    public var kinds: [Tally]
    /// All leave requests of the period's meetings (of the department's people, if given).
    public var leaves: [LeaveLine]
    public var absencesWithoutLeave: [AbsenceLine]

    /// Computes the statistics. Callers pass the period's meetings (already filtered by kind)
    /// with their rosters, marks and leave requests; `department` keeps only its people.
    public init(from: Day, to: Day, department: String?, kind: MeetingKind?, meetings: [Meeting],
                participants: [Participant], marks: [Attendance], leaves: [LeaveRequest], org: OrgChart) {
        self.from = from
        self.to = to
        self.department = department
        self.kind = kind
        let counted = meetings.filter { $0.status != .cancelled && $0.start.day >= from && $0.start.day <= to && (kind == nil || $0.kind == kind) }
        self.meetings = counted.count
        let meetingById = Dictionary(counted.compactMap { m in m.id.map { ($0, m) } }, uniquingKeysWith: { a, _ in a })
        let markByParticipant = Dictionary(marks.compactMap { a in meetingById[a.meetingId] == nil ? nil : (a.participantId, a) },
                                           uniquingKeysWith: { a, _ in a })
        var approved: [String: LeaveRequest] = [:]  // "meeting/person"
        for l in leaves where l.status == .approved && meetingById[l.meetingId] != nil { approved["\(l.meetingId)/\(l.personLogin)"] = l }

        func inScope(_ login: String) -> Person? {
            guard let person = org.person(login) else { return nil }
            if let department, person.departmentCode != department { return nil }
            return person
        }

        var people: [String: Tally] = [:]
        var departments: [String: Tally] = [:]
        var kinds: [String: Tally] = [:]
        var absences: [AbsenceLine] = []
        for p in participants {
            guard let meeting = meetingById[p.meetingId], let login = p.personLogin, let person = inScope(login) else { continue }
            let leave = approved["\(p.meetingId)/\(login)"]
            let mark = p.id.flatMap { markByParticipant[$0] }
            let status = mark?.status ?? (leave != nil ? .leave : nil)
            people[login, default: Tally(key: login, name: person.name)].add(status)
            if let code = person.departmentCode {
                departments[code, default: Tally(key: code, name: org.department(code)?.name ?? code)].add(status)
            }
            let k = meeting.kind.rawValue
            kinds[k, default: Tally(key: k, name: meeting.kind.name.zh)].add(status)
            if status == .absent && leave == nil {
                absences.append(AbsenceLine(meetingId: p.meetingId, meetingTitle: AttendanceStatistics.title(meeting),
                                            day: meeting.start.day, person: login, name: person.name))
            }
        }
        var leaveLines: [LeaveLine] = []
        for l in leaves.sorted(by: { ($0.id ?? 0) < ($1.id ?? 0) }) {
            guard let meeting = meetingById[l.meetingId], let person = inScope(l.personLogin) else { continue }
            if l.status == .approved {
                people[person.login, default: Tally(key: person.login, name: person.name)].approvedLeave += 1
                if let code = person.departmentCode { departments[code]?.approvedLeave += 1 }
                kinds[meeting.kind.rawValue]?.approvedLeave += 1
            }
            leaveLines.append(LeaveLine(requestId: l.id ?? 0, meetingId: l.meetingId, meetingTitle: AttendanceStatistics.title(meeting),
                                        day: meeting.start.day, person: person.login, name: person.name, status: l.status, reason: l.reason))
        }
        self.people = people.values.sorted { $0.key < $1.key }
        self.departments = departments.values.sorted { $0.key < $1.key }
        let kindOrder = MeetingKind.allCases.map(\.rawValue)
        self.kinds = kinds.values.sorted { kindOrder.firstIndex(of: $0.key)! < kindOrder.firstIndex(of: $1.key)! }
        self.leaves = leaveLines
        self.absencesWithoutLeave = absences.sorted { ($0.day, $0.meetingId, $0.person) < ($1.day, $1.meetingId, $1.person) }
    }

    static func title(_ m: Meeting) -> Localized { Localized(zh: m.numberedTitle(.zh), en: m.numberedTitle(.en)) }

    /// Leave requests of the period by status.
    public func leaveCount(_ status: LeaveStatus) -> Int { leaves.filter { $0.status == status }.count }
}
