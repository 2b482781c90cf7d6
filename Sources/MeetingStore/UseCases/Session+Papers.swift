import MeetingKit

/// The values official documents are printed from (the rendering itself happens in the
/// reader's own process, `MeetingDocuments`). Classified content is filtered here, before it
/// leaves the store (R48).
extension Session {
    /// Minutes as an official document. Refused, like the body itself, to a reader outside the
    /// chain, the attendees and the administrators when the minutes are classified (R48).
    /// Its distribution list sorts units in the org chart's order of precedence.
    public func minutesPaper(_ id: Int64) throws -> MinutesPaper {
        try read { db in
            let stored = try MinutesRepository.minutes(db, id: id)
            if let refusal = try withheldIfNeeded(db, stored).withheld { throw refusal }
            let meeting = try MeetingRepository.meeting(db, id: stored.meetingId)
            let org = try OrgRepository.load(db)
            let issuer = try Session.issuer(db)
            var request: MinutesPaper.Request?
            if stored.route == .governmentRequest, let lead = stored.leadDepartmentCode {
                request = MinutesPaper.Request(department: org.department(lead)?.name ?? lead, addressee: issuer,
                                               contact: org.person(stored.drafterLogin)?.name ?? stored.drafterLogin, date: stored.createdAt.day)
            }
            let corrects = try stored.correctionOf.flatMap { try MinutesRepository.minutes(db, id: $0).number?.text(.zh) }
            let (recipients, copiedTo) = try Session.distribution(db, meetingId: meeting.id!, org: org)
            return MinutesPaper(minutes: stored, meeting: meeting, issuer: issuer, corrects: corrects, request: request,
                                recipients: recipients, copiedTo: copiedTo)
        }
    }

    /// The sign-in sheet of a meeting: the roster with units, titles, sign-in times and
    /// remarks from approved leave and substitutes, and the counts.
    public func signInSheet(meetingId: Int64) throws -> SignInSheet {
        try read { db in
            let meeting = try MeetingRepository.meeting(db, id: meetingId)
            let org = try OrgRepository.load(db)
            let marks = try AttendanceRepository.marks(db, meetingId: meetingId)
            let roster = Roster(meeting: meeting, participants: try MeetingRepository.participants(db, meetingId: meetingId), marks: marks,
                                leaves: try LeaveRepository.requests(db, meetingId: meetingId), org: org)
            return SignInSheet(roster: roster, room: meeting.room, issuer: try Session.issuer(db),
                               signedAt: Dictionary(marks.map { ($0.participantId, $0.recordedAt) }, uniquingKeysWith: { a, _ in a }), org: org)
        }
    }

    /// The leave report for the mayor (``leaveReport(meetingId:)``) with the office's names.
    public func leaveReportPaper(meetingId: Int64) throws -> LeaveReportPaper {
        let report = try leaveReport(meetingId: meetingId)
        return try read { db in
            let issuer = try Session.issuer(db)
            return LeaveReportPaper(issuer: issuer, office: OfficialNames.office(of: issuer), report: report)
        }
    }

    /// The follow-up list (督办台账), or one unit's follow-up notice (督办通知), as the acting
    /// person may read it: decisions of classified minutes they may not read are withheld (R48).
    public func followUpPaper(department: String? = nil, overdueOnly: Bool = false) throws -> FollowUpPaper {
        let lines = try followUps(overdueOnly: overdueOnly, department: department)
        return try read { db in
            let issuer = try Session.issuer(db)
            let unit = try department.map { code in try OrgRepository.load(db).department(code)?.name ?? code }
            let rows = lines.map { line in
                let f = line.followUp
                return FollowUpPaper.Row(followUpId: f.id ?? 0, source: line.minutesNumber ?? line.minutesTitle,
                                         decision: line.descriptionVisible ? f.description : FollowUpPaper.withheldDecision,
                                         unit: line.departmentName, due: f.dueDay, status: f.status, isOverdue: line.isOverdue,
                                         doneNote: line.descriptionVisible ? f.doneNote : nil)
            }
            return FollowUpPaper(issuer: issuer, office: OfficialNames.office(of: issuer), unit: unit, compiledOn: clock.today, rows: rows)
        }
    }

    /// The government's name as documents print it.
    static func issuer(_ db: any SQLConnection) throws -> String {
        try OrgRepository.setting(db, "office.name") ?? OfficialNames.defaultIssuer
    }

    /// Who receives a meeting's documents: the units on its roster in order of precedence
    /// (summarised when there are many), and the outside bodies that took part (抄送).
    static func distribution(_ db: any SQLConnection, meetingId: Int64, org: OrgChart) throws -> (recipients: [String], copiedTo: [String]) {
        let order = try NoticeRepository.protocolOrder(db)
        let units = try MeetingRepository.participants(db, meetingId: meetingId)
            .compactMap { $0.personLogin.flatMap { org.person($0)?.departmentCode }.flatMap { org.department($0) } }
        var seen = Set<String>()
        let distinct = units.filter { seen.insert($0.code).inserted }
            .sorted { (order.departments.firstIndex(of: $0.code) ?? .max) < (order.departments.firstIndex(of: $1.code) ?? .max) }
        let inside = distinct.filter { $0.kind == .constituent || $0.kind == .unit }
        let streets = distinct.filter { $0.kind == .street }
        var recipients = inside.count > 6 ? ["区政府各部门、各有关单位"] : inside.map(\.name)
        if !streets.isEmpty { recipients += streets.count > 6 ? ["各街道办事处"] : streets.map(\.name) }
        return (recipients, distinct.filter { $0.kind == .external }.map(\.name))
    }
}
