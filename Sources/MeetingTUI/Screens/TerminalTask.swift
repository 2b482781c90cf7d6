/// Work done outside the full-screen interface, on the real terminal (an external editor).
public struct TerminalTask {
    public let run: () -> Effect

    public init(_ run: @escaping () -> Effect) { self.run = run }
}
