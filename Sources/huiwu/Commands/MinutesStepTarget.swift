import ArgumentParser
import MeetingKit
import MeetingService

/// The minutes a step acts on: their id, and the version the caller read (optimistic locking).
struct MinutesStepTarget: StepTarget {
    @Argument(help: "Minutes id. 纪要编号。") var id: Int64
    @OptionGroup var version: ExpectVersionOption

    var expectVersion: Int? { version.expectVersion }

    func recordId() -> Int64 { id }

    static func report(_ minutes: Minutes, done: Localized, _ office: Office, _ context: CommandContext) throws {
        try MinutesCommand.report(minutes.id!, done: done, office, context)
    }
}
