import MeetingKit
import MeetingService
import MeetingFormats

/// What screens need from outside: the office (actor, clock, use cases) and the language.
public struct ScreenContext: Sendable {
    public internal(set) var office: Office
    public let lang: Lang
    /// The process environment (`VISUAL`, `EDITOR`, `TMPDIR` …).
    public let environment: [String: String]
    /// The user's config.toml: office name override, cadences.
    public var config = HuiwuConfig()

    /// The office name from config.toml, shown instead of the stored one (nil: the stored one).
    public var officeNameOverride: Localized? { config.officeNameOverride }

    public init(office: Office, lang: Lang, environment: [String: String] = [:]) {
        self.office = office
        self.lang = lang
        self.environment = environment
    }

    /// The acting person's login.
    public var me: String { office.actor.principal.login }
}
