import MeetingKit
import MeetingService

/// A subcommand that takes one step on one record (`item approve`, `meeting cancel`,
/// `minutes submit`, `leave reject` …): it declares its options and calls one use case in
/// ``take(_:_:)``; the record's id, `--expect-version` and how the record is printed after the
/// step are its target's (``StepTarget``), written once per record.
protocol RecordStep: HuiwuCommand {
    associatedtype Target: StepTarget
    var target: Target { get }
    /// What the step did, for the line printed after it ("已批准", "approved"); an item's line
    /// names its new state instead.
    var done: Localized { get }
    /// Takes the step through its use case on the record `id` and returns the record after it.
    func take(_ office: Office, _ id: Int64) throws -> Target.Record
}

extension RecordStep {
    var done: Localized { .same("") }

    func run(_ context: CommandContext) throws {
        let id = try target.recordId()
        let office = try context.office()
        try Target.report(try take(office, id), done: done, office, context)
    }
}
