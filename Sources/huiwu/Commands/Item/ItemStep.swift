import MeetingKit
import MeetingService

/// A step on one agenda item (`huiwu item submit|opinion|… ID`); ``take(_:)`` returns the item
/// after it, printed as one line naming its new state, or in full with `--json`.
protocol ItemStep: RecordStep where Outcome == AgendaItem {
    var item: ItemStepTarget { get }
}

extension ItemStep {
    func report(_ item: AgendaItem, _ office: Office, _ context: CommandContext) throws { try ItemCommand.stepped(item, office, context) }
}
