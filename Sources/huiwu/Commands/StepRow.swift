import ArgumentParser
import MeetingKit
import MeetingService

/// One row of a table of steps that take nothing but the record's id and `--expect-version`
/// (`item approve`, `meeting hold`, `minutes submit`, `leave approve`): the subcommand's name
/// and help, what it did, and the use case it calls. A row is one line in its command's table;
/// ``PlainStep`` turns it into a subcommand.
struct StepRow<Target: StepTarget> {
    let name: String
    let abstract: String
    /// What the step did, for the line printed after it ("已批准", "approved"); an item's line
    /// names its new state instead.
    var done = Localized.same("")
    /// The use case, e.g. `Office.approveItem`: the office, then the id and the expected version.
    let take: (Office) -> (Int64, Int?) throws -> Target.Record

    var configuration: CommandConfiguration { CommandConfiguration(commandName: name, abstract: abstract) }
}

/// A type that names one ``StepRow`` and the record it steps on, so that the argument parser,
/// which lists subcommands by type, can list the row.
protocol StepRowName {
    associatedtype Target: StepTarget
    static var row: StepRow<Target> { get }
}
