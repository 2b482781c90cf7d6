import MeetingKit

extension Session {
    /// Every minutes document (newest first), optionally in one state. Classified documents are
    /// listed for everyone; only their bodies are restricted.
    public func minutesList(state: MinutesState? = nil) throws -> [Minutes] {
        try read { db in try MinutesRepository.all(db, state: state).map { try withheldIfNeeded(db, $0).minutes } }
    }

    /// One document with its chain, timeline, deadline and follow-ups, as the acting person may see it.
    public func minutesDetail(_ id: Int64) throws -> MinutesDetail {
        let today = clock.today
        return try read { db in
            let stored = try MinutesRepository.minutes(db, id: id)
            let (minutes, withheld) = try withheldIfNeeded(db, stored)
            let meeting = try MeetingRepository.meeting(db, id: stored.meetingId)
            let org = try OrgRepository.load(db)
            let calendar = try HolidayRepository.calendar(db)
            var detail = MinutesDetail(minutes: minutes, meeting: meeting, bodyVisible: withheld == nil, withheld: withheld,
                                       steps: try chainSteps(stored, meeting: meeting, org: org, officeCheck: try Session.officeCheck(db)),
                                       history: try MinutesRepository.history(db, minutesId: id),
                                       followUps: try followUpLines(db, FollowUpRepository.Filter(minutesId: id), org: org, today: today),
                                       isOverdue: false, names: [:])
            if let since = stored.stepSince, stored.state == .inReview || stored.state == .awaitingSignature {
                let due = MinutesDeadline.stepDue(since: since.day, calendar: calendar)
                detail.due = due
                detail.waitingDays = MinutesDeadline.waitingDays(since: since.day, today: today, calendar: calendar)
                detail.isOverdue = today > due
                detail.dueWarning = calendar.estimateWarning(since: since.day, due: due)
                detail.atOfficeCheck = stored.waitingOn.flatMap { org.person($0)?.role } == .officeDirector
            }
            if stored.state == .awaitingSignature {
                let year = today.year
                detail.nextNumber = MinutesNumber(kind: stored.meetingKind, year: year,
                                                  sequence: try MinutesRepository.nextNumber(db, kind: stored.meetingKind, year: year))
            }
            if let signedAt = stored.signedAt {
                detail.returnDue = MinutesDeadline.returnDue(signedOn: signedAt.day, calendar: calendar)
                detail.dispatch = try MinutesRepository.dispatch(db, minutesId: id)
                detail.hashVerified = stored.signedText.map { SHA256.hex($0) == stored.sha256 }
                detail.correctedBy = try MinutesRepository.correction(db, of: id)?.id
            }
            detail.declassifications = try MinutesRepository.declassifications(db, minutesId: id)
            var logins = Set(stored.chain + [stored.drafterLogin, meeting.chairLogin])
            for entry in detail.history { logins.insert(entry.actorLogin); if let r = entry.recordedBy { logins.insert(r) } }
            if let s = stored.signedBy { logins.insert(s) }
            detail.names = Dictionary(uniqueKeysWithValues: logins.map { ($0, org.person($0)?.name ?? $0) })
            return detail
        }
    }

    /// What waits on `login` (default: the acting person), oldest first, with R46 deadlines:
    /// for the mayor, the signature queue; for a reviewer, the documents at their step.
    public func minutesQueue(for login: String? = nil) throws -> [MinutesQueueEntry] {
        let today = clock.today
        return try read { db in
            let org = try OrgRepository.load(db)
            let who = login ?? actor.principal.login
            guard org.person(who) != nil else {
                throw RefusalCatalog.unknownPerson(who)
            }
            return try queue(db, among: try MinutesRepository.open(db), for: who, today: today)
        }
    }

