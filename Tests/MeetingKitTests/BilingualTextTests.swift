import Foundation
import Testing

/// "Every user-visible string exists in both languages": a scan of `Sources/` for text that
/// bypasses the zh/en conventions.
///
/// The rule, precisely:
///
/// 1. **Pairs.** A *pair* is a Chinese text and its English counterpart written side by side:
///    `Localized(zh: A, en: B)`; the last two arguments of `t(…)`, `line(…)`, `KeyHint(…)` and of
///    the `Refusal` factories `invalid`, `notFound`, `conflict`, `forbidden`, `rule`; the first two
///    of `label(…)`; and a ternary `zh ? A : B` / `lang == .zh ? A : B`. A side may be an
///    expression: its text is that of the string literals in it, interpolations left out. For every
///    pair whose sides hold any text:
///    - neither side is empty while the other has text;
///    - the Chinese side contains Chinese, unless both sides are the same language-neutral
///      text (digits, symbols, codes, names given by interpolation);
///    - the English side contains no Chinese, except text that the Chinese side contains too
///      (a name or a number like 常务会议纪要〔2026〕1号 quoted in both);
///    - the two sides are not the same text when it contains Chinese (an untranslated copy).
/// 2. **Chinese outside pairs.** Every other string literal containing Chinese is either a
///    bilingual help text (English first, then Chinese: the argument-parser convention that
///    `CLIConventionsTests` checks on the built tool) or lies in a file listed in
///    ``chineseOnly`` with the reason its text is Chinese by design (official documents, data,
///    SQL that reproduces a Chinese title).
/// 3. `Output.error(…)` is never given a literal: errors come from a `Refusal`'s localized text.
@Suite("Every user-visible string exists in both languages")
struct BilingualTextTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources").path

    /// Chinese-only literals that are deliberate, and why: a whole file (`nil`) or the listed literals.
    static let chineseOnly: [String: (reason: String, literals: [String]?)] = [
        "MeetingKit/Minutes/MinutesDraft.swift": ("the minutes' draft body is an official document, written in Chinese", nil),
        "MeetingKit/Minutes/MinutesDocument.swift": ("the signed document and its HTML (GB/T 9704) are Chinese", nil),
        "MeetingKit/Minutes/MinutesNumber.swift": ("the document number 常务会议纪要〔2026〕12号 is Chinese in both languages", nil),
        "MeetingKit/Minutes/Disclosure.swift": ("the disclosure note printed on the Chinese document", ["（此件主动公开）", "（此件依申请公开）", "（此件不予公开）"]),
        "MeetingStore/UseCases/Session+Papers.swift": ("how official documents summarise their recipients (版记 分送)", ["区政府各部门、各有关单位", "各街道办事处"]),
        "MeetingKit/OfficialDocuments/OfficialNames.swift": ("the names of the government's bodies printed on official documents", nil),
        "MeetingKit/OfficialDocuments/Day+Chinese.swift": ("the date as official documents write it (GB/T 9704 §7.3.5.4)", nil),
        "MeetingKit/OfficialDocuments/MinutesPaper.swift": ("the 纪要 is a Chinese official document (GB/T 9704 §10.3)", nil),
        "MeetingKit/OfficialDocuments/MeetingNotice.swift": ("the notice's default request to units is printed on the Chinese notice", nil),
        "MeetingKit/OfficialDocuments/SignInSheet.swift": ("the sign-in sheet's titles and remarks are printed on the Chinese sheet", nil),
        "MeetingKit/OfficialDocuments/FollowUpPaper.swift": ("what the printed ledger shows instead of a classified decision (R48)", nil),
        "MeetingDocuments/Compose/MinutesComposer.swift": ("official documents are written in Chinese (GB/T 9704)", nil),
        "MeetingDocuments/Compose/NoticeComposer.swift": ("official documents are written in Chinese (GB/T 9704)", nil),
        "MeetingDocuments/Compose/SignInSheetComposer.swift": ("official documents are written in Chinese (GB/T 9704)", nil),
        "MeetingDocuments/Compose/SeatingComposer.swift": ("official documents are written in Chinese (GB/T 9704)", nil),
        "MeetingDocuments/Compose/NameCardComposer.swift": ("official documents are written in Chinese (GB/T 9704)", nil),
        "MeetingDocuments/Compose/LeaveReportComposer.swift": ("official documents are written in Chinese (GB/T 9704)", nil),
        "MeetingDocuments/Compose/FollowUpComposer.swift": ("official documents are written in Chinese (GB/T 9704)", nil),
        "MeetingDocuments/Compose/OfficialHeader.swift": ("official documents are written in Chinese (GB/T 9704)", nil),
        "MeetingDocuments/Layout/FontRole.swift": ("the names the office's fonts carry in Word and WPS", nil),
        "MeetingDocuments/Layout/ParagraphStyle.swift": ("the style names WPS and Word show the office's staff", nil),
        "MeetingDocuments/Docx/DocxWriter.swift": ("the creator stored in the file's properties", ["会务 Huiwu"]),
        "MeetingKit/Calendar/Day.swift": ("weekday names typed in config.toml and the Chinese table of shortName (beside the English one)",
                                          ["周一", "星期一", "周二", "星期二", "周三", "星期三", "周四", "星期四", "周五", "星期五",
                                           "周六", "星期六", "周日", "星期日", "星期天", "一", "二", "三", "四", "五", "六", "日", "周"]),
        "MeetingKit/Scheduling/Cadence.swift": ("the Spring Festival's name as the holiday data spells it", ["春节"]),
        "MeetingKit/Scheduling/MeetingComposition.swift": ("names of the groups invited under R18: roster data, shown as names",
                                                           ["区人大代表", "区人大", "区政协委员", "区政协", "社区居民代表", "社区", "专家学者", "专家"]),
        "MeetingStore/Schema/Schema+Search.swift": ("SQL reproducing the Chinese numbered meeting title for the index", nil),
        "MeetingStore/Setup.swift": ("seed data: the office's Chinese name", nil),
        "huiwu-bench/SyntheticOffice.swift": ("generated demo data (titles, rooms, reasons)", nil),
        "huiwu/Support/UsageMessage.swift": ("the argument parser's usage errors rendered in Chinese: their English side is the parser's own message", nil),
        "MeetingStore/UseCases/Session+Demo.swift": ("the demo office's records (titles, rooms, reasons, decisions): Chinese data, as the office enters it", nil),
        "huiwu-bench/SearchBench.swift": ("the Chinese words the benchmark searches for", nil),
        "huiwu-bench/Bench.swift": ("the marker the benchmark waits for on the Chinese first screen", nil),
        "huiwu-bench/TerminalBench.swift": ("the marker the benchmark waits for on the Chinese first screen", ["机构"]),
        "huiwu-bench/BenchRole.swift": ("the markers the benchmark waits for on each role's Chinese first screen", ["机构", "返回"]),
    ]

    static let pairFunctions: [String: (first: Int?, offsetFromEnd: Int?)] = [
        "t": (nil, 2), "line": (nil, 2), "KeyHint": (nil, 2), "invalid": (nil, 2), "notFound": (nil, 2),
        "conflict": (nil, 2), "forbidden": (nil, 2), "rule": (nil, 2), "label": (0, nil),
    ]

    struct Finding: CustomStringConvertible {
        var file: String
        var line: Int
        var problem: String
        var description: String { "\(file):\(line): \(problem)" }
    }

    @Test("pairs are complete and in the right languages; Chinese outside pairs is bilingual help or deliberate")
    func scan() throws {
        var findings: [Finding] = []
        let files = FileManager.default.enumerator(atPath: BilingualTextTests.sources)?.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") }.sorted() ?? []
        #expect(files.count > 100, "found only \(files.count) sources under \(BilingualTextTests.sources)")
        for file in files {
            let text = try String(contentsOfFile: BilingualTextTests.sources + "/" + file, encoding: .utf8)
            findings += BilingualTextTests.check(SwiftSource(text), file: file)
        }
        let report = findings.map(\.description).joined(separator: "\n")
        #expect(findings.isEmpty, "\(findings.count) problems:\n\(report)")
    }

    @Test("the scanner finds each kind of mistake (so the rule can fail)")
    func scannerFindsMistakes() {
        let bad = #"""
            let a = Localized(zh: "会议", en: "")
            let b = context.t("Meeting", "Meeting list")
            let c = Localized(zh: "会议纪要", en: "会议纪要")
            let d = lang == .zh ? "已签发" : "signed 纪要"
            Output.error("出错了")
            buffer.put("只有中文", row: 0, column: 0)
            """#
        let found = BilingualTextTests.check(SwiftSource(bad), file: "Example.swift").map(\.problem)
        let kinds = ["one side of a pair is empty", "the Chinese side has no Chinese", "the English side is the Chinese text",
                     "Chinese in the English side", "Output.error given a literal", "Chinese text without its English counterpart"]
        for kind in kinds { #expect(found.contains { $0.hasPrefix(kind) }, "no \(kind) in \(found)") }
        #expect(found.count == 7, "\(found)")  // 出错了 is also Chinese outside a pair
        let good = #"""
            let a = Localized(zh: "第\(n)次会议", en: "Meeting No. \(n)")
            let b = context.t(" 逾期", " OVERDUE") + t("\(x)", "\(x)")
            let c = Localized(zh: refusal.message.zh + "；其附件同样", en: refusal.message.en + "; so are its attachments")
            let d = lang == .zh ? "签发后文号：\(number.text(.zh))" : "number \(number.text(.en))"
            let e = KeyHint("?", "帮助", "help")
            @Option(help: "Only this kind. 只查此类。") var kind: String
            // 注释里的中文不算
            let f = Localized(zh: "纪要〔2026〕1号", en: "minutes 纪要〔2026〕1号")
            """#
        let none = BilingualTextTests.check(SwiftSource(good), file: "Example.swift")
        #expect(none.isEmpty, "\(none)")
    }

    static func check(_ source: SwiftSource, file: String) -> [Finding] {
        var findings: [Finding] = []
        var paired = Set<Int>()
        for pair in source.pairs(functions: pairFunctions) {
            paired.formUnion(pair.zh + pair.en)
            let zh = pair.zh.map { source.literals[$0].text }.joined()
            let en = pair.en.map { source.literals[$0].text }.joined()
            guard let first = (pair.zh + pair.en).min() else { continue }
            let line = source.line(of: source.literals[first].start)
            let zhText = zh.trimmingCharacters(in: .whitespacesAndNewlines), enText = en.trimmingCharacters(in: .whitespacesAndNewlines)
            // Empty: written as literals that hold nothing. A side made of interpolations only
            // ("\(name)") carries its text in the values; one without literals is an expression.
            func empty(_ side: [Int]) -> Bool {
                !side.isEmpty && side.allSatisfy { source.literals[$0].text.trimmingCharacters(in: .whitespaces).isEmpty && !source.literals[$0].hasInterpolation }
            }
            let zhEmpty = empty(pair.zh), enEmpty = empty(pair.en)
            if zhText.isEmpty && enText.isEmpty { continue }
            if zhEmpty || enEmpty {
                findings.append(Finding(file: file, line: line, problem: "one side of a pair is empty: zh \"\(zh)\", en \"\(en)\""))
                continue
            }
            if isCode(zh) && isCode(en) { continue }
            if zh == en {
                if zh.contains(where: isChinese) {
                    findings.append(Finding(file: file, line: line, problem: "the English side is the Chinese text: \"\(zh)\""))
                }
                continue
            }
            if !zh.contains(where: isChinese) && zh.contains(where: { $0.isLetter }) {
                findings.append(Finding(file: file, line: line, problem: "the Chinese side has no Chinese: \"\(zh)\" / \"\(en)\""))
            }
            let foreign = chineseRuns(en).filter { !zh.contains($0) }
            if !foreign.isEmpty {
                findings.append(Finding(file: file, line: line, problem: "Chinese in the English side: \(foreign) in \"\(en)\""))
            }
        }
        let deliberate = chineseOnly.first { file.hasSuffix($0.key) }?.value
        for (index, literal) in source.literals.enumerated() where !paired.contains(index) && literal.text.contains(where: isChinese) {
            if isBilingualHelp(literal.text) { continue }
            if let deliberate, deliberate.literals?.contains(literal.text) ?? true { continue }
            findings.append(Finding(file: file, line: source.line(of: literal.start),
                                    problem: "Chinese text without its English counterpart: \"\(literal.text)\""))
        }
        for start in source.calls(named: "error", qualifiedBy: "Output") where source.startsWithLiteral(at: start) {
            findings.append(Finding(file: file, line: source.line(of: start), problem: "Output.error given a literal instead of a localized text"))
        }
        return findings
    }

    /// CJK ideographs: what makes a text Chinese. Full-width punctuation alone (（）【】：) is
    /// typography that Chinese sides wrap around interpolated names, not text to translate.
    static func isChinese(_ c: Character) -> Bool {
        c.unicodeScalars.contains { s in
            switch s.value {
            case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF: return true
            default: return false
            }
        }
    }

    /// Language-neutral: no lower-case letters and no Chinese ("ZH", "R46", "—", "· ").
    static func isCode(_ text: String) -> Bool { !text.contains { $0.isLowercase || isChinese($0) } }

    static func chineseRuns(_ text: String) -> [String] {
        var runs: [String] = [], current = ""
        for c in text {
            if isChinese(c) { current.append(c) } else if !current.isEmpty { runs.append(current); current = "" }
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }

    /// "English. 中文。": English words first, then Chinese.
    static func isBilingualHelp(_ text: String) -> Bool {
        guard let cut = text.firstIndex(where: isChinese) else { return false }
        return text[..<cut].split(whereSeparator: { !$0.isLetter }).contains { $0.count > 1 && $0.allSatisfy(\.isASCII) }
    }
}

/// A Swift file's string literals, found by a small lexer (comments, escapes, interpolations,
/// multi-line and raw strings), and a skeleton of the code with each literal replaced by a
/// marker, so that calls and their arguments can be found around them.
struct SwiftSource {
    struct Literal {
        /// The text with interpolations left out.
        var text: String
        /// Offset in ``scalars`` of the opening quote.
        var start: Int
        var hasInterpolation: Bool
    }

    let scalars: [Unicode.Scalar]
    private(set) var literals: [Literal] = []
    /// The code without comments, each literal replaced by U+E000 and its index in U+E001…U+E00A digits.
    private(set) var skeleton: [Unicode.Scalar] = []
    /// For each skeleton scalar, its offset in ``scalars``.
    private(set) var origin: [Int] = []

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
        var i = 0
        lex(&i, until: nil)
    }

    func line(of offset: Int) -> Int { scalars[..<min(offset, scalars.count)].filter { $0 == "\n" }.count + 1 }

    private mutating func emit(_ s: Unicode.Scalar, at offset: Int) {
        skeleton.append(s)
        origin.append(offset)
    }

    /// Lexes code from `i` until the closing parenthesis that balances (`until` ")"), or the end.
    private mutating func lex(_ i: inout Int, until close: Unicode.Scalar?) {
        var depth = 0
        while i < scalars.count {
            let c = scalars[i]
            if c == "/" && peek(i + 1) == "/" {
                while i < scalars.count && scalars[i] != "\n" { i += 1 }
                continue
            }
            if c == "/" && peek(i + 1) == "*" {
                var nesting = 0
                repeat {
                    if scalars[i] == "/" && peek(i + 1) == "*" { nesting += 1; i += 2 } else if scalars[i] == "*" && peek(i + 1) == "/" { nesting -= 1; i += 2 } else { i += 1 }
                } while nesting > 0 && i < scalars.count
                continue
            }
            if c == "#" || c == "\"" {
                var hashes = 0
                var j = i
                while j < scalars.count && scalars[j] == "#" { hashes += 1; j += 1 }
                if j < scalars.count && scalars[j] == "\"" {
                    let start = i
                    i = j
                    let (text, interpolated) = string(&i, hashes: hashes)
                    let index = literals.count
                    literals.append(Literal(text: text, start: start, hasInterpolation: interpolated))
                    emit("\u{E000}", at: start)
                    for digit in String(index).unicodeScalars { emit(Unicode.Scalar(0xE001 + (digit.value - 48))!, at: start) }
                    emit("\u{E00B}", at: start)
                    continue
                }
            }
            if let close {
                if c == "(" { depth += 1 }
                if c == close {
                    if depth == 0 { i += 1; return }
                    depth -= 1
                }
            }
            emit(c, at: i)
            i += 1
        }
    }

    private func peek(_ i: Int) -> Unicode.Scalar? { i < scalars.count ? scalars[i] : nil }

    /// Reads a string literal starting at its first quote; returns its text without interpolations.
    private mutating func string(_ i: inout Int, hashes: Int) -> (String, Bool) {
        var interpolated = false
        let multiline = peek(i + 1) == "\"" && peek(i + 2) == "\""
        i += multiline ? 3 : 1
        var text = String.UnicodeScalarView()
        func closes(_ at: Int) -> Bool {
            let quotes = multiline ? 3 : 1
            for k in 0..<quotes where peek(at + k) != "\"" { return false }
            for k in 0..<hashes where peek(at + quotes + k) != "#" { return false }
            return true
        }
        while i < scalars.count {
            if closes(i) {
                i += (multiline ? 3 : 1) + hashes
                break
            }
            let c = scalars[i]
            var escape = c == "\\"
            if escape && hashes > 0 {
                escape = (1...hashes).allSatisfy { peek(i + $0) == "#" }
            }
            if escape {
                i += 1 + hashes
                guard let next = peek(i) else { break }
                switch next {
                case "(":
                    i += 1
                    interpolated = true
                    lex(&i, until: ")")
                case "n": text.append("\n"); i += 1
                case "t": text.append("\t"); i += 1
                case "u":
                    var hex = ""
                    i += 2  // u{
                    while let h = peek(i), h != "}" { hex.unicodeScalars.append(h); i += 1 }
                    i += 1
                    if let v = UInt32(hex, radix: 16), let s = Unicode.Scalar(v) { text.append(s) }
                case "\n": i += 1  // line continuation in a multi-line literal
                default: text.append(next); i += 1
                }
                continue
            }
            text.append(c)
            i += 1
        }
        return (String(text), interpolated)
    }

    // MARK: Finding pairs

    struct Pair {
        var zh: [Int]
        var en: [Int]
    }

    /// Literal indices in skeleton[range].
    func literalIndices(_ range: Range<Int>) -> [Int] {
        var out: [Int] = []
        var k = range.lowerBound
        while k < range.upperBound {
            if skeleton[k] == "\u{E000}" {
                var n = 0
                k += 1
                while k < skeleton.count && skeleton[k] != "\u{E00B}" { n = n * 10 + Int(skeleton[k].value - 0xE001); k += 1 }
                out.append(n)
            }
            k += 1
        }
        return out
    }

    /// The top-level arguments of the call whose "(" is at skeleton offset `open`.
    func arguments(from open: Int) -> [Range<Int>] {
        var depth = 0, start = open + 1, args: [Range<Int>] = []
        var k = open
        while k < skeleton.count {
            let c = skeleton[k]
            if c == "(" || c == "[" || c == "{" { depth += 1 }
            if c == ")" || c == "]" || c == "}" {
                depth -= 1
                if depth == 0 { args.append(start..<k); return args }
            }
            if c == "," && depth == 1 { args.append(start..<k); start = k + 1 }
            k += 1
        }
        return args
    }

    /// Skeleton offsets of "(" after `name` (a whole word), optionally after `qualifier.`.
    func calls(named name: String, qualifiedBy qualifier: String? = nil) -> [Int] {
        let code = String(String.UnicodeScalarView(skeleton))
        let pattern = (qualifier.map { "\\b\($0)\\." } ?? "(?<![A-Za-z0-9_])") + name + "\\("
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let ns = code as NSString
        return regex.matches(in: code, range: NSRange(location: 0, length: ns.length)).map { m in
            // NSString offsets are UTF-16; the skeleton has BMP scalars only in these positions.
            String(ns.substring(to: m.range.location + m.range.length - 1)).unicodeScalars.count
        }
    }

    func startsWithLiteral(at open: Int) -> Bool {
        guard let first = arguments(from: open).first else { return false }
        return skeleton[first].first(where: { !$0.properties.isWhitespace }) == "\u{E000}"
    }

    func pairs(functions: [String: (first: Int?, offsetFromEnd: Int?)]) -> [Pair] {
        var out: [Pair] = []
        // Localized(zh:en:) and any other call with arguments labelled zh: and en:.
        for open in calls(named: "[A-Za-z_][A-Za-z0-9_]*") {
            let args = arguments(from: open)
            let label = { (r: Range<Int>) in String(String.UnicodeScalarView(skeleton[r])).trimmingCharacters(in: .whitespacesAndNewlines) }
            if let zh = args.first(where: { label($0).hasPrefix("zh:") }), let en = args.first(where: { label($0).hasPrefix("en:") }) {
                out.append(Pair(zh: literalIndices(zh), en: literalIndices(en)))
            }
        }
        for (name, position) in functions {
            for open in calls(named: name) {
                let args = arguments(from: open)
                guard args.count >= 2 else { continue }
                let i = position.first ?? (args.count - (position.offsetFromEnd ?? 2))
                guard i >= 0, i + 1 < args.count else { continue }
                let zh = literalIndices(args[i]), en = literalIndices(args[i + 1])
                if !zh.isEmpty || !en.isEmpty { out.append(Pair(zh: zh, en: en)) }
            }
        }
        for (name, index) in declaredPairFunctions() {
            for open in calls(named: name) {
                let args = arguments(from: open)
                guard index + 1 < args.count else { continue }
                let zh = literalIndices(args[index]), en = literalIndices(args[index + 1])
                if !zh.isEmpty || !en.isEmpty { out.append(Pair(zh: zh, en: en)) }
            }
        }
        out += ternaries()
        out += variablePairs()
        return out
    }

    /// Functions and initializers of this file that take a Chinese and an English text side by
    /// side (parameters named `zh…`/`z` then `en…`/`e`), with the position of the first.
    func declaredPairFunctions() -> [(String, Int)] {
        let code = String(String.UnicodeScalarView(skeleton))
        guard let regex = try? NSRegularExpression(pattern: "(?:func\\s+(\\w+)|\\b(init))\\s*\\(([^)]*)\\)") else { return [] }
        let ns = code as NSString
        var out: [(String, Int)] = []
        for m in regex.matches(in: code, range: NSRange(location: 0, length: ns.length)) {
            let params = ns.substring(with: m.range(at: 3)).split(separator: ",").map { p -> String in
                let label = p.split(separator: ":").first.map(String.init) ?? ""
                return label.split(separator: " ").last.map(String.init) ?? ""
            }
            guard let i = params.indices.dropLast().first(where: { i in
                (params[i].hasPrefix("zh") || params[i] == "z") && (params[i + 1].hasPrefix("en") || params[i + 1] == "e")
            }) else { continue }
            if m.range(at: 1).location != NSNotFound {
                out.append((ns.substring(with: m.range(at: 1)), i))
            } else if let type = try? NSRegularExpression(pattern: "(?:struct|class|enum|extension)\\s+(\\w+)")
                .matches(in: code, range: NSRange(location: 0, length: m.range.location)).last {
                out.append((ns.substring(with: type.range(at: 1)), i))
            }
        }
        return out
    }

    /// `zh = …` / `zh += …` (any name starting with zh) and the `en…` statement of the same
    /// suffix that follows it: texts built up side by side.
    func variablePairs() -> [Pair] {
        let code = String(String.UnicodeScalarView(skeleton))
        guard let regex = try? NSRegularExpression(pattern: "\\b(?:var |let )?zh(\\w*)\\s*\\+?=\\s*([^\\n;]*)[\\s;]*(?:var |let )?en(\\w*)\\s*\\+?=\\s*([^\\n;}]*)")
        else { return [] }
        let ns = code as NSString
        var out: [Pair] = []
        for m in regex.matches(in: code, range: NSRange(location: 0, length: ns.length))
        where ns.substring(with: m.range(at: 1)) == ns.substring(with: m.range(at: 3)) {
            func range(_ r: NSRange) -> Range<Int> {
                let lo = ns.substring(to: r.location).unicodeScalars.count
                return lo..<(lo + ns.substring(with: r).unicodeScalars.count)
            }
            out.append(Pair(zh: literalIndices(range(m.range(at: 2))), en: literalIndices(range(m.range(at: 4)))))
        }
        return out
    }

    /// `zh ? A : B` and `lang == .zh ? A : B`: A up to the ":" at the same depth, B up to the
    /// first ",", ")", "]", "}" or line end at the same depth.
    func ternaries() -> [Pair] {
        let code = String(String.UnicodeScalarView(skeleton))
        guard let regex = try? NSRegularExpression(pattern: "(\\bzh|\\.zh)\\s*\\?\\s") else { return [] }
        let ns = code as NSString
        var out: [Pair] = []
        for m in regex.matches(in: code, range: NSRange(location: 0, length: ns.length)) {
            var k = String(ns.substring(to: m.range.location + m.range.length)).unicodeScalars.count
            var depth = 0
            let aStart = k
            while k < skeleton.count {
                let c = skeleton[k]
                if "([{".unicodeScalars.contains(c) { depth += 1 }
                if ")]}".unicodeScalars.contains(c) { depth -= 1; if depth < 0 { break } }
                if c == ":" && depth == 0 { break }
                k += 1
            }
            guard k < skeleton.count, skeleton[k] == ":" else { continue }
            let a = aStart..<k
            k += 1
            let bStart = k
            depth = 0
            while k < skeleton.count {
                let c = skeleton[k]
                if "([{".unicodeScalars.contains(c) { depth += 1 }
                if ")]}".unicodeScalars.contains(c) { depth -= 1; if depth < 0 { break } }
                if depth == 0 && (c == "," || c == "\n") { break }
                k += 1
            }
            out.append(Pair(zh: literalIndices(a), en: literalIndices(bStart..<k)))
        }
        return out
    }
}
