import MeetingKit

/// Seating charts (座次表) and name cards: the order of precedence of a meeting's roster,
/// adjustable by the office and saved with the meeting.
extension Session {
    /// The seating chart: the saved order when the office adjusted it, else the protocol order.
    public func seatingChart(meetingId: Int64) throws -> SeatingChart {
        try read { db in try seating(db, meetingId: meetingId) }
    }

    /// Moves one participant `offset` places up (−) or down (+) in the order of precedence and
    /// saves the order.
    @discardableResult
    public func moveSeat(meetingId: Int64, participantId: Int64, by offset: Int) throws -> SeatingChart {
        try changeSeating(meetingId) { order in
            guard let index = order.firstIndex(of: participantId) else {
                throw Refusal.notFound("attendance.unknownParticipant", "会议 \(meetingId) 的名单中没有第 \(participantId) 项",
                                       "meeting \(meetingId) has no roster entry \(participantId)")
            }
            let target = index + offset
            guard offset != 0, order.indices.contains(target) else {
                throw Refusal.invalid("seating.cannotMove", "不能再向\(offset < 0 ? "前" : "后")移动", "cannot move further \(offset < 0 ? "up" : "down")")
            }
            order.insert(order.remove(at: index), at: target)
        }
    }

    /// Saves a whole order (participant ids, first rank first); every roster entry exactly once.
    @discardableResult
    public func setSeatingOrder(meetingId: Int64, participantIds: [Int64]) throws -> SeatingChart {
        try changeSeating(meetingId) { order in
            guard participantIds.sorted() == order.sorted() else {
                throw Refusal.invalid("seating.incompleteOrder", "座次须包含名单中的每一位参会人员，且各一次",
                                      "the order must list every roster entry exactly once")
            }
            order = participantIds
        }
    }

    /// Forgets the adjusted order: the chart follows the protocol order again.
    @discardableResult
    public func resetSeating(meetingId: Int64) throws -> SeatingChart {
        try changeSeating(meetingId, reset: true) { _ in }
    }

    private func changeSeating(_ meetingId: Int64, reset: Bool = false, _ change: (inout [Int64]) throws -> Void) throws -> SeatingChart {
        try write { write in
            let db = write.db
            let meeting = try MeetingRepository.meeting(db, id: meetingId)
            try write.require(.scheduleMeeting(meeting.kind, convener: meeting.convenerLogin), org: try OrgRepository.load(db))
            var order = try seating(db, meetingId: meetingId).seats.map(\.participantId)
            try change(&order)
            try NoticeRepository.saveSeatingOrder(db, meetingId: meetingId, participantIds: reset ? [] : order)
            try write.audit(reset ? "seating.reset" : "seating.order", entity: "meeting", id: String(meetingId),
                            after: reset ? "" : order.map(String.init).joined(separator: ","))
            return try seating(db, meetingId: meetingId)
        }
    }

    func seating(_ db: any SQLConnection, meetingId: Int64) throws -> SeatingChart {
        let meeting = try MeetingRepository.meeting(db, id: meetingId)
        let org = try OrgRepository.load(db)
        let order = try NoticeRepository.protocolOrder(db)
        let participants = try MeetingRepository.participants(db, meetingId: meetingId)
        let seats = participants.map { p -> SeatingChart.Seat in
            let person = p.personLogin.flatMap { org.person($0) }
            let unit = person?.departmentCode.flatMap { org.department($0)?.name }
            let title = person.map { [.mayor, .executiveViceMayor, .viceMayor].contains($0.role) ? $0.role.title.zh : unit ?? $0.role.title.zh }
            return SeatingChart.Seat(participantId: p.id!, person: p.personLogin, name: person?.name ?? p.guestName ?? "",
                                     title: title ?? p.guestOrg ?? "", participation: p.role)
        }
        // Protocol order, the roster's order among equals (guests keep the order they were invited in).
        let position = Dictionary(participants.map { ($0.id!, $0) }, uniquingKeysWith: { a, _ in a })
        func key(_ seat: SeatingChart.Seat) -> [Int] {
            order.rank(seat.person.flatMap { org.person($0) }) + [position[seat.participantId]?.position ?? 0]
        }
        var ordered = seats.sorted { key($0).lexicographicallyPrecedes(key($1)) }
        let saved = try NoticeRepository.seatingOrder(db, meetingId: meetingId)
        if !saved.isEmpty {
            let rank = Dictionary(saved.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
            // Participants added after the order was saved follow the saved ones, in protocol order.
            ordered = ordered.enumerated().sorted { a, b in
                (rank[a.element.participantId] ?? saved.count + a.offset, a.offset) < (rank[b.element.participantId] ?? saved.count + b.offset, b.offset)
            }.map(\.element)
        }
        return SeatingChart(meeting: meeting, seats: ordered, isAdjusted: !saved.isEmpty)
    }
}
