import Foundation
import GRDB
import MeetingKit
import MeetingStore

/// What an attacker with write access to the database file (but not the audit key) does:
/// rewrites rows with the `sqlite3` shell and recomputes the chain with plain SHA-256.
extension TestOffice {
    /// Changes the `after` of event `seq`, then re-chains every event with plain SHA-256, all
    /// through the sqlite3 shell (the statements are computed here, as `sha256sum` would).
    public static func rewriteAuditWithPlainSHA256(_ path: String, altering seq: Int64, after: String) throws {
        let queue = try DatabaseQueue(path: path, configuration: { var c = Configuration(); c.readonly = true; return c }())
        var events = try queue.read { try AuditEvent.order(Column("seq")).fetchAll($0) }
        try queue.close()
        var prev = AuditEvent.genesisHash
        var sql = "BEGIN;\n"
        for i in events.indices {
            if events[i].seq == seq { events[i].after = after }
            events[i].prevHash = prev
            events[i] = events[i].sealed(with: AuditChain.plainSHA256)
            prev = events[i].hash
            sql += "UPDATE audit_event SET after = '\(events[i].after.replacingOccurrences(of: "'", with: "''"))', "
                + "prev_hash = '\(events[i].prevHash)', hash = '\(events[i].hash)' WHERE seq = \(events[i].seq);\n"
        }
        let result = try SQLiteShell.run(path, sql + "COMMIT;")
        guard result.status == 0 else { throw SQLiteShell.Failure(result.stderr) }
    }
}

extension SQLiteShell {
    /// The shell refused a script.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
        public init(_ description: String) { self.description = description }
    }
}
