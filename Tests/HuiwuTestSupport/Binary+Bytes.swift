import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs the binary with arguments given as raw bytes, which `Process` cannot do (it takes
/// `String`s, always valid Unicode): how a terminal in another encoding, or a hostile script,
/// really calls `huiwu`. Uses `posix_spawn` with a clean signal mask (see ``Subprocess``);
/// output goes through temporary files.
extension Binary {
    /// Runs `huiwu` with `args` exactly as given, `stdin` on standard input, and waits.
    /// `crashed` is true when the process ended by a signal.
    public func run(bytes args: [[UInt8]], stdin: Data = Data(), environment extra: [String: String] = [:]) throws -> Result {
        let base = NSTemporaryDirectory() + "huiwu-raw-" + UUID().uuidString
        let paths = (input: base + ".in", output: base + ".out", error: base + ".err")
        defer { for path in [paths.input, paths.output, paths.error] { unlink(path) } }
        _ = FileManager.default.createFile(atPath: paths.input, contents: stdin)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, paths.input, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, paths.output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, paths.error, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

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

        func cString(_ bytes: [UInt8]) -> UnsafeMutablePointer<CChar> {
            let pointer = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count + 1)
            for (i, byte) in bytes.enumerated() { pointer[i] = CChar(bitPattern: byte) }
            pointer[bytes.count] = 0
            return pointer
        }
        var env = environment
        for (k, v) in extra { env[k] = v }
        let argv: [UnsafeMutablePointer<CChar>?] = ([Array(Binary.path.utf8)] + args).map(cString) + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = env.map { cString(Array("\($0.key)=\($0.value)".utf8)) } + [nil]
        defer {
            for pointer in argv { pointer?.deallocate() }
            for pointer in envp { pointer?.deallocate() }
        }
        var pid = pid_t()
        let code = posix_spawn(&pid, Binary.path, &actions, &attributes, argv, envp)
        guard code == 0 else { throw Subprocess.Failure.spawn(Binary.path, code) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let signaled = status & 0x7F != 0 && status & 0x7F != 0x7F
        let exitStatus = signaled ? 128 + (status & 0x7F) : (status >> 8) & 0xFF
        return Result(status: exitStatus,
                      stdout: String(decoding: FileManager.default.contents(atPath: paths.output) ?? Data(), as: UTF8.self),
                      stderr: String(decoding: FileManager.default.contents(atPath: paths.error) ?? Data(), as: UTF8.self),
                      crashed: signaled)
    }

    /// ``run(bytes:stdin:environment:)`` with `String` arguments (valid UTF-8).
    public func run(spawning args: [String], stdin: Data = Data(), environment extra: [String: String] = [:]) throws -> Result {
        try run(bytes: args.map { Array($0.utf8) }, stdin: stdin, environment: extra)
    }
}
