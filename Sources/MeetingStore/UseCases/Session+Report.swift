import MeetingKit

extension Session {
    /// The report for the days `from` through `to` (see ``PeriodReport``); overdue counts as of today.
    public func periodReport(from: Day, to: Day) throws -> PeriodReport {
        guard from <= to else {
            throw Refusal.invalid("report.badRange", "开始日期 \(from.iso) 晚于结束日期 \(to.iso)", "the start \(from.iso) is after the end \(to.iso)")
        }
        let today = clock.today
        return try read { db in
            let org = try OrgRepository.load(db)
            let calendar = try HolidayRepository.calendar(db)
            let start = LocalDateTime(day: from, minuteOfDay: 0), end = LocalDateTime(day: to.adding(days: 1), minuteOfDay: 0)
            let meetings = try Session.meetingGroups(db, from: start, to: end, asOf: LocalDateTime(day: today, minuteOfDay: 0))
            let outcomes = try Session.itemOutcomes(db, from: start, to: end)
            let minutesSteps = try MinutesRepository.open(db, bodies: false).compactMap { m -> PeriodReport.MinutesStep? in
                guard m.state == .inReview || m.state == .awaitingSignature, let who = m.waitingOn else { return nil }
                let since = (m.stepSince ?? m.createdAt).day
                return PeriodReport.MinutesStep(waitingOn: who, leadDepartmentCode: m.leadDepartmentCode,
                                                due: MinutesDeadline.stepDue(since: since, calendar: calendar))
            }
            return PeriodReport(from: from, to: to, asOf: today, meetings: meetings,
                                outcomes: outcomes,
                                pendingSteps: try Session.pendingSteps(db, org: org, calendar: calendar),
                                minutesSteps: minutesSteps,
                                overdueFollowUps: try FollowUpRepository.overdueCounts(db, on: today),
                                returnsDue: try Session.returnsDue(db, from: start, to: end, calendar: calendar),
                                attendance: try Session.attendanceTotals(db, from: start, to: end, org: org), org: org)
        }
    }

    /// The period's meetings counted by kind, status and whether they start on or after `asOf`.
    static func meetingGroups(_ db: any SQLConnection, from: LocalDateTime, to: LocalDateTime, asOf: LocalDateTime) throws -> [PeriodReport.MeetingGroup] {
        try db.rows("""
            SELECT kind, status, COUNT(*) AS meetings, COUNT(CASE WHEN start >= ? THEN 1 END) AS upcoming
            FROM meeting WHERE start >= ? AND start < ? GROUP BY kind, status
            """, asOf, from, to).flatMap { row -> [PeriodReport.MeetingGroup] in
            let kind: MeetingKind = try row.get("kind"), status: MeetingStatus = try row.get("status")
            let meetings: Int = try row.get("meetings"), upcoming: Int = try row.get("upcoming")
            return [.init(kind: kind, status: status, upcoming: true, count: upcoming),
                    .init(kind: kind, status: status, upcoming: false, count: meetings - upcoming)]
        }
    }

    /// Agenda items decided and deferred at the meetings starting in [from, to), and withdrawn
    /// in it, counted per lead department, with the days from draft to decision summed.
    ///
    /// A year of the bench office decides about 44,000 items. They are read as three short
    /// columns from `agenda_item_meeting`, which covers them (``Schema/report(_:)``), and summed
    /// as they come, not grouped in SQL: SQLite groups by sorting, and sorting 44,000 rows by
    /// department only to count them cost more than reading their three columns (callgrind on
    /// the sqlite3 shell, default data set: 148 M instructions against 98 M), and the engines
    /// share no cheap function for the days between two dates (SQLite's `julianday` made the
    /// grouped query 367 M; even `substr` to the day doubled the read, 98 M → 213 M). The
    /// meetings' days are read once, a few thousand, and found by the item's meeting id: an
    /// item's row carries no second time to turn into text.
    static func itemOutcomes(_ db: any SQLConnection, from: LocalDateTime, to: LocalDateTime) throws -> [PeriodReport.ItemOutcomes] {
        var meetingDays: [Int64: Int] = [:]
        try db.forEachRow("SELECT id, start FROM meeting WHERE start >= ? AND start < ?", from, to) { row in
            guard let id = Int64.fromSQL(row.values[0]), let start = LocalDateTime.fromSQL(row.values[1]) else { return }
            meetingDays[id] = start.day.dayNumber
        }
        var decided: [String: PeriodReport.ItemOutcomes] = [:]
        try db.forEachRow("""
            SELECT i.lead_code, i.created_at, i.meeting_id FROM meeting m JOIN agenda_item i ON i.meeting_id = m.id
            WHERE i.state = 'decided' AND m.start >= ? AND m.start < ?
            """, from, to) { row in
            let values = row.values
            // An item whose dates do not read is left out, as the report always did.
            guard let lead = String.fromSQL(values[0]), let drafted = LocalDateTime.fromSQL(values[1]),
                  let meetingId = Int64.fromSQL(values[2]), let meetingDay = meetingDays[meetingId] else { return }
            decided[lead, default: .init(kind: .decided, leadCode: lead, count: 0)].add(daysToDecision: meetingDay - drafted.day.dayNumber)
        }
        func counts(_ kind: PeriodReport.ItemOutcomes.Kind, _ rows: [SQLRow]) throws -> [PeriodReport.ItemOutcomes] {
            try rows.map { PeriodReport.ItemOutcomes(kind: kind, leadCode: try $0.get("lead_code"), count: try $0.get("items")) }
        }
        let deferred = try counts(.deferred, try db.rows("""
            SELECT i.lead_code, COUNT(*) AS items FROM agenda_slot s JOIN agenda_item i ON i.id = s.item_id
            JOIN meeting m ON m.id = s.meeting_id WHERE s.deferred AND m.start >= ? AND m.start < ? GROUP BY i.lead_code
            """, from, to))
        let withdrawn = try counts(.withdrawn, try db.rows("""
            SELECT i.lead_code, COUNT(*) AS items FROM agenda_event e JOIN agenda_item i ON i.id = e.item_id
            WHERE e.kind = ? AND e.at >= ? AND e.at < ? GROUP BY i.lead_code
            """, AgendaTimelineEntry.Kind.withdrawn.rawValue, from, to))
        let byLead: [PeriodReport.ItemOutcomes] = decided.values.sorted { $0.leadCode < $1.leadCode }
        return byLead + deferred + withdrawn
    }

