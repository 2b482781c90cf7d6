import Foundation
import HuiwuTestSupport
import MeetingKit
@testable import MeetingStore
import Testing

/// The minutes' reads through the database port (issue 21): the list, the signature and
/// review queues with their R46 deadlines, and the classified-content rule (R48), the same on
/// PostgreSQL as on the file they were copied from (`huiwu admin copy`), reader by reader.
@Suite("an office copied to PostgreSQL reads as on its file", .postgres)
struct CopiedOfficeReadsTests {
    @Test("a demo office with a secret document, copied to PostgreSQL: every reader's list and queue are the file's, the body withheld from the same readers (R48)")
    func sameReads() throws {
        let office = try TestOffice(now: "2026-03-11T09:00")
        _ = try office.session().seedDemo()
        let meeting = try MinutesFixtures.heldMeeting(office, kind: .topical, title: "信访维稳", members: ["xuwenbo"])
        let secretary = try office.session("lijing")
        let secret = try secretary.draftMinutes(meetingId: meeting.id!, body: "涉密内容：某事项处置方案").id!
        try secretary.setMinutesAttributes(secret, disclosure: .notPublic, reason: "涉及国家秘密", classification: .secret)

        let state = TestOffice.temporaryDirectory()
        let url = try PostgresCluster.shared().database(prefix: "minutes")
        _ = try OfficeCopy.run(from: office.store, to: url, environment: ["HUIWU_STATE_DIR": state])
        let postgres = try Store.open(url: PostgresURL(url, osUser: "root"), stateDirectory: state)

        for login in ["zhoulixin", "chenhaifeng", "wangxiaoyan", "yangwentao", "lijing", "xuwenbo", "tanghongxia", "root"] {
            let onFile = try office.session(login)
            let onPostgres = try Session.open(store: postgres, osUser: "root", asLogin: login, clock: office.clock)
            #expect(try onPostgres.minutesList() == (try onFile.minutesList()), "\(login)'s list")
            #expect(try onPostgres.minutesQueue() == (try onFile.minutesQueue()), "\(login)'s queue")
        }
        let mayorQueue = try Session.open(store: postgres, osUser: "root", asLogin: "zhoulixin", clock: office.clock).minutesQueue()
        #expect(!mayorQueue.isEmpty && mayorQueue.allSatisfy { $0.nextNumber != nil })
        let outsider = try Session.open(store: postgres, osUser: "root", asLogin: "tanghongxia", clock: office.clock)
        #expect(try outsider.minutesList().contains { $0.id == secret && $0.body.isEmpty })
        let attendee = try Session.open(store: postgres, osUser: "root", asLogin: "xuwenbo", clock: office.clock)
        #expect(try attendee.minutesList().contains { $0.id == secret && $0.body.contains("处置方案") })
    }
}
