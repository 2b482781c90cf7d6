@testable import MeetingKit
import Testing

@Suite("Search excerpts and queries")
struct SearchSnippetTests {
    @Test("marks every occurrence, ignoring case, with offsets in code points")
    func marks() {
        let s = SearchSnippet.make("Huiwu 会务 huiwu", words: ["HUIWU"])
        #expect(s.text == "Huiwu 会务 huiwu")
        #expect(s.marks == [.init(start: 0, length: 5), .init(start: 9, length: 5)])
        #expect(s.marked() == "【Huiwu】 会务 【huiwu】")
        #expect(s.parts.map(\.marked) == [true, false, true])
    }

    @Test("a long text is cut around the first match, with … where text was left out, on one line")
    func window() {
        let body = String(repeating: "前文", count: 60) + "\n会议决定：同意实施方案。\n" + String(repeating: "后文", count: 60)
        let s = SearchSnippet.make(body, words: ["实施方案"], width: 40)
        #expect(s.text.hasPrefix("…") && s.text.hasSuffix("…"))
        #expect(!s.text.contains("\n"))
        #expect(s.marked().contains("【实施方案】"))
        let columns = s.text.reduce(0) { $0 + ($1 == "…" ? 1 : 2) }
        #expect(columns <= 40, "\(columns)")
        let start = s.marks[0].start
        #expect(Array(s.text.unicodeScalars)[start] == "实")
    }

    @Test("overlapping words are merged into one mark")
    func overlapping() {
        #expect(SearchSnippet.make("营商环境措施", words: ["营商环境", "环境措施"]).marked() == "【营商环境措施】")
    }

    @Test("a document id keeps kind, record and field, and kinds occupy separate ranges")
    func documentIds() {
        for kind in SearchKind.allCases {
            for field in SearchField.allCases {
                let doc = SearchDocument(kind: kind, recordId: 123_456_789, field: field)
                #expect(SearchDocument(id: doc.id) == doc)
                #expect(kind.documentRange.contains(doc.id))
            }
        }
        #expect(SearchDocument(id: 0) == nil)
    }

    @Test("a query splits into words; short words are marked as such; the FTS phrase quotes")
    func query() throws {
        let q = try SearchQuery("  常务　Meeting \"x\"  常务 ")
        #expect(q.words == ["常务", "Meeting", "\"x\""])
        #expect(q.terms.map(\.isShort) == [true, false, false])
        #expect(q.terms[1].text == "meeting")
        #expect(q.terms[2].phrase == "\"\"\"x\"\"\"")
        #expect(SearchQuery.Term(text: "5%_").likePattern == "%5\\%\\_%")
    }
}
