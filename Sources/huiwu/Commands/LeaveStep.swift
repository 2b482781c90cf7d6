import MeetingKit
import MeetingService

/// An approver's decision on one leave request (`huiwu leave approve|reject ID`); ``take(_:)``
/// says what it was ("已批准：", "approved: ") for the line printed after it.
protocol LeaveStep: RecordStep where Outcome == Localized {
    var request: LeaveStepTarget { get }
}

extension LeaveStep {
    func report(_ done: Localized, _ office: Office, _ context: CommandContext) throws {
        let line = try office.leaveLine(request.id)
        context.output.emit(line) { context.output.line(done.zh, done.en) + LeaveCommand.summary(line, context) }
    }
}
