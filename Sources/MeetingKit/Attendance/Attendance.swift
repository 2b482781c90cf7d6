/// The sign-in record of one roster entry at one meeting.
public struct Attendance: Hashable, Sendable, Codable {
    /// Row id; nil until stored.
    public var id: Int64?
    public var meetingId: Int64
    /// The roster entry (``Participant``) this record belongs to.
    public var participantId: Int64
    /// The participant's login, nil for a named guest (kept for statistics per person).
    public var personLogin: String?
    public var status: AttendanceStatus
    /// Minutes late, for ``AttendanceStatus/late`` only.
    public var lateMinutes: Int?
    /// Who came instead, for ``AttendanceStatus/substitute`` only.
    public var substituteLogin: String?
    /// Who recorded it (a secretary at the door).
    public var recordedBy: String
    public var recordedAt: LocalDateTime
    public var version: Int

    public init(id: Int64? = nil, meetingId: Int64, participantId: Int64, personLogin: String?, status: AttendanceStatus,
                lateMinutes: Int? = nil, substituteLogin: String? = nil, recordedBy: String, recordedAt: LocalDateTime,
                version: Int = 1) {
        self.id = id
        self.meetingId = meetingId
        self.participantId = participantId
        self.personLogin = personLogin
        self.status = status
        self.lateMinutes = lateMinutes
        self.substituteLogin = substituteLogin
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
        self.version = version
    }

    /// The longest lateness that can be recorded: a whole day.
    public static let maxLateMinutes = 24 * 60
}
