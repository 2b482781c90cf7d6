import MeetingKit

/// Turns meetings into iCalendar events: the numbered title as SUMMARY, one ATTENDEE per
/// participant (members REQ-PARTICIPANT, sit-ins OPT-PARTICIPANT, invitees NON-PARTICIPANT),
/// the convener as ORGANIZER, and STATUS:CANCELLED for cancelled meetings.
public enum MeetingCalendar {
    /// The UID of a meeting's event: the same in every export, so calendars update it.
    public static func uid(of meeting: Meeting) -> String { "meeting-\(meeting.id ?? 0)@huiwu" }

    public static func role(_ p: Participation) -> String {
        switch p {
        case .member: return "REQ-PARTICIPANT"
        case .sitsIn: return "OPT-PARTICIPANT"
        case .invited: return "NON-PARTICIPANT"
        }
    }

    /// Planned and postponed meetings are tentative until notified; cancelled ones say so.
    public static func status(_ s: MeetingStatus) -> String {
        switch s {
        case .planned, .postponed: return "TENTATIVE"
        case .notified, .held: return "CONFIRMED"
        case .cancelled: return "CANCELLED"
        }
    }

    static func personURI(_ login: String) -> String { "urn:x-huiwu:person:" + login }

    /// One event for a meeting and its roster.
    public static func event(_ meeting: Meeting, participants: [Participant], org: OrgChart, lang: Lang) -> ICalendar.Event {
        func person(_ login: String) -> String { org.person(login)?.name ?? login }
        let attendees = participants.map { p -> ICalendar.Address in
            if let login = p.personLogin {
                return ICalendar.Address(name: person(login), uri: personURI(login), role: role(p.role), userType: "INDIVIDUAL")
            }
            let name = [p.guestName, p.guestOrg.map { "(\($0))" }].compactMap { $0 }.joined(separator: " ")
            return ICalendar.Address(name: name, uri: "urn:x-huiwu:guest:\(meeting.id ?? 0)-\(p.position)",
                                     role: role(p.role), userType: "GROUP")
        }
        var lines: [String] = []
        let zh = lang == .zh
        var chair = (zh ? "主持：" : "Chair: ") + person(meeting.chairLogin)
        if let d = meeting.chairDelegation { chair += zh ? "（\(d.name.zh)）" : " (\(d.name.en))" }
        lines.append(chair)
        lines.append((zh ? "状态：" : "Status: ") + meeting.status.name.text(lang)
                     + (meeting.statusReason.map { zh ? "（\($0)）" : " (\($0))" } ?? ""))
        if meeting.approval != .notRequired { lines.append((zh ? "审批：" : "Approval: ") + meeting.approval.name.text(lang)) }
        if meeting.liveBroadcast { lines.append(zh ? "网络直播（R18）" : "Broadcast live (R18)") }
        return ICalendar.Event(
            uid: uid(of: meeting), start: meeting.start, end: meeting.end, summary: meeting.numberedTitle(lang),
            location: meeting.room, description: lines.joined(separator: "\n"), status: status(meeting.status),
            sequence: max(0, meeting.version - 1),
            organizer: ICalendar.Address(name: person(meeting.convenerLogin), uri: personURI(meeting.convenerLogin)),
            attendees: attendees, categories: [meeting.kind.shortName.text(lang)])
    }
}
