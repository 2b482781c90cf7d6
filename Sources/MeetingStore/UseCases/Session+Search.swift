import MeetingKit

extension Session {
    /// At most this many results per search.
    public static let maxSearchResults = SearchRepository.window

    /// Finds `text` in meeting titles, agenda items (title, summary, decision), opinions'
    /// reasons, disagreement statements and minutes, best matches first.
    ///
    /// Classified minutes (R48) the acting person may not read are left out entirely, so no
    /// excerpt, and not even the fact that they match, tells anything about their body.
    public func search(_ text: String, kinds: [SearchKind] = SearchKind.allCases, limit: Int = 20) throws -> [SearchResult] {
        let query = try SearchQuery(text)
        guard (1...Session.maxSearchResults).contains(limit) else {
            throw Refusal.invalid("search.limit", "结果数须在 1 到 \(Session.maxSearchResults) 之间（收到 \(limit)）",
                                  "the number of results must be between 1 and \(Session.maxSearchResults) (got \(limit))")
        }
        let wanted = SearchKind.allCases.filter { kinds.isEmpty || kinds.contains($0) }
        return try read { db in
            let org = try OrgRepository.load(db)
            // R48 is decided once for every classified document (reading and deciding them was
            // a third of a search's instructions, and it was done twice).
            let classified = wanted.contains(.minutes) || wanted.contains(.item) ? try MinutesHeader.classified(db) : []
            let unreadable = try unreadable(db, among: classified, org: org)
            let hidden = wanted.contains(.minutes) ? unreadable.sorted() : []
            // The same words in the decisions of the items of those meetings stay hidden too (R48).
            let hiddenDecisions = wanted.contains(.item)
                ? try withheldDecisionDocuments(db, meetings: Set(classified.filter { unreadable.contains($0.id!) }.map(\.meetingId))) : []
            var candidates = try db.dialect.searchCandidates(db, query, kinds: wanted, hidden: hidden, hiddenDocuments: hiddenDecisions)
            candidates.sort { $0.score != $1.score ? $0.score < $1.score : $0.document.id > $1.document.id }
            var results: [SearchResult] = []
            for candidate in candidates where results.count < limit {
                if var result = try describe(db, candidate.document, org: org) {
                    result.snippet = SearchSnippet.make(try db.dialect.searchText(db, of: candidate.document), words: query.words)
                    result.score = candidate.score
                    results.append(result)
                }
            }
            return results
        }
    }

    /// Classified minutes whose body the acting person may not read (R48), in id order.
    /// Read from the `minutes_classified` index with one roster query: never a scan of the
    /// minutes table, never the org chart once per document.
    func unreadableMinutes(_ db: any SQLConnection, org: OrgChart? = nil) throws -> [Int64] {
        try unreadable(db, among: try MinutesHeader.classified(db), org: org).sorted()
    }

    /// The index documents of the decisions taken at `meetings`, whose minutes the acting
    /// person may not read (R48).
    private func withheldDecisionDocuments(_ db: any SQLConnection, meetings: Set<Int64>) throws -> [Int64] {
        guard !meetings.isEmpty else { return [] }
        let items = try db.rows("""
            SELECT id FROM agenda_item WHERE meeting_id IN (\(db.dialect.jsonList(.integer))) AND decision IS NOT NULL ORDER BY id
            """, [.text(SQLValue.jsonArray(meetings.sorted()))]).map { try $0.get("id", as: Int64.self) }
        return items.map { SearchDocument(kind: .item, recordId: $0, field: .decision).id }
    }

    /// The record a document belongs to, as a result without its excerpt; nil when the record is gone.
    private func describe(_ db: any SQLConnection, _ doc: SearchDocument, org: OrgChart) throws -> SearchResult? {
        func result(_ ref: RecordRef, _ title: Localized, _ detail: Localized) -> SearchResult {
            SearchResult(kind: doc.kind, field: doc.field, id: doc.recordId, ref: ref, title: title, detail: detail,
                         snippet: SearchSnippet(text: "", marks: []), score: 0)
        }
        func departmentName(_ code: String) -> String { org.department(code)?.name ?? code }
        switch doc.kind {
        case .meeting:
            guard let m = try MeetingRepository.meetings(db, ids: [doc.recordId]).first else { return nil }
            return result(.meeting(doc.recordId), Localized(zh: m.numberedTitle(.zh), en: m.numberedTitle(.en)),
                          Localized(zh: "\(m.start.day.iso) \(m.status.name.zh)", en: "\(m.start.day.iso) \(m.status.name.en)"))
        case .item, .statement:
            guard let row = try db.row("SELECT title, state, lead_code FROM agenda_item WHERE id = ?", doc.recordId) else { return nil }
            let lead = departmentName(try row.get("lead_code")), state = try row.get("state", as: AgendaState.self)
            return result(.item(doc.recordId), .same(try row.get("title")),
                          Localized(zh: "\(state.name.zh) · 主办 \(lead)", en: "\(state.name.en) · lead \(lead)"))
        case .opinion:
            guard let row = try db.row("""
                SELECT o.item_id, o.department_code, o.stance, i.title FROM agenda_opinion o JOIN agenda_item i ON i.id = o.item_id
                WHERE o.id = ?
                """, doc.recordId) else { return nil }
            let department = departmentName(try row.get("department_code")), stance = try row.get("stance", as: Opinion.Stance.self)
            return result(.item(try row.get("item_id")), .same(try row.get("title")),
                          Localized(zh: "\(department) \(stance.name.zh)", en: "\(department): \(stance.name.en)"))
        case .minutes:
            guard let m = try db.row("SELECT \(MinutesHeader.columns.joined(separator: ", ")) FROM minutes WHERE id = ?", doc.recordId)
                .map(MinutesHeader.decoded) else { return nil }
            return result(.minutes(doc.recordId), .same(m.title),
                          Localized(zh: m.number?.text(.zh) ?? m.state.name.zh, en: m.number?.text(.en) ?? m.state.name.en))
        }
    }
}
