import ArgumentParser
import MeetingKit
import MeetingService

/// The minutes a step acts on: their id and `--expect-version`.
typealias MinutesStepTarget = RecordTarget<Minutes>

extension Minutes: NumberedRecord {
    static var idHelp: ArgumentHelp { "Minutes id. 纪要编号。" }

    static func report(_ minutes: Minutes, done: Localized, _ office: Office, _ context: CommandContext) throws {
        try MinutesCommand.report(minutes.id!, done: done, office, context)
    }
}
