/// Makes untrusted text safe to show on a terminal: control characters, escape sequences
/// (ESC, CSI, OSC …) and bidirectional overrides become visible, inert escapes such as
/// `\e` or `\u{202E}`, so a title can never move the cursor, retitle the window or reorder
/// the text a secretary reads.
public enum TextSafety {
    /// Returns `text` with every dangerous scalar shown as an escape. Newlines and tabs are
    /// kept only when `allowNewlines` is true (multi-line bodies).
    public static func inert(_ text: String, allowNewlines: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { isDangerous($0, allowNewlines: allowNewlines) }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard isDangerous(scalar, allowNewlines: allowNewlines) else { out.append(scalar); continue }
            let escaped: String
            switch scalar.value {
            case 0x1B: escaped = "\\e"
            case 0x0A: escaped = "\\n"
            case 0x0D: escaped = "\\r"
            case 0x09: escaped = "\\t"
            default: escaped = "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
            out.append(contentsOf: escaped.unicodeScalars)
        }
        return String(out)
    }

    /// C0 and C1 controls, DEL, bidi embeddings/overrides/isolates, and line/paragraph separators.
    public static func isDangerous(_ scalar: Unicode.Scalar, allowNewlines: Bool = false) -> Bool {
        let v = scalar.value
        if allowNewlines && (v == 0x0A || v == 0x09) { return false }
        return v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v)
            || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F || v == 0x061C
            || v == 0x2028 || v == 0x2029
    }

    /// Whether `text` would be changed by ``inert(_:allowNewlines:)``.
    public static func isClean(_ text: String, allowNewlines: Bool = false) -> Bool {
        !text.unicodeScalars.contains { isDangerous($0, allowNewlines: allowNewlines) }
    }
}
