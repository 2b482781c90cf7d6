import ArgumentParser
import MeetingKit
import MeetingService

/// The leave request a decision acts on: its id and `--expect-version`.
typealias LeaveStepTarget = RecordTarget<LeaveRequest>

extension LeaveRequest: NumberedRecord {
    static var idHelp: ArgumentHelp { "Leave request id. 请假申请编号。" }

    /// The decision ("已批准：", "approved: ") and the request's line.
    static func report(_ request: LeaveRequest, done: Localized, _ office: Office, _ context: CommandContext) throws {
        let line = try office.leaveLine(request.id!)
        context.output.emit(line) { context.output.line(done) + LeaveCommand.summary(line, context) }
    }
}
