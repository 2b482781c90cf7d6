import MeetingStore

/// Which screen opens a record. Each capability adds its screens here.
enum Navigator {
    static func screen(for ref: RecordRef) -> (any Screen)? {
        switch ref {
        case .item(let id): return ItemDetailScreen(itemId: id)
        case .meeting, .leave, .minutes, .followUp:
            return nil
        }
    }
}
