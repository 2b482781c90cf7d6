/// Writes a ``DocumentLayout`` as plain UTF-8 text: one line per paragraph, indents as
/// full-width spaces, centred and right-aligned lines padded to the 28-character line,
/// tables as columns aligned by display width (a Chinese character is two columns).
public enum PlainTextWriter {
    public static func text(_ layout: DocumentLayout) -> String {
        let width = layout.page.charactersPerLine * 2
        var lines: [String] = []
        for block in layout.blocks {
            switch block {
            case .paragraph(let p): lines.append(line(p, width: width))
            case .table(let t): lines += table(t)
            case .pageBreak: lines.append("\u{0C}")
            }
        }
        if let imprint = layout.imprint {
            lines.append("")
            lines.append(String(repeating: "━", count: width / 2))
            for entry in imprint.distribution { lines.append("　\(entry.label)：\(entry.text)") }
            lines.append(String(repeating: "─", count: width / 2))
            lines.append(spread("　" + imprint.printer, imprint.printed + "　", width: width))
            lines.append(String(repeating: "━", count: width / 2))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func line(_ p: Paragraph, width: Int) -> String {
        let text = p.text
        if p.rightTab, let tab = text.firstIndex(of: "\t") {
            return spread("　" + text[..<tab], String(text[text.index(after: tab)...]) + "　", width: width)
        }
        switch p.effectiveAlignment {
        case .center: return pad(text, (width - columns(text)) / 2)
        case .right: return pad(text, width - columns(text) - Int(p.style.rightIndent) * 2)
        case .left, .justify:
            let indent = p.hanging != nil ? Int(p.leftIndent ?? 0) - Int(p.hanging ?? 0) : Int(p.style.firstLineIndent + p.style.leftIndent)
            return String(repeating: "　", count: max(0, indent)) + text
        }
    }

    static func table(_ t: Table) -> [String] {
        let rows = (t.header.isEmpty ? [] : [t.header]) + t.rows
        let count = rows.map { $0.reduce(0) { $0 + $1.span } }.max() ?? 0
        var widths = Array(repeating: 0, count: count)
        for row in rows {
            var column = 0
            for cell in row {
                if cell.span == 1 { widths[column] = max(widths[column], columns(cell.text.replacingNewlines)) }
                column += cell.span
            }
        }
        return rows.map { row in
            var column = 0
            var out: [String] = []
            for cell in row {
                let width = widths[column..<min(count, column + cell.span)].reduce(0, +) + 2 * (cell.span - 1)
                column += cell.span
                let text = cell.text.replacingNewlines
                out.append(text + String(repeating: " ", count: max(0, width - columns(text))))
            }
            return out.joined(separator: "  ").trimmingTrailingSpaces
        }
    }

    /// `left` and `right` on one line `width` columns wide.
    static func spread(_ left: some StringProtocol, _ right: String, width: Int) -> String {
        String(left) + String(repeating: " ", count: max(1, width - columns(String(left)) - columns(right))) + right
    }

    static func pad(_ text: String, _ columns: Int) -> String { String(repeating: " ", count: max(0, columns)) + text }

    /// Display columns: CJK and full-width characters take two.
    static func columns(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { sum, s in
            let v = s.value
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v) || v == 0x2014
            return sum + (wide ? 2 : 1)
        }
    }
}

private extension String {
    var replacingNewlines: String { split(separator: "\n").joined(separator: " ") }
    var trimmingTrailingSpaces: String {
        var s = self
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }
}
