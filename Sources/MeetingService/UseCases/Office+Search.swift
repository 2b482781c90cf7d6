import MeetingKit
import MeetingStore

extension Office {
    /// The most results one search returns.
    public static let maxSearchResults = Session.maxSearchResults

    public func search(_ text: String, kinds: [SearchKind] = SearchKind.allCases, limit: Int = 20) throws -> [SearchResult] {
        try run(SearchCall(text: text, kinds: kinds, limit: limit))
    }
}

struct SearchCall: UseCase {
    static let name = "search"
    var text: String
    var kinds: [SearchKind]
    var limit: Int
    func run(in session: Session) throws -> [SearchResult] { try session.search(text, kinds: kinds, limit: limit) }
}
