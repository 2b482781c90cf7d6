import GRDB
import MeetingKit

/// A change of term (换届): a new government term begins and meetings are numbered from 1
/// again per kind ("第1次区政府常务会议"), while the old term's meetings keep their numbers.
extension Session {
    /// Every term, oldest first.
    public func terms() throws -> [Term] {
        try read { try Term.order(Column("number")).fetchAll($0) }
    }

    /// Starts term `number` on `from` (administrators). Meetings of the previous term that
    /// are planned on or after `from` and not yet held move to the new term and are
    /// renumbered in it; held meetings keep their term and number for good.
    @discardableResult
    public func startTerm(number: Int, name: String, from: Day) throws -> TermChange {
        try InputLimits.check(name: name, field: Localized(zh: "届次名称", en: "term name"))
        guard (1...999).contains(number) else {
            throw Refusal.invalid("term.badNumber", "届次须在 1 到 999 之间", "the term number must be between 1 and 999")
        }
        return try write { change in
            let db = change.db
            let org = try OrgRepository.load(db)
            let current = Actor(osUser: actor.osUser, person: org.person(actor.person.login) ?? actor.person)
            try AccessPolicy(org: org).require(.startTerm, by: current)
            let previous = try OrgRepository.currentTerm(db)
            if let previous {
                guard number > previous.number else {
                    throw Refusal.conflict("term.notAfter", "新一届的届次须大于当前的第 \(previous.number) 届（\(previous.name)）",
                                           "the new term's number must be greater than the current term \(previous.number) (\(previous.name))")
                }
                guard from > previous.startDay else {
                    throw Refusal.conflict("term.startsTooEarly", "新一届的开始日须晚于当前一届的开始日 \(previous.startDay.iso)",
                                           "the new term must start after the current term's first day, \(previous.startDay.iso)")
                }
            }
            let term = Term(number: number, name: name, startDay: from)
            try term.insert(db)
            try change.audit("term.create", entity: "term", id: String(number),
                             before: previous.map { AuditSummary.of($0) } ?? "", after: AuditSummary.of(term))
            var moved: [Int64] = []
            if let previous {
                let later = try Meeting.filter(Column("term_number") == previous.number && Column("start") >= from.iso
                                               && Column("status") != MeetingStatus.held.rawValue)
                    .order(Column("start"), Column("id")).fetchAll(db)
                for meeting in later {
                    var updated = meeting
                    updated.termNumber = number
                    updated.version += 1
                    try updated.update(db)
                    moved.append(meeting.id!)
                }
                for kind in MeetingKind.allCases {
                    try MeetingRepository.renumber(db, term: previous.number, kind: kind)
                    try MeetingRepository.renumber(db, term: number, kind: kind)
                }
                for id in moved {
                    let before = later.first { $0.id == id }!
                    try change.audit("meeting.update", entity: "meeting", id: String(id), before: AuditSummary.of(before),
                                     after: AuditSummary.of(try MeetingRepository.meeting(db, id: id)))
                }
            }
            return TermChange(term: term, previous: previous, movedMeetings: moved)
        }
    }
}

/// What `term start` did.
public struct TermChange: Sendable, Codable, Hashable {
    public var term: Term
    public var previous: Term?
    /// Meetings planned in the new term's time that moved to it (and were renumbered).
    public var movedMeetings: [Int64]
}
