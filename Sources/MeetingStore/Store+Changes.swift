import GRDB
import MeetingKit

extension Store {
    /// The schema version this program writes: the highest migration's number.
    package static var schemaVersion: Int { Schema.version(of: Set(Schema.migrator.migrations)) }
    /// The stamp this program writes in a current file's header (``Schema/stamp``).
    package static var schemaStamp: Int32 { Schema.stamp }

    /// The newest audit event's number and MAC (nil for an empty log): what the server logs.
    public func auditHead() throws -> AuditHead? { try snapshot(AuditLog.head) }

    /// The records changed after audit event `seq`, each once, and the newest event's number:
    /// every change records its entity and id in the audit log, in its own transaction.
    public func changes(after seq: Int64) throws -> (head: Int64, records: [RecordChange]) {
        try snapshot { db in
            var head = seq
            var seen = Set<RecordChange>()
            var records: [RecordChange] = []
            for row in try db.rows("SELECT seq, entity, entity_id FROM audit_event WHERE seq > ? ORDER BY seq", seq) {
                head = try row.get("seq")
                let record = RecordChange(entity: try row.get("entity"), id: try row.get("entity_id"))
                if seen.insert(record).inserted { records.append(record) }
            }
            return (head, records)
        }
    }
}

/// A record that changed: its kind (the audit log's entity, `meeting`, `leave` …) and id.
public struct RecordChange: Codable, Hashable, Sendable {
    public var entity: String
    public var id: String

    public init(entity: String, id: String) {
        self.entity = entity
        self.id = id
    }
}
