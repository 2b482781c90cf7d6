/// The minutes (纪要) of one held meeting: drafted, reviewed along its chain, signed by the
/// mayor (R43, R44), then numbered and fixed forever. A correction is a new document that
/// points at the one it corrects.
public struct Minutes: Hashable, Sendable, Codable {
    /// Row id; nil until stored.
    public var id: Int64?
    public var meetingId: Int64
    /// The meeting's kind, which also numbers the signed document (常务会议纪要〔2026〕12号).
    public var meetingKind: MeetingKind
    public var route: MinutesRoute
    /// Who drafts and edits it: office staff (R43) or the head of the item's lead department (R44).
    public var drafterLogin: String
    /// The lead department that drafts a request (R44); nil on the R43 route.
    public var leadDepartmentCode: String?
    /// The document's title, e.g. 第3次区政府常务会议纪要.
    public var title: String
    public var body: String
    public var state: MinutesState
    /// Required before submission (R22).
    public var disclosure: Disclosure?
    /// Why it is not public (required with `notPublic`, R22).
    public var disclosureReason: String?
    public var classification: Classification
    /// Who reviews and signs, in order; the last is the mayor, who signs. Fixed at submission.
    public var chain: [String]
    /// Index in ``chain`` of the person it waits on (in review or awaiting signature).
    public var step: Int
    /// When the current step began: submission, the previous approval, or the return.
    public var stepSince: LocalDateTime?
    /// The reason given with the last return.
    public var returnReason: String?
    public var numberYear: Int?
    public var numberSeq: Int?
    public var signedAt: LocalDateTime?
    /// The mayor's login.
    public var signedBy: String?
    /// The document exactly as signed (number, title, body, marks): what ``sha256`` covers.
    public var signedText: String?
    /// SHA-256 of ``signedText`` as UTF-8, 64 hex digits.
    public var sha256: String?
    /// The signed document this one corrects.
    public var correctionOf: Int64?
    public var createdAt: LocalDateTime
    /// Incremented on every change (optimistic locking).
    public var version: Int

    public init(id: Int64? = nil, meetingId: Int64, meetingKind: MeetingKind, route: MinutesRoute, drafterLogin: String,
                leadDepartmentCode: String? = nil, title: String, body: String, state: MinutesState = .draft,
                disclosure: Disclosure? = nil, disclosureReason: String? = nil, classification: Classification = .none,
                chain: [String] = [], step: Int = 0, stepSince: LocalDateTime? = nil, returnReason: String? = nil,
                numberYear: Int? = nil, numberSeq: Int? = nil, signedAt: LocalDateTime? = nil, signedBy: String? = nil,
                signedText: String? = nil, sha256: String? = nil, correctionOf: Int64? = nil,
                createdAt: LocalDateTime, version: Int = 1) {
        self.id = id
        self.meetingId = meetingId
        self.meetingKind = meetingKind
        self.route = route
        self.drafterLogin = drafterLogin
        self.leadDepartmentCode = leadDepartmentCode
        self.title = title
        self.body = body
        self.state = state
        self.disclosure = disclosure
        self.disclosureReason = disclosureReason
        self.classification = classification
        self.chain = chain
        self.step = step
        self.stepSince = stepSince
        self.returnReason = returnReason
        self.numberYear = numberYear
        self.numberSeq = numberSeq
        self.signedAt = signedAt
        self.signedBy = signedBy
        self.signedText = signedText
        self.sha256 = sha256
        self.correctionOf = correctionOf
        self.createdAt = createdAt
        self.version = version
    }

    /// The number, once signed.
    public var number: MinutesNumber? {
        guard let numberYear, let numberSeq else { return nil }
        return MinutesNumber(kind: meetingKind, year: numberYear, sequence: numberSeq)
    }

    /// Whose turn it is: the drafter while it is with them, the current reviewer or the mayor
    /// while in the chain, nobody once signed.
    public var waitingOn: String? {
        switch state {
        case .draft, .returned: return drafterLogin
        case .inReview, .awaitingSignature: return step < chain.count ? chain[step] : nil
        case .signed: return nil
        }
    }
}
