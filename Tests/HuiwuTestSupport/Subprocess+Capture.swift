import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension Subprocess {
    /// What a program printed on both outputs, and how it ended.
    public struct Captured: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// Like ``run(_:_:)``, keeping standard error too: for programs whose messages are the test.
    public static func runCapturing(_ path: String, _ arguments: [String]) throws -> Captured {
        let base = NSTemporaryDirectory() + "huiwu-capture-" + UUID().uuidString
        let (output, error) = (base + ".out", base + ".err")
        defer { unlink(output); unlink(error) }
        let pid = try spawn(path, arguments: arguments.map { Array($0.utf8) }, environment: ProcessInfo.processInfo.environment,
                            stdin: "/dev/null", stdout: output, stderr: error)
        return Captured(status: wait(pid).status, stdout: contents(of: output), stderr: contents(of: error))
    }
}
