import MeetingKit

extension Session {
    /// The office's own settings as stored: its name and its meeting rooms.
    public func officeSettings() throws -> OfficeSettings {
        try read { db in OfficeSettings(name: try OrgRepository.officeName(db), rooms: try OrgRepository.rooms(db)) }
    }
}

/// The office's name and meeting rooms as stored (config.toml may show others).
public struct OfficeSettings: Codable, Sendable, Hashable {
    public var name: Localized
    public var rooms: [String]
}
