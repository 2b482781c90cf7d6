import MeetingKit

extension Session {
    /// Meetings with classified minutes the acting person may not read (R48): the decisions
    /// recorded on their items are the words of those minutes, withheld wherever they appear
    /// (item views, lists, search) exactly as the minutes' body is. `among` limits the answer
    /// to those meetings (the meetings of the items about to be shown).
    func meetingsWithWithheldDecisions(_ db: any SQLConnection, org: OrgChart? = nil, among meetings: [Int64]? = nil) throws -> Set<Int64> {
        let classified = try meetings.map { try MinutesHeader.classified(db, meetingIds: $0) } ?? MinutesHeader.classified(db)
        let hidden = try unreadable(db, among: classified, org: org)
        return Set(classified.filter { hidden.contains($0.id!) }.map(\.meetingId))
    }

    /// `items` as the acting person may see them: the decision of an item decided at a meeting
    /// in `withheld` is left out (R48).
    static func withholdingDecisions(_ items: [AgendaItem], meetings withheld: Set<Int64>) -> [AgendaItem] {
        guard !withheld.isEmpty else { return items }
        return items.map { item in
            guard item.decision != nil, let meeting = item.meetingId, withheld.contains(meeting) else { return item }
            var shown = item
            shown.decision = nil
            return shown
        }
    }

    /// Of `documents`, the ids of those whose body the acting person may not read (R48).
    ///
    /// The same decision as ``withheldIfNeeded(_:_:)`` (the same policy call, with the same
    /// roster), taken for many documents at once: one roster query for all their meetings and
    /// one org chart, instead of both per document. The rosters hold only the reader's logins
    /// (the acting person and the leader acted for): the rule asks them about nobody else.
    func unreadable(_ db: any SQLConnection, among documents: [Minutes], org: OrgChart? = nil) throws -> Set<Int64> {
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
