import MeetingKit

/// What minutes take from the other records of a meeting: the chair, the roster with its
/// leave and sign-in (R42), the agenda with each item's statement and outcome (R41, R45(3)),
/// who may draft a request under R44, and the decisions that become follow-ups (R53).
enum MinutesSources {
    /// A decision of the meeting, to be followed up once its minutes are signed.
    struct Decision {
        var itemId: Int64?
        var department: String
        var text: String
        /// The item's title: its section of the minutes is found by it.
        var title: String = ""
    }

    /// The draft of a held meeting's minutes, from its stored records: attendance as signed
    /// in, with approved leave and registered absences from Beijing (R42, R65, R7) and the
    /// unmarked listed to be checked, never guessed present; the chair with the reason the
    /// executive vice mayor chairs (R39, R7). `requestingDepartment` makes it a request (R44).
    static func draft(_ db: any SQLConnection, meeting: Meeting, org: OrgChart, requestingDepartment: String? = nil) throws -> MinutesDraft {
        let id = meeting.id!
        let roster = Roster(meeting: meeting, participants: try MeetingRepository.participants(db, meetingId: id),
                            marks: try AttendanceRepository.marks(db, meetingId: id),
                            leaves: try LeaveRepository.requests(db, meetingId: id), org: org)
        let away = try AbsenceRepository.absences(db, from: meeting.start.day, to: meeting.start.day).filter(\.isRegistered)
        var attendance = MinutesDraft.Attendance(present: [])
        // The chair leads the meeting; a mayor who handed the chair on is not also on the roster's lines.
        var members = Set<String>()
        for line in roster.lines {
            if let login = line.person { members.insert(login) }
            switch line.status {
            case .leave?, .substitute?:
                attendance.onLeave.append((name: line.name, substitute: line.substituteName))
                continue
            case .absent?:
                attendance.absent.append(line.name)
                continue
            case nil where line.participation != .invited:
                if let absence = away.first(where: { $0.personLogin == line.person }) {
                    attendance.away.append((name: line.name, reason: absence.kind.name.zh))
                } else if line.participation == .member {
                    attendance.unmarked.append(line.name)
                } else {
                    attendance.sitsIn.append(line.name)
                }
                continue
            case .present?, .late?, nil:
                break
            }
            switch line.participation {
            case .member: attendance.present.append(line.name)
            case .sitsIn: attendance.sitsIn.append(line.name)
            case .invited:
                // A guest is named with their organisation; a person of the org chart by name.
                attendance.invited.append(line.person == nil ? line.departmentName.map { "\(line.name)（\($0)）" } ?? line.name : line.name)
            }
        }
        if let mayor = org.holder(of: .mayor), meeting.chairDelegation != nil, !members.contains(mayor.login),
           let absence = away.first(where: { $0.personLogin == mayor.login }) {
            attendance.away.insert((name: mayor.name, reason: absence.kind.name.zh), at: 0)
        }
        let chair = org.person(meeting.chairLogin).map { "\($0.name)（\($0.role.title.zh)）" } ?? meeting.chairLogin
        let items = try AgendaRepository.agenda(db, meetingId: id).lines.map { line -> MinutesDraft.Item in
            let item = line.item
            let outcome: MinutesDraft.Item.Outcome
            if line.slot.deferred {
                outcome = .deferred
            } else if item.state == .decided, item.meetingId == id {
                outcome = .decided(item.decision ?? "")
            } else if item.state == .withdrawn {
                outcome = .withdrawn(reason: item.withdrawalReason)
            } else {
                outcome = .pending
            }
            return MinutesDraft.Item(title: item.title, leadDepartment: org.department(item.leadCode)?.name ?? item.leadCode,
                                     disagreementStatement: item.statement?.text, outcome: outcome)
        }
        return MinutesDraft(meeting: meeting, chair: chair, attendance: attendance, items: items, requestingDepartment: requestingDepartment)
    }

    /// Departments that may draft the request under R44: the lead departments of the items
    /// the meeting took up; for a meeting without recorded items, the departments whose heads
    /// are members of the meeting (R40 adds the heads of the departments on the agenda).
    static func leadDepartments(_ db: any SQLConnection, meeting: Meeting, org: OrgChart) throws -> [String] {
        var leads: [String] = []
        for line in try AgendaRepository.agenda(db, meetingId: meeting.id!).lines
        where !line.slot.deferred && line.item.state != .withdrawn && !leads.contains(line.item.leadCode) {
            leads.append(line.item.leadCode)
        }
        if !leads.isEmpty { return leads }
        let members = try MeetingRepository.participants(db, meetingId: meeting.id!)
            .filter { $0.role == .member }.compactMap(\.personLogin)
        return org.departments().filter { d in d.headLogin.map(members.contains) ?? false }.map(\.code)
    }

    /// The items the meeting decided, in agenda order, with their lead departments.
    static func decisions(_ db: any SQLConnection, meeting: Meeting) throws -> [Decision] {
        try AgendaRepository.agenda(db, meetingId: meeting.id!).lines.compactMap { line in
            let item = line.item
            guard !line.slot.deferred, item.state == .decided, item.meetingId == meeting.id,
                  let text = item.decision, !text.isEmpty else { return nil }
            return Decision(itemId: item.id, department: item.leadCode, text: text, title: item.title)
        }
    }
}
