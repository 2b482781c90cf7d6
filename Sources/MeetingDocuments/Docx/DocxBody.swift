/// The main part (`word/document.xml`) and the page-number footers of a DOCX.
enum DocxBody {
    static let oddFooter = "rId10"
    static let evenFooter = "rId11"

    static func document(_ layout: DocumentLayout) -> XMLTag {
        let page = layout.page
        var body: [XMLTag] = []
        var breakPending = false
        for block in layout.blocks {
            switch block {
            case .paragraph(let p):
                body.append(WordML.paragraph(p, page: page, pageBreakBefore: breakPending))
                breakPending = false
            case .table(let t):
                if breakPending {
                    body.append(WordML.tag("p", [], [WordML.tag("r", [], [WordML.tag("br", [("type", "page")])])]))
                    breakPending = false
                }
                body.append(WordML.table(t, page: page))
            case .pageBreak:
                breakPending = true
            }
        }
        if let imprint = layout.imprint { body.append(imprintTable(imprint, page: page)) }
        // A document may not end with a table: Word wants a paragraph before the section. It is
        // one twentieth of a point high, so it never pushes the imprint onto a page of its own.
        if body.last?.name == "w:tbl" {
            body.append(WordML.tag("p", [], [WordML.tag("pPr", [], [WordML.tag("spacing", [("line", "20"), ("lineRule", "exact")]),
                                                                    WordML.tag("rPr", [], [WordML.value("sz", "2")])])]))
        }
        body.append(section(layout))
        return WordML.tag("document", [], [WordML.tag("body", [], body)]).namespaced
    }

    /// The 版记 (§7.4): a thick rule above the first line, a thin one between the distribution
    /// and the printing line, a thick one under it. A one-column table floating at the bottom
    /// of the type area, so its last rule lies on the type area's lower edge however long the
    /// text is; a table because its rules are cell borders, which every word processor draws.
    static func imprintTable(_ imprint: Imprint, page: PageSetup) -> XMLTag {
        let width = String(Units.twips(mm: page.textWidth))
        let thick = Paragraph.Rule(width: 1), thin = Paragraph.Rule(width: 0.75)
        var paragraphs = imprint.distributionParagraphs.map { ($0, [WordML.Edge]()) }
        paragraphs.append((imprint.printingParagraph, [.bottom(thick)]))
        paragraphs[0].1.append(.top(thick))
        if paragraphs.count > 1 { paragraphs[paragraphs.count - 2].1.append(.bottom(thin)) }
        let rows = paragraphs.map { paragraph, edges in
            WordML.tag("tr", [], [WordML.tag("tc", [], [
                WordML.tag("tcPr", [], [WordML.tag("tcW", [("w", width), ("type", "dxa")]),
                                        WordML.tag("tcBorders", [], edges.map(\.tag))]),
                WordML.paragraph(paragraph, page: page),
            ])])
        }
        return WordML.tag("tbl", [], [
            WordML.tag("tblPr", [], [
                // Placed from the page's left edge: LibreOffice keeps a full-width table that is
                // positioned relative to the margin in the text flow (its import heuristics),
                // which would leave the imprint right under the text instead of at the foot.
                WordML.tag("tblpPr", [("leftFromText", "0"), ("rightFromText", "0"), ("vertAnchor", "margin"), ("horzAnchor", "page"),
                                      ("tblpX", String(Units.twips(mm: page.left))), ("tblpYSpec", "bottom")]),
                WordML.tag("tblW", [("w", width), ("type", "dxa")]),
                WordML.tag("tblLayout", [("type", "fixed")]),
                WordML.tag("tblCellMar", [], [WordML.tag("left", [("w", "0"), ("type", "dxa")]), WordML.tag("right", [("w", "0"), ("type", "dxa")])]),
            ]),
            WordML.tag("tblGrid", [], [WordML.tag("gridCol", [("w", width)])]),
        ] + rows)
    }

    /// Page size and margins; the footers hold the page numbers.
    static func section(_ layout: DocumentLayout) -> XMLTag {
        let page = layout.page
        var children: [XMLTag] = []
        if layout.pageNumbers {
            children.append(WordML.tag("footerReference", [("type", "default"), ("r:id", oddFooter)]))
            children.append(WordML.tag("footerReference", [("type", "even"), ("r:id", evenFooter)]))
        }
        var size = [("w", String(Units.twips(mm: page.width))), ("h", String(Units.twips(mm: page.height)))]
        if page.isLandscape { size.append(("orient", "landscape")) }
        children.append(WordML.tag("pgSz", size))
        children.append(WordML.tag("pgMar", [("top", String(Units.twips(mm: page.top))), ("right", String(Units.twips(mm: page.right))),
                                             ("bottom", String(Units.twips(mm: page.bottom))), ("left", String(Units.twips(mm: page.left))),
                                             ("header", "851"), ("footer", String(Units.twips(mm: footerDistance(page)))), ("gutter", "0")]))
        children.append(WordML.tag("cols", [("space", "425")]))
        return WordML.tag("sectPr", [], children)
    }

    /// From the paper's lower edge to the footer's: the number's line starts 7 mm under the
    /// type area (GB/T 9704 §7.5: 一字线上距版心下边缘7mm).
    static func footerDistance(_ page: PageSetup) -> Double {
        page.bottom - 7 - (ParagraphStyle.pageNumber.lineHeight ?? 16) / Units.pointsPerMillimetre
    }

    /// "— 1 —" in 4号宋体 (en spaces: a plain space is too narrow to read as one): odd pages right, even pages left, one character from the edge.
    static func footer(odd: Bool, page: PageSetup) -> XMLTag {
        let style = ParagraphStyle.pageNumber
        let indent = String(Units.twips(points: style.size))
        let props = [WordML.value("pStyle", style.id), WordML.tag("ind", [(odd ? "right" : "left", indent)]),
                     WordML.value("jc", odd ? "right" : "left")]
        let field = [
            WordML.tag("r", [], [WordML.tag("fldChar", [("fldCharType", "begin")])]),
            WordML.tag("r", [], [XMLTag("w:instrText", [("xml:space", "preserve")], text: " PAGE ")]),
            WordML.tag("r", [], [WordML.tag("fldChar", [("fldCharType", "separate")])]),
            WordML.run("1", properties: []),
            WordML.tag("r", [], [WordML.tag("fldChar", [("fldCharType", "end")])]),
        ]
        let paragraph = WordML.tag("p", [], [WordML.tag("pPr", [], props), WordML.run("—\u{2002}", properties: [])] + field
                                   + [WordML.run("\u{2002}—", properties: [])])
        return WordML.tag("ftr", [], [paragraph]).namespaced
    }
}
