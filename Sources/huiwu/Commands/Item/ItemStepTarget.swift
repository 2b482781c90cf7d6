import ArgumentParser
import MeetingKit
import MeetingService

/// The item a step acts on: its id, and the version the caller read (optimistic locking).
/// After the step the item is printed as one line naming its new state, or in full with `--json`.
struct ItemStepTarget: StepTarget {
    @Argument(help: "Item id. 议题编号。") var id: Int64
    @OptionGroup var version: ExpectVersionOption

    var expectVersion: Int? { version.expectVersion }

    func recordId() -> Int64 { id }

    static func report(_ item: AgendaItem, done: Localized, _ office: Office, _ context: CommandContext) throws {
        try ItemCommand.stepped(item, office, context)
    }
}
