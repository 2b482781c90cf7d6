import MeetingKit

extension Session {
    /// The coming meetings (the next 60 days) the acting person may ask leave for: those
    /// they are on, with their own request's state and who decides it (R42); office staff see
    /// every coming meeting, to record leave for the attendees.
    public func leaveOptions() throws -> [LeaveOption] {
        let now = clock.now
        let me = actor.principal
        return try read { db in
            let org = try OrgRepository.load(db)
            let office = AccessPolicy.isOfficeStaff(actor.person)
            let meetings = try MeetingRepository.meetings(db, from: LocalDateTime(day: now.day, minuteOfDay: 0),
                                                          to: LocalDateTime(day: now.day.adding(days: 61), minuteOfDay: 0), includeCancelled: false)
                .filter { $0.status != .held && $0.end > now }
            let requests = try LeaveRepository.requests(db, meetingIds: meetings.compactMap(\.id)).filter { $0.personLogin == me.login }
            return try meetings.compactMap { meeting -> LeaveOption? in
                let roster = try MeetingRepository.participants(db, meetingId: meeting.id!)
                let onRoster = roster.contains { $0.personLogin == me.login }
                guard onRoster || office else { return nil }
                let mine = requests.filter { $0.meetingId == meeting.id }.max { $0.id ?? 0 < $1.id ?? 0 }
                let approver = onRoster ? (try? LeaveRule.approver(for: me, org: org))?.name : nil
                return LeaveOption(meeting: MeetingLine(meeting), onRoster: onRoster, leaveId: mine?.id, leaveStatus: mine?.status,
                                   approverName: approver)
            }
        }
    }
}
