import MeetingKit

/// Everything `meeting show` and the detail screen show about one meeting, read at once.
public struct MeetingDetail: Sendable, Codable {
    /// A roster line with the names resolved.
    public struct Line: Hashable, Sendable, Codable {
        public var login: String?
        public var name: String
        /// The person's role or the guest's organisation, for display.
        public var affiliation: Localized
        public var role: Participation
    }

    public var meeting: Meeting
    public var chairName: String
    public var convenerName: String
    public var participants: [Line]
    public var conflicts: [Conflict]
    public var moves: [MeetingMove]
    public var day: DayInfo
    /// Why its number is out of date order, when a published number made it so (R37).
    public var numberNote: Localized?

    /// Participants of one role, in roster order.
    public func participants(_ role: Participation) -> [Line] { participants.filter { $0.role == role } }
}

extension Session {
    /// The meeting with its roster, conflicts and history of moves.
    public func meetingDetail(_ id: Int64) throws -> MeetingDetail {
        try read { db in
            let org = try OrgRepository.load(db)
            let calendar = try HolidayRepository.calendar(db)
            let meeting = try MeetingRepository.meeting(db, id: id)
            let lines = try MeetingRepository.participants(db, meetingId: id).map { p -> MeetingDetail.Line in
                if let login = p.personLogin {
                    let person = org.person(login)
                    var affiliation = person?.role.title ?? .same("")
                    if let code = person?.departmentCode, let d = org.department(code), person?.role != .secretary {
                        affiliation = Localized(zh: d.name, en: d.name)
                    }
                    return .init(login: login, name: person?.name ?? login, affiliation: affiliation, role: p.role)
                }
                return .init(login: nil, name: p.guestName ?? "", affiliation: .same(p.guestOrg ?? ""), role: p.role)
            }
            func name(_ login: String) -> String { org.person(login)?.name ?? login }
            return MeetingDetail(meeting: meeting, chairName: name(meeting.chairLogin), convenerName: name(meeting.convenerLogin),
                                 participants: lines, conflicts: try Session.conflicts(db, of: meeting, calendar: calendar, org: org),
                                 moves: try MeetingRepository.moves(db, meetingId: id), day: DayInfo(day: meeting.start.day, calendar: calendar),
                                 numberNote: try MeetingRepository.numberNote(db, of: meeting))
        }
    }
}
