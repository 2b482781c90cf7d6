import MeetingKit
import MeetingStore

extension Office {
    /// A meeting's new subject, room or chair (``Session/editMeeting(_:_:expectedVersion:)``).
    @discardableResult
    public func editMeeting(_ id: Int64, _ edit: MeetingEdit, expectedVersion: Int? = nil) throws -> Meeting {
        try run(EditMeetingCall(id: id, edit: edit, expectedVersion: expectedVersion))
    }
}

struct EditMeetingCall: UseCase {
    static let name = "editMeeting"
    var id: Int64
    var edit: MeetingEdit
    var expectedVersion: Int?
    func run(in session: Session) throws -> Meeting { try session.editMeeting(id, edit, expectedVersion: expectedVersion) }
}
