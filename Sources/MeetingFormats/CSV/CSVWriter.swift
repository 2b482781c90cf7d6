import Foundation

/// The one writer of the CSV tables Huiwu exports (RFC 4180, UTF-8): the org chart and the
/// period report.
///
/// Every table may be opened in a spreadsheet, so a text field that a spreadsheet would take
/// for a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return: OWASP's "CSV
/// injection") is made inert with a leading `'`, unless it is a plain number such as `-3`.
/// ``unguarded(_:)`` undoes exactly that on import, so an exported file reads back the same.
public enum CSVWriter {
    /// The characters that make a spreadsheet evaluate a cell.
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// One field: guarded against formulas, then quoted when it holds a comma, a quote, a line
    /// break or spaces at an edge (which spreadsheets would trim).
    public static func field(_ text: String) -> String {
        var value = text
        if let first = value.first, formulaStarts.contains(first), Double(value) == nil { value = "'" + value }
        let needsQuotes = value.contains { $0 == "," || $0 == "\"" || $0.isNewline } || value.hasPrefix(" ") || value.hasSuffix(" ")
        return needsQuotes ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
    }

    /// The rows as a table, each line ended with `lineEnd` (the last one too).
    public static func table(_ rows: [[String]], lineEnd: String = "\r\n") -> String {
        rows.map { $0.map(field).joined(separator: ",") }.joined(separator: lineEnd) + lineEnd
    }

    /// A field as read back: the guard ``field(_:)`` put before a formula-like text removed.
    public static func unguarded(_ field: String) -> String {
        guard field.hasPrefix("'"), let second = field.dropFirst().first, formulaStarts.contains(second) else { return field }
        return String(field.dropFirst())
    }
}