    /// The documents of `open` (``MinutesRepository/open(_:)``) at `login`'s step, oldest
    /// first; a deputy director of the office also sees those at the office's check (R47),
    /// which he may take.
    func queue(_ db: any SQLConnection, among open: [Minutes], for login: String, today: Day) throws -> [MinutesQueueEntry] {
        let calendar = try HolidayRepository.calendar(db)
        let org = try OrgRepository.load(db)
        let director = org.person(login)?.role == .officeDeputyDirector ? org.holder(of: .officeDirector)?.login : nil
        let waiting = open.filter { m in
            m.state != .returned && (m.waitingOn == login || (director != nil && m.waitingOn == director))
        }
        let meetings = try MeetingRepository.meetingsById(db, ids: waiting.map(\.meetingId))
        return try waiting.map { stored in
            let since = stored.stepSince ?? stored.createdAt
            let due = MinutesDeadline.stepDue(since: since.day, calendar: calendar)
            var number: MinutesNumber?
            if stored.state == .awaitingSignature {
                // The number signing this document now would give (the next free one of its kind).
                number = MinutesNumber(kind: stored.meetingKind, year: today.year,
                                       sequence: try MinutesRepository.nextNumber(db, kind: stored.meetingKind, year: today.year))
            }
            let meeting = try meetings[stored.meetingId] ?? MeetingRepository.meeting(db, id: stored.meetingId)
            return MinutesQueueEntry(minutes: try withheldIfNeeded(db, stored).minutes, meetingTitle: meeting.numberedTitle(.zh),
                                     since: since, waitingDays: MinutesDeadline.waitingDays(since: since.day, today: today, calendar: calendar),
                                     due: due, isOverdue: today > due, nextNumber: number,
                                     dueWarning: calendar.estimateWarning(since: since.day, due: due))
        }
    }

    /// The document as plain UTF-8 text. Signed minutes export exactly the text that was
    /// signed (its SHA-256 is the stored one); drafts are marked as such. The laid-out forms
    /// (DOCX, PDF, HTML) are rendered by the reader from ``minutesPaper(_:)``.
    public func exportMinutes(_ id: Int64) throws -> String {
        try read { db in
            let stored = try MinutesRepository.minutes(db, id: id)
            if let refusal = try withheldIfNeeded(db, stored).withheld { throw refusal }
            return try stored.signedText ?? MinutesAudit.document(db, stored).text
        }
    }

    /// A follow-up's description as a waiting entry's title: its first 60 characters. A text of
    /// no more than 60 Unicode scalars has no more than 60 characters, and counting scalars costs
    /// a tenth of walking characters (the office director's home lists 200 follow-ups).
    static func entryTitle(_ description: String) -> String {
        description.unicodeScalars.count <= 60 ? description : String(description.prefix(60))
    }

    /// Minutes waiting for the acting person, for the home screen: documents to review or sign
    /// (with their R46 due day) and drafts returned to them.
    func minutesWaitingEntries(_ db: any SQLConnection, today: Day, calendar: HolidayCalendar) throws -> [WaitingEntry] {
        let me = actor.principal.login
        // Read once for the queue and the returned drafts, without their bodies (an entry
        // shows a title).
        let open = try MinutesRepository.open(db, bodies: false)
        var entries: [WaitingEntry] = try queue(db, among: open, for: me, today: today).map { entry in
            WaitingEntry(ref: .minutes(entry.minutes.id!),
                         what: entry.minutes.state == .awaitingSignature ? Localized(zh: "签发纪要", en: "Sign minutes")
                             : Localized(zh: "审核纪要", en: "Review minutes"),
                         title: entry.minutes.title, due: entry.due, isOverdue: entry.isOverdue, dueWarning: entry.dueWarning)
        }
        for m in open where m.state == .returned && m.drafterLogin == me {
            entries.append(WaitingEntry(ref: .minutes(m.id!), what: Localized(zh: "纪要被退回", en: "Minutes returned"),
                                        title: m.title, due: nil, isOverdue: false))
        }
        let org = try OrgRepository.load(db)
        for code in Session.signedOffDepartments(org, for: actor) {
            // Open ones only, in SQL: the indexes (lead unit, status, due day) and (co-responsible
            // unit) skip the finished history.
            let lead = try FollowUpRepository.followUps(db, department: code, status: .open)
            for f in lead + (try FollowUpRepository.openCoResponsible(db, department: code)) {
                entries.append(WaitingEntry(ref: .followUp(f.id!), what: Localized(zh: "督办事项", en: "Follow-up"),
                                            title: Session.entryTitle(f.description), due: f.dueDay, isOverdue: f.isOverdue(today: today),
                                            dueWarning: calendar.estimateWarning(since: f.createdAt.day, due: f.dueDay)))
            }
        }
        guard AccessPolicy.isOfficeStaff(actor.person) else { return entries }
        // The office supervises (R54): the units' completion reports and requests for more time.
        for f in try FollowUpRepository.awaitingOffice(db) {
            let what = f.pendingRequest == .completed ? Localized(zh: "督办事项报办结，待办公室办结", en: "Follow-up reported done: close it")
                : Localized(zh: "督办事项申请延期", en: "Follow-up asks for more time")
            entries.append(WaitingEntry(ref: .followUp(f.id!), what: what, title: Session.entryTitle(f.description), due: nil, isOverdue: false))
        }
        // Signed minutes go back to the units within one working day (R46(2)).
        for step in try dispatchSteps(db, since: today.adding(days: -Session.dispatchWindowDays), today: today, calendar: calendar) {
            entries.append(WaitingEntry(ref: .minutes(step.minutesId), what: Localized(zh: "转办已签发纪要（R46）", en: "Send signed minutes back (R46)"),
                                        title: step.title, due: step.due, isOverdue: step.overdue, dueWarning: step.dueWarning))
        }
        return entries
    }

