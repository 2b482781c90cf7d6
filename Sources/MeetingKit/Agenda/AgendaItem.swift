/// An agenda item (议题): a matter a lead department asks a government meeting to decide (R41).
///
/// Changed only by ``AgendaWorkflow/transition(_:_:by:org:at:)``; never deleted. The item
/// carries its opinions and precondition confirmations; its timeline is kept beside it.
public struct AgendaItem: Hashable, Sendable, Codable {
    /// The lead department's truthful statement of a disagreement the supervising vice mayor
    /// could not resolve, with its proposal for handling it (R41, R45(3)); shown wherever the
    /// item is shown.
    public struct Statement: Hashable, Sendable, Codable {
        public var text: String
        /// How the lead department proposes to handle the disagreement (R45(3) "提出办理建议").
        public var proposal: String?
        /// The lead department's head whose statement it is.
        public var givenBy: String?
        /// Who entered it (the head, or office staff on the head's behalf).
        public var recordedBy: String
        public var at: LocalDateTime

        public init(text: String, proposal: String? = nil, givenBy: String? = nil, recordedBy: String, at: LocalDateTime) {
            self.text = text
            self.proposal = proposal
            self.givenBy = givenBy
            self.recordedBy = recordedBy
            self.at = at
        }
    }

    /// Row id; nil until stored.
    public var id: Int64?
    public var title: String
    public var summary: String
    /// The lead department (主办部门), which drafts the item.
    public var leadCode: String
    /// The related departments whose opinions are sought, in the order named.
    public var relatedCodes: [String]
    /// A major matter (重大事项): decided only at plenary or executive meetings (R5).
    public var major: Bool
    /// A normative document in the government's name (R16, R47(1)).
    public var normative: Bool
    /// Affects the public interest or may cause instability (R19).
    public var publicInterest: Bool
    /// Affects market actors (R19, R47(1)).
    public var market: Bool
    /// The executive meeting task (R39 (1)–(6)), required to go on an executive meeting.
    public var category: ExecutiveCategory?
    /// A hearing is held (R19); its record is then a precondition.
    public var hearing: Bool
    /// The law requires reporting the decision to the People's Congress standing committee (R20).
    public var reportToCongress: Bool
    public var state: AgendaState
    /// When the supervising vice mayor recorded that coordination did not reach agreement:
    /// the lead department's statement is then due (R41, R45(3)).
    public var coordinationFailedAt: LocalDateTime?
    public var statement: Statement?
    /// The meeting it is placed on, while scheduled or once decided there.
    public var meetingId: Int64?
    /// The decision text, once decided.
    public var decision: String?
    /// Why the lead department withdrew it.
    public var withdrawalReason: String?
    public var createdBy: String
    public var createdAt: LocalDateTime
    /// When the step the item now waits on began (R46 deadlines count from here).
    public var stepStartedAt: LocalDateTime
    public var opinions: [Opinion]
    public var confirmations: [PreconditionConfirmation]
    /// Incremented on every change.
    public var version: Int

    public init(id: Int64? = nil, title: String, summary: String = "", leadCode: String, relatedCodes: [String] = [],
                major: Bool = false, normative: Bool = false, publicInterest: Bool = false, market: Bool = false,
                category: ExecutiveCategory? = nil, hearing: Bool = false, reportToCongress: Bool = false,
                state: AgendaState = .draft, coordinationFailedAt: LocalDateTime? = nil, statement: Statement? = nil,
                meetingId: Int64? = nil, decision: String? = nil, withdrawalReason: String? = nil,
                createdBy: String, createdAt: LocalDateTime, stepStartedAt: LocalDateTime? = nil,
                opinions: [Opinion] = [], confirmations: [PreconditionConfirmation] = [], version: Int = 1) {
        self.id = id
        self.title = title
        self.summary = summary
        self.leadCode = leadCode
        self.relatedCodes = relatedCodes
        self.major = major
        self.normative = normative
        self.publicInterest = publicInterest
        self.market = market
        self.category = category
        self.hearing = hearing
        self.reportToCongress = reportToCongress
        self.state = state
        self.coordinationFailedAt = coordinationFailedAt
        self.statement = statement
        self.meetingId = meetingId
        self.decision = decision
        self.withdrawalReason = withdrawalReason
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.stepStartedAt = stepStartedAt ?? createdAt
        self.opinions = opinions
        self.confirmations = confirmations
        self.version = version
    }

    /// The flags the rules read (R5, R16, R19, R20, R39).
    public var flags: ItemFlags {
        get {
            ItemFlags(major: major, normative: normative, publicInterest: publicInterest, market: market, hearing: hearing,
                      reportToCongress: reportToCongress, category: category)
        }
        set {
            major = newValue.major
            normative = newValue.normative
            publicInterest = newValue.publicInterest
            market = newValue.market
            hearing = newValue.hearing
            reportToCongress = newValue.reportToCongress
            category = newValue.category
        }
    }

    /// The preconditions this item needs before the office accepts it (R16, R18, R19, R20, R47(1)).
    public var requiredPreconditions: [Precondition] { Precondition.required(for: flags) }

    /// Required preconditions nobody has confirmed yet, in checklist order.
    public var missingPreconditions: [Precondition] {
        let done = Set(confirmations.map(\.precondition))
        return requiredPreconditions.filter { !done.contains($0) }
    }

    public func confirmation(of precondition: Precondition) -> PreconditionConfirmation? {
        confirmations.first { $0.precondition == precondition }
    }

    public func opinion(of department: String) -> Opinion? { opinions.first { $0.departmentCode == department } }

    /// Related departments that have not given their opinion yet.
    public var awaitedOpinions: [String] { relatedCodes.filter { opinion(of: $0) == nil } }

    /// Carries an unresolved disagreement: shown flagged everywhere (R41).
    public var isFlagged: Bool { statement != nil }

    /// "#12 关于…" for lists and messages.
    public var label: String { "#\(id.map(String.init) ?? "?") \(title)" }
}
