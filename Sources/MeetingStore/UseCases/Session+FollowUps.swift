import MeetingKit

extension Session {
    /// Follow-ups by due day, optionally only overdue ones or one lead unit's (R53–R55); with
    /// `limit`, one page of them: at most `limit` after the first `offset`.
    public func followUps(overdueOnly: Bool = false, department: String? = nil, limit: Int? = nil, offset: Int = 0) throws -> [FollowUpLine] {
        if let limit, limit < 1 { throw Refusal.invalid("page.limit", "每页条数须至少为 1（收到 \(limit)）", "a page holds at least 1 (got \(limit))") }
        if offset < 0 { throw Refusal.invalid("page.offset", "跳过的条数不能为负（收到 \(offset)）", "the number to skip cannot be negative (got \(offset))") }
        let today = clock.today
        return try read { db in
            let org = try OrgRepository.load(db)
            if let department, org.department(department) == nil {
                throw RefusalCatalog.unknownDepartment(department)
            }
            return try followUpLines(db, FollowUpRepository.Filter(department: department, overdueOn: overdueOnly ? today : nil,
                                                                   limit: limit, offset: offset),
                                     org: org, today: today)
        }
    }

    /// One follow-up as a list shows it to the acting person; nil when there is none with `id`.
    public func followUpLine(_ id: Int64) throws -> FollowUpLine? {
        let today = clock.today
        return try read { db in
            try followUpLines(db, FollowUpRepository.Filter(id: id), org: try OrgRepository.load(db), today: today).first
        }
    }

    /// The follow-up board's lines: every open follow-up, and those closed on or after
    /// `doneSince` (a board of ten years' closed follow-ups would bury the open ones).
    public func followUpBoard(doneSince: Day) throws -> [FollowUpLine] {
        let today = clock.today
        return try read { db in
            try followUpLines(db, FollowUpRepository.Filter(openOrDoneSince: doneSince), org: try OrgRepository.load(db), today: today)
        }
    }

    /// The office closes a follow-up with a note on what was done (R54: the office supervises;
    /// the units report, ``reportFollowUp(_:_:text:due:)``).
    @discardableResult
    public func completeFollowUp(_ id: Int64, note: String) throws -> FollowUp {
        try InputLimits.check(reason: note, field: Localized(zh: "办结说明", en: "note"))
        return try updateFollowUp(id, action: "followUp.done") { followUp, change in
            guard followUp.status == .open else {
                throw Refusal.conflict("followUp.alreadyDone", "督办事项 #\(id) 已办结", "follow-up #\(id) is already done")
            }
            followUp.status = .done
            followUp.doneNote = note
            followUp.doneAt = change.now
            followUp.doneBy = actor.principal.login
            followUp.pendingRequest = nil
        }
    }

    /// The office moves an open follow-up's due day (the default is 20 working days after
    /// signing), on a unit's request, with its reason (R54); the reason is kept with the follow-up.
    @discardableResult
    public func setFollowUpDue(_ id: Int64, due: Day, reason: String) throws -> FollowUp {
        try InputLimits.check(reason: reason, field: Localized(zh: "调整理由", en: "reason for the new due day"))
        return try updateFollowUp(id, action: "followUp.due") { followUp, change in
            guard followUp.status == .open else {
                throw Refusal.conflict("followUp.alreadyDone", "督办事项 #\(id) 已办结，不能再改期限", "follow-up #\(id) is done; its due day cannot change")
            }
            guard due >= followUp.createdAt.day else {
                throw Refusal.invalid("followUp.dueBeforeCreation", "办理期限 \(due.iso) 早于纪要签发日 \(followUp.createdAt.day.iso)",
                                      "the due day \(due.iso) is before the minutes were signed (\(followUp.createdAt.day.iso))")
            }
            followUp.dueDay = due
            followUp.pendingRequest = nil
            _ = try FollowUpRepository.insert(change.db, FollowUpReport(followUpId: id, kind: .dueMoved, departmentCode: nil, text: reason,
                                                                        dueDay: due, by: actor.principal.login,
                                                                        recordedBy: actor.person.login, at: change.now))
        }
    }

