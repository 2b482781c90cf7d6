import MeetingStore

/// Which screen opens a record. Each capability adds its screens here.
enum Navigator {
    static func screen(for ref: RecordRef) -> (any Screen)? {
        switch ref {
        case .meeting, .item, .leave, .minutes, .followUp:
            return nil
        }
    }
}
