import GRDB
import MeetingKit
import MeetingStore

extension TestOffice {
    /// The audit events appended after the log had `count` events, oldest first: tests of
    /// refused decisions use it to prove that the only trace is the refusal itself.
    public func auditEvents(since count: Int) throws -> [AuditEvent] {
        try store.read { try AuditEvent.filter(Column("seq") > count).order(Column("seq")).fetchAll($0) }
    }

    /// The actions of ``auditEvents(since:)``.
    public func auditActions(since count: Int) throws -> [String] { try auditEvents(since: count).map(\.action) }
}
