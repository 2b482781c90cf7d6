/// The follow-up list (督办台账) of decisions of signed minutes (R53–R55), or, for one unit,
/// the follow-up notice (督办通知) that asks it to report.
public struct FollowUpPaper: Hashable, Sendable, Codable {
    public struct Row: Hashable, Sendable, Codable {
        public var followUpId: Int64
        /// The minutes it comes from: 常务会议纪要〔2026〕1号.
        public var source: String
        /// What was decided; a placeholder when the reader may not read classified minutes (R48).
        public var decision: String
        public var unit: String
        public var due: Day
        public var status: FollowUp.Status
        public var isOverdue: Bool
        public var doneNote: String?

        public init(followUpId: Int64, source: String, decision: String, unit: String, due: Day, status: FollowUp.Status,
                    isOverdue: Bool, doneNote: String?) {
            self.followUpId = followUpId
            self.source = source
            self.decision = decision
            self.unit = unit
            self.due = due
            self.status = status
            self.isOverdue = isOverdue
            self.doneNote = doneNote
        }
    }

    public var issuer: String
    public var office: String
    /// The unit a 督办通知 is addressed to; nil for the whole 台账.
    public var unit: String?
    public var compiledOn: Day
    public var rows: [Row]

    public init(issuer: String, office: String, unit: String?, compiledOn: Day, rows: [Row]) {
        self.issuer = issuer
        self.office = office
        self.unit = unit
        self.compiledOn = compiledOn
        self.rows = rows
    }

    /// The text printed for a decision of classified minutes the reader may not read (R48).
    public static let withheldDecision = "（涉密内容，不予显示）"
}
