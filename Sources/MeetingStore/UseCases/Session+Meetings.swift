import MeetingKit

extension Session {
    /// Creates one meeting with the roster the rules derive from the org chart (R38–R40)
    /// and numbers it within the term. Returns the stored meeting; ``scheduleMeeting(_:)``
    /// also returns its conflicts.
    @discardableResult
    public func addMeeting(kind: MeetingKind, start: LocalDateTime, durationMinutes: Int = 120, chair: String? = nil,
                           convener: String? = nil, room: String? = nil, title: String = "", inGovernmentName: Bool = true,
                           series: String? = nil) throws -> Meeting {
        let request = MeetingRequest(kind: kind, start: start, durationMinutes: durationMinutes, chair: chair, convener: convener,
                                     room: room, title: title, inGovernmentName: inGovernmentName)
        guard let series else { return try scheduleMeeting(request).meeting }
        try Session.validate(request)
        return try write { change in
            let org = try OrgRepository.load(change.db)
            let meeting = try Session.insertMeeting(request, series: series, seriesDay: start.day, change: change, org: org)
            try MeetingRepository.renumber(change.db, term: meeting.termNumber, kind: kind)
            let stored = try MeetingRepository.meeting(change.db, id: meeting.id!)
            try change.audit("meeting.create", entity: "meeting", id: String(stored.id!), after: AuditSummary.of(stored))
            return stored
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
