/// The newest event of the audit chain: its sequence number and MAC.
///
/// Recorded outside the database after every write that appended events (the anchor file,
/// every backup's manifest, the server's log), so deleting the newest events, which the chain
/// alone cannot show, is detected: the database must still hold this event with this MAC.
public struct AuditHead: Hashable, Sendable, Codable {
    public var seq: Int64
    public var mac: String

    public init(seq: Int64, mac: String) {
        self.seq = seq
        self.mac = mac
    }
}
