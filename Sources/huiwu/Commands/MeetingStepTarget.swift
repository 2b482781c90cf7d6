import ArgumentParser
import MeetingKit
import MeetingService

/// The meeting a change acts on: its id, and the version the caller read (optimistic locking).
struct MeetingStepTarget: StepTarget {
    /// As typed, read by ``meetingId()``: a malformed meeting id is refused like the rest of the
    /// scheduling input (exit 2, in the user's language), as the hostile-input corpus pins.
    @Argument(help: "Meeting id. 会议编号。") var id: String
    @OptionGroup var version: ExpectVersionOption

    var expectVersion: Int? { version.expectVersion }

    func meetingId() throws -> Int64 { try MeetingCommand.meetingId(id) }

    func recordId() throws -> Int64 { try meetingId() }

    static func report(_ meeting: Meeting, done: Localized, _ office: Office, _ context: CommandContext) throws {
        try MeetingCommand.changed(meeting, done: done, office, context)
    }
}
