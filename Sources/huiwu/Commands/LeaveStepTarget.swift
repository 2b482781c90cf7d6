import ArgumentParser
import MeetingKit
import MeetingService

/// The leave request a decision acts on: its id, and the version the caller read (optimistic locking).
struct LeaveStepTarget: StepTarget {
    @Argument(help: "Leave request id. 请假申请编号。") var id: Int64
    @OptionGroup var version: ExpectVersionOption

    var expectVersion: Int? { version.expectVersion }

    func recordId() -> Int64 { id }

    /// The decision ("已批准：", "approved: ") and the request's line.
    static func report(_ request: LeaveRequest, done: Localized, _ office: Office, _ context: CommandContext) throws {
        let line = try office.leaveLine(request.id!)
        context.output.emit(line) { context.output.line(done) + LeaveCommand.summary(line, context) }
    }
}
