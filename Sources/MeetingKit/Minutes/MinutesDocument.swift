/// A minutes document laid out for reading and printing: plain UTF-8 text, and print-ready
/// HTML in the layout of official documents (GB/T 9704-2012: classification mark top left,
/// masthead and document number centred, red rule, title, body in 仿宋 at 三号 (16pt) on a 28pt
/// line, signature block, disclosure note (附注), A4 with the standard margins).
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

    static func chineseDate(_ day: Day) -> String { "\(day.year)年\(day.month)月\(day.day)日" }

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
            lines.append(MinutesDocument.chineseDate(signedOn))
        }
        if let disclosure { lines.append(disclosure.documentNote) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Print-ready HTML (open in a browser and print, or render with headless Chromium).
    public var html: String {
        let e = MinutesDocument.escape
        var out = """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <title>\(e(number.map { $0 + " " } ?? "") + e(title))</title>
        <style>
        @page { size: A4; margin: 37mm 26mm 35mm 28mm; }
        html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body { margin: 0; color: #000; font-size: 16pt; line-height: 28pt;
               font-family: "FangSong_GB2312", "仿宋_GB2312", "FangSong", "仿宋", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC", serif; }
        .mark { font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; font-size: 16pt; }
        .draft { color: #888; border: 1px dashed #888; padding: 0 6pt; display: inline-block; }
        .masthead { color: #c00; text-align: center; font-size: 26pt; line-height: 40pt; margin: 12pt 0 8pt; letter-spacing: 2pt;
                    font-family: "FZXiaoBiaoSong-B05S", "方正小标宋简体", "SimSun", "宋体", "Noto Serif CJK SC", serif; }
        .number { text-align: center; }
        .rule { border: 0; border-top: 2px solid #c00; margin: 6pt 0 28pt; }
        h1 { text-align: center; font-weight: normal; font-size: 22pt; line-height: 32pt; margin: 0 0 28pt;
             font-family: "FZXiaoBiaoSong-B05S", "方正小标宋简体", "SimSun", "宋体", "Noto Serif CJK SC", serif; }
        .corrects { text-align: center; margin-top: -20pt; margin-bottom: 28pt; }
        p { margin: 0; text-indent: 2em; text-align: justify; }
        p.h1 { font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; }
        p.blank { height: 28pt; }
        .signature { margin-top: 28pt; text-align: right; padding-right: 4em; }
        .note { margin-top: 28pt; text-indent: 2em; }
        @media screen { body { max-width: 156mm; margin: 20mm auto; } }
        </style>
        </head>
        <body>

        """
        if !isSigned { out += "<div class=\"mark draft\">草稿，未签发</div>\n" }
        if classification.isClassified { out += "<div class=\"mark classification\">\(e(classification.name.zh))</div>\n" }
        out += "<div class=\"masthead\">\(e(issuer))</div>\n"
        if let number { out += "<div class=\"number\">\(e(number))</div>\n" }
        out += "<hr class=\"rule\">\n"
        out += "<h1>\(e(title))</h1>\n"
        if let corrects { out += "<div class=\"corrects\">（本件更正\(e(corrects))）</div>\n" }
        for line in body.trimmingTrailingNewlines.split(separator: "\n", omittingEmptySubsequences: false) {
            let text = String(line)
            if text.allSatisfy({ $0 == " " || $0 == "　" }) {
                out += "<p class=\"blank\"></p>\n"
            } else {
                out += "<p\(MinutesDocument.isHeading(text) ? " class=\"h1\"" : "")>\(e(text))</p>\n"
            }
        }
        if let signer, let signedOn {
            out += "<div class=\"signature\"><div>签发：\(e(signer))</div><div>\(e(MinutesDocument.chineseDate(signedOn)))</div></div>\n"
        }
        if let disclosure { out += "<div class=\"note\">\(e(disclosure.documentNote))</div>\n" }
        out += "</body>\n</html>\n"
        return out
    }

    /// First-level headings ("一、…") are set in 黑体.
    static func isHeading(_ line: String) -> Bool {
        guard let mark = line.firstIndex(of: "、"), mark != line.startIndex else { return false }
        return line[..<mark].allSatisfy { "一二三四五六七八九十".contains($0) }
    }

    /// Escapes text for HTML element content and attribute values.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}

private extension String {
    var trimmingTrailingNewlines: String {
        var s = self
        while s.hasSuffix("\n") || s.hasSuffix("\r") { s.removeLast() }
        return s
    }
}
