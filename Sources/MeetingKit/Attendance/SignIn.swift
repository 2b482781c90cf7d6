/// Sign-in at a meeting: turns one mark into an ``Attendance`` record, or refuses.
public enum SignIn {
    /// The record for marking `participant` with `status`.
    ///
    /// `leave` needs approved leave (R42): without it the person is `absent`. `substitute`
    /// names who came, defaulting to the substitute of the approved leave. Sign-in opens on
    /// the meeting's day; cancelled meetings take none.
    public static func record(meeting: Meeting, participant: Participant, status: AttendanceStatus, lateMinutes: Int?,
                              substituteLogin: String?, approvedLeave: LeaveRequest?, org: OrgChart,
                              by actor: Actor, at now: LocalDateTime) throws -> Attendance {
        let title = Localized(zh: meeting.numberedTitle(.zh), en: meeting.numberedTitle(.en))
        if meeting.status == .cancelled {
            throw Refusal.conflict("attendance.cancelled", "\(title.zh)已取消，不能签到", "\(title.en) was cancelled; there is no sign-in")
        }
        if now.day < meeting.start.day {
            throw Refusal.conflict("attendance.tooEarly", "签到从会议当天（\(meeting.start.day.iso)）开始",
                                   "sign-in opens on the day of the meeting (\(meeting.start.day.iso))")
        }
        var late: Int?
        var substitute: String?
        switch status {
        case .late:
            guard let minutes = lateMinutes else {
                throw Refusal.invalid("attendance.lateMinutesMissing", "迟到须注明分钟数（--late-minutes）", "late needs the minutes (--late-minutes)")
            }
            guard (1...Attendance.maxLateMinutes).contains(minutes) else {
                throw Refusal.invalid("attendance.badLateMinutes", "迟到分钟数须在 1 到 \(Attendance.maxLateMinutes) 之间",
                                      "late minutes must be between 1 and \(Attendance.maxLateMinutes)")
            }
            late = minutes
        default:
            if lateMinutes != nil {
                throw Refusal.invalid("attendance.lateMinutesUnexpected", "只有“迟到”需要分钟数", "only late takes minutes")
            }
        }
        if participant.personLogin == nil && (status == .leave || status == .substitute) {
            throw Refusal.invalid("attendance.guestStatus", "受邀嘉宾只能登记到会、迟到或缺席",
                                  "an invited guest can be marked present, late or absent only")
        }
        switch status {
        case .leave:
            if approvedLeave == nil {
                throw Refusal.rule("R42", "attendance.noApprovedLeave", "没有已批准的请假，不能登记为请假；请登记为缺席，或先批准请假",
                                   "there is no approved leave, so this is not leave: mark absent, or have the leave approved first")
            }
        case .substitute:
            guard let login = substituteLogin ?? approvedLeave?.substituteLogin else {
                throw Refusal.invalid("attendance.substituteMissing", "代会须注明代会人员（--substitute）",
                                      "substitute needs who came instead (--substitute)")
            }
            guard let person = org.person(login) else {
                throw RefusalCatalog.unknownPerson(login)
            }
            if person.login == participant.personLogin {
                throw Refusal.invalid("attendance.substituteSelf", "代会人员不能是本人", "the substitute cannot be the person themself")
            }
            substitute = person.login
        default:
            if substituteLogin != nil {
                throw Refusal.invalid("attendance.substituteUnexpected", "只有“代会”需要代会人员", "only substitute takes a substitute")
            }
        }
        return Attendance(meetingId: meeting.id ?? participant.meetingId, participantId: participant.id ?? 0,
                          personLogin: participant.personLogin, status: status, lateMinutes: late,
                          substituteLogin: substitute, recordedBy: actor.person.login, recordedAt: now)
    }
}
