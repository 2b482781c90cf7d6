import Foundation
import HuiwuTestSupport
import MeetingKit
import MeetingStore
import Testing

/// Messages about the file say what is true: a read-only file still reads, and only its
/// writes are refused, as read-only for this user; a file out of reach is "permission
/// denied" naming its owner, never "run huiwu init" (which would start a second office).
@Suite("Messages about file access", .enabled(if: StorageFailureCLITests.canDropPrivileges, "needs root and setpriv to run as an unprivileged user"))
struct FileAccessMessagesTests {
    @Test("a read-only file: reads work; a write is refused as read-only for you, naming the owner; nothing is created")
    func readOnlyFile() throws {
        let (path, before) = try ReadOnlyOffice.make()
        let list = try ReadOnlyOffice.run(path, ["meeting", "list", "--lang", "en"])
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("2026-03-05"))
        let verify = try ReadOnlyOffice.run(path, ["audit", "verify", "--lang", "en"])
        #expect(verify.status == 0, "\(verify.stderr)")
        let add = try ReadOnlyOffice.run(path, ["meeting", "add", "--kind", "executive", "--at", "2026-03-12T09:00", "--lang", "en"])
        #expect(add.status == 6)
        #expect(add.stderr == "huiwu: this file is read-only for you (nobody): \(path) (owner root, group root, mode 644); "
                + "nothing was written. Ask the administrator for write access\n")
        #expect(try FileFingerprint(path) == before)
        #expect(FileFingerprint.sidecars(of: path).isEmpty)
    }

    @Test("a database in a directory the user may not enter: permission denied naming the owner, not 'run huiwu init'; nothing created")
    func outOfReach() throws {
        let office = try TestOffice()
        let path = office.path
        try office.closeCleanly()
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: office.directory)
        let before = try FileManager.default.contentsOfDirectory(atPath: office.directory).sorted()
        for args in [["meeting", "list"], ["init"]] {
            let result = try ReadOnlyOffice.run(path, args + ["--lang", "en"])
            #expect(result.status == 6, "\(args): \(result.stderr)")
            #expect(result.stderr == "huiwu: permission denied: \(path): \(office.directory) (owner root, group root, mode 700) "
                    + "is out of reach for the user nobody. Ask the administrator (docs/deployment.md)\n")
            #expect(!result.stderr.contains("huiwu init"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: office.directory).sorted() == before)
    }

    @Test("a database file the user may not read (0600, another owner): permission denied naming the owner")
    func unreadableFile() throws {
        let (path, _) = try ReadOnlyOffice.make()
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        let result = try ReadOnlyOffice.run(path, ["meeting", "list", "--lang", "en"])
        #expect(result.status == 6)
        #expect(result.stderr == "huiwu: permission denied: \(path): \(path) (owner root, group root, mode 600) "
                + "is out of reach for the user nobody. Ask the administrator (docs/deployment.md)\n")
    }
}
