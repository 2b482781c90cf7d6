/// A document laid out for paper, independent of the file format: the page, the blocks in
/// reading order, and the imprint (版记) that closes the last page.
///
/// Composers (`Compose/`) turn use-case values into a layout; writers turn a layout into a
/// file: ``DocxWriter`` (which LibreOffice converts to PDF), ``PlainTextWriter`` and
/// ``HTMLWriter``. Keeping the layout separate means every document gets every format,
/// and the geometry of GB/T 9704 lives in one place (``PageSetup``, ``ParagraphStyle``).
public struct DocumentLayout: Hashable, Sendable {
    /// The title stored in the file's properties (and the HTML `<title>`).
    public var title: String
    public var page: PageSetup = .gbt9704
    /// "— 1 —" under the type area, odd pages right and even pages left (GB/T 9704 §7.5).
    public var pageNumbers: Bool = true
    public var blocks: [Block] = []
    /// The 版记 (distribution, printing office and date between rules), set at the bottom of
    /// the last page (GB/T 9704 §7.4).
    public var imprint: Imprint?

    /// Appends a paragraph of one run in `style`.
    public mutating func add(_ style: ParagraphStyle, _ text: String) {
        blocks.append(.paragraph(Paragraph(style, text)))
    }

    public mutating func add(_ paragraph: Paragraph) { blocks.append(.paragraph(paragraph)) }

    /// An empty line of the body's height (GB/T 9704 counts distances in lines: "空一行").
    public mutating func addBlankLine() { blocks.append(.paragraph(Paragraph(.body, ""))) }
}

/// One element of the body, in reading order.
public enum Block: Hashable, Sendable {
    case paragraph(Paragraph)
    case table(Table)
    /// The next block starts a new page.
    case pageBreak
}

/// The 版记: rules and lines in 4号仿宋 (14pt) at the foot of the last page.
public struct Imprint: Hashable, Sendable {
    /// 抄送 / 分送 lines: the label ("抄送") and the recipients, ending with 。.
    public var distribution: [LabelledLine]
    /// The printing office (印发机关), left, one character in.
    public var printer: String
    /// The printing date with 印发 (印发日期), right, one character in.
    public var printed: String

    /// The 抄送 lines: 4号仿宋 throughout (no 黑体 label), wrapped lines after the colon.
    public var distributionParagraphs: [Paragraph] {
        distribution.map { Paragraph.labelled($0, style: .imprint, indent: 1, labelFont: nil) }
    }

    /// 印发机关 on the left and 印发日期 on the right of one line.
    public var printingParagraph: Paragraph { Paragraph(.imprint, runs: [.init(printer + "\t" + printed)], rightTab: true) }
}

/// A label, a full-width colon, and text whose wrapped lines align after the colon (the
/// 出席/请假/列席 blocks of minutes, the 抄送 line of the imprint).
public struct LabelledLine: Hashable, Sendable {
    public var label: String
    public var text: String

    public init(_ label: String, _ text: String) {
        self.label = label
        self.text = text
    }
}
