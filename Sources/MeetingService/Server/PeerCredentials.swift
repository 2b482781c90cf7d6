import Foundation

/// Who is at the other end of a Unix socket, as the kernel says (SO_PEERCRED): no password,
/// no token, nothing the client could forge.
struct PeerCredentials: Sendable {
    var pid: pid_t = 0
    var uid: uid_t = 0
    var gid: gid_t = 0

    /// The credentials of the process that connected `fd` (Glibc has SO_PEERCRED but not
    /// `struct ucred`, so this struct has its layout: pid, uid, gid).
    static func of(_ fd: Int32) -> PeerCredentials? {
        var credentials = PeerCredentials()
        var length = socklen_t(MemoryLayout<PeerCredentials>.size)
        let result = getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &credentials, &length)
        guard result == 0, length == socklen_t(MemoryLayout<PeerCredentials>.size) else { return nil }
        return credentials
    }

    /// The OS login of the peer's user id, or nil when the id has no account.
    var login: String? { PeerCredentials.login(of: uid) }

    static func login(of uid: uid_t) -> String? {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getpwuid_r(uid, &entry, &buffer, buffer.count, &result) == 0, result != nil, let name = entry.pw_name else { return nil }
        return String(cString: name)
    }
}
