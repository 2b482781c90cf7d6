import Foundation

/// Documented length limits for text people type (docs/cli.md), checked before anything is written.
public enum InputLimits {
    public static let name = 64
    public static let title = 200
    public static let reason = 2_000
    public static let body = 200_000

    /// Refuses empty, over-long or control-character names.
    public static func check(name: String, field: Localized = Localized(zh: "姓名", en: "name")) throws {
        try check(name, limit: InputLimits.name, field: field)
    }

    public static func check(title: String) throws {
        try check(title, limit: InputLimits.title, field: Localized(zh: "标题", en: "title"))
    }

    public static func check(reason: String, field: Localized = Localized(zh: "理由", en: "reason")) throws {
        try check(reason, limit: InputLimits.reason, field: field, allowNewlines: true)
    }

    public static func check(body: String) throws {
        try check(body, limit: InputLimits.body, field: Localized(zh: "正文", en: "body"), allowNewlines: true, allowEmpty: true)
    }

    static func check(_ text: String, limit: Int, field: Localized, allowNewlines: Bool = false, allowEmpty: Bool = false) throws {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty && !allowEmpty {
            throw Refusal.invalid("input.empty", "\(field.zh)不能为空", "the \(field.en) must not be empty")
        }
        if text.count > limit {
            throw Refusal.invalid("input.tooLong", "\(field.zh)过长：\(text.count) 个字符，上限 \(limit)",
                                  "the \(field.en) is too long: \(text.count) characters, at most \(limit)")
        }
        if !TextSafety.isClean(text, allowNewlines: allowNewlines) {
            throw Refusal.invalid("input.controlCharacters", "\(field.zh)含有控制字符或转义序列：\(TextSafety.inert(String(text.prefix(60))))",
                                  "the \(field.en) contains control characters or escape sequences: \(TextSafety.inert(String(text.prefix(60))))")
        }
    }
}
