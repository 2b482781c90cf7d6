import ArgumentParser
import Foundation
import MeetingKit
import MeetingService
import MeetingStore

/// `huiwu search TEXT`: full-text search over meetings, agenda items, opinions, statements
/// and minutes, best matches first, each with an excerpt where the match is marked.
struct SearchCommand: HuiwuCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search meetings, agenda items, opinions, statements and minutes. 全文查找。",
        discussion: """
            All words must occur (any order, any case). Chinese needs no spaces: 常务 finds 区政府常务会议. \
            Results are ranked by relevance among the newest 500 matches of each kind; the match is marked 【like this】 \
            (bold on a terminal). Classified minutes appear only for those who may read them (R48).
            所有词都须出现；中文无需分词。按相关度排序，匹配处以【】标出。涉密纪要仅对有权阅读者可见（R48）。
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "What to look for (one or more words). 查找内容。") var text: [String]
    @Option(help: "Only this kind: meeting, item, opinion, statement, minutes (repeatable). 只查此类。") var kind: [SearchKind] = []
    @Option(help: "At most this many results (1-500, default 20). 结果数上限。") var limit = 20

    /// A result as printed with --json.
    struct View: Encodable {
        struct Open: Encodable {
            var kind: String
            var id: Int64
        }
        var kind: SearchKind
        var field: SearchField
        var id: Int64
        /// The record that opens it (an opinion's or a statement's item).
        var open: Open
        var title: String
        var detail: String
        var snippet: String
        /// The snippet with each match between 【 and 】.
        var marked: String
        /// Where the matches are in `snippet`, in Unicode code points.
        var matches: [SearchSnippet.Mark]
        /// Lower is better (bm25's sign).
        var score: Double

        init(_ r: SearchResult, lang: Lang) {
            kind = r.kind
            field = r.field
            id = r.id
            switch r.ref {
            case .meeting(let id): open = Open(kind: "meeting", id: id)
            case .item(let id): open = Open(kind: "item", id: id)
            case .minutes(let id): open = Open(kind: "minutes", id: id)
            default: open = Open(kind: r.kind.rawValue, id: r.id)
            }
            title = r.title.text(lang)
            detail = r.detail.text(lang)
            snippet = r.snippet.text
            marked = r.snippet.marked()
            matches = r.snippet.marks
            score = r.score
        }
    }

    func validate() throws {
        guard (1...Office.maxSearchResults).contains(limit) else {
            throw ValidationError("--limit must be between 1 and \(Office.maxSearchResults) (got \(limit))")
        }
    }

    func run(_ context: CommandContext) throws {
        let query = text.joined(separator: " ")
        let results = try context.office().search(query, kinds: kind, limit: limit)
        let lang = context.lang
        let bold = isatty(STDOUT_FILENO) == 1 && (context.environment["NO_COLOR"] ?? "").isEmpty
        context.output.emit(results.map { View($0, lang: lang) }) {
            if results.isEmpty {
                return context.output.line(Localized(zh: "没有找到“\(query)”", en: "nothing found for '\(query)'"))
            }
            var lines: [String] = []
            for r in results {
                lines.append(TextSafety.inert("\(r.kind.name.text(lang)) #\(r.id)  \(r.title.text(lang))  (\(r.detail.text(lang)))"))
                let excerpt = r.snippet.parts.map { part in
                    let safe = TextSafety.inert(part.text)
                    guard part.marked else { return safe }
                    return bold ? "\u{1B}[1m" + safe + "\u{1B}[0m" : "【" + safe + "】"
                }.joined()
                lines.append("    " + TextSafety.inert(r.field.name.text(lang)) + (Localized(zh: "：", en: ": ").text(lang)) + excerpt)
            }
            if results.count == limit {
                lines.append(context.output.line(Localized(zh: "（仅显示前 \(limit) 条，可用 --limit 显示更多）", en: "(first \(limit) shown; --limit shows more)")))
            }
            return lines.joined(separator: "\n")
        }
    }
}
