/// A meeting's agenda: its items in order with planned minutes, compared with the meeting's
/// duration. R61 asks for small, short meetings, so an agenda planned longer than the
/// meeting is warned about (not refused: the chair decides).
public struct MeetingAgenda: Hashable, Sendable, Codable {
    public struct Line: Hashable, Sendable, Codable {
        public var slot: AgendaSlot
        public var item: AgendaItem

        public init(slot: AgendaSlot, item: AgendaItem) {
            self.slot = slot
            self.item = item
        }

        /// Deferred and withdrawn items stay listed but take no time.
        public var counts: Bool { !slot.deferred && item.state != .withdrawn && item.meetingId == slot.meetingId }

        /// Only items still waiting on this meeting may be moved or re-timed.
        public var isEditable: Bool { counts && item.state == .scheduled }
    }

    public var meeting: Meeting
    /// Every item ever placed on the meeting, in agenda order.
    public var lines: [Line]

    public init(meeting: Meeting, lines: [Line]) {
        self.meeting = meeting
        self.lines = lines.sorted { ($0.slot.position, $0.slot.itemId) < ($1.slot.position, $1.slot.itemId) }
    }

    public var totalMinutes: Int { lines.filter(\.counts).reduce(0) { $0 + $1.slot.plannedMinutes } }

    /// Minutes planned beyond the meeting's duration (0 when it fits).
    public var overrunMinutes: Int { max(0, totalMinutes - meeting.durationMinutes) }

    /// The R61 warning when the agenda does not fit the meeting.
    public var warning: Localized? {
        guard overrunMinutes > 0 else { return nil }
        return Localized(zh: "R61：议程计划 \(totalMinutes) 分钟，超出会议时长 \(meeting.durationMinutes) 分钟 \(overrunMinutes) 分钟",
                         en: "R61: the agenda plans \(totalMinutes) minutes, \(overrunMinutes) more than the meeting's \(meeting.durationMinutes)")
    }

    /// The next free position at the end of the agenda.
    public var nextPosition: Int { (lines.map(\.slot.position).max() ?? 0) + 1 }

    /// The slots renumbered 1…n after moving `itemId` by `offset` places (−1 up, +1 down).
    /// Returns nil when the item is not movable or would leave the agenda.
    public func moving(_ itemId: Int64, by offset: Int) -> [AgendaSlot]? {
        guard let index = lines.firstIndex(where: { $0.slot.itemId == itemId }), lines[index].isEditable else { return nil }
        let target = index + offset
        guard offset != 0, lines.indices.contains(target) else { return nil }
        var slots = lines.map(\.slot)
        let moved = slots.remove(at: index)
        slots.insert(moved, at: target)
        for i in slots.indices { slots[i].position = i + 1 }
        return slots
    }
}