    /// The R46(2) due days (``MinutesDeadline/returnDue(signedOn:calendar:)``) of the minutes
    /// signed in [from, to) and not yet sent back to the units. The report counts those past
    /// due, so it reads the signing time alone, as it comes, and works the due day out once per
    /// signing day: as ``dispatchSteps(_:since:today:calendar:)`` lines, with titles and
    /// warnings, a year's 5,000 took 54 M instructions.
    static func returnsDue(_ db: any SQLConnection, from: LocalDateTime, to: LocalDateTime, calendar: HolidayCalendar) throws -> [Day] {
        var dueBySigningDay: [Day: Day] = [:]
        var due: [Day] = []
        try db.forEachRow("""
            SELECT signed_at FROM minutes WHERE \(signedNotSentBack) AND signed_at >= ? AND signed_at < ?
            """, from, to) { row in
            guard let signed = LocalDateTime.fromSQL(row.values[0])?.day else { return }
            let returnDue = dueBySigningDay[signed] ?? MinutesDeadline.returnDue(signedOn: signed, calendar: calendar)
            dueBySigningDay[signed] = returnDue
            due.append(returnDue)
        }
        return due
    }

    /// The attendance the report shows for the days `from` through `to` (the same rule as
    /// ``attendanceStatistics(from:to:department:kind:)``, without people's lines or approved
    /// leave requests).
    public func attendanceTotals(from: Day, to: Day) throws -> AttendanceTotals {
        try read { db in
            try Session.attendanceTotals(db, from: LocalDateTime(day: from, minuteOfDay: 0),
                                         to: LocalDateTime(day: to.adding(days: 1), minuteOfDay: 0), org: try OrgRepository.load(db))
        }
    }

    /// The roster entries of the meetings starting in [from, to) that are not cancelled,
    /// counted by meeting kind, person and status: the sign-in mark's, else `leave` when
    /// the person's leave for that meeting was approved, else none (unrecorded).
    ///
    /// A year of the bench office is about 29,000 entries. Read as whole records with every
    /// mark and leave request of the year (``AttendanceStatistics``'s input) they took half of
    /// the report's time; here each is four short columns, counted as they come. A `GROUP BY`
    /// in SQL cost more (callgrind on the sqlite3 shell: 435 M instructions for the grouped query, of
    /// which 180 M the sort SQLite groups by, and 90 M the approved-leave lookup per entry,
    /// which is now one read of the year's approved requests). `participant_meeting` holds the
    /// login, so an entry is read from the index without its row (``Schema/report(_:)``).
    static func attendanceTotals(_ db: any SQLConnection, from: LocalDateTime, to: LocalDateTime, org: OrgChart) throws -> AttendanceTotals {
        struct Entry: Hashable { var meetingId: Int64; var login: String }
        struct Group: Hashable { var kind: MeetingKind; var login: String; var status: AttendanceStatus? }
        // Approved leave of the period's meetings: about a thousand a year.
        let approved = Set(try db.rows("""
            SELECT l.meeting_id, l.person_login FROM meeting m JOIN leave_request l ON l.meeting_id = m.id
            WHERE m.start >= ? AND m.start < ? AND m.status <> ? AND l.status = ?
            """, from, to, MeetingStatus.cancelled, LeaveStatus.approved).map { Entry(meetingId: try $0.get("meeting_id"), login: try $0.get("person_login")) })
        // Every roster entry with its mark (attendance.participant_id is unique: at most one),
        // four short columns read by position.
        var groups: [Group: Int] = [:]
        try db.forEachRow("""
            SELECT m.kind, p.person_login, a.status, p.meeting_id
            FROM meeting m JOIN participant p ON p.meeting_id = m.id LEFT JOIN attendance a ON a.participant_id = p.id
            WHERE m.start >= ? AND m.start < ? AND m.status <> ? AND p.person_login IS NOT NULL
            """, from, to, MeetingStatus.cancelled) { row in
            let values = row.values
            guard let kind = MeetingKind.fromSQL(values[0]), let login = String.fromSQL(values[1]),
                  let meetingId = Int64.fromSQL(values[3]) else {
                throw SQLPortError.decoding(column: "person_login", value: row["person_login"], as: "roster entry")
            }
            var status = AttendanceStatus.fromSQL(values[2])
            if status == nil, approved.contains(Entry(meetingId: meetingId, login: login)) { status = .leave }
            groups[Group(kind: kind, login: login, status: status), default: 0] += 1
        }
        let counts = groups.map { AttendanceTotals.Count(kind: $0.key.kind, login: $0.key.login, status: $0.key.status, entries: $0.value) }
        return AttendanceTotals(counts: counts, org: org)
    }
}

private extension PeriodReport.ItemOutcomes {
    /// Counts one more decided item, `days` from its draft to its decision.
    mutating func add(daysToDecision days: Int) {
        count += 1
        daysToDecision += days
    }
}
