import MeetingKit
import MeetingStore

extension Office {
    public func periodReport(from: Day, to: Day) throws -> PeriodReport {
        try run(PeriodReportCall(from: from, to: to))
    }
}

struct PeriodReportCall: UseCase {
    static let name = "periodReport"
    var from: Day
    var to: Day
    func run(in session: Session) throws -> PeriodReport { try session.periodReport(from: from, to: to) }
}
