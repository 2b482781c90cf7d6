/// Which open items can wait on a reader, told from an item's row alone (state, lead
/// department, related departments): true for every item whose steps
/// (``AgendaDeadlines/pendingSteps(for:org:calendar:)``) name the reader, so a home screen
/// derives the steps of those items only instead of every open item's (docs/performance.md).
/// It follows the cases of `pendingSteps` one by one; what it asks of the org chart is worked
/// out once, not for every row. ``reach(of:)`` states it per state, for the store to ask in
/// its query; ``mayWait(state:leadCode:related:)`` asks it of one row.
public struct AgendaWaitFilter: Sendable {
    /// Whose items in one state can wait on a reader.
    public enum Reach: Equatable, Sendable {
        case nobody
        case everyone
        /// Items led by one of these departments.
        case ledBy(Set<String>)
        /// Items with one of these departments among the related ones.
        case relatedTo(Set<String>)
    }

    /// Departments whose head, or the deputy entrusted to sign off, is a reader.
    private let signedOff: Set<String>
    /// Departments a reader supervises.
    private let supervised: Set<String>
    /// Whether a reader is on the office's staff (director or secretary).
    private let isOffice: Bool

    /// The filter for `logins` (the acting person and the leader acted for).
    public init(logins: Set<String>, org: OrgChart) {
        let departments = org.departments(kind: nil)
        signedOff = Set(departments.filter { d in
            [org.head(of: d.code)?.login, d.entrustedDeputyLogin].contains { $0.map(logins.contains) ?? false }
        }.map(\.code))
        supervised = Set(departments.filter { org.supervisor(ofDepartment: $0.code).map { logins.contains($0.login) } ?? false }.map(\.code))
        isOffice = org.officeStaffLogins().contains(where: logins.contains)
    }

    /// Which items in `state` can wait on a reader.
    public func reach(of state: AgendaState) -> Reach {
        switch state {
        case .draft: .ledBy(signedOff)
        case .consulting: .relatedTo(signedOff)
        case .disputed: .ledBy(signedOff.union(supervised))
        case .consensus: .ledBy(supervised)
        case .approved, .accepted: isOffice ? .everyone : .nobody
        case .scheduled, .decided, .withdrawn: .nobody
        }
    }

    /// Whether an open item in `state`, led by `leadCode` with `related` departments, can wait on a reader.
    public func mayWait(state: AgendaState, leadCode: String, related: [String]) -> Bool {
        switch reach(of: state) {
        case .nobody: false
        case .everyone: true
        case .ledBy(let departments): departments.contains(leadCode)
        case .relatedTo(let departments): related.contains(where: departments.contains)
        }
    }
}
