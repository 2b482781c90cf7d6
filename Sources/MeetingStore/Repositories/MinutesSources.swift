import GRDB
import MeetingKit

/// What minutes take from the other records of a meeting: the chair, the roster and its
/// attendance for the draft's header, and who may draft a request under R44.
enum MinutesSources {
    /// The draft of a held meeting's minutes, from its stored records.
    static func draft(_ db: Database, meeting: Meeting, org: OrgChart) throws -> MinutesDraft {
        let roster = try MeetingRepository.participants(db, meetingId: meeting.id!)
        func name(_ login: String?) -> String? { login.map { org.person($0)?.name ?? $0 } }
        var attendance = MinutesDraft.Attendance(present: [])
        for participant in roster {
            switch participant.role {
            case .member:
                if let n = name(participant.personLogin) { attendance.present.append(n) }
            case .sitsIn:
                if let n = name(participant.personLogin) ?? participant.guestName { attendance.sitsIn.append(n) }
            case .invited:
                if let n = name(participant.personLogin) ?? participant.guestName {
                    attendance.invited.append(participant.guestOrg.map { "\(n)（\($0)）" } ?? n)
                }
            }
        }
        let chair = org.person(meeting.chairLogin).map { "\($0.name)（\($0.role.title.zh)）" } ?? meeting.chairLogin
        return MinutesDraft(meeting: meeting, chair: chair, attendance: attendance, items: [])
    }

    /// Departments that may draft the request under R44: the departments whose heads are
    /// members of the meeting (R40 adds the heads of the departments on the agenda).
    static func leadDepartments(_ db: Database, meeting: Meeting, org: OrgChart) throws -> [String] {
        let members = try MeetingRepository.participants(db, meetingId: meeting.id!)
            .filter { $0.role == .member }.compactMap(\.personLogin)
        return org.departments().filter { d in d.headLogin.map(members.contains) ?? false }.map(\.code)
    }
}
