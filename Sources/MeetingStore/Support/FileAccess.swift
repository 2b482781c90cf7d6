import Foundation
import MeetingKit

/// The office's files as the operating system sees them: who owns them, who may write
/// them, and how a small file beside the database is written so that a crash never leaves
/// it half-written.
enum FileAccess {
    /// "owner root, group huiwu, mode 0660" for messages that tell a user why a file is out of
    /// reach and whom to ask; "does not exist" or "cannot be examined" when `stat` fails.
    static func describe(_ path: String) -> Localized {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let reason = String(cString: strerror(errno))
            return Localized(zh: "无法查看：\(reason)", en: "cannot be examined: \(reason)")
        }
        let owner = userName(info.st_uid), group = groupName(info.st_gid)
        let mode = String(info.st_mode & 0o7777, radix: 8)
        return Localized(zh: "属主 \(owner)，属组 \(group)，权限 \(mode)", en: "owner \(owner), group \(group), mode \(mode)")
    }

    /// The size of the file at `path` in bytes, 0 when there is none. `stat` itself: every
    /// start asks it twice, and Foundation's attribute dictionary cost 1.6 M instructions the
    /// first time (the runtime's conformance lookups of its types).
    static func size(_ path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : 0
    }

    /// The login of `uid`, or the number when the system has no name for it.
    static func userName(_ uid: uid_t) -> String {
        var entry = passwd(), result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getpwuid_r(uid, &entry, &buffer, buffer.count, &result) == 0, result != nil, let name = entry.pw_name else { return String(uid) }
        return String(cString: name)
    }

    static func groupName(_ gid: gid_t) -> String {
        var entry = group(), result: UnsafeMutablePointer<group>?
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getgrgid_r(gid, &entry, &buffer, buffer.count, &result) == 0, result != nil, let name = entry.gr_name else { return String(gid) }
        return String(cString: name)
    }

    /// The login of the process's real user: who ran the command.
    static var processUser: String { userName(getuid()) }

    /// Whether `path`'s directory is a shared, setgid group directory (docs/deployment.md),
    /// where the office's files are the group's too.
    static func isInSharedDirectory(_ path: String) -> Bool {
        let dir = (path as NSString).deletingLastPathComponent
        let mode = (try? FileManager.default.attributesOfItem(atPath: dir.isEmpty ? "." : dir)[.posixPermissions] as? Int) ?? 0
        return mode & 0o2000 != 0
    }

    /// The refusal for a file this user may not open at all: says so, who owns it, and whom to
    /// ask, instead of suggesting `huiwu init` (which would make a second, empty office).
    static func permissionDenied(_ path: String) -> Refusal {
        let dir = (path as NSString).deletingLastPathComponent
        let what = access(dir.isEmpty ? "." : dir, X_OK) == 0 ? path : dir
        let facts = describe(what)
        return Refusal(.storage, code: "store.permissionDenied", Localized(
            zh: "没有权限打开 \(path)：\(what)（\(facts.zh)）不允许用户 \(processUser) 访问。请联系管理员（共享部署见 docs/deployment.md）",
            en: "permission denied: \(path): \(what) (\(facts.en)) is out of reach for the user \(processUser). Ask the administrator (docs/deployment.md)"))
    }

    /// Creates `path` (which must not exist) holding `bytes`, with exactly `mode`, on disk
    /// before it returns.
    static func writeNew(_ bytes: Data, to path: String, mode: mode_t) throws {
        let fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, mode)
        guard fd >= 0 else { throw cannotWrite(path) }
        defer { close(fd) }
        fchmod(fd, mode)  // the umask may have removed bits we asked for
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count, fsync(fd) == 0 else {
            unlink(path)
            throw cannotWrite(path)
        }
    }

    /// Replaces `path` with `bytes` atomically: a temporary file beside it, synced, renamed
    /// over it, and the directory synced, so a reader sees the old or the new content, whole.
    static func replace(_ path: String, with bytes: Data, mode: mode_t) throws {
        let temporary = path + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try writeNew(bytes, to: temporary, mode: mode)
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            throw cannotWrite(path)
        }
        syncDirectory(of: path)
    }

    /// Makes a rename in the directory of `path` durable.
    static func syncDirectory(of path: String) {
        let dir = (path as NSString).deletingLastPathComponent
        let fd = open(dir.isEmpty ? "." : dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }

    private static func cannotWrite(_ path: String) -> Refusal {
        let reason = String(cString: strerror(errno))
        return Refusal(.storage, code: "store.fileWrite", Localized(zh: "无法写入 \(path)：\(reason)", en: "cannot write \(path): \(reason)"))
    }
}
