import MeetingKit
import MeetingService

/// A change of one meeting's state (`huiwu meeting approve|notify|hold|… ID`): it names itself,
/// declares its own options and calls one use case in ``take(_:_:)``; the meeting's id,
/// `--expect-version` and the line printed after the change are written once here.
protocol MeetingStep: HuiwuCommand {
    var meeting: MeetingStepTarget { get }
    /// What the step did, for the line printed after it: "已批准", "approved".
    static var done: Localized { get }
    /// Takes the step through its use case and returns the meeting after it.
    func take(_ office: Office, _ id: Int64) throws -> Meeting
}

extension MeetingStep {
    func run(_ context: CommandContext) throws {
        let id = try meeting.meetingId()
        let office = try context.office()
        let changed = try take(office, id)
        context.output.emit(MeetingView(changed, lang: context.lang, org: try office.orgChart())) {
            TextSafety.inert(MeetingText.summary(Self.done, changed, conflicts: [], lang: context.lang), allowNewlines: true)
        }
    }
}
