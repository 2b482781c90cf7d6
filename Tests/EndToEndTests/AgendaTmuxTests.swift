import Foundation
import Testing
import MeetingKit
import MeetingStore
import HuiwuTestSupport

@Suite("Agenda items in a real terminal", .serialized)
struct AgendaTmuxTests {
    @Test("the supervising vice mayor approves an item from 'waiting for me' (R41)", .requires(Tmux.isAvailable, "tmux"))
    func approveAsViceMayor() throws {
        let office = try TestOffice()
        let id = try office.session("lijing").addItem(title: "关于中小学课后服务的议题", lead: "JW", related: ["WJW"]).id!
        try office.session("xuwenbo").submitItem(id)
        try office.session("handongmei").giveOpinion(id, department: "WJW", stance: .agree)

        let bin = Binary(database: office.path)
        let tmux = try Tmux(command: [Binary.path, "--as", "wangxiaoyan"], environment: bin.environment, rows: 24, columns: 100)
        try tmux.waitFor("审核议题 #\(id)")
        try tmux.send("Tab")
        try tmux.send("Enter")
        let detail = try tmux.waitFor("a 审核同意")
        #expect(detail.contains("关于中小学课后服务的议题"))
        #expect(!detail.contains("r 受理"))
        try tmux.send("a")
        try tmux.waitFor("审核同意议题 #\(id)？")
        try tmux.send("y")
        let done = try tmux.waitFor("现为“已审核同意”")
        #expect(done.contains("状态 已审核同意"))
        try tmux.send("Escape")
        try tmux.waitFor("没有待办事项")
        try tmux.send("q")
        let deadline = Date().addingTimeInterval(5)
        while try !tmux.isDead(), Date() < deadline { usleep(50_000) }
        #expect(try tmux.isDead())

        #expect(try office.session().itemDossier(id).item.state == .approved)
        let event = try #require(try office.session().auditEvents(limit: 1, entity: "item").first)
        #expect(event.action == "item.approve")
        #expect(event.actor == "wangxiaoyan")
        #expect(event.osUser == "root")
    }
}
