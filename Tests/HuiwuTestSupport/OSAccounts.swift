import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Real OS accounts for the tests of `huiwu serve`: the server knows each caller from the
/// kernel, so the tests must call as real users. Creating accounts needs root (`useradd`);
/// CI runs as root. Accounts are made once per machine and reused (the same logins as the
/// demo office's people), under a lock so parallel tests do not race `useradd`.
public enum OSAccounts {
    /// Why real accounts cannot be made here, or nil when they can.
    public static var unavailable: String? {
        if getuid() != 0 { return "tests of huiwu serve create OS users and need root (CI runs as root)" }
        for tool in ["/usr/sbin/useradd", "/usr/sbin/runuser"] where !FileManager.default.isExecutableFile(atPath: tool) {
            return "\(tool) is missing"
        }
        return nil
    }

    /// Makes sure an account `login` exists (a system account with no home and no shell).
    public static func ensure(_ login: String, groups: [String] = []) throws {
        try locked {
            for group in groups where getgrnam(group) == nil {
                try run("/usr/sbin/groupadd", [group])
            }
            if getpwnam(login) == nil {
                try run("/usr/sbin/useradd", ["--system", "--no-create-home", "--shell", "/usr/sbin/nologin", login])
            }
            if !groups.isEmpty {
                try run("/usr/sbin/usermod", ["-aG", groups.joined(separator: ","), login])
            }
        }
    }

    /// The user id of `login`.
    public static func uid(_ login: String) -> uid_t? { getpwnam(login).map { $0.pointee.pw_uid } }
    public static func gid(_ login: String) -> gid_t? { getpwnam(login).map { $0.pointee.pw_gid } }

    private static func run(_ tool: String, _ arguments: [String]) throws {
        let result = try Subprocess.runCapturing(tool, arguments)
        guard result.status == 0 else { throw Failure.command(tool + " " + arguments.joined(separator: " "), result.stderr) }
    }

    private static func locked<T>(_ body: () throws -> T) throws -> T {
        let fd = open("/tmp/huiwu-tests-accounts.lock", O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
        defer { close(fd) }
        flock(fd, LOCK_EX)
        defer { flock(fd, LOCK_UN) }
        return try body()
    }

    public enum Failure: Error, CustomStringConvertible {
        case command(String, String)
        public var description: String {
            switch self { case .command(let command, let error): return "\(command) failed: \(error)" }
        }
    }
}
