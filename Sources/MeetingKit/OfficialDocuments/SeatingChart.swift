/// A meeting's seating chart (座次表): who sits where, in order of precedence.
///
/// - Plenary: the members on the presidium (主席台) by ``SeatingRule``, those who sit in
///   and guests in rows below, in order.
/// - Executive and topical: a long table; the members on the main side by ``SeatingRule``
///   (the chair in the middle), guests on the opposite side, those who sit in in their zone
///   (列席区) behind, in order.
///
/// The order starts as ``ProtocolOrder`` and can be adjusted; the adjusted order is saved
/// with the meeting.
public struct SeatingChart: Hashable, Sendable, Codable {
    public enum Layout: String, Hashable, Sendable, Codable {
        case presidium
        case longTable
    }

    public enum Zone: String, Hashable, Sendable, Codable {
        /// 主席台 (plenary) or the main side of the long table.
        case head
        /// The long table's opposite side.
        case opposite
        /// Rows for those who sit in (列席区) and, at a plenary, guests.
        case rows

        public var name: Localized {
            switch self {
            case .head: return Localized(zh: "主席台", en: "head")
            case .opposite: return Localized(zh: "对面", en: "opposite side")
            case .rows: return Localized(zh: "列席区", en: "sitting-in rows")
            }
        }
    }

    /// One participant's seat.
    public struct Seat: Hashable, Sendable, Codable {
        public var participantId: Int64
        public var person: String?
        public var name: String
        /// 区长, or the unit for heads of units, or the guest's organisation.
        public var title: String
        public var participation: Participation
        /// 1-based place in the order of precedence.
        public var rank: Int
        public var zone: Zone
        /// The row within the zone (0 first), for ``Zone/rows``.
        public var row: Int
        /// 0-based position from the left, seen facing the head (from the audience).
        public var column: Int

        public init(participantId: Int64, person: String?, name: String, title: String, participation: Participation) {
            self.participantId = participantId
            self.person = person
            self.name = name
            self.title = title
            self.participation = participation
            rank = 0
            zone = .rows
            row = 0
            column = 0
        }
    }

    public var meetingId: Int64
    public var meetingTitle: String
    public var start: LocalDateTime
    public var room: String?
    public var layout: Layout
    /// Every seat, in order of precedence.
    public var seats: [Seat]
    /// Whether the order was adjusted and saved (false: the protocol order).
    public var isAdjusted: Bool

    /// Seats in each row of the rows zone.
    public static let seatsPerRow = 8

    /// Arranges `seats` (in order of precedence) for `meeting`.
    public init(meeting: Meeting, seats ordered: [Seat], isAdjusted: Bool) {
        meetingId = meeting.id ?? 0
        meetingTitle = meeting.numberedTitle(.zh)
        start = meeting.start
        room = meeting.room
        layout = meeting.kind == .plenary ? .presidium : .longTable
        self.isAdjusted = isAdjusted
        var seats = ordered
        for i in seats.indices { seats[i].rank = i + 1 }
        let head = seats.indices.filter { seats[$0].participation == .member }
        let opposite = layout == .longTable ? seats.indices.filter { seats[$0].participation == .invited } : []
        let rows = seats.indices.filter { !head.contains($0) && !opposite.contains($0) }
        for (zone, group) in [(Zone.head, head), (.opposite, opposite)] {
            for (column, rankInGroup) in SeatingRule.centreOut(group.count).enumerated() {
                let index = group[rankInGroup - 1]
                seats[index].zone = zone
                seats[index].column = column
            }
        }
        for (n, index) in rows.enumerated() {
            seats[index].zone = .rows
            seats[index].row = n / SeatingChart.seatsPerRow
            seats[index].column = n % SeatingChart.seatsPerRow
        }
        self.seats = seats
    }

    /// The seats of a zone's row from left to right.
    public func row(_ zone: Zone, _ row: Int = 0) -> [Seat] {
        seats.filter { $0.zone == zone && $0.row == row }.sorted { $0.column < $1.column }
    }

    /// How many rows the rows zone has.
    public var rowCount: Int { (seats.filter { $0.zone == .rows }.map(\.row).max() ?? -1) + 1 }
}
