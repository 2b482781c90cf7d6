/// A meeting's state machine: planned → notified → held, or cancelled (with a reason) or
/// postponed (moved; the history keeps the old time). The mayor's approval (R61) is a
/// separate flag that holds back the notices until it is given.
///
/// ``transition(_:_:by:policy:now:)`` is the only way a meeting's state changes.
public enum MeetingWorkflow {
    public enum Event: Hashable, Sendable {
        /// The notices went out to the participants.
        case notify
        /// The meeting took place.
        case hold
        case cancel(reason: String)
        /// A new start (and optionally a new duration); the meeting becomes postponed.
        case move(to: LocalDateTime, durationMinutes: Int?, reason: String?)
        /// The mayor approves a meeting in the government's name convened by someone else (R61).
        case approve
        /// The mayor entrusts the executive vice mayor with chairing an executive meeting (R39).
        case entrust(executiveViceMayor: String)
        /// A new subject, room or chair; `chairDelegation` is what the chair rules (R39, R7)
        /// made of a new chair, resolved by the caller who knows the absences.
        case edit(MeetingEdit, chairDelegation: ChairDelegation?)

        public var auditAction: String {
            switch self {
            case .notify: return "meeting.notify"
            case .hold: return "meeting.hold"
            case .cancel: return "meeting.cancel"
            case .move: return "meeting.move"
            case .approve: return "meeting.approve"
            case .entrust: return "meeting.entrust"
            case .edit: return "meeting.edit"
            }
        }
    }

    /// The meeting after `event`, or the refusal naming the rule. Checks the permission too.
    public static func transition(_ meeting: Meeting, _ event: Event, by actor: Actor, policy: AccessPolicy,
                                  now: LocalDateTime) throws -> Meeting {
        if case .approve = event {
            try policy.require(.approveMeeting, by: actor)
        } else if case .entrust = event {
            try policy.require(.entrustChair, by: actor)
        } else {
            try policy.require(.scheduleMeeting(meeting.kind, convener: meeting.convenerLogin), by: actor)
        }
        let open: Set<MeetingStatus> = [.planned, .notified, .postponed]
        guard open.contains(meeting.status) else {
            throw Refusal.conflict("meeting.closed", "该会议\(meeting.status.name.zh)，不能再更改",
                                   "this meeting is \(meeting.status.name.en) and can no longer change")
        }
        var next = meeting
        next.version += 1
        switch event {
        case .approve:
            guard meeting.approval == .awaiting else {
                throw Refusal.conflict("meeting.noApprovalPending", "该会议\(meeting.approval.name.zh)",
                                       "this meeting needs no approval now (\(meeting.approval.name.en))")
            }
            next.approval = .approved
        case .entrust(let evm):
            guard meeting.kind == .executive else {
                throw Refusal.rule("R39", "meeting.entrustNotExecutive", "只有区政府常务会议可以委托常务副区长主持",
                                   "only an executive meeting may be entrusted to the executive vice mayor")
            }
            guard meeting.chairLogin != evm else {
                throw Refusal.conflict("meeting.alreadyEVM", "该会议已由常务副区长主持", "the executive vice mayor already chairs this meeting")
            }
            next.chairLogin = evm
            next.chairDelegation = .entrusted
        case .notify:
            try requireApproval(meeting, to: Localized(zh: "发出会议通知", en: "its notices go out"))
            guard meeting.status != .notified else {
                throw Refusal.conflict("meeting.alreadyNotified", "该会议已通知", "this meeting has already been notified")
            }
            guard now < meeting.start else {
                throw Refusal.conflict("meeting.started", "会议已开始，不能再通知", "the meeting has started; it is too late to notify")
            }
            next.status = .notified
            next.numberFixed = true
        case .hold:
            try requireApproval(meeting, to: Localized(zh: "召开", en: "it is held"))
            guard meeting.start <= now else {
                throw Refusal.conflict("meeting.notYetStarted", "会议尚未开始（\(meeting.start.day.iso) \(meeting.start.timeText)），不能记为已召开",
                                       "the meeting has not started yet (\(meeting.start.day.iso) \(meeting.start.timeText)); it cannot be marked held")
            }
            next.status = .held
            next.numberFixed = true
        case .cancel(let reason):
            try InputLimits.check(reason: reason)
            next.status = .cancelled
            next.statusReason = reason
        case .move(let start, let duration, let reason):
            if let reason { try InputLimits.check(reason: reason) }
            if let duration { try MeetingDuration.check(duration) }
            guard start != meeting.start || (duration != nil && duration != meeting.durationMinutes) else {
                throw Refusal.invalid("meeting.sameTime", "新时间与原时间相同", "the new time is the same as the old one")
            }
            next.start = start
            if let duration { next.durationMinutes = duration }
            next.status = .postponed
            next.statusReason = reason
        case .edit(let edit, let delegation):
            try edit.checkInput()
            if let title = edit.title { next.title = title }
            if let room = edit.room { next.room = room.isEmpty ? nil : room }
            if let chair = edit.chair, chair != meeting.chairLogin {
                next.chairLogin = chair
                next.chairDelegation = delegation
            }
            guard next.title != meeting.title || next.room != meeting.room || next.chairLogin != meeting.chairLogin else {
                throw RefusalCatalog.meetingEditUnchanged()
            }
        }
        return next
    }

    /// R61: without the mayor's approval, a meeting in the government's name convened by
    /// someone else cannot go ahead.
    static func requireApproval(_ meeting: Meeting, to what: Localized) throws {
        guard meeting.approval == .awaiting else { return }
        throw RefusalCatalog.meetingAwaitingApproval(meeting, before: what)
    }
}
