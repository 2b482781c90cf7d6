import Foundation
import HuiwuTestSupport
import MeetingKit
import MeetingStore
import MeetingTUI
import Testing

@Suite("Search screen")
struct SearchScreenTests {
    init() { TerminalLocale.activate() }

    @Test("/ opens search from any screen; Enter searches, the results show the record and the marked excerpt")
    func searchAndOpen() throws {
        let office = try TestOffice()
        let (_, items) = try MinutesFixtures.meetingWithAgenda(office)
        var ui = ScreenHarness(session: try office.session("lijing"))
        ui.press(.char("2"))  // the item list, then search from there
        ui.press(.char("/"))
        #expect(ui.model.top is SearchScreen)
        ui.type("经费")
        #expect(ui.model.top is SearchScreen)  // letters are typed, q and ? too
        ui.press(.enter)
        Snapshot.assert(ui.text, named: "search-results-zh")
        // The first result is selected; Enter opens its item (an opinion or statement opens the item it belongs to).
        ui.press(.enter)
        let detail = try #require(ui.model.top as? ItemDetailScreen)
        #expect(detail.title(.zh) == "议题 #\(items[0])")
        ui.press(.escape)
        #expect(ui.model.top is SearchScreen)
        ui.press(.char("/"))
        // A new search starts from an empty field (it used to append to the old words).
        #expect(ui.buffer.line(1).trimmingCharacters(in: .whitespaces) == "查找：")
        ui.type("没有这个词")
        ui.press(.enter)
        #expect(ui.text.contains("没有找到“没有这个词”"))
        ui.press(.escape)
        #expect(ui.model.top is ItemListScreen)
    }

    @Test("English, and a refused query keeps the field")
    func englishAndRefusal() throws {
        let office = try TestOffice()
        try MinutesFixtures.meetingWithAgenda(office)
        var ui = ScreenHarness(session: try office.session("lijing"), lang: .en)
        ui.press(.char("/"))
        ui.press(.enter)
        #expect(ui.text.contains("give the text to search for"))
        #expect(ui.model.top.isModal)
        ui.type("常务")
        ui.press(.enter)
        Snapshot.assert(ui.text, named: "search-results-en")
    }
}
