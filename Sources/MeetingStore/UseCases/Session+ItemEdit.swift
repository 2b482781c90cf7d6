import MeetingKit

extension Session {
    /// Edits an item before the supervising vice mayor approves it (R41): its title and
    /// summary while it is a draft or out for opinions, its related departments while it is a
    /// draft (once submitted, the departments' opinions are on record: withdraw and draft
    /// again to ask others). The lead department or the office edits; the timeline and the
    /// audit log keep both versions.
    @discardableResult
    public func editItem(_ id: Int64, title: String, summary: String, related: [String], expectedVersion: Int? = nil) throws -> AgendaItem {
        try InputLimits.check(title: title)
        try InputLimits.check(note: summary, field: Localized(zh: "摘要", en: "summary"))
        return try write { change in
            let db = change.db
            let org = try OrgRepository.load(db)
            return try change.update(AgendaItem.self, id, expected: expectedVersion, audit: "item.edit") { before in
                try AccessPolicy(org: org).require(.agendaStep(.draft, item: before), by: actor)
                guard [.draft, .consulting, .consensus, .disputed].contains(before.state) else {
                    throw Refusal.rule("R41", "item.editAfterApproval",
                                       "议题 \(before.label) 已\(before.state.name.zh)，不能再修改；如需改动，请撤回后重新起草",
                                       "item \(before.label) is \(before.state.name.en) and can no longer be edited; withdraw it and draft it again")
                }
                let codes = related.filter { $0 != before.leadCode }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
                if codes != before.relatedCodes {
                    guard before.state == .draft else {
                        throw Refusal.conflict("item.relatedFixed",
                                               "议题 \(before.label) 已提交征求意见，相关部门不能再改；如需改动，请撤回后重新起草",
                                               "item \(before.label) is out for opinions: its related departments are fixed; withdraw it and draft it again")
                    }
                    for code in codes where org.department(code) == nil {
                        throw RefusalCatalog.unknownDepartment(code)
                    }
                }
                var after = before
                after.title = title
                after.summary = summary
                after.relatedCodes = codes
                after.version += 1
                try AgendaRepository.update(db, after)
                if codes != before.relatedCodes { try AgendaRepository.replaceRelated(db, itemId: id, codes: codes) }
                try AgendaRepository.insert(db, AgendaTimelineEntry(itemId: id, at: change.now, kind: .edited, actor: actor.person.login,
                                                                    onBehalfOf: actor.onBehalfOf?.login, fromState: before.state,
                                                                    toState: before.state, text: before.title == title ? nil : before.title))
                return after
            }.value
        }
    }
}
