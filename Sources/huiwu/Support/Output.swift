import Foundation
import MeetingKit
import TextLayout

/// Prints results as text for people or JSON for scripts. Every string is made inert
/// before it reaches a terminal; JSON escapes control and bidi characters.
struct Output {
    let json: Bool
    let lang: Lang

    /// Prints `value` as JSON with `--json`, else the text `text` builds.
    func emit<T: Encodable>(_ value: T, text: () -> String) {
        if json {
            print(Output.jsonText(value))
        } else {
            let body = text()
            if !body.isEmpty { print(body) }
        }
    }

    /// `text` in the output's language, sanitized: how a command prints a line of bilingual text.
    func line(_ text: Localized) -> String { TextSafety.inert(text.text(lang), allowNewlines: true) }

    static func jsonText<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "null" }
        // JSONEncoder escapes C0 controls; also escape DEL, C1 controls and bidi overrides so a
        // terminal showing the JSON cannot be steered by it.
        let text = String(decoding: data, as: UTF8.self)
        func needsEscape(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x7F && TextSafety.isDangerous(scalar) }
        // Nearly every document has none: it is printed as encoded, not rebuilt a scalar at a
        // time (that rebuild was a sixth of a `meeting list`'s instructions).
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) {
                out.append(contentsOf: String(format: "\\u%04x", scalar.value).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    static func error(_ message: String) {
        FileHandle.standardError.write(Data(("huiwu: " + TextSafety.inert(message) + "\n").utf8))
    }

    /// A plain text table whose columns are aligned by display width (Chinese is two columns).
    static func table(_ header: [String], _ rows: [[String]]) -> String {
        let cells = ([header] + rows).map { $0.map { TextSafety.inert($0) } }
        var widths = [Int](repeating: 0, count: header.count)
        for row in cells { for (i, c) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], DisplayWidth.of(c)) } }
        return cells.map { row in
            row.enumerated().map { i, c in i == row.count - 1 ? c : DisplayWidth.pad(c, to: widths[i]) }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
