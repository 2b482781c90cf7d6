/// A minutes document as plain UTF-8 text: what the mayor signs and its SHA-256 covers. The
/// printed forms (GB/T 9704 纪要 as DOCX, PDF, HTML) are laid out from ``MinutesPaper``.
public struct MinutesDocument: Hashable, Sendable {
    /// The issuing body, e.g. 北京市西城区人民政府.
    public var issuer: String
    /// The document number, once signed: 常务会议纪要〔2026〕12号.
    public var number: String?
    public var title: String
    public var body: String
    public var classification: Classification
    public var disclosure: Disclosure?
    /// The signer's title and name, e.g. 区长 周立新 (nil while unsigned).
    public var signer: String?
    public var signedOn: Day?
    /// The number of the document this one corrects.
    public var corrects: String?

    public init(issuer: String, number: String?, title: String, body: String, classification: Classification,
                disclosure: Disclosure?, signer: String?, signedOn: Day?, corrects: String?) {
        self.issuer = issuer
        self.number = number
        self.title = title
        self.body = body
        self.classification = classification
        self.disclosure = disclosure
        self.signer = signer
        self.signedOn = signedOn
        self.corrects = corrects
    }

    /// Signed (a vice mayor's own minutes carry no government number).
    public var isSigned: Bool { signer != nil && signedOn != nil }

    /// Plain UTF-8 text. For a signed document this is exactly the text the stored SHA-256 covers.
    public var text: String {
        var lines: [String] = []
        if !isSigned { lines.append("【草稿，未签发】") }
        if classification.isClassified { lines.append(classification.name.zh) }
        lines.append(issuer)
        if let number { lines.append(number) }
        lines.append(String(repeating: "─", count: 24))
        lines.append(title)
        if let corrects { lines.append("（本件更正\(corrects)）") }
        lines.append("")
        lines.append(body.trimmingTrailingNewlines)
        lines.append("")
        if let signer, let signedOn {
            lines.append("签发：\(signer)")
            lines.append(signedOn.chinese)
        }
        if let disclosure { lines.append(disclosure.documentNote) }
        return lines.joined(separator: "\n") + "\n"
    }
}

private extension String {
    var trimmingTrailingNewlines: String {
        var s = self
        while s.hasSuffix("\n") || s.hasSuffix("\r") { s.removeLast() }
        return s
    }
}
