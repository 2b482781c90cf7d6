/// WordprocessingML for the pieces of a ``DocumentLayout``: paragraphs, runs, tables and
/// styles. Only what the layouts use, in the element order the schema requires (Word
/// refuses a file whose elements are out of order).
enum WordML {
    static let main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// A `w:` element; attribute names without a prefix get `w:` too (`r:id` keeps its own).
    static func tag(_ name: String, _ attributes: [(String, String)] = [], _ children: [XMLTag] = []) -> XMLTag {
        XMLTag("w:" + name, attributes.map { ($0.0.contains(":") ? $0.0 : "w:" + $0.0, $0.1) }, children)
    }

    static func value(_ name: String, _ value: String) -> XMLTag { tag(name, [("val", value)]) }

    static let red = "C00000"

    /// The width of one character of `size` points in twips, with the grid spacing when the
    /// text is on the 28-characters grid.
    static func characterWidth(_ size: Double, onGrid: Bool, page: PageSetup) -> Double {
        (size + (onGrid ? page.characterSpacing : 0)) * 20
    }

    // MARK: Runs

    static func runProperties(font: FontRole, size: Double, red: Bool, spacing: Double) -> [XMLTag] {
        var props = [tag("rFonts", [("ascii", font.officeName), ("hAnsi", font.officeName), ("eastAsia", font.officeName), ("cs", font.officeName)])]
        if red { props.append(value("color", WordML.red)) }
        if spacing != 0 { props.append(value("spacing", String(Units.twips(points: spacing)))) }
        let halfPoints = String(Int((size * 2).rounded()))
        props.append(value("sz", halfPoints))
        props.append(value("szCs", halfPoints))
        return props
    }

    /// A run: `\t` becomes a tab, everything else text with spaces preserved.
    static func run(_ text: String, properties: [XMLTag]) -> XMLTag {
        var children = properties.isEmpty ? [] : [tag("rPr", [], properties)]
        for (i, piece) in text.split(separator: "\t", omittingEmptySubsequences: false).enumerated() {
            if i > 0 { children.append(tag("tab")) }
            if !piece.isEmpty { children.append(XMLTag("w:t", [("xml:space", "preserve")], text: String(piece))) }
        }
        return tag("r", [], children)
    }

    // MARK: Paragraphs

    static func paragraph(_ p: Paragraph, page: PageSetup, pageBreakBefore: Bool = false) -> XMLTag {
        let style = p.style
        let charWidth = characterWidth(p.effectiveSize, onGrid: style.onCharacterGrid, page: page)
        var props = [value("pStyle", style.id)]
        if pageBreakBefore { props.append(tag("pageBreakBefore")) }
        if let rule = p.ruleBelow { props.append(tag("pBdr", [], [Edge.bottom(rule).tag])) }
        if p.rightTab {
            let position = Units.twips(mm: page.textWidth) - Int(style.rightIndent * charWidth)
            props.append(tag("tabs", [], [tag("tab", [("val", "right"), ("pos", String(position))])]))
        }
        var spacing: [(String, String)] = []
        if p.spaceBefore > 0 { spacing.append(("before", String(Units.twips(points: p.spaceBefore)))) }
        if p.size != nil, let line = style.lineHeight {
            // A resized masthead or name keeps its style's proportion of line to type.
            spacing += [("line", String(Units.twips(points: line / style.size * p.effectiveSize))), ("lineRule", "exact")]
        }
        if !spacing.isEmpty { props.append(tag("spacing", spacing)) }
        if p.hanging != nil || p.leftIndent != nil {
            let left = p.leftIndent ?? style.leftIndent
            var indent = [("left", String(Int(left * charWidth)))]
            if let hanging = p.hanging { indent.append(("hanging", String(Int(hanging * charWidth)))) }
            props.append(tag("ind", indent))
        }
        if let alignment = p.alignment { props.append(value("jc", jc(alignment))) }
        var children = [tag("pPr", [], props)]
        for run in p.runs {
            let font = run.font ?? style.font
            let overrides = runProperties(font: font, size: p.effectiveSize, red: style.red,
                                          spacing: style.onCharacterGrid ? page.characterSpacing : 0)
            // Runs in the style's own font and size carry no properties: WPS then shows the style.
            let plain = run.font == nil && p.size == nil
            children.append(WordML.run(run.text, properties: plain ? [] : overrides))
        }
        return tag("p", [], children)
    }

    /// A rule on one edge of a paragraph or a table cell.
    enum Edge {
        case top(Paragraph.Rule)
        case bottom(Paragraph.Rule)

        var tag: XMLTag {
            let (edge, rule): (String, Paragraph.Rule)
            switch self {
            case .top(let r): (edge, rule) = ("top", r)
            case .bottom(let r): (edge, rule) = ("bottom", r)
            }
            // Widths are in eighths of a point.
            return WordML.tag(edge, [("val", "single"), ("sz", String(Int((rule.width * 8).rounded()))), ("space", "1"),
                                     ("color", rule.red ? WordML.red : "000000")])
        }
    }

