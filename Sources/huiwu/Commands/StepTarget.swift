import ArgumentParser
import MeetingKit
import MeetingService

/// The record a step acts on, as the command line names it (an `@OptionGroup` of the step):
/// its id, the version the caller read (optimistic locking), and how the record is printed
/// after a step, so every step on a record prints it alike: ``RecordTarget`` for the numbered
/// records (``ItemStepTarget``, ``MinutesStepTarget``, ``LeaveStepTarget``) and
/// ``MeetingStepTarget``, whose id is read as typed and checked (exit 2).
protocol StepTarget: ParsableArguments {
    associatedtype Record
    /// The id the use case takes.
    func recordId() throws -> Int64
    var expectVersion: Int? { get }
    /// Prints `record` after a step that did `done`: its view with `--json`, a line otherwise.
    static func report(_ record: Record, done: Localized, _ office: Office, _ context: CommandContext) throws
}
