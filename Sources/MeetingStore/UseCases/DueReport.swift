import MeetingKit

/// What `huiwu due` prints: the steps with an R46 deadline, and how many are due and
/// overdue per person and per department.
public struct DueReport: Sendable, Codable {
    /// One step waiting on someone, with its deadline.
    public struct Line: Sendable, Codable, Hashable {
        public var itemId: Int64
        public var title: String
        public var step: PendingStep.Kind
        public var waitingOn: [String]
        public var department: String
        public var since: Day
        public var due: Day
        public var overdue: Bool
    }

    /// How many steps a person or department has due, and how many of them are overdue.
    public struct Tally: Sendable, Codable, Hashable {
        /// A login or a department code.
        public var key: String
        public var name: String
        public var due: Int
        public var overdue: Int
    }

    public var today: Day
    /// The person asked about (`--person`), if any.
    public var person: String?
    /// Overdue first, then by due date.
    public var lines: [Line]
    public var byPerson: [Tally]
    public var byDepartment: [Tally]
}
