import Foundation
import MeetingFormats
import MeetingKit

/// The user's `config.toml`: `$XDG_CONFIG_HOME/huiwu/config.toml`, else
/// `~/.config/huiwu/config.toml`. A missing file means the defaults; a file with mistakes
/// is refused with every mistake and its line, so a typo never silently does nothing.
struct ConfigFile: Sendable {
    let path: String
    let exists: Bool
    let config: HuiwuConfig

    /// Where the file is looked for.
    static func path(environment: [String: String]) -> String {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { return xdg + "/huiwu/config.toml" }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.config/huiwu/config.toml"
    }

    /// The system-wide file every user reads first: `/etc/huiwu/config.toml`, where the
    /// administrator names the office's server (`HUIWU_SYSTEM_CONFIG` names another, for tests).
    static func systemPath(environment: [String: String]) -> String {
        environment["HUIWU_SYSTEM_CONFIG"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? "/etc/huiwu/config.toml"
    }

    /// Reads and checks the user's file (or returns the defaults when there is none).
    static func load(environment: [String: String]) throws -> ConfigFile {
        try load(path: path(environment: environment))
    }

    /// Reads and checks the system-wide file (or the defaults when there is none).
    static func loadSystem(environment: [String: String]) throws -> ConfigFile {
        try load(path: systemPath(environment: environment))
    }

    static func load(path: String) throws -> ConfigFile {
        guard FileManager.default.fileExists(atPath: path) else { return ConfigFile(path: path, exists: false, config: HuiwuConfig()) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Refusal.invalid("config.unreadable", "无法读取配置文件 \(path)", "cannot read the configuration file \(path)")
        }
        let bytes = Array(data)
        let badLines = OrgCSV.invalidUTF8Lines(bytes)
        if let line = badLines.first {
            throw Refusal.invalid("config.notUTF8", "\(path):\(line)：不是有效的 UTF-8 文本", "\(path):\(line): not valid UTF-8 text")
        }
        let (config, problems) = HuiwuConfig.parse(String(decoding: bytes, as: UTF8.self))
        guard problems.isEmpty else {
            throw Refusal.invalid("config.invalid",
                                  "配置文件有误：" + problems.map { "\(path):\($0.line)：\($0.message.zh)" }.joined(separator: "；"),
                                  "the configuration file is wrong: " + problems.map { "\(path):\($0.line): \($0.message.en)" }.joined(separator: "; "))
        }
        return ConfigFile(path: path, exists: true, config: config)
    }
}
