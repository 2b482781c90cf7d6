import MeetingService

/// A use case an action asks for: its name (for tests and the help), how to run it on the
/// office, and what the asking screen does with the outcome. The app runs it; a test can
/// hand the screen an outcome of its own (``resume``) without any office.
public struct OfficeTask {
    public let name: String
    let perform: (Office) -> Result<Any, any Error>
    public let resume: (inout any Screen, Result<Any, any Error>, ScreenContext) -> Effect

    /// Runs the use case on `office` (what the app does).
    public func run(_ office: Office) -> Result<Any, any Error> { perform(office) }
}
