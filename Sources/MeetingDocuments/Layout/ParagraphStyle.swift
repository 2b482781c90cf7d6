/// A named paragraph style: what GB/T 9704 prescribes for one kind of line (font, size,
/// indents, colour). The DOCX declares each as a style of its own (with a Chinese name), so
/// the office can still edit the text in WPS or Word and keep the layout.
public struct ParagraphStyle: Hashable, Sendable {
    public enum Alignment: String, Hashable, Sendable {
        case left, center, right, justify
    }

    /// The style id in the DOCX (ASCII).
    public var id: String
    /// The name Word and WPS show.
    public var name: String
    public var font: FontRole
    /// Points: 3号 = 16, 4号 = 14, 2号 = 22, 小四 = 12.
    public var size: Double
    public var alignment: Alignment = .justify
    /// In characters of this style's size.
    public var firstLineIndent: Double = 0
    public var leftIndent: Double = 0
    public var rightIndent: Double = 0
    /// Red: the masthead and the rule under it (GB/T 9704 §5.2.4).
    public var red: Bool = false
    /// Exact line height in points; nil: the page's line pitch (22 lines on the type area).
    public var lineHeight: Double?
    /// Whether the 28-characters-per-line spacing applies (3号 text on the type area).
    public var onCharacterGrid: Bool = false

    /// 正文: 3号仿宋, two characters in, justified, on the 22 × 28 grid.
    public static let body = ParagraphStyle(id: "HuiwuBody", name: "公文正文", font: .fangsong, size: 16, firstLineIndent: 2,
                                            onCharacterGrid: true)
    /// 3号仿宋 from the left edge: 主送机关, 份号, table-free lists.
    public static let flush = ParagraphStyle(id: "HuiwuFlush", name: "公文顶格", font: .fangsong, size: 16, alignment: .left,
                                             onCharacterGrid: true)
    /// 一、 headings: 3号黑体.
    public static let heading1 = ParagraphStyle(id: "HuiwuHeading1", name: "公文一级标题", font: .heiti, size: 16, firstLineIndent: 2,
                                                onCharacterGrid: true)
    /// （一） headings: 3号楷体.
    public static let heading2 = ParagraphStyle(id: "HuiwuHeading2", name: "公文二级标题", font: .kaiti, size: 16, firstLineIndent: 2,
                                                onCharacterGrid: true)
    /// 密级 and 紧急程度: 3号黑体 at the top left (§7.2.2).
    public static let mark = ParagraphStyle(id: "HuiwuMark", name: "公文密级", font: .heiti, size: 16, alignment: .left,
                                            onCharacterGrid: true)
    /// 纪要标志 / 发文机关标志: red 小标宋, centred; the composer sets the size to fit one line.
    public static let masthead = ParagraphStyle(id: "HuiwuMasthead", name: "公文版头标志", font: .xiaobiaosong, size: 26,
                                                alignment: .center, red: true, lineHeight: 40)
    /// 发文字号: 3号仿宋, centred (§7.2.5).
    public static let number = ParagraphStyle(id: "HuiwuNumber", name: "公文发文字号", font: .fangsong, size: 16, alignment: .center,
                                              onCharacterGrid: true)
    /// The issuing office and the date on one line over the red rule (纪要), one character in
    /// on both sides.
    public static let issuingLine = ParagraphStyle(id: "HuiwuIssuingLine", name: "公文印发行", font: .fangsong, size: 16, alignment: .left,
                                                   leftIndent: 1, rightIndent: 1, onCharacterGrid: true)
    /// 标题: 2号小标宋, centred (§7.3.1).
    public static let title = ParagraphStyle(id: "HuiwuTitle", name: "公文标题", font: .xiaobiaosong, size: 22, alignment: .center,
                                             lineHeight: 35)
    /// 发文机关署名 and 成文日期: right, four characters in (§7.3.5.2).
    public static let signature = ParagraphStyle(id: "HuiwuSignature", name: "公文署名", font: .fangsong, size: 16, alignment: .right,
                                                 rightIndent: 4, onCharacterGrid: true)
    /// 附注: in parentheses, two characters in (§7.3.6).
    public static let note = ParagraphStyle(id: "HuiwuNote", name: "公文附注", font: .fangsong, size: 16, alignment: .left,
                                            firstLineIndent: 2, onCharacterGrid: true)
    /// 版记 lines: 4号仿宋, one character in on both sides (§7.4).
    public static let imprint = ParagraphStyle(id: "HuiwuImprint", name: "公文版记", font: .fangsong, size: 14, alignment: .left,
                                               leftIndent: 1, rightIndent: 1, lineHeight: 25)
    /// 页码: 4号宋体 (§7.5).
    public static let pageNumber = ParagraphStyle(id: "HuiwuPageNumber", name: "公文页码", font: .songti, size: 14, alignment: .right,
                                                  lineHeight: 16)
    /// Table headings: 小四黑体, centred.
    public static let tableHeading = ParagraphStyle(id: "HuiwuTableHeading", name: "表格标题行", font: .heiti, size: 12,
                                                    alignment: .center, lineHeight: 18)
    /// Table cells: 小四仿宋.
    public static let tableCell = ParagraphStyle(id: "HuiwuTableCell", name: "表格正文", font: .fangsong, size: 12, alignment: .left,
                                                 lineHeight: 18)
    /// A name card's name: very large 小标宋-like 黑体, centred.
    public static let cardName = ParagraphStyle(id: "HuiwuCardName", name: "桌签姓名", font: .heiti, size: 96, alignment: .center,
                                                lineHeight: 120)

    /// Every style, for the DOCX style sheet.
    public static let all: [ParagraphStyle] = [body, flush, heading1, heading2, mark, masthead, number, issuingLine, title, signature, note,
                                               imprint, pageNumber, tableHeading, tableCell, cardName]
}
