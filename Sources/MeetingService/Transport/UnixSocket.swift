import Foundation
import MeetingKit

/// The few socket calls the client and the server need, with errors turned into refusals.
enum UnixSocket {
    /// Connects to the Unix-domain stream socket at `path`.
    static func connect(path: String) throws -> Int32 {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw ServerUnavailable.notRunning(socket: path) }
        var address = try socketAddress(path)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Foundation.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        if result != 0 {
            let error = errno
            close(fd)
            if error == EACCES || error == EPERM { throw ServerUnavailable.forbidden(socket: path) }
            throw ServerUnavailable.notRunning(socket: path)
        }
        return fd
    }

    /// Binds and listens at `path` with the given mode (and group). A socket file left by a
    /// server that is gone is replaced; one with a live server behind it is refused.
    static func listen(path: String, mode: mode_t, group: gid_t?) throws -> Int32 {
        if let fd = try? connect(path: path) {
            close(fd)
            throw Refusal(.conflict, code: "server.alreadyRunning", Localized(
                zh: "\(path) 上已有会务服务器在运行", en: "an office server is already running at \(path)"))
        }
        var info = stat()
        if lstat(path, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFSOCK else {
                throw Refusal(.storage, code: "server.socketPathTaken", Localized(
                    zh: "\(path) 已存在且不是套接字，未作改动", en: "\(path) exists and is not a socket; it was left alone"))
            }
            unlink(path)
        }
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw failure("socket", path) }
        var address = try socketAddress(path)
        // Bound with no permissions, then opened up: nobody connects before the mode is right.
        let previous = umask(0o777)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        umask(previous)
        guard bound == 0 else { let refusal = failure("bind", path); close(fd); throw refusal }
        if let group, chown(path, uid_t.max, group) != 0 { let refusal = failure("chown", path); close(fd); throw refusal }
        guard chmod(path, mode) == 0 else { let refusal = failure("chmod", path); close(fd); throw refusal }
        guard Foundation.listen(fd, 128) == 0 else { let refusal = failure("listen", path); close(fd); throw refusal }
        return fd
    }

    /// Whether reading `fd` would not block (data, end of stream or an error is waiting).
    static func isReadable(_ fd: Int32) -> Bool {
        var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&entry, 1, 0) > 0
    }

    private static func socketAddress(_ path: String) throws -> sockaddr_un {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard bytes.count < capacity else {
            throw Refusal.invalid("server.socketPathTooLong", "套接字路径过长（最多 \(capacity - 1) 字节）：\(path)",
                                  "the socket path is too long (at most \(capacity - 1) bytes): \(path)")
        }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        return address
    }

    private static func failure(_ call: String, _ path: String) -> Refusal {
        let reason = String(cString: strerror(errno))
        return Refusal(.storage, code: "server.socket", Localized(
            zh: "无法在 \(path) 上监听（\(call)：\(reason)）", en: "cannot listen at \(path) (\(call): \(reason))"))
    }
}
