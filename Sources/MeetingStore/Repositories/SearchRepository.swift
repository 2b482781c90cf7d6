import GRDB
import MeetingKit

/// Queries the full-text index (`search_index`, see `Schema.search`).
///
/// How a query runs, so that it stays fast on half a million items:
/// - Words of three characters or more are FTS5 phrases: trigram lookups.
/// - A shorter word becomes the OR of the indexed trigrams that begin with it, found by
///   prefix in `search_vocab` (each document ends with two U+0001, so a word at the very end
///   is the start of a trigram too). When a short word begins more than
///   ``maxExpansions`` trigrams it is common, and a `LIKE` filter over the stored text finds
///   matches quickly in the newest documents instead.
/// - Each kind is searched separately, newest documents first (rowid ranges, see
///   ``SearchDocument``), at most ``window`` matches per kind; those are ranked by bm25 (or,
///   when only `LIKE` applies, shorter texts first), and the best `limit` of all kinds kept.
///   So ranking is exact when a kind has fewer matches than the window, and otherwise ranks
///   the newest `window` of them: a search never visits more than `window` documents per kind.
enum SearchRepository {
    /// Matches ranked per kind.
    static let window = 500
    /// Above this many trigrams starting with a short word, it is searched with LIKE.
    static let maxExpansions = 64

    struct Candidate {
        var document: SearchDocument
        /// Lower is better: bm25 (negative), or the text's length when only LIKE applied.
        var score: Double
    }

    /// How the words of a query are looked up.
    struct Plan {
        /// An FTS5 MATCH expression, when some word uses the index.
        var match: String?
        /// LIKE patterns every document must also satisfy.
        var likes: [String]
        /// True when a short word occurs nowhere: nothing can match.
        var isEmpty: Bool
    }

    static func plan(_ db: Database, _ query: SearchQuery) throws -> Plan {
        var parts: [String] = []
        var likes: [String] = []
        for term in query.terms {
            guard term.isShort else { parts.append(term.phrase); continue }
            let trigrams = try String.fetchAll(db, sql: """
                SELECT term FROM search_vocab WHERE term >= ? AND term < ? LIMIT ?
                """, arguments: [term.text, term.text + "\u{10FFFF}", maxExpansions + 1])
            if trigrams.isEmpty { return Plan(match: nil, likes: [], isEmpty: true) }
            if trigrams.count > maxExpansions {
                likes.append(term.likePattern)
            } else {
                let phrases = trigrams.map { SearchQuery.Term(text: $0).phrase }
                parts.append(phrases.count == 1 ? phrases[0] : "(" + phrases.joined(separator: " OR ") + ")")
            }
        }
        return Plan(match: parts.isEmpty ? nil : parts.joined(separator: " AND "), likes: likes, isEmpty: false)
    }

    /// The best matches of one kind, newest `window` considered. `excluding` are record ids
    /// the reader may not see (classified minutes, R48): they never count as matches.
    static func candidates(_ db: Database, _ plan: Plan, kind: SearchKind, excluding: [Int64]) throws -> [Candidate] {
        guard !plan.isEmpty else { return [] }
        var sql: String
        var arguments: StatementArguments
        if let match = plan.match {
            sql = "SELECT rowid, bm25(search_index) FROM search_index WHERE search_index MATCH ? AND rowid BETWEEN ? AND ?"
            arguments = [match, kind.documentRange.lowerBound, kind.documentRange.upperBound]
        } else {
            sql = "SELECT rowid, length(text) FROM search_index WHERE rowid BETWEEN ? AND ?"
            arguments = [kind.documentRange.lowerBound, kind.documentRange.upperBound]
        }
        for pattern in plan.likes {
            sql += " AND text LIKE ? ESCAPE '\\'"
            arguments += [pattern]
        }
        if !excluding.isEmpty {
            sql += " AND ((rowid >> 3) & \((Int64(1) << 37) - 1)) NOT IN (SELECT value FROM json_each(?))"
            arguments += ["[" + excluding.map(String.init).joined(separator: ",") + "]"]
        }
        sql += " ORDER BY rowid DESC LIMIT \(window)"
        return try Row.fetchAll(db, sql: sql, arguments: arguments).compactMap { row in
            SearchDocument(id: row[0]).map { Candidate(document: $0, score: row[1]) }
        }
    }

    /// The indexed text of a document, without the two U+0001 that end it.
    static func text(_ db: Database, of document: SearchDocument) throws -> String {
        let stored = try String.fetchOne(db, sql: "SELECT text FROM search_index WHERE rowid = ?", arguments: [document.id]) ?? ""
        return String(stored.reversed().drop(while: { $0 == "\u{1}" }).reversed())
    }
}
