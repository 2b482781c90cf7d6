import Foundation

/// Documented length limits for text people type (docs/cli.md), checked before anything is written.
///
/// Each use case that takes text (the `Session` methods) checks it first, before it reads
/// or writes anything: a 10 MB title sent by a script or a client is refused at once, not
/// stored to freeze every screen and list that shows it.
public enum InputLimits {
    public static let name = 64
    public static let title = 200
    public static let reason = 2_000
    /// The decision recorded for an agenda item (R5): longer than a reason, shorter than minutes.
    public static let decision = 10_000
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

    /// A text's length and characters, checked by a use case before any work; nil or blank
    /// passes. Whether a text is required stays with the workflow, so refusals keep their order
    /// (an empty reason on a record in the wrong state is refused for the state).
    public static func check(note: String?, field: Localized, limit: Int = InputLimits.reason) throws {
        // Megabytes are refused by their size at once; only a shorter text is trimmed to see if it is blank.
        guard let note, note.utf8.count > 1 << 20 || !note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return }
        try check(note, limit: limit, field: field, allowNewlines: true)
    }

    public static func check(decision: String) throws {
        try check(decision, limit: InputLimits.decision, field: Localized(zh: "决定内容", en: "decision"), allowNewlines: true)
    }

    public static func check(body: String) throws {
        try check(body, limit: InputLimits.body, field: Localized(zh: "正文", en: "body"), allowNewlines: true, allowEmpty: true)
    }

    static func check(_ text: String, limit: Int, field: Localized, allowNewlines: Bool = false, allowEmpty: Bool = false) throws {
        // A character takes at most 4 bytes of UTF-8: a text of megabytes past that is refused
        // without counting its characters (which costs time in proportion to its size).
        let bytes = text.utf8.count
        if bytes > limit * 4 && bytes > 1 << 20 {
            throw Refusal.invalid("input.tooLong", "\(field.zh)过长：\(bytes) 字节，上限 \(limit) 个字符",
                                  "the \(field.en) is too long: \(bytes) bytes, at most \(limit) characters")
        }
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
