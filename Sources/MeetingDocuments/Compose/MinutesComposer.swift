import MeetingKit

/// Lays out minutes in the 纪要 format of GB/T 9704-2012 §10.3: classification and copy
/// number at the top left, the red 纪要标志 35 mm into the type area, the number, the issuing
/// office and date over the red rule, the text with 黑体 headings, the 出席/请假/列席 blocks,
/// the 附注 of a public document, and the imprint. An R44 document that is still a request
/// is laid out as a 请示 from the lead department to the government.
public enum MinutesComposer {
    public static func layout(_ paper: MinutesPaper, copy: Int = 1) -> DocumentLayout {
        var layout = DocumentLayout(title: paper.citation.map { $0 + " " + paper.title } ?? paper.title)
        var linesAboveMasthead = 0
        if !paper.isSigned {
            layout.add(Paragraph(.mark, runs: [.init(paper.request == nil ? "草稿（未签发）" : "代拟稿（未签发）")], alignment: .right))
            linesAboveMasthead += 1
        }
        linesAboveMasthead += OfficialHeader.marks(paper.classification, copy: copy, into: &layout)
        if let request = paper.request {
            requestBody(paper, request, into: &layout, linesAbove: linesAboveMasthead)
            return layout
        }
        layout.add(OfficialHeader.masthead(paper.masthead, linesAbove: linesAboveMasthead))
        layout.addBlankLine()
        if let number = paper.number { layout.add(.number, number) }
        var office = Paragraph(.issuingLine, runs: [.init(paper.office + "\t" + (paper.signedOn?.chinese ?? "（未签发）"))], rightTab: true)
        office.ruleBelow = .masthead
        layout.add(office)
        layout.addBlankLine()
        if paper.hasSubject {
            layout.add(.title, paper.title)
            layout.addBlankLine()
        }
        if let corrects = paper.corrects { layout.add(Paragraph(.number, runs: [.init("（本件更正\(corrects)）")])) }
        text(paper.paragraphs, into: &layout)
        attendance(paper.attendance, into: &layout)
        if let note = paper.note { layout.add(.note, note) }
        layout.imprint = Imprint(distribution: paper.distribution.map { LabelledLine($0.label, $0.names) }, printer: paper.office,
                                 printed: (paper.signedOn?.chinese ?? "　　年　月　日") + "印发")
        return layout
    }

    /// The lines of the text: 一、 headings in 黑体, （一） in 楷体, the rest in 仿宋.
    static func text(_ paragraphs: [String], into layout: inout DocumentLayout) {
        for line in paragraphs {
            let style: ParagraphStyle = MinutesPaper.isHeading(line) ? .heading1 : MinutesPaper.isSubheading(line) ? .heading2 : .body
            layout.add(style, line)
        }
    }

    /// One blank line after the text, then each block with its label in 黑体 (§10.3).
    static func attendance(_ blocks: [NamedList], into layout: inout DocumentLayout) {
        guard !blocks.isEmpty else { return }
        layout.addBlankLine()
        for block in blocks { layout.add(.labelled(LabelledLine(block.label, block.names))) }
    }

    /// R44: the lead department presents the draft to the government as a 请示.
    static func requestBody(_ paper: MinutesPaper, _ request: MinutesPaper.Request, into layout: inout DocumentLayout, linesAbove: Int) {
        var masthead = OfficialHeader.masthead(request.department, linesAbove: linesAbove)
        masthead.ruleBelow = .masthead
        layout.add(masthead)
        layout.addBlankLine()
        layout.add(.title, "关于呈报《\(paper.title)》的请示")
        layout.addBlankLine()
        layout.add(.flush, request.addressee + "：")
        layout.add(.body, "现将《\(paper.title)》（代拟稿）呈报如下：")
        text(paper.paragraphs, into: &layout)
        attendance(paper.attendance, into: &layout)
        layout.add(.body, "妥否，请批示。")
        layout.addBlankLine()
        layout.addBlankLine()
        layout.add(.signature, request.department)
        layout.add(.signature, request.date.chinese)
        layout.add(.note, "（联系人：\(request.contact)）")
    }
}
