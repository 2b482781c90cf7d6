import MeetingKit
import MeetingStore

extension Office {
    public func homeSnapshot() throws -> HomeSnapshot {
        try run(HomeSnapshotCall())
    }
}

struct HomeSnapshotCall: UseCase {
    static let name = "homeSnapshot"
    func run(in session: Session) throws -> HomeSnapshot { try session.homeSnapshot() }
}
