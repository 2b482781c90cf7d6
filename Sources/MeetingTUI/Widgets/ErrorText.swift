import MeetingKit

extension Localized {
    /// What a screen shows when loading or an action fails: a refusal in its own words, with
    /// its article; any other error as it describes itself.
    static func describing(_ error: any Error) -> Localized {
        if let refusal = error as? Refusal { return Localized(zh: refusal.text(.zh), en: refusal.text(.en)) }
        return .same("\(error)")
    }
}
