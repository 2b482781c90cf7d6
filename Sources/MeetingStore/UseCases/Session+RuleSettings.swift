import MeetingKit

/// The office-wide settings of how the rules apply, stored in the database so that every
/// user works under the same ones (docs/rules-map.md lists them).
public struct RuleSettings: Sendable, Codable, Hashable {
    /// R47: documents in the government's name are checked by the office (director or a
    /// deputy) before a leader signs them. On unless an administrator turns it off.
    public var officeCheck: Bool
}

extension Session {
    /// The settings as stored now.
    public func ruleSettings() throws -> RuleSettings {
        try read { RuleSettings(officeCheck: try Session.officeCheck($0)) }
    }

    /// Turns the R47 office check of minutes chains on or off (administrators; audited).
    /// Chains already submitted keep their steps; the next submission follows the setting.
    @discardableResult
    public func setOfficeCheck(_ enabled: Bool) throws -> RuleSettings {
        try write { change in
            try change.require(.configureRules, org: try OrgRepository.load(change.db))
            let before = try Session.officeCheck(change.db)
            try OrgRepository.setSetting(change.db, Session.officeCheckKey, enabled ? "on" : "off")
            try change.audit("setting.officeCheck", entity: "setting", id: Session.officeCheckKey,
                             before: before ? "on" : "off", after: enabled ? "on" : "off")
            return RuleSettings(officeCheck: enabled)
        }
    }

    static let officeCheckKey = "rules.r47.officeCheck"

    static func officeCheck(_ db: any SQLConnection) throws -> Bool {
        try OrgRepository.setting(db, officeCheckKey) != "off"
    }
}
