import MeetingKit

/// A change of term (换届): a new government term begins and meetings are numbered from 1
/// again per kind ("第1次区政府常务会议"), while the old term's meetings keep their numbers.
extension Session {
    /// Every term, oldest first.
    public func terms() throws -> [Term] {
        try read { try OrgRepository.terms($0) }
    }

    /// Starts term `number` on `from` (administrators). Meetings of the previous term that
    /// are planned on or after `from` and not yet held move to the new term and are
    /// renumbered in it; held meetings keep their term and number for good. `nextNumbers`
    /// sets, per kind, the number the new term's first meeting in Huiwu takes, for an office
    /// that starts using Huiwu mid-term (R37).
    @discardableResult
    public func startTerm(number: Int, name: String, from: Day, nextNumbers: [MeetingKind: Int] = [:]) throws -> TermChange {
        try Session.checkNextNumbers(nextNumbers)
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
            try OrgRepository.insert(db, term)
            try change.audit("term.create", entity: "term", id: String(number),
                             before: previous.map { AuditSummary.of($0) } ?? "", after: AuditSummary.of(term))
            for (kind, next) in nextNumbers.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                try Session.recordFirstNumber(change, term: number, kind: kind, next: next)
            }
            var moved: [Int64] = []
            if let previous {
                let later = try db.rows("""
                    SELECT \(MeetingRepository.columns) FROM meeting WHERE term_number = ? AND start >= ? AND status <> ? ORDER BY start, id
                    """, previous.number, from.iso, MeetingStatus.held).map(MeetingRepository.meeting)
                for meeting in later {
                    var updated = meeting
                    updated.termNumber = number
                    updated.version += 1
                    try MeetingRepository.update(db, updated)
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

extension Session {
    /// Sets the number the next meeting of `kind` takes in the current term, for an office
    /// that starts using Huiwu mid-term (R37): it must be above every published number.
    /// Administrators and the office director; the term's unpublished numbers follow it.
    @discardableResult
    public func setNextMeetingNumber(kind: MeetingKind, next: Int) throws -> TermNumbering {
        try Session.checkNextNumbers([kind: next])
        return try write { change in
            let db = change.db
            try change.require(.administerOrgChart, org: try OrgRepository.load(db))
            guard let term = try OrgRepository.currentTerm(db) else {
                throw Refusal.notFound("term.missing", "尚未设置政府届次", "no government term is set")
            }
            let published = try db.value(Int.self, "SELECT MAX(number) FROM meeting WHERE term_number = ? AND kind = ? AND number_fixed = ?",
                                         term.number, kind, true)
            if let published, next <= published {
                throw Refusal.rule("R37", "term.numberTaken",
                                   "本届\(kind.name.zh)已发布到第\(published)次，编号只能从第\(published + 1)次以后开始",
                                   "this term's \(kind.name.en.lowercased())s were published up to No. \(published); numbering can only go on after it")
            }
            try Session.recordFirstNumber(change, term: term.number, kind: kind, next: next)
            try MeetingRepository.renumber(db, term: term.number, kind: kind)
            return TermNumbering(term: term.number, kind: kind, next: next)
        }
    }

    static func checkNextNumbers(_ numbers: [MeetingKind: Int]) throws {
        for (kind, n) in numbers where !(1...9999).contains(n) {
            throw Refusal.invalid("term.badNextNumber", "\(kind.name.zh)的起始编号须在 1 到 9999 之间",
                                  "the \(kind.name.en.lowercased())'s next number must be 1 to 9999")
        }
    }

    static func recordFirstNumber(_ change: Change, term: Int, kind: MeetingKind, next: Int) throws {
        let before = try MeetingRepository.firstNumber(change.db, term: term, kind: kind)
        try change.db.exec("""
            INSERT INTO meeting_numbering(term_number, kind, first_number, set_by, set_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT(term_number, kind) DO UPDATE SET first_number = excluded.first_number, set_by = excluded.set_by, set_at = excluded.set_at
            """, term, kind.rawValue, next, change.actor.person.login, change.at)
        try change.audit("term.numbering", entity: "term", id: "\(term)/\(kind.rawValue)", before: String(before), after: String(next))
    }
}

/// Where a term's numbering of one kind starts (`term numbering`).
public struct TermNumbering: Sendable, Codable, Hashable {
    public var term: Int
    public var kind: MeetingKind
    public var next: Int
}

/// What `term start` did.
public struct TermChange: Sendable, Codable, Hashable {
    public var term: Term
    public var previous: Term?
    /// Meetings planned in the new term's time that moved to it (and were renumbered).
    public var movedMeetings: [Int64]
}
