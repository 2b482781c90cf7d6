import Foundation
import GRDB
import MeetingKit

/// Queries SQLite's full-text index (`search_index`, see `Schema.search`); ``SQLiteDialect`` runs
/// it (PostgreSQL's search: ``TrigramSearchRepository``).
///
/// How a query runs, so that it stays fast on half a million items:
/// - Words of three characters or more are FTS5 phrases: trigram lookups.
/// - A shorter word becomes the OR of the indexed trigrams that begin with it, found by
///   prefix in `search_vocab` (each document ends with two U+0001, so a word at the very end
///   is the start of a trigram too). When a short word begins more than
///   ``maxExpansions`` different trigrams it is common, and a `LIKE` filter over the stored
///   text finds it quickly among the newest documents instead.
/// - Each kind is searched separately, newest documents first (rowid ranges, see
///   ``SearchDocument``), at most ``window`` matches per kind: a search never visits more.
/// - Ranking: when every word of the query is selective (at most ``selective`` documents
///   contain it), FTS5's `bm25()` ranks the matches. Otherwise bm25 would first count every
///   document containing the common word (tens of milliseconds for a word in every
///   decision), and its weight (IDF) would be about the same for all matches anyway; the
///   window is then ranked by the same formula with equal word weights: occurrences,
///   saturated (k1 = 1.2), against the text's length (b = 0.75).
package enum SearchRepository {
    /// Matches considered per kind.
    static let window = 500
    /// Above this many trigrams starting with a short word, it is searched with LIKE.
    static let maxExpansions = 64
    /// A word in at most this many documents lets bm25 rank.
    static let selective = 2_500

    package struct Candidate {
        package var document: SearchDocument
        /// Lower is better (bm25's sign).
        package var score: Double
    }

    /// How the words of a query are looked up.
    struct Plan {
        /// Each word's FTS5 expression (a phrase, or the OR of a short word's trigrams); nil
        /// for a short word searched with LIKE.
        var expressions: [String?]
        /// The words, lower case, for counting occurrences.
        var words: [String]
        /// True when a short word occurs nowhere: nothing can match.
        var isEmpty: Bool

        /// The MATCH expression of every word that uses the index.
        var match: String? {
            let parts = expressions.compactMap { $0 }
            return parts.isEmpty ? nil : parts.joined(separator: " AND ")
        }

        /// LIKE patterns for the common short words.
        var likes: [String] {
            zip(expressions, words).compactMap { $0.0 == nil ? SearchQuery.Term(text: $0.1).likePattern : nil }
        }
    }

    static func plan(_ db: Database, _ query: SearchQuery) throws -> Plan {
        var expressions: [String?] = []
        for term in query.terms {
            guard term.isShort else { expressions.append(term.phrase); continue }
            let trigrams = try String.fetchAll(db, sql: """
                SELECT term FROM search_vocab WHERE term >= ? AND term < ? LIMIT ?
                """, arguments: [term.text, term.text + "\u{10FFFF}", maxExpansions + 1])
            if trigrams.isEmpty { return Plan(expressions: [], words: [], isEmpty: true) }
            if trigrams.count > maxExpansions {
                expressions.append(nil)
            } else {
                let phrases = trigrams.map { SearchQuery.Term(text: $0).phrase }
                expressions.append(phrases.count == 1 ? phrases[0] : "(" + phrases.joined(separator: " OR ") + ")")
            }
        }
        return Plan(expressions: expressions, words: query.terms.map(\.text), isEmpty: false)
    }

    /// The best matches of every kind in `kinds`, the newest ``window`` of each considered.
    /// `hidden` are minutes the reader may not see (classified, R48): they never count as matches;
    /// nor do `hiddenDocuments` (index rowids: the decisions that are those minutes' words).
    static func candidates(_ db: Database, _ plan: Plan, kinds: [SearchKind], hidden: [Int64], hiddenDocuments: [Int64] = []) throws -> [Candidate] {
        guard !plan.isEmpty else { return [] }
        var windows: [SearchKind: [(id: Int64, length: Double, counts: [Double])]] = [:]
        for kind in kinds {
            windows[kind] = try window(db, plan, kind: kind, hidden: kind == .minutes ? hidden : [],
                                       hiddenDocuments: kind == .item ? hiddenDocuments : [])
        }
        if let match = plan.match, plan.likes.isEmpty, try isSelective(db, plan) {
            var ranked: [Candidate] = []
            for kind in kinds where !(windows[kind] ?? []).isEmpty {
                ranked += try bm25(db, match, kind: kind, hidden: kind == .minutes ? hidden : [],
                                   hiddenDocuments: kind == .item ? hiddenDocuments : [])
            }
            return ranked
        }
        // Common words: bm25's formula with equal word weights, over the windows.
        let all = windows.values.flatMap { $0 }
        let average = max(1, all.map(\.length).reduce(0, +) / Double(max(1, all.count)))
        let k1 = 1.2, b = 0.75
        return all.compactMap { row in
            SearchDocument(id: row.id).map { doc in
                let norm = k1 * (1 - b + b * row.length / average)
                return Candidate(document: doc, score: -row.counts.reduce(0) { $0 + $1 * (k1 + 1) / ($1 + norm) })
            }
        }
    }

    /// The newest matches of one kind, with each text's length and each word's occurrences.
    private static func window(_ db: Database, _ plan: Plan, kind: SearchKind, hidden: [Int64], hiddenDocuments: [Int64])
        throws -> [(id: Int64, length: Double, counts: [Double])] {
        // Occurrences of a word: how much shorter the text gets without it (lower() folds
        // ASCII only; CJK has no case).
        let counts = plan.words.map { _ in "(length(text) - length(replace(lower(text), ?, ''))) * 1.0 / ?" }
        var sql = "SELECT rowid, length(text) - 2" + counts.map { ", " + $0 }.joined() + " FROM search_index WHERE "
        var arguments = StatementArguments()
        for word in plan.words { arguments += [word, max(1, word.count)] }
        var conditions: [String] = []
        if let match = plan.match {
            conditions.append("search_index MATCH ?")
            arguments += [match]
        }
        conditions.append("rowid BETWEEN ? AND ?")
        arguments += [kind.documentRange.lowerBound, kind.documentRange.upperBound]
        // The ESCAPE clause matters: a three-argument LIKE is evaluated by SQLite on each row.
        // A plain LIKE would be handed to FTS5, whose trigram LIKE returns no rows at all for
        // patterns under three characters (SQLite 3.40).
        for pattern in plan.likes {
            conditions.append("text LIKE ? ESCAPE '\\'")
            arguments += [pattern]
        }
        if !hidden.isEmpty {
            conditions.append(exclusion)
            arguments += [json(hidden)]
        }
        if !hiddenDocuments.isEmpty {
            conditions.append(documentExclusion)
            arguments += [json(hiddenDocuments)]
        }
        sql += conditions.joined(separator: " AND ") + " ORDER BY rowid DESC LIMIT \(window)"
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
            (row[0], Double(row[1] as Int64), (0..<plan.words.count).map { row[2 + $0] as Double })
        }
    }

    /// Whether every word is in at most ``selective`` documents (counted up to one more).
    private static func isSelective(_ db: Database, _ plan: Plan) throws -> Bool {
        for expression in plan.expressions.compactMap({ $0 }) {
            let n = try Int.fetchOne(db, sql: "SELECT count(*) FROM (SELECT 1 FROM search_index WHERE search_index MATCH ? LIMIT ?)",
                                     arguments: [expression, selective + 1]) ?? 0
            if n > selective { return false }
        }
        return true
    }

    /// FTS5's bm25 for one kind's matches (few: the query is selective).
    private static func bm25(_ db: Database, _ match: String, kind: SearchKind, hidden: [Int64], hiddenDocuments: [Int64]) throws -> [Candidate] {
        var sql = "SELECT rowid, bm25(search_index) FROM search_index WHERE search_index MATCH ? AND rowid BETWEEN ? AND ?"
        var arguments: StatementArguments = [match, kind.documentRange.lowerBound, kind.documentRange.upperBound]
        if !hidden.isEmpty {
            sql += " AND " + exclusion
            arguments += [json(hidden)]
        }
        if !hiddenDocuments.isEmpty {
            sql += " AND " + documentExclusion
            arguments += [json(hiddenDocuments)]
        }
        return try Row.fetchAll(db, sql: sql + " ORDER BY rowid DESC LIMIT \(window)", arguments: arguments).compactMap { row in
            SearchDocument(id: row[0]).map { Candidate(document: $0, score: row[1]) }
        }
    }

    /// Leaves out the documents of the records in a JSON array (the record id is bits 3–39 of the rowid).
    private static let exclusion = "((rowid >> 3) & \((Int64(1) << 37) - 1)) NOT IN (SELECT value FROM json_each(?))"

    /// Leaves out single documents (whole rowids in a JSON array).
    private static let documentExclusion = "rowid NOT IN (SELECT value FROM json_each(?))"

    private static func json(_ ids: [Int64]) -> String { "[" + ids.map(String.init).joined(separator: ",") + "]" }

    /// The indexed text of a document, without the two U+0001 that end it.
    static func text(_ db: Database, of document: SearchDocument) throws -> String {
        let stored = try String.fetchOne(db, sql: "SELECT text FROM search_index WHERE rowid = ?", arguments: [document.id]) ?? ""
        return String(stored.reversed().drop(while: { $0 == "\u{1}" }).reversed())
    }
}
