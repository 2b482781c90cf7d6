/// What someone searches for: one or more words, all of which must occur (in any order).
///
/// The index is made of trigrams (three-character pieces), which match any substring of
/// Chinese or English text, but only substrings of three characters or more. Shorter words
/// (常务, 纪要, a single character) are ``Term/isShort`` and are looked up differently by the
/// store: as the trigrams that begin with them, or by scanning when there are too many.
public struct SearchQuery: Hashable, Sendable {
    /// One word of the query, folded to lower case as the index stores text.
    public struct Term: Hashable, Sendable {
        public let text: String

        public init(text: String) { self.text = text }

        /// Fewer than three characters: no trigram matches it directly.
        public var isShort: Bool { text.count < 3 }

        /// The term as an FTS5 string (a phrase: the trigrams in order, so a substring match).
        public var phrase: String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

        /// The term as a LIKE pattern with `\` as the escape character.
        public var likePattern: String {
            var out = "%"
            for c in text {
                if c == "%" || c == "_" || c == "\\" { out.append("\\") }
                out.append(c)
            }
            return out + "%"
        }
    }

    /// The words as typed (for highlighting), in order, without duplicates.
    public let words: [String]
    public let terms: [Term]

    /// At most this many characters in a query.
    public static let maxLength = 100
    /// At most this many words.
    public static let maxWords = 8

    /// Parses `text`, refusing an empty, over-long or unsafe query with a specific message.
    public init(_ text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            throw Refusal.invalid("search.empty", "请输入要查找的文字", "give the text to search for")
        }
        guard TextSafety.isClean(text, allowNewlines: false) else {
            throw Refusal.invalid("search.controlCharacters", "查找内容含有控制字符或转义序列：\(TextSafety.inert(String(trimmed.prefix(40))))",
                                  "the search text contains control characters or escape sequences: \(TextSafety.inert(String(trimmed.prefix(40))))")
        }
        guard trimmed.count <= SearchQuery.maxLength else {
            throw Refusal.invalid("search.tooLong", "查找内容过长：\(trimmed.count) 个字符，上限 \(SearchQuery.maxLength)",
                                  "the search text is too long: \(trimmed.count) characters, at most \(SearchQuery.maxLength)")
        }
        var seen = Set<String>()
        var words: [String] = []
        for word in trimmed.split(whereSeparator: { $0.isWhitespace }).map(String.init) where seen.insert(word.lowercased()).inserted {
            words.append(word)
        }
        guard words.count <= SearchQuery.maxWords else {
            throw Refusal.invalid("search.tooManyWords", "查找的词过多：\(words.count) 个，上限 \(SearchQuery.maxWords)",
                                  "too many words to search for: \(words.count), at most \(SearchQuery.maxWords)")
        }
        self.words = words
        terms = words.map { Term(text: $0.lowercased()) }
    }
}
