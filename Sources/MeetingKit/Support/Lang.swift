/// The language of the user interface. Chinese is the default (the office works in Chinese).
public enum Lang: String, Sendable, CaseIterable, Codable {
    case zh, en

    /// Picks the language from `--lang`, else `LANGUAGE`/`LC_ALL`/`LC_MESSAGES`/`LANG` (`en*` gives English).
    public static func resolve(option: String?, environment: [String: String]) -> Lang {
        if let option, let lang = Lang(rawValue: option.lowercased()) { return lang }
        for key in ["LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[key], !value.isEmpty else { continue }
            if value.hasPrefix("en") { return .en }
            if value.hasPrefix("zh") { return .zh }
            if value == "C" || value.hasPrefix("C.") || value == "POSIX" { continue }
            return .zh
        }
        return .zh
    }
}
