import MeetingKit

extension Session {
    /// Adds one meeting: checks who may schedule it and who may chair it (R38–R40), hands an
    /// executive meeting to the executive vice mayor when the mayor is away (R7), marks a
    /// meeting convened by someone else in the government's name as awaiting the mayor's
    /// approval (R61), derives the roster, numbers it, and reports its conflicts.
    public func scheduleMeeting(_ request: MeetingRequest) throws -> ScheduledMeeting {
        try Session.validate(request)
        return try write { change in
            let org = try OrgRepository.load(change.db)
            let calendar = try HolidayRepository.calendar(change.db)
            let meeting = try Session.insertMeeting(request, series: nil, seriesDay: nil, change: change, org: org)
            try MeetingRepository.renumber(change.db, term: meeting.termNumber, kind: meeting.kind)
            let stored = try MeetingRepository.meeting(change.db, id: meeting.id!)
            try change.audit("meeting.create", entity: "meeting", id: String(stored.id!), after: AuditSummary.of(stored))
            return ScheduledMeeting(meeting: stored, conflicts: try Session.conflicts(change.db, of: stored, calendar: calendar, org: org),
                                    numberNote: try MeetingRepository.numberNote(change.db, of: stored))
        }
    }

    /// Plans a cadence over [from, to]. With `commit`, creates the meetings in one
    /// transaction (one audit event each); without, only previews. Periods that already
    /// hold a meeting of the series are left alone, so planning again never duplicates.
    public func planMeetings(_ cadence: Cadence, from: Day, to: Day, commit: Bool) throws -> PlanReport {
        if let problem = cadence.problems().first { throw Refusal(.invalidInput, code: "plan.badCadence", problem) }
        try Session.validateRange(from: from, to: to, maxDays: 5 * 366)
        if !commit {
            return try read { db in
                let org = try OrgRepository.load(db)
                try Session.requireScheduler(cadence.kind, org: org, actor: actor)
                let plan = cadence.plan(from: from, to: to, calendar: try HolidayRepository.calendar(db),
                                        existing: try Session.plannedDays(db, cadence, from: from, to: to, org: org))
                return PlanReport(plan: plan, created: [:], committed: false)
            }
        }
        return try write { change in
            let db = change.db
            let org = try OrgRepository.load(db)
            try Session.requireScheduler(cadence.kind, org: org, actor: actor)
            let calendar = try HolidayRepository.calendar(db)
            let plan = cadence.plan(from: from, to: to, calendar: calendar, existing: try Session.plannedDays(db, cadence, from: from, to: to, org: org))
            var made: [(Day, Int64)] = []
            for occurrence in plan.occurrences where occurrence.createsMeeting {
                guard let start = plan.start(of: occurrence), let nominal = occurrence.nominal else { continue }
                let request = MeetingRequest(kind: cadence.kind, start: start, durationMinutes: cadence.durationMinutes)
                let meeting = try Session.insertMeeting(request, series: cadence.series, seriesDay: nominal, change: change, org: org)
                made.append((nominal, meeting.id!))
            }
            if let term = try OrgRepository.currentTerm(db), !made.isEmpty {
                try MeetingRepository.renumber(db, term: term.number, kind: cadence.kind)
            }
            var created: [Day: ScheduledMeeting] = [:]
            for (nominal, id) in made {
                let stored = try MeetingRepository.meeting(db, id: id)
                try change.audit("meeting.create", entity: "meeting", id: String(id), after: AuditSummary.of(stored))
                created[nominal] = ScheduledMeeting(meeting: stored, conflicts: try Session.conflicts(db, of: stored, calendar: calendar, org: org))
            }
            return PlanReport(plan: plan, created: created, committed: true)
        }
    }

