import MeetingKit
import MeetingStore

extension Office {
    /// Whether the office holds the demo (`huiwu init` seeds it), and whom to try it as.
    public func demoStatus() throws -> DemoStatus? {
        try run(DemoStatusCall())
    }

    /// Seeds the demo office's work, dated from today, through the use cases (administrators,
    /// on an office without meetings or items).
    @discardableResult
    public func seedDemo() throws -> DemoReport {
        try run(SeedDemoCall())
    }

    /// Removes the demo: the office as it was just before it (administrators).
    public func removeDemo() throws -> DemoRemoval {
        try run(RemoveDemoCall())
    }
}

struct DemoStatusCall: UseCase {
    static let name = "demoStatus"
    func run(in session: Session) throws -> DemoStatus? { try session.demoStatus() }
}

struct SeedDemoCall: UseCase {
    static let name = "seedDemo"
    func run(in session: Session) throws -> DemoReport { try session.seedDemo() }
}

struct RemoveDemoCall: UseCase {
    static let name = "removeDemo"
    func run(in session: Session) throws -> DemoRemoval { try session.removeDemo() }
}
