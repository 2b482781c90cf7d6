import Foundation
import GRDB
import HuiwuTestSupport
import MeetingKit
import MeetingStore
import Testing

/// `huiwu doctor` reports on a database it may only read, or that another process has
/// locked, and checks the triggers, the free disk space, the attachments, the audit key and
/// the anchored head; it exits non-zero on any problem.
@Suite("Doctor reports")
struct DoctorReportTests {
    func failing(_ path: String, minimumFreeBytes: Int64 = StoreDoctor.minimumFreeBytes) -> [StoreDoctor.Check] {
        StoreDoctor.run(path: path, minimumFreeBytes: minimumFreeBytes).filter { !$0.ok }
    }

    @Test("a healthy office: every check passes, the triggers are counted and the key is named")
    func healthy() throws {
        let office = try TestOffice()
        let checks = StoreDoctor.run(path: office.path)
        #expect(checks.filter { !$0.ok }.isEmpty, "\(checks.filter { !$0.ok }.map(\.detail.en))")
        let names = Set(checks.map(\.name))
        #expect(names.isSuperset(of: ["access", "disk", "schema", "integrity", "wal", "triggers", "audit", "attachments"]))
        #expect(checks.first { $0.name == "triggers" }?.detail.en.hasPrefix("triggers: all ") == true)
        #expect(checks.first { $0.name == "audit" }?.detail.en.contains("verified with key \(office.path).auditkey (id \(office.store.auditKey!.id))") == true)
    }

    @Test("a dropped trigger, a missing attachment, a missing key and low disk space are each reported with a fix",
          .requires(SQLiteShell.isAvailable, "sqlite3"))
    func problems() throws {
        let office = try TestOffice()
        let meeting = try MinutesFixtures.heldMeeting(office)
        let draft = try office.session("lijing").draftMinutes(meetingId: meeting.id!)
        let file = office.directory + "/附件.txt"
        try "会议材料".write(toFile: file, atomically: true, encoding: .utf8)
        let attachment = try office.session("lijing").attach(file: file, to: .minutes(draft.id!))
        #expect(try SQLiteShell.run(office.path, "DROP TRIGGER minutes_history_no_delete;").status == 0)
        try FileManager.default.removeItem(atPath: AttachmentFiles(databasePath: office.path).path(of: attachment))
        var failed = Dictionary(uniqueKeysWithValues: failing(office.path, minimumFreeBytes: Int64.max).map { ($0.name, $0) })
        #expect(failed["triggers"]?.detail.en == "missing triggers: minutes_history_no_delete")
        #expect(failed["triggers"]?.fix != nil)
        #expect(failed["attachments"]?.detail.en.contains("(missing)") == true)
        #expect(failed["disk"]?.fix?.en.contains("free some space") == true)
        try FileManager.default.moveItem(atPath: office.path + ".auditkey", toPath: office.directory + "/key.saved")
        failed = Dictionary(uniqueKeysWithValues: failing(office.path).map { ($0.name, $0) })
        #expect(failed["audit"]?.detail.en.contains("the key file \(office.path).auditkey is missing") == true, "\(failed.keys)")
        #expect(Binary(database: office.path).runDoctorStatus() == 1)
    }

    @Test("a database locked by another process: doctor reports the lock and every check, exit 0",
          .requires(SQLiteShell.isAvailable, "sqlite3"))
    func locked() throws {
        let office = try TestOffice()
        let path = office.path
        try office.closeCleanly()
        // Held far longer than doctor needs even on a loaded machine: doctor must answer while
        // the lock is still held, not after waiting for it.
        let holder = try SQLiteShell.holdWriteLock(path, seconds: 15)
        defer {
            holder.terminate()
            holder.waitUntilExit()
        }
        let doctor = try Binary(database: path).run(["doctor", "--lang", "en"])
        #expect(holder.isRunning, "doctor answered only once the lock was released")
        #expect(doctor.status == 0, "\(doctor.stdout)\(doctor.stderr)")
        #expect(doctor.stdout.contains("another process holds the write lock now: reads work, writes wait"))
        #expect(doctor.stdout.contains("ok    audit chain intact"))
    }

    @Test("a database read-only for the user: doctor reports on it (as nobody), writes nothing",
          .enabled(if: StorageFailureCLITests.canDropPrivileges, "needs root and setpriv to run as an unprivileged user"))
    func readOnly() throws {
        let (path, before) = try ReadOnlyOffice.make()
        let result = try ReadOnlyOffice.run(path, ["doctor", "--lang", "en"])
        #expect(result.stdout.contains("read-only for you (nobody): reads work, writes are refused"), "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("ok    integrity: ok"))
        #expect(try FileFingerprint(path) == before)
        #expect(FileFingerprint.sidecars(of: path).isEmpty)
    }
}

extension Binary {
    /// `huiwu doctor`'s exit status.
    func runDoctorStatus() -> Int32 { (try? run(["doctor"]))?.status ?? -1 }
}