    /// The days the cadence's periods are already taken: the series' own meetings, and any
    /// other meeting of the kind not cancelled (added by hand, notified or not): the mayor's
    /// for a topical cadence. Planning never puts a second meeting in such a period.
    static func plannedDays(_ db: any SQLConnection, _ cadence: Cadence, from: Day, to: Day, org: OrgChart) throws -> [Day] {
        let mayor = org.holder(of: .mayor)?.login
        let others = try MeetingRepository.meetings(db, from: LocalDateTime(day: from.adding(days: -31), minuteOfDay: 0),
                                                    to: LocalDateTime(day: to.adding(days: 32), minuteOfDay: 0), kind: cadence.kind,
                                                    includeCancelled: false)
            .filter { $0.series != cadence.series && (cadence.kind != .topical || $0.chairLogin == mayor) }
            .map(\.start.day)
        return (try MeetingRepository.seriesDays(db, series: cadence.series) + others).sorted()
    }

    /// What adding `request` would give, without writing: the chair the rules pick (R7) and
    /// the conflicts, so a dialog can warn before the office commits.
    public func previewMeeting(_ request: MeetingRequest) throws -> ScheduledMeeting {
        try Session.validate(request)
        return try read { db in
            let org = try OrgRepository.load(db)
            guard let mayor = org.holder(of: .mayor) else {
                throw Refusal.notFound("org.noMayor", "组织机构中没有区长", "the org chart has no mayor")
            }
            if let chair = request.chair { _ = try Session.person(chair, in: org) }
            let principal = actor.principal
            let convener = request.convener
                ?? (request.kind == .topical ? (request.chair ?? (principal.role.supervisesPortfolio ? principal.login : mayor.login)) : mayor.login)
            let day = request.start.day
            let absences = try AbsenceRepository.absences(db, from: day, to: day)
            let (chair, delegation) = ChairRule.resolve(kind: request.kind, requested: request.chair, convener: convener, day: day, org: org,
                                                        absences: absences)
            if let refusal = ChairRule.refusal(chair: try Session.person(chair, in: org), kind: request.kind) { throw refusal }
            if delegation == .entrusted, let refusal = ChairRule.entrustmentRefusal(day: day, org: org, absences: absences, by: actor) {
                throw refusal
            }
            let meeting = Meeting(kind: request.kind, termNumber: 0, title: request.title, convenerLogin: convener, chairLogin: chair,
                                  start: request.start, durationMinutes: request.durationMinutes, room: request.room,
                                  chairDelegation: delegation)
            var roster = MeetingComposition.entries(kind: request.kind, chair: chair, org: org).compactMap(\.personLogin)
            roster += MeetingComposition.entries(forAgendaDepartments: request.departments, chair: chair, org: org).compactMap(\.personLogin)
            let others = try MeetingRepository.meetings(db, overlapping: meeting.start, meeting.end).filter { $0.status.isActive }
            let rosters = try MeetingRepository.rosterLogins(db, meetingIds: others.compactMap(\.id))
            let conflicts = Conflict.find(for: meeting, roster: roster, others: others.map { ($0, (rosters[$0.id!] ?? []).union([$0.chairLogin])) },
                                          absences: try AbsenceRepository.absences(db, from: day, to: day),
                                          calendar: try HolidayRepository.calendar(db), org: org)
            return ScheduledMeeting(meeting: meeting, conflicts: conflicts)
        }
    }

    /// The conflicts a meeting has now.
    public func conflicts(ofMeeting id: Int64) throws -> [Conflict] {
        try read { db in
            try Session.conflicts(db, of: try MeetingRepository.meeting(db, id: id), calendar: try HolidayRepository.calendar(db),
                                  org: try OrgRepository.load(db))
        }
    }

    /// For the mayor: meetings in the government's name waiting for his approval (R61).
    func schedulingWaiting(_ db: any SQLConnection) throws -> [WaitingEntry] {
        guard actor.principal.role == .mayor else { return [] }
        return try db.rows("SELECT \(MeetingRepository.columns) FROM meeting WHERE approval = ? AND status IN (?, ?) ORDER BY start",
                           MeetingApproval.awaiting, MeetingStatus.planned, MeetingStatus.postponed)
            .map(MeetingRepository.meeting)
            .map { m in
                WaitingEntry(ref: .meeting(m.id!), what: Localized(zh: "待批准会议（R61）", en: "approve meeting (R61)"),
                             title: "\(m.start.day.iso.dropFirst(5)) \(m.numberedTitle(.zh))", due: nil, isOverdue: false)
            }
    }

