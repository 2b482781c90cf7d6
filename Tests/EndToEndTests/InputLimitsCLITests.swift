import Foundation
import HuiwuTestSupport
import MeetingKit
import MeetingStore
import Testing

/// Every text a user sends has a limit checked at the use case, before any work: a huge
/// text is refused at once with a message naming the field and the limit.
@Suite("Input limits at the use-case boundary")
struct InputLimitsCLITests {
    static let tenMegabytes = String(repeating: "长", count: 10 << 20 / 3)

    @Test("a 10 MB minutes body through the binary is refused quickly, naming the field and the limit; nothing written")
    func hugeBody() throws {
        let office = try TestOffice()
        let minutes = try office.session("lijing").draftMinutes(meetingId: try MinutesFixtures.heldMeeting(office).id!)
        let file = office.directory + "/huge.txt"
        try InputLimitsCLITests.tenMegabytes.write(toFile: file, atomically: true, encoding: .utf8)
        let events = try office.auditCount()
        let started = Date()
        let result = try Binary(database: office.path).run(["minutes", "edit", String(minutes.id!), "--file", file, "--as", "lijing", "--lang", "en"])
        #expect(Date().timeIntervalSince(started) < 3)
        #expect(result.status == 2)
        #expect(result.stderr == "huiwu: the body is too long: 10485759 bytes, at most 200000 characters\n")
        #expect(try office.auditCount() == events)
    }

    @Test("the longest title an argument can carry is refused by meeting add and item add, naming the limit")
    func longTitleThroughTheBinary() throws {
        let office = try TestOffice()
        let title = String(repeating: "题", count: 40_000)  // 120,000 bytes: under the kernel's 128 KiB per argument
        let huiwu = Binary(database: office.path)
        for args in [["meeting", "add", "--kind", "executive", "--at", "2026-03-12T09:00", "--title", title],
                     ["item", "add", "--title", title, "--lead", "JW"]] {
            let result = try huiwu.run(args + ["--lang", "en"])
            #expect(result.status == 2, "\(args[0]): \(result.stderr)")
            #expect(result.stderr == "huiwu: the title is too long: 40000 characters, at most 200\n")
        }
    }

    @Test("a 10 MB title or reason sent to a use case (as a server's client would) is refused before any work, in milliseconds")
    func hugeTextInProcess() throws {
        let office = try TestOffice()
        let admin = try office.session()
        let meeting = try admin.addMeeting(kind: .executive, start: LocalDateTime(iso: "2026-03-12T09:00")!)
        let huge = InputLimitsCLITests.tenMegabytes
        let attempts: [(String, () throws -> Void)] = [
            ("title", { _ = try admin.addMeeting(kind: .executive, start: LocalDateTime(iso: "2026-03-13T09:00")!, title: huge) }),
            ("title", { _ = try admin.addItem(title: huge, lead: "JW") }),
            ("reason", { _ = try admin.cancelMeeting(meeting.id!, reason: huge) }),
            ("reason", { _ = try admin.moveMeeting(meeting.id!, to: LocalDateTime(iso: "2026-03-14T09:00")!, reason: huge) }),
        ]
        let content = try office.contentChecksum()
        for (field, attempt) in attempts {
            let started = Date()
            #expect { try attempt() } throws: { error in
                let refusal = error as? Refusal
                return refusal?.code == "input.tooLong" && refusal?.message.en.hasPrefix("the \(field) is too long: ") == true
            }
            #expect(Date().timeIntervalSince(started) < 0.2, "\(field) refused before any work")
        }
        #expect(try office.contentChecksum() == content)
    }
}
