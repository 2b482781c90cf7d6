import MeetingService

/// A subcommand that takes one step on one record (`item approve`, `minutes submit`,
/// `leave reject` …): it declares its options and calls one use case in ``take(_:)``; how the
/// record is printed after the step is its record's, written once in the refining protocol
/// (``ItemStep``, ``MinutesStep``, ``LeaveStep``).
protocol RecordStep: HuiwuCommand {
    associatedtype Outcome
    /// Takes the step through its use case.
    func take(_ office: Office) throws -> Outcome
    /// Prints the record after the step.
    func report(_ outcome: Outcome, _ office: Office, _ context: CommandContext) throws
}

extension RecordStep {
    func run(_ context: CommandContext) throws {
        let office = try context.office()
        try report(try take(office), office, context)
    }
}
