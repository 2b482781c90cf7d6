/// A meeting's roster with each entry's leave and sign-in: what the office checks before
/// and at the meeting. Approved leave shows as `leave` before anyone signs in; an absence
/// without approved leave is flagged.
public struct Roster: Hashable, Sendable, Codable {
    /// One roster entry.
    public struct Line: Hashable, Sendable, Codable {
        public var participantId: Int64
        /// The person's login, nil for a named guest.
        public var person: String?
        public var name: String
        public var participation: Participation
        /// The person's role (nil for guests).
        public var role: Role?
        /// Department or street code (guests: nil).
        public var department: String?
        /// The department's name, or the guest's organisation.
        public var departmentName: String?
        /// The sign-in mark, else `leave` when leave is approved, else nil (not signed in yet).
        public var status: AttendanceStatus?
        /// Whether ``status`` comes from a sign-in mark (false: from approved leave, or none).
        public var marked: Bool
        public var lateMinutes: Int?
        /// Who attends (or attended) instead: the mark's substitute, else the approved leave's.
        public var substitute: String?
        public var substituteName: String?
        /// The latest open (or last rejected) leave request of this person for the meeting.
        public var leaveId: Int64?
        public var leaveStatus: LeaveStatus?
        /// Marked absent without approved leave.
        public var absentWithoutLeave: Bool
    }

    public var meetingId: Int64
    public var title: Localized
    public var start: LocalDateTime
    public var lines: [Line]

    /// Builds the roster from stored values. `leaves` may hold any requests of the meeting.
    public init(meeting: Meeting, participants: [Participant], marks: [Attendance], leaves: [LeaveRequest], org: OrgChart) {
        meetingId = meeting.id ?? 0
        title = Localized(zh: meeting.numberedTitle(.zh), en: meeting.numberedTitle(.en))
        start = meeting.start
        let markByParticipant = Dictionary(marks.map { ($0.participantId, $0) }, uniquingKeysWith: { a, _ in a })
        let leaveByPerson = Roster.currentLeave(leaves)
        lines = participants.map { p in
            let person = p.personLogin.flatMap { org.person($0) }
            let mark = p.id.flatMap { markByParticipant[$0] }
            let leave = p.personLogin.flatMap { leaveByPerson[$0] }
            let approved = leave?.status == .approved ? leave : nil
            let status = mark?.status ?? (approved != nil ? .leave : nil)
            // Before sign-in the approved leave's substitute is expected; once marked, only a
            // `substitute` mark names who actually came.
            let substitute = mark == nil ? approved?.substituteLogin : mark?.substituteLogin
            let departmentCode = person?.departmentCode
            return Line(participantId: p.id ?? 0, person: p.personLogin,
                        name: person?.name ?? p.guestName ?? p.personLogin ?? "",
                        participation: p.role, role: person?.role, department: departmentCode,
                        departmentName: departmentCode.flatMap { org.department($0)?.name } ?? p.guestOrg,
                        status: status, marked: mark != nil, lateMinutes: mark?.lateMinutes,
                        substitute: substitute, substituteName: substitute.flatMap { org.person($0)?.name },
                        leaveId: leave?.id, leaveStatus: leave?.status,
                        absentWithoutLeave: mark?.status == .absent && approved == nil)
        }
    }

    /// Per person, the request that speaks for them: the open one, else the latest rejected one.
    static func currentLeave(_ leaves: [LeaveRequest]) -> [String: LeaveRequest] {
        var result: [String: LeaveRequest] = [:]
        for leave in leaves.sorted(by: { ($0.id ?? 0) < ($1.id ?? 0) }) {
            if let existing = result[leave.personLogin], existing.status.isOpen, !leave.status.isOpen { continue }
            result[leave.personLogin] = leave
        }
        return result
    }

    /// Entries signed in (marked) out of all entries.
    public var markedCount: Int { lines.filter(\.marked).count }
}
