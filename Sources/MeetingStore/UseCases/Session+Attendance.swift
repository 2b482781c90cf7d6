import MeetingKit

extension Session {
    /// A meeting's roster with leave and sign-in status.
    public func roster(meetingId: Int64) throws -> Roster {
        try read { db in
            Roster(meeting: try MeetingRepository.meeting(db, id: meetingId),
                   participants: try MeetingRepository.participants(db, meetingId: meetingId),
                   marks: try AttendanceRepository.marks(db, meetingId: meetingId),
                   leaves: try LeaveRepository.requests(db, meetingId: meetingId), org: try OrgRepository.load(db))
        }
    }

    /// Signs in the roster entry of person `login` (see ``markAttendance(meetingId:participantId:status:lateMinutes:substitute:)``).
    @discardableResult
    public func markAttendance(meetingId: Int64, person login: String, status: AttendanceStatus, lateMinutes: Int? = nil,
                               substitute: String? = nil) throws -> Attendance {
        try write { change in
            let meeting = try MeetingRepository.meeting(change.db, id: meetingId)
            let org = try OrgRepository.load(change.db)
            guard let person = org.person(login) else { throw Identity.unknownLogin(login, isSelf: false) }
            guard let participant = try MeetingRepository.participants(change.db, meetingId: meetingId).first(where: { $0.personLogin == login }) else {
                let title = Localized(zh: meeting.numberedTitle(.zh), en: meeting.numberedTitle(.en))
                throw Refusal.notFound("attendance.notOnRoster", "\(person.name)（\(login)）不在\(title.zh)的参会名单中",
                                       "\(person.name) (\(login)) is not on the roster of \(title.en)")
            }
            return try Session.mark(change, meeting: meeting, participant: participant, status: status, lateMinutes: lateMinutes,
                                    substitute: substitute, org: org)
        }
    }

    /// Records (or corrects) one roster entry's sign-in. Office staff only; `leave` needs
    /// approved leave (R42), `late` the minutes, `substitute` who came (default: the approved
    /// leave's substitute). Once the meeting's minutes are signed they fix the attendance they
    /// state (R43): a change waits for a correction document being drafted. Audited as
    /// `attendance.mark`.
    @discardableResult
    public func markAttendance(meetingId: Int64, participantId: Int64, status: AttendanceStatus, lateMinutes: Int? = nil,
                               substitute: String? = nil) throws -> Attendance {
        try write { change in
            let meeting = try MeetingRepository.meeting(change.db, id: meetingId)
            guard let participant = try MeetingRepository.participants(change.db, meetingId: meetingId).first(where: { $0.id == participantId }) else {
                throw Refusal.notFound("attendance.unknownParticipant", "会议 \(meetingId) 的名单中没有第 \(participantId) 项",
                                       "meeting \(meetingId) has no roster entry \(participantId)")
            }
            return try Session.mark(change, meeting: meeting, participant: participant, status: status, lateMinutes: lateMinutes,
                                    substitute: substitute, org: try OrgRepository.load(change.db))
        }
    }

    static func mark(_ change: Change, meeting: Meeting, participant: Participant, status: AttendanceStatus, lateMinutes: Int?,
                     substitute: String?, org: OrgChart) throws -> Attendance {
        let db = change.db
        try AccessPolicy(org: org).require(.markAttendance, by: change.actor)
        if let latest = try MinutesHeader.latest(db, meetingId: meeting.id!), latest.state == .signed {
            throw RefusalCatalog.attendanceSigned(latest.number, meetingId: meeting.id!)
        }
        let approved = try participant.personLogin.flatMap { try LeaveRepository.openRequest(db, meetingId: meeting.id!, person: $0) }
            .flatMap { $0.status == .approved ? $0 : nil }
        var record = try SignIn.record(meeting: meeting, participant: participant, status: status, lateMinutes: lateMinutes,
                                       substituteLogin: substitute, approvedLeave: approved, org: org, by: change.actor, at: change.now)
        let before = try AttendanceRepository.mark(db, participantId: participant.id!)
        if let before {
            record.id = before.id
            record.version = before.version + 1
            try AttendanceRepository.update(db, record)
        } else {
            record = try AttendanceRepository.insert(db, record)
        }
        try change.audit("attendance.mark", entity: "attendance", id: "\(meeting.id!)/\(participant.id!)",
                         before: before.map { AuditSummary.of($0) } ?? "", after: AuditSummary.of(record))
        return record
    }

    /// Attendance statistics for meetings starting from `from` to `to` (inclusive), optionally
    /// of one kind and for the people of one department.
    public func attendanceStatistics(from: Day, to: Day, department: String? = nil, kind: MeetingKind? = nil) throws -> AttendanceStatistics {
        guard from <= to else {
            throw Refusal.invalid("attendance.badRange", "开始日期 \(from.iso) 晚于结束日期 \(to.iso)", "the start \(from.iso) is after the end \(to.iso)")
        }
        return try read { db in
            let org = try OrgRepository.load(db)
            if let department, org.department(department) == nil {
                throw RefusalCatalog.unknownDepartment(department)
            }
            let meetings = try MeetingRepository.meetings(db, from: LocalDateTime(day: from, minuteOfDay: 0),
                                                          to: LocalDateTime(day: to.adding(days: 1), minuteOfDay: 0),
                                                          kind: kind, includeCancelled: false)
            let ids = meetings.compactMap(\.id)
            return AttendanceStatistics(from: from, to: to, department: department, kind: kind, meetings: meetings,
                                        participants: try AttendanceRepository.participants(db, meetingIds: ids),
                                        marks: try AttendanceRepository.marks(db, meetingIds: ids),
                                        leaves: try LeaveRepository.requests(db, meetingIds: ids), org: org)
        }
    }
}
