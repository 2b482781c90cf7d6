import MeetingKit

/// One page of a long list: what a screen shows now, and how many there are in all.
public struct ItemPage: Sendable, Codable {
    /// Items newest first, at most the page size.
    public var items: [AgendaItem]
    /// How many items match the filters.
    public var total: Int
    /// The meetings the page's items are on, by id.
    public var meetings: [Int64: Meeting]
}

extension Session {
    /// One page of ``items(state:department:meeting:)``: the newest `limit` items older than
    /// `before`, their meetings, and the count of all that match. The item list loads pages as
    /// the cursor moves instead of ten years of items and their dossiers at once.
    public func itemPage(state: AgendaState? = nil, department: String? = nil, meeting: Int64? = nil,
                         before: Int64? = nil, limit: Int) throws -> ItemPage {
        try read { db in
            if let department, try !OrgRepository.departmentExists(db, code: department.uppercased()) {
                throw RefusalCatalog.unknownDepartment(department)
            }
            if let meeting { _ = try MeetingRepository.meeting(db, id: meeting) }
            let code = department?.uppercased()
            let page = try AgendaRepository.items(db, state: state, department: code, meetingId: meeting, before: before, limit: limit)
            let decidedAt = Set(page.filter { $0.decision != nil }.compactMap(\.meetingId)).sorted()
            let items = Session.withholdingDecisions(page, meetings: try meetingsWithWithheldDecisions(db, among: decidedAt))
            return ItemPage(items: items, total: try AgendaRepository.count(db, state: state, department: code, meetingId: meeting),
                            meetings: try MeetingRepository.meetingsById(db, ids: items.compactMap(\.meetingId)))
        }
    }
}
