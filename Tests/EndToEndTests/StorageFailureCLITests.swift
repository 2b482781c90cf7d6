import Foundation
import GRDB
import HuiwuTestSupport
import MeetingKit
import MeetingStore
import Testing

/// The binary facing a full disk, a file it may not write, and a record someone else just
/// changed: one clear line, a storage or conflict exit code, and nothing half-written.
@Suite("Disk full, read-only file and stale versions through the binary")
struct StorageFailureCLITests {
    func expectUntouched(_ office: TestOffice, events: Int, content: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(try office.auditCount() == events, sourceLocation: sourceLocation)
        #expect(try office.contentChecksum() == content, sourceLocation: sourceLocation)
        #expect(try office.store.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") } == ["ok"], sourceLocation: sourceLocation)
        #expect(try Binary(database: office.path).run(["audit", "verify"]).status == 0, sourceLocation: sourceLocation)
    }

    @Test("disk full (HUIWU_TEST_MAX_PAGE_COUNT): a large minutes body is refused in one line with exit 6; nothing is half-written")
    func diskFull() throws {
        let office = try TestOffice()
        let minutes = try office.session("lijing").draftMinutes(meetingId: try MinutesFixtures.heldMeeting(office).id!)
        try office.store.writer.writeWithoutTransaction { try $0.checkpoint(.truncate) }
        let pages = try office.store.read { try Int.fetchOne($0, sql: "PRAGMA page_count")! }
        let file = office.directory + "/body.txt"
        try String(repeating: "会议议定：加快推进老旧小区综合整治工作。\n", count: 8_000).write(toFile: file, atomically: true, encoding: .utf8)
        let events = try office.auditCount()
        let content = try office.contentChecksum()

        var full = Binary(database: office.path)
        full.extraEnvironment["HUIWU_TEST_MAX_PAGE_COUNT"] = String(pages)
        let result = try full.run(["minutes", "edit", String(minutes.id!), "--file", file, "--as", "lijing", "--lang", "en"])
        #expect(result.status == 6)
        #expect(result.stderr == "huiwu: the disk is full or the database reached its size limit; nothing was written: \(office.path)\n")
        #expect(result.stdout.isEmpty)
        try expectUntouched(office, events: events, content: content)

        // Without the limit the same edit goes through.
        let edited = try Binary(database: office.path).run(["minutes", "edit", String(minutes.id!), "--file", file, "--as", "lijing"])
        #expect(edited.status == 0, "\(edited.stderr)")
    }

    /// Whether the test can switch to an unprivileged user (it runs as root in CI).
    static var canDropPrivileges: Bool { getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") }

    @Test("a read-only database file (a user without write permission): refused in one line with exit 6; the file is untouched",
          .enabled(if: canDropPrivileges, "needs root and setpriv to run as an unprivileged user"))
    func readOnlyFile() throws {
        // Root ignores file permissions, so the binary runs as `nobody` (setpriv), who may read
        // the file (0644) and its directory (0755) but not write them: SQLite itself reports
        // the database read-only, as on a server where a user lacks the group's write access.
        let office = try TestOffice()
        _ = try office.session().addPerson(Person(login: "nobody", name: "只读用户", role: .secretary, departmentCode: "ZFB"))
        let path = office.path
        try office.closeCleanly()
        for dir in [office.directory, (office.directory as NSString).deletingLastPathComponent] {
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir)
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        let before = try FileFingerprint(path)

        let result = try Subprocess.runCapturing("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", "env",
                                                 "HUIWU_DB=\(path)", "HUIWU_NOW=2026-03-02T09:00", "HOME=/tmp", "LANG=C.UTF-8",
                                                 Binary.path, "meeting", "add", "--kind", "executive", "--at", "2026-03-12T09:00", "--lang", "en"])
        #expect(result.status == 6, "\(result.stderr)")
        #expect(result.stderr == "huiwu: this file is read-only for you (nobody): \(path) (owner root, group root, mode 644); "
                + "nothing was written. Ask the administrator for write access\n")
        #expect(try FileFingerprint(path) == before, "the file is byte for byte as it was")
        #expect(FileFingerprint.sidecars(of: path).isEmpty, "no -wal or -shm was left behind")
        #expect(try Binary(database: path).run(["audit", "verify"]).status == 0)
    }

    @Test("a stale --expect-version is refused in one line naming who changed the record and when, exit 5")
    func staleVersion() throws {
        let office = try TestOffice()
        let huiwu = Binary(database: office.path)
        let meeting = try #require(try huiwu.json(["meeting", "add", "--kind", "executive", "--at", "2026-03-12T09:00"]) as? [String: Any])
        let id = String(try #require(meeting["id"] as? Int))
        let version = try #require(meeting["version"] as? Int)
        let lijing = Binary(database: office.path, now: "2026-03-02T10:15")
        let moved = try lijing.run(["meeting", "move", id, "--at", "2026-03-13T09:00", "--expect-version", String(version), "--as", "lijing"])
        #expect(moved.status == 0, "\(moved.stderr)")
        let events = try office.auditCount()
        let content = try office.contentChecksum()
        let stale = try huiwu.run(["meeting", "cancel", id, "--reason", "不开了", "--expect-version", String(version), "--lang", "en"])
        #expect(stale.status == 5)
        #expect(stale.stderr == "huiwu: meeting #\(id) was changed by 李静 (lijing) at 2026-03-02 10:15 "
                + "(you read version \(version), it is now \(version + 1)); reload and try again\n")
        try expectUntouched(office, events: events, content: content)
        let shown = try #require(try huiwu.json(["meeting", "show", id]) as? [String: Any])
        #expect(shown["version"] as? Int == version + 1)
        #expect(try huiwu.run(["meeting", "cancel", id, "--reason", "不开了", "--expect-version", String(version + 1)]).status == 0)
    }
}
