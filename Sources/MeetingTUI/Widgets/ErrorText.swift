import MeetingKit

extension Localized {
    /// What a screen shows when loading or an action fails: a refusal in its own words, with
    /// its article; any other error as it describes itself.
    static func describing(_ error: any Error) -> Localized {
        if let refusal = error as? Refusal { return Localized(zh: refusal.text(.zh), en: refusal.text(.en)) }
        return .same("\(error)")
    }
}

extension Effect {
    /// The status-line message of a failed action: ``Localized/describing(_:)`` as an error.
    static func failure(_ error: any Error) -> Effect { .status(.describing(error), .error) }
}
