import GRDB
import MeetingKit
import MeetingStore

/// Writes one synthetic meeting at a time with everything the app would have written for it
/// by then: roster, leave, sign-in, agenda items with their full timelines, minutes along
/// their review chain, follow-ups of signed decisions, and the audit events.
///
/// Rows go in through prepared statements in the caller's transaction; the values and
/// timeline entries are the ones the use cases write (see `Session+Agenda`, `Session+Minutes`,
/// `Session+Leave`), so every screen and report reads them as real records.
final class SyntheticWriter {
    let db: Database
    let org: OrgChart
    let calendar: HolidayCalendar
    let now: LocalDateTime
    var rng: SyntheticOffice.Random
    var counts = SyntheticOffice.Counts()
    var chain: AuditChainWriter
    let sql: SyntheticStatements

    let mayor: Person
    let evm: String
    let vms: [String]
    let secretaries: [String]
    let officeDirector: String
    /// Departments that may lead an item (a supervising vice mayor approves it, R41).
    let leads: [Department]
    /// Departments with a head, who may give opinions (and attend instead of a colleague).
    let withHeads: [Department]
    let streets: [Department]
    let issuer: String
    /// Signed documents so far per meeting kind and year: the next number is one more.
    var numbers: [String: Int] = [:]
    /// No more items than the size asks for.
    var itemLimit = Int.max

    /// A person on a meeting's roster, with how they attended.
    struct RosterEntry {
        var login: String
        var role: String
        var status: String?
        var substitute: String?
    }

    /// An item as the meeting's agenda shows it (the minutes draft is made of these).
    struct AgendaLine {
        var itemId: Int64
        var title: String
        var leadCode: String
        var statement: String?
        var outcome: MinutesDraft.Item.Outcome
        var deferred: Bool
    }

    init(db: Database, org: OrgChart, calendar: HolidayCalendar, now: LocalDateTime, seed: UInt64, chain: AuditChainWriter) throws {
        self.db = db
        self.org = org
        self.calendar = calendar
        self.now = now
        self.rng = SyntheticOffice.Random(state: seed)
        self.chain = chain
        self.sql = try SyntheticStatements(db)
        mayor = org.holder(of: .mayor)!
        evm = org.holder(of: .executiveViceMayor)!.login
        vms = org.activePeople(role: .viceMayor).map(\.login)
        secretaries = org.activePeople(role: .secretary).map(\.login)
        officeDirector = org.holder(of: .officeDirector)!.login
        let departments = org.departments(kind: .constituent) + org.departments(kind: .unit)
        leads = departments.filter { d in d.supervisorLogin.map { org.person($0) != nil } ?? false && d.headLogin != nil }
        withHeads = departments.filter { d in d.headLogin.map { org.person($0) != nil } ?? false }
        streets = org.departments(kind: .street)
        issuer = try OrgRepository.setting(db, "office.name") ?? SyntheticTexts.defaultIssuer
    }

    var secretary: String { rng.pick(secretaries) }

    /// Evenly spaced moments strictly between `from` and `to` (at least a minute apart).
    func spaced(_ count: Int, from: LocalDateTime, to: LocalDateTime) -> [LocalDateTime] {
        let span = max(count + 1, to.minuteNumber - from.minuteNumber)
        return (1...max(1, count)).prefix(count).map { from.adding(minutes: $0 * span / (count + 1)) }
    }

    /// `count` increasing moments after `from` and before `to`, in office hours on working days
    /// when the span allows it (evenly spaced otherwise).
    func workingTimes(_ count: Int, from: LocalDateTime, to: LocalDateTime) -> [LocalDateTime] {
        guard count > 0 else { return [] }
        var days: [Day] = []
        var d = from.day
        while d <= to.day {
            if calendar.isWorkingDay(d) { days.append(d) }
            d = d.adding(days: 1)
        }
        guard !days.isEmpty else { return spaced(count, from: from, to: to) }
        var out: [LocalDateTime] = []
        var last = from
        for i in 1...count {
            let day = days[min(days.count - 1, i * days.count / (count + 1))]
            var t = LocalDateTime(day: day, minuteOfDay: 9 * 60 + 30 + rng.below(420))
            if t <= last { t = last.adding(minutes: 10 + rng.below(50)) }
            out.append(t)
            last = t
        }
        return last < to ? out : spaced(count, from: from, to: to)
    }

