import MeetingTUI
import Testing

@Suite("List cursor")
struct ListCursorTests {
    @Test("moves within bounds and keeps the selection visible")
    func movement() {
        var cursor = ListCursor(count: 30)
        cursor.handle(.up)
        #expect(cursor.selected == 0)
        for _ in 0..<12 { cursor.handle(.char("j")) }
        #expect(cursor.selected == 12)
        #expect(cursor.visibleRange(rows: 10) == 3..<13)
        cursor.handle(.end)
        #expect(cursor.selected == 29)
        #expect(cursor.visibleRange(rows: 10) == 20..<30)
        cursor.handle(.pageUp)
        #expect(cursor.selected == 19)
        #expect(cursor.visibleRange(rows: 10) == 19..<29)
    }

    @Test("an empty list has no selection, and shrinking clamps it")
    func shrinking() {
        var cursor = ListCursor(count: 0)
        #expect(cursor.selected == nil)
        cursor.count = 5
        cursor.select(4)
        cursor.count = 2
        #expect(cursor.selected == 1)
    }
}
