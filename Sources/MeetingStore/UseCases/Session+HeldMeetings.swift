import GRDB
import MeetingKit

extension Session {
    /// Records that a meeting took place, so its minutes can be drafted (office staff).
    ///
    /// A small bridge for minutes until scheduling provides the meeting workflow's `held`
    /// transition; it refuses meetings that have not started or were cancelled.
    @discardableResult
    public func markHeld(_ meetingId: Int64) throws -> Meeting {
        try write { change in
            let p = actor.principal
            guard p.isAdmin || p.role == .secretary || p.role == .officeDirector else {
                throw Refusal.forbidden("meeting.heldNotOffice", "只有区政府办公室可以登记会议已召开",
                                        "only the government office records that a meeting was held")
            }
            var meeting = try MeetingRepository.meeting(change.db, id: meetingId)
            let before = meeting
            guard meeting.status == .planned || meeting.status == .notified else {
                throw Refusal.conflict("meeting.notHoldable", "会议状态为“\(meeting.status.name.zh)”，不能登记为已召开",
                                       "the meeting is \(meeting.status.name.en) and cannot be recorded as held")
            }
            guard meeting.start <= change.now else {
                throw Refusal.conflict("meeting.notStarted", "会议尚未开始（\(meeting.start.iso)）",
                                       "the meeting has not started yet (\(meeting.start.iso))")
            }
            meeting.status = .held
            meeting.version += 1
            try meeting.update(change.db)
            try change.audit("meeting.held", entity: "meeting", id: String(meetingId),
                             before: AuditSummary.of(before), after: AuditSummary.of(meeting))
            return meeting
        }
    }
}
