import MeetingKit
import MeetingService

/// A step on one document of minutes (`huiwu minutes submit|review|… ID`); ``take(_:)`` says
/// what it did ("已提交", "submitted") for the line printed after it.
protocol MinutesStep: RecordStep where Outcome == Localized {
    var minutes: MinutesStepTarget { get }
}

extension MinutesStep {
    func report(_ done: Localized, _ office: Office, _ context: CommandContext) throws {
        try MinutesCommand.report(minutes.id, office, context, zh: done.zh, en: done.en)
    }
}
