import Foundation
import MeetingKit

extension PeriodReport {
    /// The report as one CSV table (RFC 4180), one figure per row, so any spreadsheet or
    /// script reads it without knowing the sections:
    ///
    ///     section,key,name,measure,value
    ///     meetings,executive,区政府常务会议,held,3
    ///     items,JW,区教委,averageDaysToDecision,12.5
    ///
    /// Sections: `period`, `meetings`, `items` (key `all` for the totals), `overdueByLeader`,
    /// `overdueByDepartment`, `attendance` (key `all`), `attendanceByKind`, `attendanceByDepartment`.
    /// Lines end in CRLF; ``CSVWriter`` guards formula-like text.
    public var csv: String {
        var rows: [[String]] = [["section", "key", "name", "measure", "value"]]
        func add(_ section: String, _ key: String, _ name: String, _ measure: String, _ value: String) {
            rows.append([section, key, name, measure, value])
        }
        add("period", "from", "", "day", from.iso)
        add("period", "to", "", "day", to.iso)
        add("period", "asOf", "", "day", asOf.iso)
        for m in meetings {
            add("meetings", m.kind.rawValue, m.kind.name.zh, "held", "\(m.held)")
            add("meetings", m.kind.rawValue, m.kind.name.zh, "notHeld", "\(m.notHeld)")
            add("meetings", m.kind.rawValue, m.kind.name.zh, "upcoming", "\(m.upcoming)")
            add("meetings", m.kind.rawValue, m.kind.name.zh, "cancelled", "\(m.cancelled)")
        }
        for c in items + [itemTotal] {
            add("items", c.key, c.name, "decided", "\(c.decided)")
            add("items", c.key, c.name, "deferred", "\(c.deferred)")
            add("items", c.key, c.name, "withdrawn", "\(c.withdrawn)")
            add("items", c.key, c.name, "averageDaysToDecision", PeriodReport.number(c.averageDaysToDecision))
        }
        for (section, list) in [("overdueByLeader", overdueByLeader), ("overdueByDepartment", overdueByDepartment)] {
            for o in list {
                add(section, o.key, o.name, "approvals", "\(o.approvals)")
                add(section, o.key, o.name, "followUps", "\(o.followUps)")
            }
        }
        for (section, list) in [("attendance", [attendance]), ("attendanceByKind", attendanceByKind),
                                ("attendanceByDepartment", attendanceByDepartment)] {
            for a in list {
                add(section, a.key, a.name, "recorded", "\(a.recorded)")
                add(section, a.key, a.name, "attended", "\(a.attended)")
                add(section, a.key, a.name, "rate", PeriodReport.number(a.rate, digits: 4))
            }
        }
        return CSVWriter.table(rows)
    }

    /// A number with up to `digits` decimals ("12.5", "0.8333"), empty for none.
    static func number(_ value: Double?, digits: Int = 1) -> String {
        guard let value else { return "" }
        var text = String(format: "%.\(digits)f", value)
        while text.contains("."), text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
