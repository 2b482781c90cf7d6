import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program to completion with `posix_spawn` and `waitpid`. Foundation's `Process`
/// notices a child's exit by polling every 50 ms on Linux, which would swamp measurements
/// of a few milliseconds.
enum Spawn {
    /// Runs `command` with its output discarded and returns the wall time in milliseconds;
    /// throws with the program's error output when it fails.
    @discardableResult
    static func run(_ command: [String], env: [String: String]) throws -> Double {
        let errorPath = NSTemporaryDirectory() + "huiwu-bench-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).err"
        defer { unlink(errorPath) }
        let start = DispatchTime.now().uptimeNanoseconds
        let pid = try self.start(command, env: env, errorPath: errorPath)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6

        // WIFEXITED and WEXITSTATUS are macros Swift cannot import.
        let exited = status & 0x7f == 0
        guard exited && (status >> 8) & 0xff == 0 else {
            let message = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
            throw BenchError("\(command.joined(separator: " ")) failed (status \(status)): \(message)")
        }
        return elapsed
    }

    /// Starts `command` in the background (standard output discarded, errors to `errorPath`).
    static func start(_ command: [String], env: [String: String], errorPath: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv = command.map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, command[0], &actions, nil, argv, envp)
        guard spawned == 0 else { throw BenchError("cannot run \(command[0]): \(String(cString: strerror(spawned)))") }
        return pid
    }
}
