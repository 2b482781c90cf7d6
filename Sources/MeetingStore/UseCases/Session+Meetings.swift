import GRDB
import MeetingKit

extension Session {
    /// Creates one meeting with the roster the rules derive from the org chart (R38–R40)
    /// and numbers it within the term. Returns the stored meeting.
    @discardableResult
    public func addMeeting(kind: MeetingKind, start: LocalDateTime, durationMinutes: Int = 120, chair: String? = nil,
                           convener: String? = nil, room: String? = nil, title: String = "", inGovernmentName: Bool = true,
                           series: String? = nil) throws -> Meeting {
        if !title.isEmpty { try InputLimits.check(title: title) }
        guard (1...24 * 60).contains(durationMinutes) else {
            throw Refusal.invalid("meeting.badDuration", "会议时长须在 1 到 1440 分钟之间", "the duration must be 1 to 1440 minutes")
        }
        return try write { change in
            let db = change.db
            let org = try OrgRepository.load(db)
            guard let term = try OrgRepository.currentTerm(db) else {
                throw Refusal.notFound("term.missing", "尚未设置政府届次", "no government term is set")
            }
            guard let mayor = org.holder(of: .mayor) else {
                throw Refusal.notFound("org.noMayor", "组织机构中没有区长", "the org chart has no mayor")
            }
            let convenerLogin = convener ?? (kind == .topical ? (chair ?? mayor.login) : mayor.login)
            let chairLogin = chair ?? (kind == .topical ? convenerLogin : mayor.login)
            for login in [convenerLogin, chairLogin] where org.person(login) == nil {
                throw Refusal.notFound("identity.unknownPerson", "没有登录名为 “\(TextSafety.inert(login))” 的人员",
                                       "no person with login '\(TextSafety.inert(login))'")
            }
            let approval: MeetingApproval = convenerLogin != mayor.login && inGovernmentName ? .awaiting : .notRequired
            var meeting = Meeting(kind: kind, termNumber: term.number, title: title, convenerLogin: convenerLogin,
                                  chairLogin: chairLogin, start: start, durationMinutes: durationMinutes, room: room,
                                  approval: approval, inGovernmentName: inGovernmentName, liveBroadcast: kind == .executive,
                                  series: series)
            try meeting.insert(db)
            let id = meeting.id!
            try MeetingRepository.insertParticipants(db, meetingId: id, entries: MeetingComposition.entries(kind: kind, chair: chairLogin, org: org))
            try MeetingRepository.renumber(db, term: term.number, kind: kind)
            meeting = try MeetingRepository.meeting(db, id: id)
            try change.audit("meeting.create", entity: "meeting", id: String(id), after: AuditSummary.of(meeting))
            return meeting
        }
    }

    public func meeting(_ id: Int64) throws -> Meeting { try read { try MeetingRepository.meeting($0, id: id) } }

    public func participants(ofMeeting id: Int64) throws -> [Participant] {
        try read { try MeetingRepository.participants($0, meetingId: id) }
    }

    /// Meetings whose start lies in [from, to), in time order.
    public func meetings(from: LocalDateTime? = nil, to: LocalDateTime? = nil, kind: MeetingKind? = nil) throws -> [Meeting] {
        try read { try MeetingRepository.meetings($0, from: from, to: to, kind: kind) }
    }
}
