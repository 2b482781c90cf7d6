import Foundation
import HuiwuTestSupport
import MeetingKit
import MeetingStore
import MeetingTUI
import Testing

@Suite("Report screen")
struct ReportScreenTests {
    init() { TerminalLocale.activate() }

    @Test("6 opens the quarter's report as bar charts from anywhere; ← → change the period, Tab its length")
    func charts() throws {
        let office = try TestOffice()
        try ReportFixtures.quarter(office)
        var ui = ScreenHarness(session: try office.session("lijing", now: ReportFixtures.asOf), rows: 40)
        ui.press(.char("6"))
        #expect(ui.model.top is ReportScreen)
        #expect(ui.text.contains("2026-04-01 至 2026-06-30（季度）"))
        ui.press(.left)
        Snapshot.assert(ui.text, named: "report-quarter-zh")
        ui.press(.tab)
        #expect(ui.text.contains("2026-01-01 至 2026-12-31（年）"))
        ui.press(.tab)
        #expect(ui.text.contains("2026-01-01 至 2026-01-31（月）"))
        ui.press(.escape)
        #expect(ui.model.top is HomeScreen)

        var en = ScreenHarness(session: try office.session("lijing", now: ReportFixtures.asOf), lang: .en, rows: 40,
                               root: ReportScreen(span: .quarter, start: ReportFixtures.from))
        Snapshot.assert(en.text, named: "report-quarter-en")
        en.press(.down)
        #expect(en.model.top is ReportScreen)
    }

    @Test("bars are drawn in eighths and keep their width")
    func bars() {
        #expect(BarChart.bar(1, maximum: 2, width: 4) == "██  ")
        #expect(BarChart.bar(1, maximum: 3, width: 4) == "█▍  ")  // 32 eighths / 3 ≈ 11
        #expect(BarChart.bar(0.001, maximum: 100, width: 4, track: "░") == "▏░░░")
        #expect(BarChart.bar(0, maximum: 0, width: 3, track: "░") == "░░░")
        #expect(BarChart.bar(5, maximum: 1, width: 3) == "███")
    }
}
