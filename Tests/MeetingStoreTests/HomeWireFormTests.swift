import Foundation
import MeetingKit
import MeetingStore
import Testing

/// A home's waiting entries and record references as the server sends them to its clients:
/// compact, and read back exactly as they were.
@Suite("The home's wire form")
struct HomeWireFormTests {
    static let references: [RecordRef] = [
        .meeting(1), .item(12), .leave(3), .leaveReport(4), .minutes(5), .followUp(6), .onBehalf(2_145_306), .receipts(8), .absence(9),
    ]

    @Test("every kind of record reference travels as kind:id and is read back as it was", arguments: references)
    func reference(_ ref: RecordRef) throws {
        let json = try JSONEncoder().encode([ref])
        #expect(String(decoding: json, as: UTF8.self).range(of: #"^\["[a-zA-Z]+:[0-9]+"\]$"#, options: .regularExpression) != nil)
        #expect(try JSONDecoder().decode([RecordRef].self, from: json) == [ref])
    }

    @Test("a waiting entry travels as the array of its values and is read back as it was, with and without a due day and a warning")
    func entry() throws {
        let entries = [
            WaitingEntry(ref: .item(12), what: Localized(zh: "待审批", en: "approve"), title: "#12 关于「营商环境」的议题 ⚠",
                         due: Day(iso: "2026-03-09"), isOverdue: true,
                         dueWarning: Localized(zh: "2027 年无节假日数据", en: "no holiday data for 2027")),
            WaitingEntry(ref: .leave(3), what: Localized(zh: "请假待批", en: "Leave to decide"), title: "王 · 常务会议", due: nil, isOverdue: false),
        ]
        let json = try JSONEncoder().encode(entries)
        #expect(String(decoding: json, as: UTF8.self).hasPrefix(##"[["item:12","待审批","approve","#12 "##))
        #expect(try JSONDecoder().decode([WaitingEntry].self, from: json) == entries)
    }

    @Test("a meeting line travels as the array of its values and is read back as it was, with and without a room and a subject")
    func meetingLine() throws {
        let lines = [
            MeetingLine(id: 39, kind: "executive", title: Localized(zh: "第39次区政府常务会议", en: "39th executive meeting"),
                        start: LocalDateTime(iso: "2026-03-05T09:00")!, durationMinutes: 120, room: "第一会议室", status: "notified",
                        subject: "研究城市更新工作"),
            MeetingLine(id: 40, kind: "topical", title: Localized(zh: "专题会议", en: "topical meeting"),
                        start: LocalDateTime(iso: "2026-03-06T14:30")!, durationMinutes: 60, room: nil, status: "planned"),
        ]
        let json = try JSONEncoder().encode(lines)
        #expect(String(decoding: json, as: UTF8.self).hasPrefix(##"[[39,"executive","第39次区政府常务会议","##))
        #expect(try JSONDecoder().decode([MeetingLine].self, from: json) == lines)
    }

    @Test("a reference of an unknown kind or without an id is refused, not guessed", arguments: [#"["folder:1"]"#, #"["item:"]"#, #"["item"]"#, #"[12]"#])
    func malformed(_ json: String) {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([RecordRef].self, from: Data(json.utf8)) }
    }
}
