import MeetingKit

/// A shared record edited under optimistic locking (``RecordVersion``): people, departments,
/// meetings, agenda items, leave requests, minutes. Says how the record is read by its key
/// and how the audit log names and summarises it, for ``Change/update(_:_:expected:audit:check:_:)``.
protocol VersionedRecord: Sendable {
    associatedtype Key: CustomStringConvertible
    /// The audit log's entity name ("meeting"), which also names the record in a stale refusal.
    static var entity: String { get }
    /// The stored record with its version, or a not-found refusal.
    static func stored(_ db: any SQLConnection, _ key: Key) throws -> Versioned<Self>
    /// What the audit log keeps of the record before and after a change.
    var auditSummary: String { get }
}

extension VersionedRecord where Self: Encodable {
    var auditSummary: String { AuditSummary.of(self) }
}

extension Versioned {
    /// A record that carries its own version (a meeting, an agenda item …).
    init(_ value: Value, version: KeyPath<Value, Int>) {
        self.init(value, version: value[keyPath: version])
    }
}

extension Person: VersionedRecord {
    static let entity = "person"
    static func stored(_ db: any SQLConnection, _ login: String) throws -> Versioned<Person> {
        try OrgRepository.person(db, login: login)
    }
}

extension Department: VersionedRecord {
    static let entity = "department"
    static func stored(_ db: any SQLConnection, _ code: String) throws -> Versioned<Department> {
        try OrgRepository.department(db, code: code)
    }
}

extension Meeting: VersionedRecord {
    static let entity = "meeting"
    static func stored(_ db: any SQLConnection, _ id: Int64) throws -> Versioned<Meeting> {
        Versioned(try MeetingRepository.meeting(db, id: id), version: \.version)
    }
}

extension AgendaItem: VersionedRecord {
    static let entity = "item"
    static func stored(_ db: any SQLConnection, _ id: Int64) throws -> Versioned<AgendaItem> {
        Versioned(try AgendaRepository.item(db, id: id), version: \.version)
    }
    var auditSummary: String { AuditSummary.of(AgendaItemRow(self)) }
}

extension LeaveRequest: VersionedRecord {
    static let entity = "leave"
    static func stored(_ db: any SQLConnection, _ id: Int64) throws -> Versioned<LeaveRequest> {
        Versioned(try LeaveRepository.request(db, id: id), version: \.version)
    }
}

extension Minutes: VersionedRecord {
    static let entity = "minutes"
    static func stored(_ db: any SQLConnection, _ id: Int64) throws -> Versioned<Minutes> {
        Versioned(try MinutesRepository.minutes(db, id: id), version: \.version)
    }
    var auditSummary: String { MinutesAudit.summary(self) }
}
