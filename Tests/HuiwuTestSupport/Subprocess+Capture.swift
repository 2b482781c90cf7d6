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

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, error, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        posix_spawnattr_setsigmask(&attributes, &unblocked)
        var defaults = sigset_t()
        sigfillset(&defaults)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid = pid_t()
        let code = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        guard code == 0 else { throw Failure.spawn(path, code) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let exitStatus = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return Captured(status: exitStatus,
                        stdout: String(decoding: FileManager.default.contents(atPath: output) ?? Data(), as: UTF8.self),
                        stderr: String(decoding: FileManager.default.contents(atPath: error) ?? Data(), as: UTF8.self))
    }
}
