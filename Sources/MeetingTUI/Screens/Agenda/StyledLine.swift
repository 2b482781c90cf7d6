/// A line of styled text segments, for screens that lay out paragraphs and scroll.
struct StyledLine {
    var segments: [(text: String, style: Style)]

    init(_ text: String = "", _ style: Style = .normal) { segments = text.isEmpty ? [] : [(text, style)] }

    mutating func add(_ text: String, _ style: Style = .normal) { segments.append((text, style)) }

    func draw(into buffer: inout ScreenBuffer, row: Int, column: Int, width: Int) {
        var used = 0
        for segment in segments where used < width {
            used += buffer.put(segment.text, row: row, column: column + used, style: segment.style, maxWidth: width - used)
        }
    }
}
