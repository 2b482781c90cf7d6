import GRDB
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
                                       steps: try chainSteps(stored, meeting: meeting, org: org),
                                       history: try MinutesRepository.history(db, minutesId: id),
                                       followUps: try followUpLines(db, FollowUpRepository.Filter(minutesId: id), org: org, today: today),
                                       isOverdue: false, names: [:])
            if let since = stored.stepSince, stored.state == .inReview || stored.state == .awaitingSignature {
                let due = MinutesDeadline.stepDue(since: since.day, calendar: calendar)
                detail.due = due
                detail.waitingDays = MinutesDeadline.waitingDays(since: since.day, today: today, calendar: calendar)
                detail.isOverdue = today > due
            }
            if stored.state == .awaitingSignature {
                let year = today.year
                detail.nextNumber = MinutesNumber(kind: stored.meetingKind, year: year,
                                                  sequence: try MinutesRepository.nextNumber(db, kind: stored.meetingKind, year: year))
            }
            if let signedAt = stored.signedAt {
                detail.returnDue = MinutesDeadline.returnDue(signedOn: signedAt.day, calendar: calendar)
                detail.hashVerified = stored.signedText.map { SHA256.hex($0) == stored.sha256 }
                detail.correctedBy = try MinutesRepository.correction(db, of: id)?.id
            }
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
                throw Refusal.notFound("identity.unknownPerson", "没有登录名为 “\(TextSafety.inert(who))” 的人员",
                                       "no person with login '\(TextSafety.inert(who))'")
            }
            return try queue(db, for: who, today: today)
        }
    }

    func queue(_ db: Database, for login: String, today: Day) throws -> [MinutesQueueEntry] {
        let calendar = try HolidayRepository.calendar(db)
        return try MinutesRepository.open(db).filter { $0.state != .returned && $0.waitingOn == login }.map { stored in
            let since = stored.stepSince ?? stored.createdAt
            let due = MinutesDeadline.stepDue(since: since.day, calendar: calendar)
            var number: MinutesNumber?
            if stored.state == .awaitingSignature {
                // The number signing this document now would give (the next free one of its kind).
                number = MinutesNumber(kind: stored.meetingKind, year: today.year,
                                       sequence: try MinutesRepository.nextNumber(db, kind: stored.meetingKind, year: today.year))
            }
            let meeting = try MeetingRepository.meeting(db, id: stored.meetingId)
            return MinutesQueueEntry(minutes: try withheldIfNeeded(db, stored).minutes, meetingTitle: meeting.numberedTitle(.zh),
                                     since: since, waitingDays: MinutesDeadline.waitingDays(since: since.day, today: today, calendar: calendar),
                                     due: due, isOverdue: today > due, nextNumber: number)
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

    /// Minutes waiting for the acting person, for the home screen: documents to review or sign
    /// (with their R46 due day) and drafts returned to them.
    func minutesWaitingEntries(_ db: Database, today: Day, calendar: HolidayCalendar) throws -> [WaitingEntry] {
        let me = actor.principal.login
        var entries: [WaitingEntry] = try queue(db, for: me, today: today).map { entry in
            WaitingEntry(ref: .minutes(entry.minutes.id!),
                         what: entry.minutes.state == .awaitingSignature ? Localized(zh: "签发纪要", en: "Sign minutes")
                             : Localized(zh: "审核纪要", en: "Review minutes"),
                         title: entry.minutes.title, due: entry.due, isOverdue: entry.isOverdue)
        }
        for m in try MinutesRepository.open(db) where m.state == .returned && m.drafterLogin == me {
            entries.append(WaitingEntry(ref: .minutes(m.id!), what: Localized(zh: "纪要被退回", en: "Minutes returned"),
                                        title: m.title, due: nil, isOverdue: false))
        }
        let org = try OrgRepository.load(db)
        let mine = org.departments().filter { $0.headLogin == me }.map(\.code)
        for code in mine {
            // Open ones only, in SQL: the index (lead unit, status, due day) skips the finished history.
            for f in try MinutesRepository.followUps(db, department: code, status: .open) {
                entries.append(WaitingEntry(ref: .followUp(f.id!), what: Localized(zh: "督办事项", en: "Follow-up"),
                                            title: String(f.description.prefix(60)), due: f.dueDay, isOverdue: f.isOverdue(today: today)))
            }
        }
        return entries
    }

    /// The record as the acting person may see it: classified minutes lose their body and
    /// signed text for readers outside the chain, the roster and the administrators (R48).
    func withheldIfNeeded(_ db: Database, _ minutes: Minutes) throws -> (minutes: Minutes, withheld: Refusal?) {
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
    func chainSteps(_ m: Minutes, meeting: Meeting, org: OrgChart) throws -> [MinutesChainStep] {
        let chain = m.chain.isEmpty
            ? (try? MinutesChain.chain(route: m.route, leadDepartmentCode: m.leadDepartmentCode, chairLogin: meeting.chairLogin, org: org)) ?? []
            : m.chain
        func name(_ login: String) -> String { org.person(login)?.name ?? login }
        var steps = [MinutesChainStep(login: m.drafterLogin, name: name(m.drafterLogin),
                                      task: m.route == .governmentRequest ? Localized(zh: "主办单位起草", en: "lead department drafts")
                                          : Localized(zh: "办公室起草", en: "office drafts"),
                                      status: m.state.isWithDrafter ? .current : .done)]
        for (i, login) in chain.enumerated() {
            let isSigner = i == chain.count - 1
            let role = org.person(login)?.role
            let task: Localized = isSigner ? Localized(zh: "区长签发", en: "mayor signs")
                : role == .executiveViceMayor ? Localized(zh: "常务副区长审核", en: "EVM reviews")
                : Localized(zh: "分管副区长审核", en: "supervising VM reviews")
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
