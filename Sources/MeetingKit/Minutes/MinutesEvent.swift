/// Something that happens to a minutes document; ``MinutesWorkflow/transition(_:_:by:org:at:)``
/// is the only way to apply one.
public enum MinutesEvent: Hashable, Sendable {
    /// The drafter replaces the body.
    case edit(body: String)
    /// The drafter sets the disclosure attribute (R22) and/or the classification (R48);
    /// nil leaves a value as it is.
    case setAttributes(disclosure: Disclosure?, reason: String?, classification: Classification?)
    /// The drafter sends it along `chain` (reviewers in order, the mayor last).
    case submit(chain: [String])
    /// The current reviewer agrees; it moves to the next one.
    case approve
    /// The current reviewer (or the mayor) sends it back to the drafter.
    case `return`(reason: String)
    /// The signer signs (the mayor, or the chair of a vice mayor's own minutes); for minutes
    /// in the government's name the store has drawn the next number in the same transaction.
    case sign(number: MinutesNumber?, signedText: String)
    /// The classification is lowered (or removed), with the disclosure attribute that then
    /// applies: its own audited step (R48, R22), before or after signing.
    case declassify(to: Classification, disclosure: Disclosure?, disclosureReason: String?, reason: String)

    /// The audit action name.
    public var action: String {
        switch self {
        case .edit: return "minutes.edit"
        case .setAttributes: return "minutes.set"
        case .submit: return "minutes.submit"
        case .approve: return "minutes.approve"
        case .return: return "minutes.return"
        case .sign: return "minutes.sign"
        case .declassify: return "minutes.declassify"
        }
    }
}
