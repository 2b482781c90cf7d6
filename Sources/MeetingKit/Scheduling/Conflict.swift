/// Something wrong with a meeting's time, shown as a warning when it is created or moved
/// and whenever it is shown: never silently ignored, never a refusal (the office decides).
public struct Conflict: Hashable, Sendable, Codable {
    public enum Kind: String, CaseIterable, Sendable, Codable {
        /// A participant is in another meeting at the same time.
        case personDoubleBooked
        /// A participant has a registered absence from Beijing that day (R65).
        case absence
        /// The room is taken by another meeting at the same time.
        case roomDoubleBooked
        /// The meeting falls on a weekend or a public holiday.
        case nonWorkingDay
        /// The year has no holiday data: only weekends are known to be off.
        case noHolidayData
    }

    public var kind: Kind
    /// The participant concerned, if any.
    public var personLogin: String?
    /// The other meeting, for double bookings.
    public var otherMeetingId: Int64?
    /// The absence, for absences.
    public var absenceId: Int64?
    public var message: Localized

    /// Finds the conflicts of `meeting`, whose people are `roster` (logins, chair included),
    /// against the other meetings (with their rosters), the registered absences and the calendar.
    public static func find(for meeting: Meeting, roster: [String], others: [(meeting: Meeting, roster: Set<String>)],
                            absences: [Absence], calendar: HolidayCalendar, org: OrgChart) -> [Conflict] {
        var found: [Conflict] = []
        let day = meeting.start.day
        if !calendar.hasData(for: day.year) {
            found.append(Conflict(kind: .noHolidayData, message: CadencePlan.noDataWarning(year: day.year)))
        }
        if !calendar.isWorkingDay(day) {
            let reason = CadencePlan.nonWorkingReason(day, calendar)
            found.append(Conflict(kind: .nonWorkingDay, message: Localized(zh: "非工作日：\(reason.zh)", en: "not a working day: \(reason.en)")))
        }
        func name(_ login: String) -> (String, String) {
            let n = org.person(login)?.name ?? login
            return ("\(n)（\(login)）", "\(n) (\(login))")
        }
        let people = Set(roster)
        for other in others where other.meeting.id != meeting.id && other.meeting.status.isActive && other.meeting.overlaps(meeting) {
            let when = "\(other.meeting.start.day.iso) \(other.meeting.start.timeText)–\(other.meeting.end.timeText)"
            let zhTitle = other.meeting.numberedTitle(.zh), enTitle = other.meeting.numberedTitle(.en)
            for login in roster where other.roster.contains(login) {
                let (zh, en) = name(login)
                found.append(Conflict(kind: .personDoubleBooked, personLogin: login, otherMeetingId: other.meeting.id, message: Localized(
                    zh: "\(zh) 同时参加 \(zhTitle)（\(when)）", en: "\(en) is also in \(enTitle) (\(when))")))
            }
            if let room = meeting.room, !room.isEmpty, room == other.meeting.room {
                found.append(Conflict(kind: .roomDoubleBooked, otherMeetingId: other.meeting.id, message: Localized(
                    zh: "会议室“\(room)”已被 \(zhTitle) 占用（\(when)）", en: "room \(room) is taken by \(enTitle) (\(when))")))
            }
        }
        for absence in absences where absence.isRegistered && absence.covers(day) && people.contains(absence.personLogin) {
            let (zh, en) = name(absence.personLogin)
            let pending = absence.status == .pending
            var zhText = "\(zh) \(absence.dateText) 离京（\(absence.kind.name.zh)：\(absence.reason)）" + (pending ? "，待审批" : "")
            var enText = "\(en) is away from Beijing \(absence.dateText) (\(absence.kind.name.en): \(absence.reason))" + (pending ? ", pending approval" : "")
            if absence.personLogin == meeting.chairLogin {
                zhText += "；本人是会议主持人"
                enText += "; this is the chair"
            } else if meeting.chairDelegation == .mayorAway, org.person(absence.personLogin)?.role == .mayor {
                let evm = name(meeting.chairLogin)
                zhText += "；由 \(evm.0) 主持（R7）"
                enText += "; \(evm.1) chairs (R7)"
            }
            found.append(Conflict(kind: .absence, personLogin: absence.personLogin, absenceId: absence.id,
                                  message: Localized(zh: zhText, en: enText)))
        }
        return found
    }
}