    /// The office's own meeting work (office staff): meetings of the last 30 days that ended
    /// but were never marked held, and held meetings whose minutes nobody has drafted yet
    /// (R43: every meeting has minutes). Read through the start index and the one-original-
    /// per-meeting index of minutes, so the home screen scans no history table.
    func officeMeetingWaiting(_ db: any SQLConnection, now: LocalDateTime) throws -> [WaitingEntry] {
        guard AccessPolicy.isOfficeStaff(actor.person) else { return [] }
        let recent = try MeetingRepository.awaitingOffice(db, from: LocalDateTime(day: now.day.adding(days: -30), minuteOfDay: 0), to: now)
        var entries: [WaitingEntry] = []
        for m in recent {
            let title = "\(m.start.day.iso.dropFirst(5)) \(m.numberedTitle(.zh))"
            switch m.status {
            case .planned, .notified, .postponed:
                guard m.end <= now else { continue }
                entries.append(WaitingEntry(ref: .meeting(m.id!), what: Localized(zh: "会议已过，待记录已召开", en: "Meeting over: mark it held"),
                                            title: title, due: nil, isOverdue: m.end.day < now.day))
            case .held:
                entries.append(WaitingEntry(ref: .meeting(m.id!), what: Localized(zh: "待起草纪要", en: "Draft the minutes"),
                                            title: title, due: nil, isOverdue: false))
            default:
                break
            }
        }
        return entries
    }

    // MARK: - Shared steps

    static func validate(_ request: MeetingRequest) throws {
        if !request.title.isEmpty { try InputLimits.check(title: request.title) }
        if let room = request.room { try InputLimits.check(name: room, field: Localized(zh: "会议室", en: "room")) }
        try MeetingDuration.check(request.durationMinutes)
    }

    /// Refuses a range that is reversed or too long to plan at once.
    static func validateRange(from: Day, to: Day, maxDays: Int) throws {
        try SchedulingInput.requireOrdered(from: from, to: to)
        guard to.dayNumber - from.dayNumber < maxDays else {
            throw Refusal.invalid("range.tooLong", "日期范围过长（最多 \(maxDays) 天）", "the date range is too long (at most \(maxDays) days)")
        }
    }

    static func requireScheduler(_ kind: MeetingKind, org: OrgChart, actor: Actor) throws {
        guard let mayor = org.holder(of: .mayor) else {
            throw Refusal.notFound("org.noMayor", "组织机构中没有区长", "the org chart has no mayor")
        }
        try AccessPolicy(org: org).require(.scheduleMeeting(kind, convener: mayor.login), by: actor)
    }

    static func person(_ login: String, in org: OrgChart) throws -> Person {
        guard let person = org.person(login) else { throw Identity.unknownLogin(login, isSelf: false) }
        return person
    }

