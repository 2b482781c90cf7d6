/// Writes a ``DocumentLayout`` as a print-ready HTML page: the same page, styles and fonts as
/// the DOCX in CSS (`@page` A4 with the type area's margins, exact line heights), for a
/// browser or headless Chromium.
public enum HTMLWriter {
    public static func html(_ layout: DocumentLayout) -> String {
        let page = layout.page
        var out = """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <title>\(escape(layout.title))</title>
        <style>
        @page { size: \(page.isLandscape ? "A4 landscape" : "A4"); margin: \(mm(page.top)) \(mm(page.right)) \(mm(page.bottom)) \(mm(page.left)); }
        html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body { margin: 0; color: #000; }
        @media screen { body { width: \(mm(page.textWidth)); margin: 20mm auto; } }
        p { margin: 0; white-space: pre-wrap; }
        table { border-collapse: collapse; margin: 0 auto; table-layout: fixed; }
        td, th { border: 0.5pt solid #000; padding: 0 1.5mm; vertical-align: middle; }
        td.shaded { background: #e7e6e6; }
        .imprint { margin-top: 28pt; border-top: 1pt solid #000; border-bottom: 1pt solid #000; }
        .imprint .rule { border-top: 0.75pt solid #000; }
        .page-break { break-before: page; }
        .spread { display: flex; justify-content: space-between; }

        """
        for style in ParagraphStyle.all { out += css(style, page: page) }
        out += "</style>\n</head>\n<body>\n"
        var breakPending = false
        for block in layout.blocks {
            switch block {
            case .paragraph(let p):
                out += paragraph(p, page: page, extraClass: breakPending ? "page-break" : nil) + "\n"
                breakPending = false
            case .table(let t):
                out += table(t, page: page, breakBefore: breakPending)
                breakPending = false
            case .pageBreak:
                breakPending = true
            }
        }
        if let imprint = layout.imprint { out += self.imprint(imprint, page: page) }
        out += "</body>\n</html>\n"
        return out
    }

    static func css(_ s: ParagraphStyle, page: PageSetup) -> String {
        var rules = ["font-family: \(s.font.cssStack)", "font-size: \(pt(s.size))", "line-height: \(pt(s.lineHeight ?? page.linePitch))",
                     "text-align: \(s.alignment == .justify ? "justify" : s.alignment.rawValue)"]
        if s.onCharacterGrid { rules.append("letter-spacing: \(pt(page.characterSpacing))") }
        if s.firstLineIndent != 0 { rules.append("text-indent: \(s.firstLineIndent)em") }
        if s.leftIndent != 0 { rules.append("padding-left: \(s.leftIndent)em") }
        if s.rightIndent != 0 { rules.append("padding-right: \(s.rightIndent)em") }
        if s.red { rules.append("color: #c00000") }
        return ".\(s.id) { \(rules.joined(separator: "; ")); }\n"
    }

    static func paragraph(_ p: Paragraph, page: PageSetup, extraClass: String? = nil) -> String {
        var styles: [String] = []
        if let size = p.size {
            styles.append("font-size: \(pt(size))")
            if let line = p.style.lineHeight { styles.append("line-height: \(pt(line / p.style.size * size))") }
        }
        if let alignment = p.alignment { styles.append("text-align: \(alignment == .justify ? "justify" : alignment.rawValue)") }
        if let hanging = p.hanging {
            styles.append("padding-left: \(p.leftIndent ?? 0)em; text-indent: -\(hanging)em")
        } else if let left = p.leftIndent {
            styles.append("padding-left: \(left)em")
        }
        if p.spaceBefore > 0 { styles.append("margin-top: \(pt(p.spaceBefore))") }
        if let rule = p.ruleBelow {
            styles.append("border-bottom: \(pt(rule.width)) solid \(rule.red ? "#c00000" : "#000"); padding-bottom: 4mm; margin-bottom: 0")
        }
        let classes = [p.style.id] + (extraClass.map { [$0] } ?? []) + (p.rightTab ? ["spread"] : [])
        var open = "<p class=\"\(classes.joined(separator: " "))\""
        if !styles.isEmpty { open += " style=\"\(escape(styles.joined(separator: "; ")))\"" }
        open += ">"
        if p.rightTab, p.text.contains("\t") {
            let parts = p.text.split(separator: "\t", maxSplits: 1).map(String.init)
            return open + "<span>\(escape(parts[0]))</span><span>\(escape(parts.count > 1 ? parts[1] : ""))</span></p>"
        }
        if p.runs.isEmpty { return open + "&#8203;</p>" }
        return open + p.runs.map(run).joined() + "</p>"
    }

    static func run(_ r: Paragraph.Run) -> String {
        guard let font = r.font else { return escape(r.text) }
        return "<span style=\"\(escape("font-family: " + font.cssStack))\">\(escape(r.text))</span>"
    }

    static func table(_ t: Table, page: PageSetup, breakBefore: Bool) -> String {
        var out = "<table" + (breakBefore ? " class=\"page-break\"" : "") + ">\n<colgroup>"
        out += t.columns.map { "<col style=\"width: \(mm($0))\">" }.joined() + "</colgroup>\n"
        func row(_ cells: [Table.Cell], header: Bool, height: Double) -> String {
            let tag = header ? "th" : "td"
            return "<tr style=\"height: \(mm(height))\">" + cells.map { cell in
                var attributes = cell.span > 1 ? " colspan=\"\(cell.span)\"" : ""
                if cell.shaded { attributes += " class=\"shaded\"" }
                return "<\(tag)\(attributes)>" + cell.paragraphs.map { paragraph($0, page: page) }.joined() + "</\(tag)>"
            }.joined() + "</tr>\n"
        }
        if !t.header.isEmpty { out += "<thead>" + row(t.header, header: true, height: 0) + "</thead>\n" }
        out += "<tbody>\n" + t.rows.map { row($0, header: false, height: t.rowHeight) }.joined() + "</tbody>\n</table>\n"
        return out
    }

    static func imprint(_ imprint: Imprint, page: PageSetup) -> String {
        var out = "<div class=\"imprint\">\n"
        for p in imprint.distributionParagraphs { out += paragraph(p, page: page) + "\n" }
        out += "<div class=\"rule\"></div>\n"
        out += paragraph(imprint.printingParagraph, page: page) + "\n"
        return out + "</div>\n"
    }

    static func pt(_ value: Double) -> String { trim(value) + "pt" }
    static func mm(_ value: Double) -> String { trim(value) + "mm" }
    static func trim(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    /// Escapes text for element content and attribute values.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}
