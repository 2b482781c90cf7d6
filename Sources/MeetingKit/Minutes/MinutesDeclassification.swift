/// A recorded declassification of a minutes document (R48): the level before and after,
/// the disclosure attribute that then applies (R22), why, who decided it and who typed it.
/// Kept forever; it is what allows the classification of signed minutes to change.
public struct MinutesDeclassification: Hashable, Sendable, Codable {
    public var id: Int64?
    public var minutesId: Int64
    public var fromClassification: Classification
    public var toClassification: Classification
    public var disclosure: Disclosure?
    public var reason: String
    /// The office director, the mayor or the signer who decided it.
    public var by: String
    public var recordedBy: String
    public var at: LocalDateTime

    public init(id: Int64? = nil, minutesId: Int64, fromClassification: Classification, toClassification: Classification,
                disclosure: Disclosure?, reason: String, by: String, recordedBy: String, at: LocalDateTime) {
        self.id = id
        self.minutesId = minutesId
        self.fromClassification = fromClassification
        self.toClassification = toClassification
        self.disclosure = disclosure
        self.reason = reason
        self.by = by
        self.recordedBy = recordedBy
        self.at = at
    }
}