    static func jc(_ alignment: ParagraphStyle.Alignment) -> String {
        switch alignment {
        case .left: return "left"
        case .center: return "center"
        case .right: return "right"
        case .justify: return "both"
        }
    }

    // MARK: Styles

    /// Punctuation never hangs past the margin, and no extra space goes between Chinese and
    /// Latin text or digits: either would break the 28-characters grid. LibreOffice reads
    /// `overflowPunct` the other way round from Word (1 turns its hanging punctuation off);
    /// Word hangs punctuation by default, so 1 changes nothing there.
    static let gridKeeping = [value("overflowPunct", "1"), value("autoSpaceDE", "0"), value("autoSpaceDN", "0")]

    static func style(_ s: ParagraphStyle, page: PageSetup) -> XMLTag {
        let charWidth = characterWidth(s.size, onGrid: s.onCharacterGrid, page: page)
        let line = s.lineHeight ?? page.linePitch
        var paragraph = gridKeeping + [tag("spacing", [("before", "0"), ("after", "0"), ("line", String(Units.twips(points: line))), ("lineRule", "exact")])]
        var indent: [(String, String)] = []
        if s.leftIndent != 0 { indent.append(("left", String(Int(s.leftIndent * charWidth)))) }
        if s.rightIndent != 0 { indent.append(("right", String(Int(s.rightIndent * charWidth)))) }
        if s.firstLineIndent != 0 { indent.append(("firstLine", String(Int(s.firstLineIndent * charWidth)))) }
        if !indent.isEmpty { paragraph.append(tag("ind", indent)) }
        paragraph.append(value("jc", jc(s.alignment)))
        return tag("style", [("type", "paragraph"), ("customStyle", "1"), ("styleId", s.id)], [
            value("name", s.name), value("basedOn", "Normal"), value("next", s.id), tag("qFormat"),
            tag("pPr", [], paragraph),
            tag("rPr", [], runProperties(font: s.font, size: s.size, red: s.red, spacing: s.onCharacterGrid ? page.characterSpacing : 0)),
        ])
    }

    // MARK: Tables

    static func table(_ t: Table, page: PageSetup) -> XMLTag {
        let widths = t.columns.map { Units.twips(mm: $0) }
        let line = [("val", "single"), ("sz", "4"), ("space", "0"), ("color", "000000")]
        let edges = ["top", "left", "bottom", "right", "insideH", "insideV"].map { tag($0, line) }
        var rows: [XMLTag] = []
        if !t.header.isEmpty { rows.append(row(t.header, widths: widths, height: 0, header: true, page: page)) }
        rows += t.rows.map { row($0, widths: widths, height: Units.twips(mm: t.rowHeight), header: false, page: page) }
        return tag("tbl", [], [
            tag("tblPr", [], [
                tag("tblW", [("w", String(widths.reduce(0, +))), ("type", "dxa")]),
                value("jc", "center"),
                tag("tblBorders", [], edges),
                tag("tblLayout", [("type", "fixed")]),
                tag("tblCellMar", [], [tag("left", [("w", "85"), ("type", "dxa")]), tag("right", [("w", "85"), ("type", "dxa")])]),
            ]),
            tag("tblGrid", [], widths.map { tag("gridCol", [("w", String($0))]) }),
        ] + rows)
    }

    private static func row(_ cells: [Table.Cell], widths: [Int], height: Int, header: Bool, page: PageSetup) -> XMLTag {
        var rowProps: [XMLTag] = []
        if header { rowProps.append(tag("tblHeader")) }
        rowProps.append(tag("cantSplit"))
        if height > 0 { rowProps.append(tag("trHeight", [("val", String(height)), ("hRule", "atLeast")])) }
        var column = 0
        var tcs: [XMLTag] = []
        for cell in cells {
            let width = widths[column..<min(widths.count, column + cell.span)].reduce(0, +)
            column += cell.span
            var props = [tag("tcW", [("w", String(width)), ("type", "dxa")])]
            if cell.span > 1 { props.append(value("gridSpan", String(cell.span))) }
            if cell.shaded { props.append(tag("shd", [("val", "clear"), ("color", "auto"), ("fill", "E7E6E6")])) }
            props.append(value("vAlign", "center"))
            let paragraphs = cell.paragraphs.isEmpty ? [Paragraph(.tableCell, "")] : cell.paragraphs
            tcs.append(tag("tc", [], [tag("tcPr", [], props)] + paragraphs.map { paragraph($0, page: page) }))
        }
        return tag("tr", [], [tag("trPr", [], rowProps)] + tcs)
    }
}
