import MeetingStore

/// How a use case reaches the office: run here on the database file (``InProcessTransport``)
/// or sent to `huiwu serve` (``SocketTransport``).
protocol Transport: Sendable {
    func perform<U: UseCase>(_ useCase: U) throws -> U.Result
    /// Changes seen since the last call, without waiting.
    func takeChanges() -> [RecordChange]
    /// Readable when changes arrive (see ``Office/changeSignal``).
    var changeSignal: Int32? { get }
    var hasBufferedChanges: Bool { get }
}
