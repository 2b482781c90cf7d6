import HuiwuTestSupport
import MeetingKit
import MeetingTUI
import Testing

@Suite("Choice list")
struct ChoiceListTests {
    init() { TerminalLocale.activate() }

    let kinds = ["区政府全体会议", "区政府常务会议", "区政府专题会议"]

    @Test("arrows and j/k move within bounds; Enter chooses the selected option")
    func moveAndChoose() {
        var result: ChoiceList.Outcome?
        var list = ChoiceList(options: kinds)
        #expect(list.selectedIndex == 0)
        result = list.handle(.up)
        #expect(result == nil)
        #expect(list.selectedIndex == 0)
        result = list.handle(.down)
        #expect(result == nil)
        result = list.handle(.char("j"))
        #expect(result == nil)
        result = list.handle(.down)
        #expect(result == nil)
        #expect(list.selectedIndex == 2)
        result = list.handle(.char("k"))
        #expect(result == nil)
        result = list.handle(.enter)
        #expect(result == .chosen(1))
    }

    @Test("Esc cancels; a digit chooses directly; out-of-range digits do nothing")
    func cancelAndDigits() {
        var result: ChoiceList.Outcome?
        var list = ChoiceList(options: kinds, selected: 2)
        #expect(list.selectedIndex == 2)
        result = list.handle(.char("2"))
        #expect(result == .chosen(1))
        result = list.handle(.char("9"))
        #expect(result == nil)
        result = list.handle(.escape)
        #expect(result == .cancelled)
        var empty = ChoiceList(options: [])
        result = empty.handle(.enter)
        #expect(result == nil)
    }

    @Test("drawn with a marker on the selected row, clipped to the rectangle")
    func draw() {
        var list = ChoiceList(options: kinds)
        _ = list.handle(.down)
        var buffer = ScreenBuffer(rows: 3, columns: 12)
        list.draw(into: &buffer, rect: Rect(top: 0, left: 0, height: 2, width: 12))
        #expect(buffer.line(0) == "  区政府全体")
        #expect(buffer.line(1) == "› 区政府常务")
        #expect(buffer[1, 0].style == .selected)
        #expect(buffer.line(2) == "")
    }
}
