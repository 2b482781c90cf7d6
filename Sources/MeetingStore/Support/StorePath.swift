import Foundation

/// Where the database file lives: `--db`, else `HUIWU_DB`, else
/// `$XDG_DATA_HOME/huiwu/huiwu.sqlite`, else `~/.local/share/huiwu/huiwu.sqlite`.
public struct StorePath: Sendable, Hashable {
    public let path: String
    /// True when neither `--db` nor `HUIWU_DB` chose the path.
    public let isDefault: Bool

    public static func resolve(option: String?, environment: [String: String]) -> StorePath {
        if let option, !option.isEmpty { return StorePath(path: expand(option, environment), isDefault: false) }
        if let env = environment["HUIWU_DB"], !env.isEmpty { return StorePath(path: expand(env, environment), isDefault: false) }
        let home = environment["HOME"] ?? NSHomeDirectory()
        let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? home + "/.local/share"
        return StorePath(path: dataHome + "/huiwu/huiwu.sqlite", isDefault: true)
    }

    private static func expand(_ path: String, _ environment: [String: String]) -> String {
        guard path.hasPrefix("~/"), let home = environment["HOME"] else { return path }
        return home + path.dropFirst(1)
    }
}
