import MeetingStore

/// Which screen opens a record. Each capability adds its screens here.
enum Navigator {
    static func screen(for ref: RecordRef) -> (any Screen)? {
        switch ref {
        case .meeting, .item, .minutes, .followUp:
            return nil
        case .leave(let id): return LeaveQueueScreen(selecting: id)
        case .leaveReport(let meetingId): return LeaveReportScreen(meetingId: meetingId)
        }
    }
}
