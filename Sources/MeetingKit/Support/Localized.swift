/// A user-visible text in both languages. Every message the product shows is one of these,
/// so a missing translation is a compile error, not a blank on screen.
public struct Localized: Hashable, Sendable, Codable {
    public let zh: String
    public let en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    public func text(_ lang: Lang) -> String { lang == .zh ? zh : en }

    /// The same text in both languages (names, numbers).
    public static func same(_ text: String) -> Localized { Localized(zh: text, en: text) }
}
