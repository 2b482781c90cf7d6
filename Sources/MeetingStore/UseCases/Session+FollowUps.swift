import GRDB
import MeetingKit

extension Session {
    /// Follow-ups by due day, optionally only overdue ones or one lead unit's (R53–R55).
    public func followUps(overdueOnly: Bool = false, department: String? = nil) throws -> [FollowUpLine] {
        let today = clock.today
        return try read { db in
            let org = try OrgRepository.load(db)
            if let department, org.department(department) == nil {
                throw Refusal.notFound("department.unknown", "没有代码为 \(TextSafety.inert(department)) 的部门",
                                       "no department with code \(TextSafety.inert(department))")
            }
            return try followUpLines(db, FollowUpRepository.Filter(department: department, overdueOn: overdueOnly ? today : nil),
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

    /// Closes a follow-up with a note on what was done.
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
        }
    }

    /// Moves an open follow-up's due day (the default is 20 working days after signing).
    @discardableResult
    public func setFollowUpDue(_ id: Int64, due: Day) throws -> FollowUp {
        try updateFollowUp(id, action: "followUp.due") { followUp, _ in
            guard followUp.status == .open else {
                throw Refusal.conflict("followUp.alreadyDone", "督办事项 #\(id) 已办结，不能再改期限", "follow-up #\(id) is done; its due day cannot change")
            }
            guard due >= followUp.createdAt.day else {
                throw Refusal.invalid("followUp.dueBeforeCreation", "办理期限 \(due.iso) 早于纪要签发日 \(followUp.createdAt.day.iso)",
                                      "the due day \(due.iso) is before the minutes were signed (\(followUp.createdAt.day.iso))")
            }
            followUp.dueDay = due
        }
    }

    private func updateFollowUp(_ id: Int64, action: String, _ change: (inout FollowUp, Change) throws -> Void) throws -> FollowUp {
        try write { c in
            let before = try MinutesRepository.followUp(c.db, id: id)
            try AccessPolicy(org: try OrgRepository.load(c.db)).require(.updateFollowUp(before), by: actor)
            var after = before
            try change(&after, c)
            after.version += 1
            try after.update(c.db)
            try c.audit(action, entity: "followUp", id: String(id), before: FollowUpAudit.summary(before), after: FollowUpAudit.summary(after))
            return after
        }
    }

    /// Creates a follow-up for each decision of minutes being signed, due 20 working days
    /// after signing (R53). A decision already followed up (from the original of a correction)
    /// is not repeated.
    func createFollowUps(_ change: Change, minutes: Minutes, decisions: [MinutesSources.Decision]) throws {
        let calendar = try HolidayRepository.calendar(change.db)
        let due = FollowUp.defaultDue(signedOn: change.now.day, calendar: calendar)
        for decision in decisions {
            if let item = decision.itemId, try FollowUp.filter(Column("item_id") == item).fetchCount(change.db) > 0 { continue }
            var followUp = FollowUp(minutesId: minutes.id!, itemId: decision.itemId, leadDepartmentCode: decision.department,
                                    description: decision.text, dueDay: due, createdAt: change.now)
            try followUp.insert(change.db)
            try change.audit("followUp.create", entity: "followUp", id: String(followUp.id!),
                             after: FollowUpAudit.summary(followUp))
        }
    }

    /// The follow-ups `filter` selects, as lines the acting person may see: one query for
    /// the follow-ups with their minutes' headers, one for the rosters of the classified ones.
    func followUpLines(_ db: Database, _ filter: FollowUpRepository.Filter, org: OrgChart, today: Day) throws -> [FollowUpLine] {
        let listed = try FollowUpRepository.list(db, filter)
        var documents: [Int64: Minutes] = [:]
        for entry in listed where entry.minutes.classification.isClassified { documents[entry.followUp.minutesId] = entry.minutes }
        let hidden = try unreadable(db, among: Array(documents.values), org: org)
        return listed.map { entry in
            let f = entry.followUp, m = entry.minutes
            let department = org.department(f.leadDepartmentCode)
            // The lead unit's head must see what to do, even in classified minutes (R54).
            let visible = !hidden.contains(f.minutesId) || department?.headLogin == actor.principal.login
                || department?.headLogin == actor.person.login
            var shown = f
            if !visible { shown.description = "" }
            return FollowUpLine(followUp: shown, departmentName: department?.name ?? f.leadDepartmentCode,
                                minutesNumber: m.number?.text(.zh), minutesTitle: m.title, isOverdue: f.isOverdue(today: today),
                                descriptionVisible: visible)
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
}