    /// A responsible unit (the lead or a co-responsible one, R54) reports on a follow-up: its
    /// progress, that the work is done (the office then closes it), or a request for a later
    /// due day (`due`, with the reason in `text`; the office decides). Its head, the deputy
    /// entrusted, or a secretary on their behalf.
    @discardableResult
    public func reportFollowUp(_ id: Int64, _ kind: FollowUpReport.Kind, text: String, due: Day? = nil) throws -> FollowUpReport {
        try InputLimits.check(reason: text, field: Localized(zh: "报告内容", en: "report"))
        return try write { change in
            let db = change.db
            var followUp = try FollowUpRepository.followUp(db, id: id)
            let org = try OrgRepository.load(db)
            let units = [followUp.leadDepartmentCode] + (try FollowUpRepository.coUnits(db, of: [followUp], org: org)[id] ?? [])
            try AccessPolicy(org: org).require(.reportFollowUp(followUp, units: units), by: actor)
            guard followUp.status == .open else {
                throw Refusal.conflict("followUp.alreadyDone", "督办事项 #\(id) 已办结", "follow-up #\(id) is already done")
            }
            switch kind {
            case .progress, .completed:
                guard due == nil else {
                    throw Refusal.invalid("followUp.dueNotAsked", "只有申请延期时才提出新期限", "a new due day goes with a request for more time only")
                }
            case .moreTime:
                guard let due, due > followUp.dueDay else {
                    throw Refusal.invalid("followUp.extensionNotLater", "申请延期须提出晚于 \(followUp.dueDay.iso) 的新期限",
                                          "a request for more time names a due day after \(followUp.dueDay.iso)")
                }
            case .dueMoved:
                throw RefusalCatalog.followUpDueByOffice()
            }
            let unit = units.first { org.department($0)?.signsOff(actor.principal.login) ?? false }
            let report = try FollowUpRepository.insert(db, FollowUpReport(followUpId: id, kind: kind, departmentCode: unit, text: text,
                                                                          dueDay: due, by: actor.principal.login,
                                                                          recordedBy: actor.person.login, at: change.now))
            if kind != .progress {
                let before = followUp
                followUp.pendingRequest = kind
                followUp.version += 1
                try FollowUpRepository.update(db, followUp)
                try change.audit("followUp.request", entity: "followUp", id: String(id), before: FollowUpAudit.summary(before),
                                 after: FollowUpAudit.summary(followUp))
            }
            try change.audit("followUp.report", entity: "followUp", id: String(id), after: FollowUpAudit.summary(report))
            return report
        }
    }

    /// One follow-up with its units and everything reported on it (R54), as the acting
    /// person may see it (the reports of classified decisions are withheld like the decision, R48).
    public func followUpDetail(_ id: Int64) throws -> FollowUpDetail {
        let today = clock.today
        return try read { db in
            let org = try OrgRepository.load(db)
            guard let line = try followUpLines(db, FollowUpRepository.Filter(id: id), org: org, today: today).first else {
                throw Refusal.notFound("followUp.unknown", "没有编号为 \(id) 的督办事项", "no follow-up with id \(id)")
            }
            var reports = try FollowUpRepository.reports(db, of: id)
            if !line.descriptionVisible { for i in reports.indices { reports[i].text = "" } }
            return FollowUpDetail(line: line, reports: reports)
        }
    }

    private func updateFollowUp(_ id: Int64, action: String, _ change: (inout FollowUp, Change) throws -> Void) throws -> FollowUp {
        try write { c in
            let before = try FollowUpRepository.followUp(c.db, id: id)
            try AccessPolicy(org: try OrgRepository.load(c.db)).require(.updateFollowUp(before), by: actor)
            var after = before
            try change(&after, c)
            after.version += 1
            try FollowUpRepository.update(c.db, after)
            try c.audit(action, entity: "followUp", id: String(id), before: FollowUpAudit.summary(before), after: FollowUpAudit.summary(after))
            return after
        }
    }

