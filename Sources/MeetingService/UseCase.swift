import MeetingStore

/// One named operation of the office, as a value: the request's fields, the name it travels
/// under, the type of its answer, and how the office runs it.
///
/// Each public method of ``Office`` builds one of these and hands it to the transport: in
/// embedded mode it runs in this process (``InProcessTransport``), in server mode it is
/// encoded as JSON, sent over the socket and run by `huiwu serve` (``SocketTransport``,
/// ``OfficeServer``). Both end in ``run(in:)`` on a `Session` whose actor and clock the
/// office, never the caller, decided. The server finds the type by ``name`` in
/// ``UseCaseRegistry``.
protocol UseCase: Codable, Sendable {
    associatedtype Result: Codable & Sendable
    /// The method name on the wire (docs/architecture.md, "The wire").
    static var name: String { get }
    func run(in session: Session) throws -> Result
    /// The call as the server runs it when files must stay in `directory` (its backup
    /// directory): use cases that name files check and rewrite them here.
    func confined(to directory: String) throws -> Self
    /// Whether the call only reads (``ReadingUseCase``). Asked of the type rather than by a cast
    /// to the protocol: the first cast of each type scans every conformance record of the
    /// static binary, half a million instructions at every start.
    static var onlyReads: Bool { get }
}

extension UseCase {
    func confined(to directory: String) throws -> Self { self }
    static var onlyReads: Bool { false }
}

/// The answer of a use case that returns nothing.
public struct Nothing: Codable, Sendable, Hashable {
    public init() {}
}
