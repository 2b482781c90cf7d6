import MeetingKit

/// An iCalendar file (RFC 5545) of events in Beijing time, for calendar programs.
///
/// Times carry `TZID=Asia/Shanghai` with a VTIMEZONE (UTC+8 all year, no daylight saving);
/// lines end in CRLF and are folded at 75 octets without splitting a UTF-8 sequence; text
/// values escape backslash, semicolon, comma and newlines (RFC 5545 §3.1, §3.3.11).
///
/// ```swift
/// var cal = ICalendar(productId: "-//Huiwu//Huiwu 0.1//ZH", name: "会务")
/// cal.events.append(ICalendar.Event(uid: "meeting-1@huiwu", start: s, end: e, summary: "第1次区政府常务会议"))
/// let text = cal.text(stamp: clock.now)
/// ```
public struct ICalendar: Sendable {
    /// The time zone every event is in.
    public static let timeZone = "Asia/Shanghai"

    /// An ATTENDEE or ORGANIZER: a calendar address with its parameters.
    public struct Address: Hashable, Sendable {
        /// Common name (CN), e.g. 周立新.
        public var name: String
        /// A URI (`urn:x-huiwu:person:zhoulixin`).
        public var uri: String
        /// REQ-PARTICIPANT, OPT-PARTICIPANT, NON-PARTICIPANT or CHAIR.
        public var role: String?
        /// INDIVIDUAL or GROUP (a group of guests such as 区人大代表).
        public var userType: String?
    }

    public struct Event: Hashable, Sendable {
        /// Stable across exports, so a calendar updates the event instead of adding one.
        public var uid: String
        public var start: LocalDateTime
        public var end: LocalDateTime
        public var summary: String
        public var location: String?
        public var description: String?
        /// TENTATIVE, CONFIRMED or CANCELLED.
        public var status: String = "CONFIRMED"
        /// Grows with every change of the event (RFC 5545 §3.8.7.4).
        public var sequence: Int = 0
        public var organizer: Address?
        public var attendees: [Address] = []
        public var categories: [String] = []
    }

    public var productId: String
    public var name: String
    public var events: [Event]

    public init(productId: String, name: String, events: [Event] = []) {
        self.productId = productId
        self.name = name
        self.events = events
    }

    /// The file's text; `stamp` (Beijing time) becomes every event's DTSTAMP, in UTC.
    public func text(stamp: LocalDateTime) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:" + ICalendar.escape(productId), "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
            "X-WR-CALNAME:" + ICalendar.escape(name), "X-WR-TIMEZONE:" + ICalendar.timeZone,
            "BEGIN:VTIMEZONE", "TZID:" + ICalendar.timeZone,
            "BEGIN:STANDARD", "DTSTART:19700101T000000", "TZOFFSETFROM:+0800", "TZOFFSETTO:+0800", "TZNAME:CST", "END:STANDARD",
            "END:VTIMEZONE",
        ]
        let utcStamp = ICalendar.dateTime(stamp.adding(minutes: -8 * 60)) + "Z"
        for e in events {
            lines.append("BEGIN:VEVENT")
            lines.append("UID:" + ICalendar.escape(e.uid))
            lines.append("DTSTAMP:" + utcStamp)
            lines.append("DTSTART;TZID=\(ICalendar.timeZone):" + ICalendar.dateTime(e.start))
            lines.append("DTEND;TZID=\(ICalendar.timeZone):" + ICalendar.dateTime(e.end))
            lines.append("SUMMARY:" + ICalendar.escape(e.summary))
            if let location = e.location, !location.isEmpty { lines.append("LOCATION:" + ICalendar.escape(location)) }
            if let description = e.description, !description.isEmpty { lines.append("DESCRIPTION:" + ICalendar.escape(description)) }
            if !e.categories.isEmpty { lines.append("CATEGORIES:" + e.categories.map(ICalendar.escape).joined(separator: ",")) }
            lines.append("STATUS:" + e.status)
            lines.append("SEQUENCE:" + String(e.sequence))
            if let o = e.organizer { lines.append("ORGANIZER" + ICalendar.parameters(o) + ":" + o.uri) }
            for a in e.attendees { lines.append("ATTENDEE" + ICalendar.parameters(a) + ":" + a.uri) }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(ICalendar.fold).joined(separator: "\r\n") + "\r\n"
    }

    /// `20260302T090000` (a local "form 3" date-time when followed by a TZID, §3.3.5).
    static func dateTime(_ t: LocalDateTime) -> String {
        let d = t.day
        func pad(_ n: Int, _ w: Int) -> String { let s = String(n); return String(repeating: "0", count: max(0, w - s.count)) + s }
        return pad(d.year, 4) + pad(d.month, 2) + pad(d.day, 2) + "T" + pad(t.hour, 2) + pad(t.minute, 2) + "00"
    }

    private static func parameters(_ a: Address) -> String {
        var out = ";CN=" + quoted(a.name)
        if let t = a.userType { out += ";CUTYPE=" + t }
        if let r = a.role { out += ";ROLE=" + r }
        return out
    }

    /// A parameter value in double quotes; a quoted string may hold neither DQUOTE nor
    /// control characters (§3.1), so those are replaced.
    static func quoted(_ value: String) -> String {
        var out = ""
        for scalar in value.unicodeScalars {
            if scalar == "\"" { out += "'" } else if scalar.value < 0x20 || scalar.value == 0x7F { out += " " } else { out.unicodeScalars.append(scalar) }
        }
        return "\"" + out + "\""
    }

    /// Escapes a TEXT value (§3.3.11): `\` `;` `,` and newlines; other controls are dropped.
    public static func escape(_ text: String) -> String {
        var out = ""
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": if !previousWasCR { out += "\\n" }
            case "\r": out += "\\n"
            default:
                if scalar.value < 0x20 && scalar != "\t" || scalar.value == 0x7F { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Folds a content line into lines of at most 75 octets (§3.1): continuation lines start
    /// with one space, and a multi-octet UTF-8 character is never cut.
    public static func fold(_ line: String) -> String {
        guard line.utf8.count > 75 else { return line }
        var out = ""
        var current = 0
        var limit = 75
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if current + size > limit {
                out += "\r\n "
                current = 0
                limit = 74  // the leading space counts toward the 75 octets
            }
            out.unicodeScalars.append(scalar)
            current += size
        }
        return out
    }
}
