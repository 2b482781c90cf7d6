import MeetingKit

extension Session {
    /// A meeting's agenda: its items in order with planned minutes, and the R61 overrun.
    public func meetingAgenda(_ meetingId: Int64) throws -> MeetingAgenda {
        try read { try AgendaRepository.agenda($0, meetingId: meetingId) }
    }

    /// Moves an item up (−1) or down (+1) on its meeting's agenda.
    @discardableResult
    public func moveOnAgenda(meeting meetingId: Int64, item itemId: Int64, by offset: Int) throws -> MeetingAgenda {
        try editAgenda(meetingId, itemId) { change, agenda in
            guard let slots = agenda.moving(itemId, by: offset) else {
                throw Refusal.invalid("agenda.cannotMove", "议题 #\(itemId) 不能再向\(offset < 0 ? "上" : "下")移动",
                                      "item #\(itemId) cannot move further \(offset < 0 ? "up" : "down")")
            }
            for slot in slots { try AgendaRepository.saveSlot(change.db, slot) }
            let order = slots.filter { !$0.deferred }.map { "#\($0.itemId)" }.joined(separator: ",")
            try change.audit("agenda.reorder", entity: "meeting", id: String(meetingId), after: order)
        }
    }

    /// Sets the planned minutes of an item on a meeting's agenda (R61).
    @discardableResult
    public func planMinutes(meeting meetingId: Int64, item itemId: Int64, minutes: Int) throws -> MeetingAgenda {
        guard AgendaWorkflow.plannedMinutesRange.contains(minutes) else {
            let r = AgendaWorkflow.plannedMinutesRange
            throw Refusal.invalid("agenda.badMinutes", "计划时长须在 \(r.lowerBound) 到 \(r.upperBound) 分钟之间",
                                  "planned minutes must be \(r.lowerBound) to \(r.upperBound)")
        }
        return try editAgenda(meetingId, itemId) { change, agenda in
            guard var slot = agenda.lines.first(where: { $0.slot.itemId == itemId })?.slot else { return }
            let before = slot.plannedMinutes
            slot.plannedMinutes = minutes
            try AgendaRepository.saveSlot(change.db, slot)
            try change.audit("agenda.minutes", entity: "meeting", id: String(meetingId),
                             before: "#\(itemId) \(before)", after: "#\(itemId) \(minutes)")
        }
    }

    /// Checks who edits and that the item is still waiting on this meeting, then runs `body`.
    private func editAgenda(_ meetingId: Int64, _ itemId: Int64,
                            _ body: (Change, MeetingAgenda) throws -> Void) throws -> MeetingAgenda {
        try write { change in
            let db = change.db
            let agenda = try AgendaRepository.agenda(db, meetingId: meetingId)
            try AccessPolicy(org: try OrgRepository.load(db)).require(.editAgenda(agenda.meeting), by: actor)
            guard let line = agenda.lines.first(where: { $0.slot.itemId == itemId }) else {
                throw Refusal.notFound("agenda.notOnAgenda", "议题 #\(itemId) 不在会议 \(meetingId) 的议程上",
                                       "item #\(itemId) is not on the agenda of meeting \(meetingId)")
            }
            guard line.isEditable, agenda.meeting.status.isActive, agenda.meeting.status != .held else {
                throw Refusal.conflict("agenda.notEditable", "议题 \(line.item.label) 已\(line.item.state == .scheduled ? "暂缓或会议已结束" : line.item.state.name.zh)，议程中的位置和时长不能再改",
                                       "item \(line.item.label) is \(line.item.state == .scheduled ? "deferred or the meeting is over" : line.item.state.name.en); its place and minutes can no longer change")
            }
            try body(change, agenda)
            return try AgendaRepository.agenda(db, meetingId: meetingId)
        }
    }
}
