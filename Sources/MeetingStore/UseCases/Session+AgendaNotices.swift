import MeetingKit

/// A notice with what a list shows about it.
public struct AgendaNoticeLine: Sendable, Codable, Hashable {
    public var notice: AgendaNotice
    public var itemTitle: String
    public var meetingTitle: Localized
    /// What happened to the meeting and the item.
    public var message: Localized
}

/// Items follow their meeting (R5, R18): when a meeting is cancelled its items go back to
/// accepted, when it moves they move with it, and each lead department gets a notice.
extension Session {
    /// Notices for the departments the acting person signs off for (the head, or the deputy
    /// entrusted, R45(2)), newest first; only unread ones unless `includeRead`. Office staff
    /// who sign off for no department see every department's.
    public func itemNotices(includeRead: Bool = false) throws -> [AgendaNoticeLine] {
        try read { db in
            let org = try OrgRepository.load(db)
            let mine = Session.signedOffDepartments(org, for: actor)
            let all = mine.isEmpty && AccessPolicy.isOfficeStaff(actor.person)
            return try AgendaRepository.notices(db, departments: all ? nil : mine, includeRead: includeRead)
                .map { try Session.noticeLine(db, $0) }
        }
    }

    /// The lead department's head (or a secretary on his behalf) has read a notice.
    @discardableResult
    public func acknowledgeItemNotice(_ id: Int64) throws -> AgendaNoticeLine {
        try write { change in
            guard var notice = try AgendaRepository.notice(change.db, id: id) else {
                throw Refusal.notFound("notice.unknown", "没有编号为 \(id) 的议题通知", "no item notice with id \(id)")
            }
            let org = try OrgRepository.load(change.db)
            guard org.department(notice.departmentCode)?.signsOff(actor.principal.login) ?? false else {
                throw Refusal.forbidden("notice.notLead", "议题通知由主办部门主要负责人签收（或代录：--on-behalf-of）",
                                        "a notice is acknowledged by the lead department's head (or recorded on his behalf: --on-behalf-of)")
            }
            guard notice.acknowledgedAt == nil else {
                throw Refusal.conflict("notice.acknowledged", "该通知已签收", "this notice was already acknowledged")
            }
            let before = notice
            notice.acknowledgedAt = change.now
            notice.acknowledgedBy = actor.principal.login
            try AgendaRepository.acknowledge(change.db, notice)
            try change.audit("item.notice.read", entity: "item", id: String(notice.itemId), before: AuditSummary.of(before),
                             after: AuditSummary.of(notice))
            return try Session.noticeLine(change.db, notice)
        }
    }

    /// Moves or returns every item still waiting on `meeting` (after it was moved from
    /// `from`, or cancelled when `from` is nil), each through the item workflow, and leaves
    /// a notice for its lead department.
    func itemsFollow(_ change: Change, meeting: Meeting, movedFrom from: LocalDateTime?) throws {
        let waiting = try AgendaRepository.items(change.db, meetingId: meeting.id!).filter { $0.state == .scheduled && $0.meetingId == meeting.id }
        for item in waiting {
            _ = try transition(change, item.id!) { _ in from.map { .meetingMoved(meeting, from: $0) } ?? .meetingCancelled(meeting) }
            try AgendaRepository.insert(change.db, AgendaNotice(itemId: item.id!, departmentCode: item.leadCode, meetingId: meeting.id!,
                                                                kind: from == nil ? .returned : .moved, previousStart: from,
                                                                at: change.now, by: actor.person.login))
        }
    }

    /// Unread notices for the acting person's departments, for the home screen.
    func noticeWaitingEntries(_ db: any SQLConnection) throws -> [WaitingEntry] {
        let mine = Session.signedOffDepartments(try OrgRepository.load(db), for: actor)
        guard !mine.isEmpty else { return [] }
        var entries: [WaitingEntry] = []
        for code in mine {
            for notice in try AgendaRepository.unreadNotices(db, department: code) {
                let title = try AgendaRepository.title(db, id: notice.itemId) ?? ""
                entries.append(WaitingEntry(ref: .item(notice.itemId), what: notice.kind.name, title: "#\(notice.itemId) \(title)", due: nil, isOverdue: false))
            }
        }
        return entries
    }

    /// The departments `actor`'s principal signs off for (R45(2)).
    static func signedOffDepartments(_ org: OrgChart, for actor: Actor) -> [String] {
        org.departments().filter { $0.signsOff(actor.principal.login) }.map(\.code)
    }

    private static func noticeLine(_ db: any SQLConnection, _ notice: AgendaNotice) throws -> AgendaNoticeLine {
        let meeting = try MeetingRepository.meeting(db, id: notice.meetingId)
        return AgendaNoticeLine(notice: notice, itemTitle: try AgendaRepository.item(db, id: notice.itemId).title,
                                meetingTitle: Localized(zh: meeting.numberedTitle(.zh), en: meeting.numberedTitle(.en)),
                                message: notice.message(meeting: meeting))
    }
}
