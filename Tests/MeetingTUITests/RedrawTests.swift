import HuiwuTestSupport
import MeetingKit
import MeetingStore
import MeetingTUI
import Testing

/// What a slow SSH link pays per key: the cells that change between two frames (the
/// terminal layer sends only those; docs/performance.md).
@Suite("Redraws change only what moved")
struct RedrawTests {
    func changedCells(_ a: ScreenBuffer, _ b: ScreenBuffer) -> [(row: Int, column: Int)] {
        var changed: [(Int, Int)] = []
        for row in 0..<a.rows { for column in 0..<a.columns where a[row, column] != b[row, column] { changed.append((row, column)) } }
        return changed
    }

    @Test("a cursor move in a list changes two cells: the mark leaves one row and reaches the next")
    func cursorMove() throws {
        let office = try TestOffice()
        let admin = try office.session()
        for (day, hour) in [(2, 15), (3, 10), (4, 9)] {
            try admin.addMeeting(kind: .topical, start: LocalDateTime(day: Day(year: 2026, month: 3, day: day)!, hour: hour, minute: 0)!,
                                 chair: "wangxiaoyan", room: "区政府第二会议室", title: "研究中小学课后服务工作")
        }
        var ui = ScreenHarness(session: try office.session("lijing"))
        let before = ui.buffer
        ui.press(.char("j"))
        let after = ui.buffer
        let changed = changedCells(before, after)
        #expect(changed.count == 2, "changed: \(changed)")
        #expect(Set(changed.map(\.column)).count == 1, "both marks in the list's first column")
        #expect(after.line(changed[1].row).contains("›"))
        #expect(!after.line(changed[0].row).contains("›"))
    }
}