    /// Inserts a meeting with its roster (not yet numbered or audited).
    static func insertMeeting(_ request: MeetingRequest, series: String?, seriesDay: Day?, change: Change, org: OrgChart) throws -> Meeting {
        let db = change.db
        guard let term = try OrgRepository.currentTerm(db) else {
            throw Refusal.notFound("term.missing", "尚未设置政府届次", "no government term is set")
        }
        guard let mayor = org.holder(of: .mayor) else {
            throw Refusal.notFound("org.noMayor", "组织机构中没有区长", "the org chart has no mayor")
        }
        let kind = request.kind
        if let chair = request.chair { _ = try person(chair, in: org) }
        // A vice mayor who adds a topical meeting himself convenes it (R40); otherwise the mayor does.
        let principal = change.actor.principal
        let defaultTopical = request.chair ?? (principal.role.supervisesPortfolio ? principal.login : mayor.login)
        let convener = try person(request.convener ?? (kind == .topical ? defaultTopical : mayor.login), in: org)
        if kind != .topical && convener.login != mayor.login {
            throw Refusal.rule(kind == .plenary ? "R38" : "R39", "meeting.convenerNotMayor",
                               "\(kind.name.zh)由区长召集，\(convener.name) 不能召集", "the \(kind.name.en.lowercased()) is convened by the mayor, not \(convener.name)")
        }
        if kind == .topical, let refusal = ChairRule.refusal(chair: convener, kind: .topical) { throw refusal }
        try change.require(.scheduleMeeting(kind, convener: convener.login), org: org)
        let absences = try AbsenceRepository.absences(db, from: request.start.day, to: request.start.day)
        let (chairLogin, delegation) = ChairRule.resolve(kind: kind, requested: request.chair, convener: convener.login,
                                                         day: request.start.day, org: org, absences: absences)
        if let refusal = ChairRule.refusal(chair: try person(chairLogin, in: org), kind: kind) { throw refusal }
        if delegation == .entrusted,
           let refusal = ChairRule.entrustmentRefusal(day: request.start.day, org: org, absences: absences, by: change.actor) {
            throw refusal
        }
        for code in request.departments where org.department(code) == nil {
            throw RefusalCatalog.unknownDepartment(code)
        }
        let approval: MeetingApproval = convener.login != mayor.login && request.inGovernmentName ? .awaiting : .notRequired
        var meeting = Meeting(kind: kind, termNumber: term.number, title: request.title, convenerLogin: convener.login,
                              chairLogin: chairLogin, start: request.start, durationMinutes: request.durationMinutes,
                              room: request.room.flatMap { $0.isEmpty ? nil : $0 }, approval: approval,
                              inGovernmentName: request.inGovernmentName, liveBroadcast: kind == .executive,
                              series: series, seriesDay: seriesDay, chairDelegation: delegation)
        meeting = try MeetingRepository.insert(db, meeting)
        var entries = MeetingComposition.entries(kind: kind, chair: chairLogin, org: org)
        if !request.departments.isEmpty {
            let seen = Set(entries.compactMap(\.personLogin))
            entries += MeetingComposition.entries(forAgendaDepartments: request.departments, chair: chairLogin, org: org)
                .filter { $0.personLogin.map { !seen.contains($0) } ?? true }
        }
        try MeetingRepository.insertParticipants(db, meetingId: meeting.id!, entries: entries)
        return meeting
    }

    /// Conflicts of a stored meeting with the other meetings, the absences and the calendar.
    static func conflicts(_ db: any SQLConnection, of meeting: Meeting, calendar: HolidayCalendar, org: OrgChart) throws -> [Conflict] {
        guard meeting.status.isActive, meeting.status != .held else { return [] }
        let others = try MeetingRepository.meetings(db, overlapping: meeting.start, meeting.end).filter { $0.id != meeting.id && $0.status.isActive }
        let rosters = try MeetingRepository.rosterLogins(db, meetingIds: others.compactMap(\.id) + [meeting.id!])
        var roster = [meeting.chairLogin]
        for p in try MeetingRepository.participants(db, meetingId: meeting.id!) {
            if let login = p.personLogin, !roster.contains(login) { roster.append(login) }
        }
        let absences = try AbsenceRepository.absences(db, from: meeting.start.day, to: meeting.start.day)
        return Conflict.find(for: meeting, roster: roster,
                             others: others.map { ($0, (rosters[$0.id!] ?? []).union([$0.chairLogin])) },
                             absences: absences, calendar: calendar, org: org)
    }
}

extension Change {
    /// Throws the refusal when the acting person may not perform `action`.
    func require(_ action: Action, org: OrgChart) throws {
        try AccessPolicy(org: org).require(action, by: actor)
    }
}
