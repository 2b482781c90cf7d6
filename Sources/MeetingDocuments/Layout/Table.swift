/// A ruled table: the sign-in sheet, the leave report, the follow-up list, a seating plan.
public struct Table: Hashable, Sendable {
    /// One cell: its paragraphs (usually one).
    public struct Cell: Hashable, Sendable {
        public var paragraphs: [Paragraph]
        /// Columns this cell spans to its right (1: itself only).
        public var span: Int
        /// Shaded (a seat, the table in a seating plan).
        public var shaded: Bool

        public init(_ paragraphs: [Paragraph], span: Int = 1, shaded: Bool = false) {
            self.paragraphs = paragraphs
            self.span = span
            self.shaded = shaded
        }

        /// A cell of one line of text in the table-cell style.
        public init(_ text: String, alignment: ParagraphStyle.Alignment? = nil, span: Int = 1, shaded: Bool = false) {
            self.init([Paragraph(.tableCell, runs: text.isEmpty ? [] : [.init(text)], alignment: alignment)], span: span, shaded: shaded)
        }

        public var text: String { paragraphs.map(\.text).joined(separator: "\n") }
    }

    /// Column widths in millimetres (they add up to the table's width).
    public var columns: [Double]
    /// Repeated at the top of every page.
    public var header: [Cell] = []
    public var rows: [[Cell]]
    /// Minimum row height in millimetres (room for a handwritten signature).
    public var rowHeight: Double = 8

    /// Header cells in the table-heading style.
    public static func headings(_ titles: [String]) -> [Cell] {
        titles.map { Cell([Paragraph(.tableHeading, $0)]) }
    }
}
