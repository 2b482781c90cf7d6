/// Why the product will not do something: a typed value with a stable code, the article of
/// the work rules it enforces (when a rule is the reason), and the message in both languages.
///
/// The CLI prints the message on stderr and exits with ``exitCode``; the TUI shows it on
/// the status line. Tests match on ``code`` and ``article``.
public struct Refusal: Error, Hashable, Sendable, Codable {
    public enum Kind: String, Sendable, Codable {
        /// A rule of the work rules (or of the office) forbids it.
        case rule
        /// The input is malformed or out of range.
        case invalidInput
        /// A named record does not exist.
        case notFound
        /// The record changed since it was read, or the action is out of order.
        case conflict
        /// The store cannot be read or written.
        case storage
    }

    public let kind: Kind
    /// A stable machine-readable code such as `leave.wrongApprover`.
    public let code: String
    /// The article of the work rules, such as `R42`, when a rule is the reason.
    public let article: String?
    public let message: Localized
    /// What to do about it, when that depends on the front end (``RefusalCatalog``): the
    /// message holds the command line's hint, which the interface replaces with its key.
    public var remedy: Remedy?

    public init(_ kind: Kind, code: String, article: String? = nil, _ message: Localized) {
        self.kind = kind
        self.code = code
        self.article = article
        self.message = message
    }

    /// The message as shown to users: the article first, so "R42: …" is what they read.
    public func text(_ lang: Lang) -> String {
        guard let article else { return message.text(lang) }
        return article + ": " + message.text(lang)
    }

    /// Process exit code for the CLI; documented in docs/cli.md.
    public var exitCode: Int32 {
        switch kind {
        case .rule: return 3
        case .invalidInput: return 2
        case .notFound: return 4
        case .conflict: return 5
        case .storage: return 6
        }
    }

    public static func invalid(_ code: String, _ zh: String, _ en: String) -> Refusal {
        Refusal(.invalidInput, code: code, Localized(zh: zh, en: en))
    }

    public static func notFound(_ code: String, _ zh: String, _ en: String) -> Refusal {
        Refusal(.notFound, code: code, Localized(zh: zh, en: en))
    }

    public static func rule(_ article: String, _ code: String, _ zh: String, _ en: String) -> Refusal {
        Refusal(.rule, code: code, article: article, Localized(zh: zh, en: en))
    }

    /// A product rule (not an article of the work rules) forbids it: permissions, retirement.
    public static func forbidden(_ code: String, _ zh: String, _ en: String) -> Refusal {
        Refusal(.rule, code: code, Localized(zh: zh, en: en))
    }

    public static func conflict(_ code: String, _ zh: String, _ en: String) -> Refusal {
        Refusal(.conflict, code: code, Localized(zh: zh, en: en))
    }
}
