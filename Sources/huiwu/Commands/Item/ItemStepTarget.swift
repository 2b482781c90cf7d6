import ArgumentParser
import MeetingKit
import MeetingService

/// The item a step acts on: its id and `--expect-version`.
typealias ItemStepTarget = RecordTarget<AgendaItem>

extension AgendaItem: NumberedRecord {
    static var idHelp: ArgumentHelp { "Item id. 议题编号。" }

    /// One line naming the item's new state, or the item in full with `--json`.
    static func report(_ item: AgendaItem, done: Localized, _ office: Office, _ context: CommandContext) throws {
        try ItemCommand.stepped(item, office, context)
    }
}
