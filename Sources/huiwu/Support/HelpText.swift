import Foundation

/// Help texts are bilingual, English first: "Create the database. 创建数据库。" (docs/cli.md).
///
/// The man page generator of swift-argument-parser keeps only ASCII, which would leave
/// stray words of the Chinese half ("输出 JSON。" → "JSON"). So `make man` runs the binary
/// with `HUIWU_MANUAL_LANG=en`, and the `--experimental-dump-help` output the generator
/// reads then carries the English half only.
enum HelpText {
    /// Whether a scalar starts the Chinese half: CJK ideographs, CJK and full-width punctuation.
    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3000...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFF00...0xFFEF: return true
        default: return false
        }
    }

    /// The English half of a bilingual text: each line up to its first Chinese character;
    /// lines that are Chinese only are dropped.
    static func english(_ text: String) -> String {
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            guard let cut = line.unicodeScalars.firstIndex(where: isCJK) else { lines.append(String(line)); continue }
            let head = String(line.unicodeScalars[..<cut]).trimmingCharacters(in: .whitespaces)
            if !head.isEmpty { lines.append(head) }
        }
        return lines.joined(separator: "\n")
    }

    /// The tool-info JSON with every text reduced to its English half.
    static func englishDump(_ json: String) -> String {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)),
              let data = try? JSONSerialization.data(withJSONObject: transform(object), options: [.sortedKeys]) else { return json }
        return String(decoding: data, as: UTF8.self)
    }

    private static func transform(_ value: Any) -> Any {
        if let text = value as? String { return english(text) }
        if let list = value as? [Any] { return list.map(transform) }
        if let object = value as? [String: Any] { return object.mapValues(transform) }
        return value
    }

    /// In `main`: answers `--experimental-dump-help` in English when `HUIWU_MANUAL_LANG=en`.
    static func handleManualDump(_ error: Error) {
        guard ProcessInfo.processInfo.environment["HUIWU_MANUAL_LANG"] == "en",
              CommandLine.arguments.contains("--experimental-dump-help") else { return }
        print(englishDump(Huiwu.fullMessage(for: error)))
        exit(0)
    }
}