    /// Creates a follow-up for each decision of minutes being signed, due 20 working days
    /// after signing (R53); every other unit the decision names is co-responsible (R54). A
    /// decision already followed up (from the original of a correction) is not repeated.
    func createFollowUps(_ change: Change, minutes: Minutes, decisions: [MinutesSources.Decision]) throws {
        let calendar = try HolidayRepository.calendar(change.db)
        let org = try OrgRepository.load(change.db)
        let due = FollowUp.defaultDue(signedOn: change.now.day, calendar: calendar)
        for decision in decisions {
            if let item = decision.itemId, try FollowUpRepository.isFollowedUp(change.db, itemId: item) { continue }
            // What the signed minutes say the meeting decided (the body may have been edited
            // since the decision was recorded), else the recorded decision.
            let text = MinutesDraft.decisionText(in: minutes.body, itemTitle: decision.title) ?? decision.text
            let followUp = try FollowUpRepository.insert(change.db, FollowUp(minutesId: minutes.id!, itemId: decision.itemId,
                                                                             leadDepartmentCode: decision.department, description: text,
                                                                             dueDay: due, createdAt: change.now))
            let co = DecisionUnits.named(in: text, org: org).filter { $0 != decision.department }
            for code in co {
                try FollowUpRepository.insertUnit(change.db, followUpId: followUp.id!, department: code)
            }
            try change.audit("followUp.create", entity: "followUp", id: String(followUp.id!),
                             after: FollowUpAudit.summary(followUp) + (co.isEmpty ? "" : " co=" + co.joined(separator: ",")))
        }
    }

    /// The follow-ups `filter` selects, as lines the acting person may see: one query for
    /// the follow-ups with their minutes' headers, one for the rosters of the classified ones.
    func followUpLines(_ db: any SQLConnection, _ filter: FollowUpRepository.Filter, org: OrgChart, today: Day) throws -> [FollowUpLine] {
        let listed = try FollowUpRepository.list(db, filter)
        var documents: [Int64: Minutes] = [:]
        for entry in listed where entry.minutes.classification.isClassified { documents[entry.followUp.minutesId] = entry.minutes }
        let hidden = try unreadable(db, among: Array(documents.values), org: org)
        let coUnits = try FollowUpRepository.coUnits(db, of: listed.map(\.followUp), org: org)
        let calendar = try HolidayRepository.calendar(db)
        return listed.map { entry in
            let f = entry.followUp, m = entry.minutes
            let department = org.department(f.leadDepartmentCode)
            // The lead unit's head must see what to do, even in classified minutes (R54).
            let visible = !hidden.contains(f.minutesId) || department?.headLogin == actor.principal.login
                || department?.headLogin == actor.person.login
            var shown = f
            if !visible { shown.description = "" }
            let co = coUnits[f.id!] ?? []
            return FollowUpLine(followUp: shown, departmentName: department?.name ?? f.leadDepartmentCode,
                                minutesNumber: m.number?.text(.zh), minutesTitle: m.title, isOverdue: f.isOverdue(today: today),
                                descriptionVisible: visible, coUnits: co, coUnitNames: co.map { org.department($0)?.name ?? $0 },
                                dueWarning: calendar.estimateWarning(since: f.createdAt.day, due: f.dueDay))
        }
    }
}

/// Follow-ups in the audit log: the decision text stays out (it may be classified, R48).
enum FollowUpAudit {
    static func summary(_ f: FollowUp) -> String {
        struct Summary: Encodable {
            var minutesId: Int64
            var itemId: Int64?
            var lead: String
            var due: Day
            var status: FollowUp.Status
            var descriptionSha256: String
            var noteSha256: String?
            var version: Int
        }
        return AuditSummary.of(Summary(minutesId: f.minutesId, itemId: f.itemId, lead: f.leadDepartmentCode, due: f.dueDay,
                                       status: f.status, descriptionSha256: SHA256.hex(f.description),
                                       noteSha256: f.doneNote.map { SHA256.hex($0) }, version: f.version))
    }

    /// A unit's report: its text stays out like the decision's.
    static func summary(_ r: FollowUpReport) -> String {
        struct Summary: Encodable {
            var kind: FollowUpReport.Kind
            var department: String?
            var due: Day?
            var textSha256: String
        }
        return AuditSummary.of(Summary(kind: r.kind, department: r.departmentCode, due: r.dueDay, textSha256: SHA256.hex(r.text)))
    }
}
