import MeetingKit
import MeetingStore

extension Office {
    public func dueReport(person: String? = nil) throws -> DueReport {
        try run(DueReportCall(person: person))
    }
}

struct DueReportCall: UseCase {
    static let name = "dueReport"
    var person: String?
    func run(in session: Session) throws -> DueReport { try session.dueReport(person: person) }
}
