/// Who confirmed that a precondition was fulfilled, and when (R16, R19).
public struct PreconditionConfirmation: Hashable, Sendable, Codable {
    public var itemId: Int64
    public var precondition: Precondition
    /// The person whose confirmation it is (the lead department's head, the legal office's head, or office staff).
    public var confirmedBy: String
    /// Who typed it (differs when a secretary records it on someone's behalf).
    public var recordedBy: String
    public var at: LocalDateTime
    public var note: String?

    public init(itemId: Int64, precondition: Precondition, confirmedBy: String, recordedBy: String, at: LocalDateTime, note: String?) {
        self.itemId = itemId
        self.precondition = precondition
        self.confirmedBy = confirmedBy
        self.recordedBy = recordedBy
        self.at = at
        self.note = note
    }
}
