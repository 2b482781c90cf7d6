import ArgumentParser
import MeetingKit
import MeetingService

/// A record a step names by its number (an item, minutes, a leave request): the help of its
/// id on the command line and how the record is printed after a step.
protocol NumberedRecord {
    static var idHelp: ArgumentHelp { get }
    /// Prints `record` after a step that did `done`: its view with `--json`, a line otherwise.
    static func report(_ record: Self, done: Localized, _ office: Office, _ context: CommandContext) throws
}

/// The numbered record a step acts on (``ItemStepTarget``, ``MinutesStepTarget``,
/// ``LeaveStepTarget``): its id, and the version the caller read (optimistic locking).
struct RecordTarget<Record: NumberedRecord>: StepTarget {
    @Argument(help: Record.idHelp) var id: Int64
    @OptionGroup var version: ExpectVersionOption

    var expectVersion: Int? { version.expectVersion }

    func recordId() -> Int64 { id }

    static func report(_ record: Record, done: Localized, _ office: Office, _ context: CommandContext) throws {
        try Record.report(record, done: done, office, context)
    }
}
