/// A paragraph: a style, runs of text, and the few adjustments a composer needs on top of
/// the style (a label hanging before aligned text, a rule, a size that fits one line).
public struct Paragraph: Hashable, Sendable {
    /// A piece of text with its own font where it differs from the style's.
    public struct Run: Hashable, Sendable {
        public var text: String
        public var font: FontRole?

        public init(_ text: String, font: FontRole? = nil) {
            self.text = text
            self.font = font
        }
    }

    /// A horizontal rule drawn as the paragraph's bottom or top border.
    public struct Rule: Hashable, Sendable {
        /// Thickness in points.
        public var width: Double
        public var red: Bool = false

        /// The red rule under the masthead (版头中的分隔线), 0.5 mm.
        public static let masthead = Rule(width: 1.5, red: true)
    }

    public var style: ParagraphStyle
    public var runs: [Run]
    /// Overrides the style's size (points): a masthead fitted to the line, a name card.
    public var size: Double?
    public var alignment: ParagraphStyle.Alignment?
    /// Characters the continuation lines are indented by, relative to the first line (the
    /// width of "出席：" so names align after the colon).
    public var hanging: Double?
    /// Characters from the left edge to the text (overrides the style's left indent).
    public var leftIndent: Double?
    /// Text after a tab goes flush right (印发机关 … 印发日期 on one line).
    public var rightTab: Bool
    public var ruleBelow: Rule?
    /// Extra space before the paragraph, in points.
    public var spaceBefore: Double

    public init(_ style: ParagraphStyle, runs: [Run], size: Double? = nil, alignment: ParagraphStyle.Alignment? = nil,
                hanging: Double? = nil, leftIndent: Double? = nil, rightTab: Bool = false, ruleBelow: Rule? = nil,
                spaceBefore: Double = 0) {
        self.style = style
        self.runs = runs
        self.size = size
        self.alignment = alignment
        self.hanging = hanging
        self.leftIndent = leftIndent
        self.rightTab = rightTab
        self.ruleBelow = ruleBelow
        self.spaceBefore = spaceBefore
    }

    public init(_ style: ParagraphStyle, _ text: String) {
        self.init(style, runs: text.isEmpty ? [] : [Run(text)])
    }

    /// A label in 黑体 with a full-width colon, then the text in the style's font; wrapped
    /// lines align after the colon (GB/T 9704 §10.3: 出席、请假、列席).
    public static func labelled(_ line: LabelledLine, style: ParagraphStyle = .body, indent: Double = 2,
                                labelFont: FontRole? = .heiti) -> Paragraph {
        let labelWidth = Double(line.label.count + 1)
        return Paragraph(style, runs: [Run(line.label + "：", font: labelFont), Run(line.text)],
                         hanging: labelWidth, leftIndent: indent + labelWidth)
    }

    /// The paragraph's text without formatting.
    public var text: String { runs.map(\.text).joined() }

    public var effectiveSize: Double { size ?? style.size }
    public var effectiveAlignment: ParagraphStyle.Alignment { alignment ?? style.alignment }
}
