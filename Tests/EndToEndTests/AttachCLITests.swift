import Foundation
import HuiwuTestSupport
import MeetingKit
import MeetingStore
import Testing

@Suite("Attachments through the binary")
struct AttachCLITests {
    func object(_ any: Any) -> [String: Any] { any as? [String: Any] ?? [:] }

    @Test("add, list, open (the path over SSH, xdg-open with a display), verify; a changed copy is reported")
    func lifecycle() throws {
        let office = try TestOffice()
        let item = try office.session("lijing").addItem(title: "关于停车场建设的议题", lead: "CGW").id!
        var huiwu = Binary(database: office.path)
        let dir = TestOffice.temporaryDirectory()
        let source = dir + "/停车场 方案.txt"
        try "停车场建设方案".write(toFile: source, atomically: true, encoding: .utf8)

        let added = object(try huiwu.json(["attach", "add", "--item", String(item), source, "--as", "lijing"]))
        let id = try #require(added["id"] as? Int)
        #expect(added["sha256"] as? String == SHA256.hex("停车场建设方案"))
        #expect(added["status"] as? String == "ok")
        let path = try #require(added["path"] as? String)
        #expect(path.hasPrefix(office.directory + "/attachments/") && path.hasSuffix("/停车场 方案.txt"))

        let list = try huiwu.run(["attach", "list", "--item", String(item)])
        #expect(list.stdout.contains("停车场 方案.txt") && list.stdout.contains("完好"))

        // Over SSH: no display, the path is printed.
        let ssh = try huiwu.run(["attach", "open", String(id)])
        #expect(ssh.status == 0 && ssh.stdout == path + "\n")
        // With a display: xdg-open (found on PATH) gets the path.
        let bin = TestOffice.temporaryDirectory()
        let log = bin + "/opened.txt"
        try StandInProgram.write("#!/bin/sh\nprintf '%s' \"$1\" > '\(log)'\n", to: bin + "/xdg-open")
        huiwu.extraEnvironment = ["DISPLAY": ":0", "PATH": bin + ":/usr/bin:/bin"]
        let opened = object(try huiwu.json(["attach", "open", String(id)]))
        #expect(opened["opened"] as? Bool == true)
        #expect(try String(contentsOfFile: log, encoding: .utf8) == path)
        huiwu.extraEnvironment = [:]

        #expect(try huiwu.run(["attach", "verify"]).status == 0)
        try "停车场建设方案（改）".write(toFile: path, atomically: true, encoding: .utf8)
        let verify = try huiwu.run(["attach", "verify"])
        #expect(verify.status == 1 && verify.stdout.contains("文件已被改动"))
        #expect(try huiwu.run(["attach", "list", "--item", String(item), "--lang", "en"]).stdout.contains("CHANGED"))
        let refused = try huiwu.run(["attach", "open", String(id)])
        #expect(refused.status == 5 && refused.stderr.contains("SHA-256"))
        try FileManager.default.removeItem(atPath: path)
        #expect(try huiwu.run(["attach", "open", String(id)]).status == 4)
    }

    @Test("signed minutes refuse new attachments naming R43; usage mistakes exit 64; a missing file exits 4")
    func refusals() throws {
        let office = try TestOffice()
        let signed = try MinutesFixtures.signedWithDecisions(office)
        let huiwu = Binary(database: office.path)
        let source = TestOffice.temporaryDirectory() + "/x.txt"
        try "x".write(toFile: source, atomically: true, encoding: .utf8)
        let before = try office.auditCount()
        let r = try huiwu.run(["attach", "add", "--minutes", String(signed.id!), source, "--as", "lijing"])
        #expect(r.status == 3 && r.stderr.contains("R43"))
        #expect(try huiwu.run(["attach", "add", "--minutes", "1", "--item", "1", source]).status == 64)
        #expect(try huiwu.run(["attach", "list"]).status == 64)
        #expect(try huiwu.run(["attach", "add", "--item", "1", "/nonexistent/y.pdf", "--as", "lijing"]).status == 4)
        #expect(try office.auditCount() == before)
    }
}
