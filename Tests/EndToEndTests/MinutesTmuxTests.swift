import Foundation
import HuiwuTestSupport
import MeetingKit
import MeetingStore
import Testing

@Suite("Minutes in a real terminal")
struct MinutesTmuxTests {
    @Test("the mayor opens huiwu, lands on his signature queue, signs, and the follow-ups appear")
    func mayorSignsInTheTerminal() throws {
        guard Tmux.isAvailable else { return }
        let office = try TestOffice()
        let (meeting, _) = try MinutesFixtures.meetingWithAgenda(office)
        let secretary = try office.session("lijing")
        let minutesId = try secretary.draftMinutes(meetingId: meeting.id!).id!
        try secretary.setMinutesAttributes(minutesId, disclosure: .public, reason: nil, classification: nil)
        try secretary.submitMinutes(minutesId)
        try MinutesFixtures.officeCheck(office, minutesId)  // R47
        #expect(try office.session().followUps().isEmpty)
        let huiwu = Binary(database: office.path)
        let tmux = try Tmux(command: [Binary.path, "--as", "zhoulixin"], environment: huiwu.environment, rows: 24, columns: 100)
        try tmux.waitFor("待签发纪要")
        try tmux.waitFor("第1次区政府常务会议纪要")
        try tmux.send("S")
        try tmux.waitFor("签发后文号：常务会议纪要〔2026〕1号。确认签发？")
        try tmux.send("y")
        try tmux.waitFor("已签发：常务会议纪要〔2026〕1号")
        try tmux.send("q")
        try tmux.waitFor("待我处理")
        try tmux.send("q")
        try tmux.waitUntilDead()

        let followUps = try huiwu.json(["followup", "list"]) as? [[String: Any]] ?? []
        #expect(followUps.map { $0["lead"] as? String } == ["JW", "ZJW"])
        #expect(followUps.first?["description"] as? String == "原则同意，由区教委会同区财政局落实经费，一个月内报区政府。")
        let shown = try huiwu.json(["minutes", "show", String(minutesId)]) as? [String: Any] ?? [:]
        #expect(shown["state"] as? String == "signed")
        #expect(shown["number"] as? String == "常务会议纪要〔2026〕1号")
        #expect(try huiwu.run(["audit", "verify"]).status == 0)
    }

    @Test("e hands the terminal to $VISUAL and takes it back: the edited body is saved and the screen redrawn")
    func externalEditorInTheTerminal() throws {
        guard Tmux.isAvailable else { return }
        let office = try TestOffice()
        let meeting = try MinutesFixtures.heldMeeting(office)
        let id = try office.session("lijing").draftMinutes(meetingId: meeting.id!, body: "原稿第一行").id!
        let script = office.directory + "/editor.sh"
        // A stand-in for vi: it must see a terminal, then rewrites the file.
        try StandInProgram.write("#!/bin/sh\n[ -t 0 ] && [ -t 1 ] || exit 3\nprintf '经编辑器修改的正文\\n' > \"$1\"\n", to: script)
        var huiwu = Binary(database: office.path)
        huiwu.extraEnvironment["VISUAL"] = script
        let tmux = try Tmux(command: [Binary.path, "--as", "lijing"], environment: huiwu.environment, rows: 24, columns: 100)
        try tmux.waitFor("待我处理")
        try tmux.send("4")  // section 4: the minutes
        try tmux.waitFor("会议纪要")
        try tmux.send("Enter")
        try tmux.waitFor("原稿第一行")
        try tmux.send("e")
        try tmux.waitFor("正文已保存")
        try tmux.waitFor("经编辑器修改的正文")
        #expect(try office.session().minutesDetail(id).minutes.body == "经编辑器修改的正文\n")
        try tmux.send("q")
        try tmux.send("q")
        try tmux.send("q")
        try tmux.waitUntilDead()
    }
}
