import MeetingStore

/// Which screen opens a record. Each capability adds its screens here.
enum Navigator {
    static func screen(for ref: RecordRef) -> (any Screen)? {
        switch ref {
        case .meeting(let id): return MeetingDetailScreen(id: id)
        case .item(let id): return ItemDetailScreen(itemId: id)
        case .minutes(let id): return MinutesViewScreen(id: id)
        case .followUp(let id): return FollowUpBoardScreen(selecting: id)
        case .leave(let id): return LeaveScreen(selecting: id)
        case .leaveReport(let meetingId): return LeaveReportScreen(meetingId: meetingId)
        case .onBehalf(let seq): return OnBehalfScreen(selecting: seq)
        case .receipts(let meetingId): return ReceiptsScreen(meetingId: meetingId)
        case .absence(let id): return AbsenceListScreen(selecting: id)
        }
    }
}