    /// How far back the office's home and `due` look for signed minutes not yet sent back:
    /// older ones count in the period report; this version did not track earlier ones.
    static let dispatchWindowDays = 30

    /// The SQL condition on `minutes` of signed minutes the office has not yet sent back to the
    /// units (R46(2)): the home's and `due`'s dispatch steps, and the report's late returns.
    static let signedNotSentBack = "state = 'signed' AND id NOT IN (SELECT minutes_id FROM minutes_dispatch)"

    /// Signed minutes (signed on or after `since`) the office has not yet sent back to the
    /// units, with their R46(2) due day (one working day after signing).
    func dispatchSteps(_ db: any SQLConnection, since: Day, today: Day, calendar: HolidayCalendar) throws -> [DispatchStep] {
        let rows = try db.rows("""
            SELECT id, title, signed_at FROM minutes WHERE \(Session.signedNotSentBack) AND signed_at >= ? ORDER BY signed_at
            """, since)
        return try rows.compactMap { row in
            guard let signed = LocalDateTime.fromSQL(row["signed_at"]) else { return nil }
            let due = MinutesDeadline.returnDue(signedOn: signed.day, calendar: calendar)
            return DispatchStep(minutesId: try row.get("id"), title: try row.get("title"), signedOn: signed.day, due: due, overdue: today > due,
                                dueWarning: calendar.estimateWarning(since: signed.day, due: due))
        }
    }

    /// The record as the acting person may see it: classified minutes lose their body and
    /// signed text for readers outside the chain, the roster and the administrators (R48).
    func withheldIfNeeded(_ db: any SQLConnection, _ minutes: Minutes) throws -> (minutes: Minutes, withheld: Refusal?) {
        guard minutes.classification.isClassified else { return (minutes, nil) }
        let attendees = try MinutesRepository.attendees(db, meetingId: minutes.meetingId)
        guard let refusal = AccessPolicy(org: try OrgRepository.load(db))
            .refusal(for: .readMinutesBody(minutes, attendees: attendees), by: actor) else { return (minutes, nil) }
        var hidden = minutes
        hidden.body = ""
        hidden.signedText = nil
        return (hidden, refusal)
    }

    /// The chain as steps: the drafter, then each reviewer, then the mayor who signs. Before
    /// submission the chain it would follow is shown.
    func chainSteps(_ m: Minutes, meeting: Meeting, org: OrgChart, officeCheck: Bool) throws -> [MinutesChainStep] {
        let chain = m.chain.isEmpty
            ? (try? MinutesChain.chain(route: m.route, leadDepartmentCode: m.leadDepartmentCode, chairLogin: meeting.chairLogin, org: org,
                                       officeCheck: officeCheck)) ?? []
            : m.chain
        func name(_ login: String) -> String { org.person(login)?.name ?? login }
        var steps = [MinutesChainStep(login: m.drafterLogin, name: name(m.drafterLogin),
                                      task: m.route == .governmentRequest ? Localized(zh: "主办单位起草", en: "lead department drafts")
                                          : Localized(zh: "办公室起草", en: "office drafts"),
                                      status: m.state.isWithDrafter ? .current : .done)]
        for (i, login) in chain.enumerated() {
            let isSigner = i == chain.count - 1
            let role = org.person(login)?.role
            let task: Localized
            if isSigner {
                task = m.route.isInGovernmentName ? Localized(zh: "区长签发", en: "mayor signs") : Localized(zh: "副区长签发", en: "vice mayor signs")
            } else if role == .officeDirector {
                task = Localized(zh: "办公室审核（R47）", en: "office checks (R47)")
            } else if role == .executiveViceMayor {
                task = Localized(zh: "常务副区长审核", en: "EVM reviews")
            } else {
                task = Localized(zh: "分管副区长审核", en: "supervising VM reviews")
            }
            let status: MinutesChainStep.Status
            switch m.state {
            case .signed: status = .done
            case .inReview, .awaitingSignature: status = i < m.step ? .done : (i == m.step ? .current : .pending)
            case .draft, .returned: status = .pending
            }
            steps.append(MinutesChainStep(login: login, name: name(login), task: task, status: status))
        }
        return steps
    }
}
