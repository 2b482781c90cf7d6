import Foundation
import MeetingKit
import MeetingStore

/// An office that the unprivileged user `nobody` may read but not write (file 0644 in a
/// 0755 directory, cleanly closed), and the binary run as `nobody` through `setpriv`: tests
/// run as root, who ignores file permissions.
public enum ReadOnlyOffice {
    /// The office's path and its fingerprint before anything ran on it. `nobody` is in the
    /// org chart as a secretary, so the refusals are about the file, not the person.
    public static func make() throws -> (path: String, before: FileFingerprint) {
        let office = try TestOffice()
        _ = try office.session().addPerson(Person(login: "nobody", name: "只读用户", role: .secretary, departmentCode: "ZFB"))
        _ = try office.session().addMeeting(kind: .executive, start: LocalDateTime(iso: "2026-03-05T09:00")!)
        let path = office.path
        try office.closeCleanly()
        for dir in [office.directory, (office.directory as NSString).deletingLastPathComponent] {
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir)
        }
        for file in [path, path + ".auditkey", path + ".audit-head"] {
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file)
        }
        return (path, try FileFingerprint(path))
    }

    /// Runs `huiwu args…` on `path` as `nobody`.
    public static func run(_ path: String, _ args: [String]) throws -> Subprocess.Captured {
        try Subprocess.runCapturing("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", "env",
                                    "HUIWU_DB=\(path)", "HUIWU_NOW=2026-03-02T09:00", "HOME=/tmp", "LANG=C.UTF-8", Binary.path] + args)
    }
}
