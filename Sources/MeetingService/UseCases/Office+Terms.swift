import MeetingKit
import MeetingStore

extension Office {
    public func terms() throws -> [Term] {
        try run(TermsCall())
    }

    public func startTerm(number: Int, name: String, from: Day, nextNumbers: [MeetingKind: Int] = [:]) throws -> TermChange {
        try run(StartTermCall(number: number, name: name, from: from, nextNumbers: nextNumbers))
    }
}

struct TermsCall: UseCase {
    static let name = "terms"
    func run(in session: Session) throws -> [Term] { try session.terms() }
}

struct StartTermCall: UseCase {
    static let name = "startTerm"
    var number: Int
    var name: String
    var from: Day
    var nextNumbers: [MeetingKind: Int]
    func run(in session: Session) throws -> TermChange { try session.startTerm(number: number, name: name, from: from, nextNumbers: nextNumbers) }
}
