import Foundation
import MeetingKit

/// Minutes without their texts: the fields a list shows (number, title) and the classified-
/// content rule (R48) decides on (classification, drafter, chain, meeting), read from the
/// `minutes_listing` / `minutes_classified` indexes (v10-scale) instead of the rows, whose
/// body and signed text make every column after `body` a walk along overflow pages.
enum MinutesHeader {
    /// The indexed columns, `id` first (the join key).
    static let columns = ["id", "meeting_id", "meeting_kind", "route", "drafter_login", "title", "state",
                          "classification", "chain", "number_year", "number_seq", "created_at"]

    /// `columns` qualified with a table alias, for a SELECT list.
    static func select(_ alias: String) -> String { columns.map { "\(alias).\($0)" }.joined(separator: ", ") }

    /// A stored chain (`["wangxiaoyan","chenhaifeng","zhoulixin"]`, as Codable writes it).
    /// Logins have no quotes or backslashes, so the common form is read in one pass; anything
    /// else (an escape) goes to the JSON decoder, which is ten times slower.
    static func logins(_ json: String) -> [String] {
        if let plain = plainLogins(Array(json.utf8)) { return plain }
        return (try? JSONDecoder().decode([String].self, from: Data(json.utf8))) ?? []
    }

    /// `["a","b"]` read in one pass over its bytes; nil for any other form (an escape, a space).
    /// Search decides R48 for every classified document and reads each one's chain: splitting
    /// it into arrays first cost 9,000 instructions a chain.
    private static func plainLogins(_ bytes: [UInt8]) -> [String]? {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ",")
        guard bytes.count >= 2, bytes.first == UInt8(ascii: "["), bytes.last == UInt8(ascii: "]"),
              !bytes.contains(UInt8(ascii: "\\")) else { return nil }
        let end = bytes.count - 1
        var logins: [String] = []
        var i = 1
        while i < end {
            if !logins.isEmpty {
                guard bytes[i] == comma else { return nil }
                i += 1
            }
            guard i < end, bytes[i] == quote, let closing = bytes[(i + 1)..<end].firstIndex(of: quote) else { return nil }
            logins.append(String(decoding: bytes[(i + 1)..<closing], as: UTF8.self))
            i = closing + 1
        }
        return logins
    }

    /// Every classified document (few: a partial index holds them), on either engine.
    static func classified(_ db: any SQLConnection) throws -> [Minutes] {
        try db.rows("""
            SELECT \(select("m")) FROM minutes m \(db.dialect.indexedBy("minutes_classified")) WHERE m.classification <> 'none'
            """).map(decoded)
    }

    /// The classified documents of `meetingIds` (a page of items needs a handful of meetings'
    /// documents, not every classified one in history), found through the meeting's index.
    static func classified(_ db: any SQLConnection, meetingIds: [Int64]) throws -> [Minutes] {
        guard !meetingIds.isEmpty else { return [] }
        return try db.rows("""
            SELECT \(select("m")) FROM minutes m
            WHERE m.meeting_id IN (\(db.dialect.jsonList(.integer))) AND m.classification <> 'none'
            """, [.text(SQLValue.jsonArray(meetingIds))]).map(decoded)
    }

    /// A meeting's latest document (the original, or its last correction), without its texts,
    /// on either engine: whether signed minutes fix the attendance they state (R43).
    static func latest(_ db: any SQLConnection, meetingId: Int64) throws -> Minutes? {
        try db.row("SELECT \(columns.joined(separator: ", ")) FROM minutes WHERE meeting_id = ? ORDER BY id DESC LIMIT 1", meetingId)
            .map(decoded)
    }

    /// The minutes in `row` (the columns of ``columns``, by name), as ``decode(_:at:)`` reads
    /// them; an error naming the document when Huiwu cannot read it (R48: never skipped).
    static func decoded(_ row: SQLRow) throws -> Minutes {
        let id = try row.get("id", as: Int64.self)
        guard let kind = MeetingKind.fromSQL(row["meeting_kind"]), let route = MinutesRoute(rawValue: try row.get("route")),
              let state = MinutesState(rawValue: try row.get("state")),
              let classification = Classification(rawValue: try row.get("classification")),
              let created = LocalDateTime.fromSQL(row["created_at"]) else {
            throw SQLPortError.decoding(column: "minutes \(id)", value: row["state"], as: "Minutes")
        }
        var chain: [String] = []
        if classification.isClassified, let json = try row.get("chain", as: String?.self) { chain = logins(json) }
        return Minutes(id: id, meetingId: try row.get("meeting_id"), meetingKind: kind, route: route, drafterLogin: try row.get("drafter_login"),
                       title: try row.get("title"), body: "", state: state, classification: classification, chain: chain,
                       numberYear: try row.get("number_year"), numberSeq: try row.get("number_seq"), createdAt: created)
    }

    /// Which of `logins` are on the rosters of `meetings`, in one query: R48 asks a roster
    /// only whether the reader (the acting person, or the leader acted for) is on it, so the
    /// rest of each roster need not be read.
    static func attendees(_ db: any SQLConnection, meetings: some Collection<Int64>, among logins: Set<String>) throws -> [Int64: Set<String>] {
        guard !meetings.isEmpty, !logins.isEmpty else { return [:] }
        var out: [Int64: Set<String>] = [:]
        let rows = try db.rows("""
            SELECT meeting_id, person_login FROM participant
            WHERE person_login IN (\(db.dialect.jsonList(.text))) AND meeting_id IN (\(db.dialect.jsonList(.integer)))
            """, [.text(json(logins.sorted())), .text(SQLValue.jsonArray(meetings.sorted()))])
        for row in rows { out[try row.get("meeting_id"), default: []].insert(try row.get("person_login")) }
        return out
    }

    /// Strings as a JSON array (for `json_each`).
    private static func json(_ strings: [String]) -> String {
        String(decoding: (try? JSONEncoder().encode(strings)) ?? Data("[]".utf8), as: UTF8.self)
    }
}
