import Foundation
import Testing
import MeetingKit
@testable import MeetingFormats

@Suite("iCalendar text (RFC 5545)")
struct ICalendarTests {
    @Test("text values escape backslash, semicolon, comma and newlines")
    func escaping() {
        #expect(ICalendar.escape("a,b;c\\d\ne\r\nf") == "a\\,b\\;c\\\\d\\ne\\nf")
        #expect(ICalendar.escape("会议\u{7}室") == "会议室")
    }

    @Test("long lines fold at 75 octets and never split a UTF-8 sequence")
    func folding() {
        let line = "SUMMARY:" + String(repeating: "第39次区政府常务会议，", count: 8)
        let folded = ICalendar.fold(line)
        let parts = folded.components(separatedBy: "\r\n")
        #expect(parts.count > 1)
        for (i, part) in parts.enumerated() {
            #expect(part.utf8.count <= 75)
            if i > 0 { #expect(part.hasPrefix(" ")) }
            // Each part is valid UTF-8 on its own: decoding its bytes round-trips.
            #expect(String(decoding: Array(part.utf8), as: UTF8.self) == part)
        }
        // Unfolding (removing CRLF + one space) gives the line back.
        #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == line)
        #expect(ICalendar.fold("SHORT:x") == "SHORT:x")
    }

    @Test("a calendar has CRLF lines, a VTIMEZONE for Asia/Shanghai, local times with TZID and a UTC stamp")
    func calendar() {
        var cal = ICalendar(productId: "-//Huiwu//Huiwu//ZH", name: "会务")
        cal.events.append(ICalendar.Event(
            uid: "meeting-1@huiwu", start: LocalDateTime(iso: "2026-03-05T09:00")!, end: LocalDateTime(iso: "2026-03-05T11:00")!,
            summary: "第1次区政府常务会议", status: "CANCELLED",
            attendees: [ICalendar.Address(name: "周\"立新", uri: "urn:x-huiwu:person:zhoulixin", role: "REQ-PARTICIPANT")]))
        let text = cal.text(stamp: LocalDateTime(iso: "2026-03-02T09:00")!)
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(text.contains("BEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai\r\n"))
        #expect(text.contains("DTSTART;TZID=Asia/Shanghai:20260305T090000\r\n"))
        #expect(text.contains("DTEND;TZID=Asia/Shanghai:20260305T110000\r\n"))
        #expect(text.contains("DTSTAMP:20260302T010000Z\r\n"))
        #expect(text.contains("STATUS:CANCELLED\r\n"))
        #expect(text.contains("ATTENDEE;CN=\"周'立新\";ROLE=REQ-PARTICIPANT:urn:x-huiwu:person:zhoulixin\r\n"))
    }
}