    /// One meeting, held when it started before now, with everything that follows from it.
    func writeMeeting(day: Day, kind: MeetingKind, number: Int, itemCount: Int) throws {
        let hour = [9, 10, 14, 15, 16][rng.below(5)]
        let start = LocalDateTime(day: day, hour: hour, minute: rng.below(2) * 30)!
        let held = start < now
        let vm = rng.pick(vms)
        let chair = kind == .topical && rng.below(3) > 0 ? vm : mayor.login
        let title = kind == .topical ? rng.pick(SyntheticTexts.meetingTitles) : ""
        // A vice mayor's topical meeting is issued in the government's name only sometimes (R44).
        let inGovernmentName = chair == mayor.login || rng.below(2) == 0
        let duration = [60, 90, 120][rng.below(3)]
        let room = rng.pick(SyntheticTexts.rooms)
        try sql.meeting.execute(arguments: [kind.rawValue, number, title, chair, chair, start.iso, duration, room,
                                            held ? "held" : "planned", inGovernmentName, kind == .executive])
        let meetingId = db.lastInsertedRowID
        counts.meetings += 1
        let meeting = Meeting(id: meetingId, kind: kind, termNumber: 17, number: number, title: title, convenerLogin: chair,
                              chairLogin: chair, start: start, durationMinutes: duration, room: room,
                              status: held ? .held : .planned, inGovernmentName: inGovernmentName, liveBroadcast: kind == .executive)
        let created = min(start.adding(minutes: -7 * 1440), now.adding(minutes: -60 - rng.below(600)))
        try chain.append(at: created, actor: secretary, action: "meeting.create", entity: "meeting", id: String(meetingId),
                         after: "{\"kind\":\"\(kind.rawValue)\",\"start\":\"\(start.iso)\"}")

        let roster = try writeRoster(meeting: meeting, vm: vm)
        var lines: [AgendaLine] = []
        for _ in 0..<itemCount {
            if let line = try writeItem(meeting: meeting, position: lines.count) { lines.append(line) }
        }
        if held { try writeMinutes(meeting: meeting, roster: roster, agenda: lines) }
    }

    /// Members, sit-ins, leave requests and (for a held meeting) sign-in.
    func writeRoster(meeting: Meeting, vm: String) throws -> [RosterEntry] {
        let held = meeting.status == .held
        let start = meeting.start
        var roster: [RosterEntry] = [RosterEntry(login: meeting.chairLogin, role: "member")]
        let leaders = meeting.kind == .topical ? [vm] : [mayor.login, evm] + vms
        for l in leaders where l != meeting.chairLogin { roster.append(RosterEntry(login: l, role: "member")) }
        let heads = (0..<(meeting.kind == .topical ? 3 : 10)).compactMap { _ in rng.pick(withHeads).headLogin }
        for h in Set(heads).sorted() { roster.append(RosterEntry(login: h, role: meeting.kind == .topical ? "member" : "sitsIn")) }
        if meeting.kind != .topical { for s in streets.prefix(4) { if let h = s.headLogin { roster.append(RosterEntry(login: h, role: "sitsIn")) } } }
        let onRoster = Set(roster.map(\.login))

        for position in roster.indices {
            let login = roster[position].login
            try sql.participant.execute(arguments: [meeting.id!, login, roster[position].role, position])
            let participantId = db.lastInsertedRowID
            counts.participants += 1
            // The mayor files no leave (the chair is delegated, R7).
            let onLeave = login != mayor.login && rng.below(25) == 0
            var substitute: String?
            if onLeave, let person = org.person(login) {
                let approver = try LeaveRule.approver(for: person, org: org).login
                let absence = rng.below(7) == 0
                let filedBy = absence || rng.below(2) == 0 ? secretary : login
                let filed = min(start.adding(minutes: -(1 + rng.below(3)) * 1440), now.adding(minutes: -120 - rng.below(1440)))
                if !absence, person.role != .viceMayor, rng.below(3) == 0 {
                    substitute = withHeads.compactMap(\.headLogin).filter { !onRoster.contains($0) }.randomElement(using: &rng)
                }
                let pending = !held && rng.below(3) == 0
                let decidedAt = pending ? nil : min(filed.adding(minutes: 30 + rng.below(240)), now.adding(minutes: -30))
                let recordedBy = pending || rng.below(5) > 1 ? nil : secretary
                try sql.leave.execute(arguments: [meeting.id!, login, absence ? SyntheticTexts.absenceReason : rng.pick(SyntheticTexts.leaveReasons),
                                                  substitute, pending ? "pending" : "approved", approver, filedBy, filed.iso,
                                                  absence ? "absence" : "request", pending ? nil : approver, recordedBy, decidedAt?.iso,
                                                  pending ? 1 : 2])
                let leaveId = String(db.lastInsertedRowID)
                counts.leave += 1
                try chain.append(at: filed, actor: filedBy, action: "leave.request", entity: "leave", id: leaveId,
                                 after: "{\"meetingId\":\(meeting.id!),\"personLogin\":\"\(login)\",\"source\":\"\(absence ? "absence" : "request")\",\"status\":\"pending\"}")
                if let decidedAt {
                    try chain.append(at: decidedAt, actor: recordedBy ?? approver, onBehalfOf: recordedBy == nil ? nil : approver,
                                     action: "leave.approve", entity: "leave", id: leaveId, after: "{\"status\":\"approved\",\"decidedBy\":\"\(approver)\"}")
                }
            }
            if held {
                let status = onLeave ? (substitute == nil ? "leave" : "substitute")
                    : (rng.below(20) == 0 ? "late" : (rng.below(50) == 0 ? "absent" : "present"))
                try sql.attendance.execute(arguments: [meeting.id!, participantId, login, status, status == "late" ? 5 + rng.below(20) : nil,
                                                       status == "substitute" ? substitute : nil, secretary, start.iso])
                counts.attendance += 1
                roster[position].status = status
                roster[position].substitute = status == "substitute" ? substitute : nil
            }
        }
        return roster
    }
}

extension SyntheticOffice.Random: RandomNumberGenerator {}
