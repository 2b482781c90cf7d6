import GRDB
import MeetingKit

extension Session {
    /// Of `documents`, the ids of those whose body the acting person may not read (R48).
    ///
    /// The same decision as ``withheldIfNeeded(_:_:)`` (the same policy call, with the same
    /// roster), taken for many documents at once: one roster query for all their meetings and
    /// one org chart, instead of both per document. The rosters hold only the reader's logins
    /// (the acting person and the leader acted for): the rule asks them about nobody else.
    func unreadable(_ db: Database, among documents: [Minutes], org: OrgChart? = nil) throws -> Set<Int64> {
        let classified = documents.filter { $0.classification.isClassified }
        guard !classified.isEmpty else { return [] }
        let rosters = try MinutesHeader.attendees(db, meetings: Set(classified.map(\.meetingId)),
                                                  among: [actor.person.login, actor.principal.login])
        let policy = AccessPolicy(org: try org ?? OrgRepository.load(db))
        return Set(classified.filter { m in
            policy.refusal(for: .readMinutesBody(m, attendees: rosters[m.meetingId] ?? []), by: actor) != nil
        }.compactMap(\.id))
    }
}
