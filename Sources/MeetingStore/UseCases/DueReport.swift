import MeetingKit

/// What `huiwu due` prints: the steps with an R46 deadline (agenda items, minutes waiting for
/// review or signature, signed minutes to send back to the units), and how many are due and
/// overdue per person and per department. A deadline counted through a year without holiday
/// data carries its warning.
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
        public var dueWarning: Localized?
    }

    /// A minutes document waiting on a leader's review or signature (5 working days), or on
    /// the office to send it back to the units once signed (1 working day, R46(2)).
    public struct MinutesLine: Sendable, Codable, Hashable {
        public enum Step: String, Sendable, Codable, Hashable {
            case review, sign, dispatch

            public var name: Localized {
                switch self {
                case .review: return Localized(zh: "审核纪要", en: "review minutes")
                case .sign: return Localized(zh: "签发纪要", en: "sign minutes")
                case .dispatch: return Localized(zh: "转办已签发纪要", en: "send signed minutes back")
                }
            }
        }

        public var minutesId: Int64
        public var title: String
        public var step: Step
        public var waitingOn: [String]
        /// The lead department of a request (R44), if any.
        public var department: String?
        public var since: Day
        public var due: Day
        public var overdue: Bool
        public var dueWarning: Localized?
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
    /// Minutes steps, overdue first, then by due date.
    public var minutes: [MinutesLine]
    public var byPerson: [Tally]
    public var byDepartment: [Tally]
}
