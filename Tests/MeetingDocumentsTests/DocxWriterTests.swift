import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import ZIPFoundation
@testable import MeetingDocuments
import MeetingKit

/// The DOCX package without LibreOffice: the parts Word needs, well-formed XML whatever
/// people typed, the page set-up and styles of GB/T 9704, and the same bytes for the same
/// document.
@Suite("DOCX files")
struct DocxWriterTests {
    static let hostile = "一、<script>&\"'\u{07}\u{0B}\u{FFFE} 控制字符\t与换行"

    static var sample: DocumentLayout {
        var layout = DocumentLayout(title: "测试<文件>")
        layout.add(.title, "关于\(hostile)的通知")
        layout.add(.labelled(LabelledLine("出席", "周立新、\(hostile)")))
        layout.blocks.append(.table(Table(columns: [78, 78], header: Table.headings(["单位", "姓名"]), rows: [[Table.Cell(hostile), Table.Cell("李静")]])))
        layout.imprint = Imprint(distribution: [LabelledLine("抄送", "区委办公室。")], printer: "北京市西城区人民政府办公室", printed: "2026年3月3日印发")
        return layout
    }

    static func parts(_ data: Data) throws -> [String: Data] {
        let archive = try Archive(data: data, accessMode: .read)
        var parts: [String: Data] = [:]
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            parts[entry.path] = bytes
        }
        return parts
    }

    @Test("the package holds the parts Word, WPS and LibreOffice need, each well-formed XML")
    func wellFormed() throws {
        let parts = try DocxWriterTests.parts(try DocxWriter.data(DocxWriterTests.sample))
        #expect(Set(parts.keys) == ["[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml", "word/_rels/document.xml.rels",
                                    "word/document.xml", "word/styles.xml", "word/settings.xml", "word/fontTable.xml", "word/footer1.xml", "word/footer2.xml"])
        for (path, bytes) in parts {
            let parser = XMLParser(data: bytes)
            #expect(parser.parse(), "\(path): \(parser.parserError.map(String.init(describing:)) ?? "")")
        }
        let document = String(decoding: parts["word/document.xml"]!, as: UTF8.self)
        #expect(document.contains("&lt;script&gt;&amp;\"'\u{FFFD}\u{FFFD}\u{FFFD} 控制字符"), "markup escaped, forbidden characters replaced")
        #expect(!document.contains("\u{07}"))
    }

    @Test("GB/T 9704 page: A4, 37 mm top, 28 mm left, 156 × 225 mm; 3号仿宋 on an exact 28.95pt line; odd and even footers")
    func pageAndStyles() throws {
        let parts = try DocxWriterTests.parts(try DocxWriter.data(DocxWriterTests.sample))
        let document = String(decoding: parts["word/document.xml"]!, as: UTF8.self)
        #expect(document.contains(#"<w:pgSz w:w="11906" w:h="16838"/>"#))
        #expect(document.contains(#"<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587""#))
        let styles = String(decoding: parts["word/styles.xml"]!, as: UTF8.self)
        #expect(styles.contains(#"w:styleId="HuiwuBody""#) && styles.contains(#"<w:name w:val="公文正文"/>"#))
        #expect(styles.contains(#"w:eastAsia="仿宋_GB2312""#) && styles.contains(#"<w:sz w:val="32"/>"#))
        #expect(styles.contains(#"w:line="579" w:lineRule="exact""#))
        #expect(styles.contains(#"<w:spacing w:val="-5"/>"#), "28 characters of 3号 on a 156 mm line")
        let fonts = String(decoding: parts["word/fontTable.xml"]!, as: UTF8.self)
        #expect(fonts.contains(#"<w:font w:name="方正小标宋简体"><w:altName w:val="Noto Serif CJK SC"/>"#))
        #expect(String(decoding: parts["word/settings.xml"]!, as: UTF8.self).contains("<w:evenAndOddHeaders/>"))
        #expect(String(decoding: parts["word/footer2.xml"]!, as: UTF8.self).contains(#"<w:jc w:val="left"/>"#))
        #expect(document.contains(#"w:tblpYSpec="bottom""#), "the imprint floats at the foot of the last page")
    }

    @Test("the same document gives the same bytes")
    func deterministic() throws {
        #expect(try DocxWriter.data(DocxWriterTests.sample) == DocxWriter.data(DocxWriterTests.sample))
    }

    @Test("the page geometry: 22 lines of 28.95pt and 28 characters of 15.75pt fill the type area")
    func geometry() {
        let page = PageSetup.gbt9704
        #expect(page.right == 26 && page.bottom == 35)
        #expect(page.linePitch == 28.95)
        #expect(page.characterSpacing == -0.25)
        #expect((16 + page.characterSpacing) * 28 <= Units.points(mm: 156))
        #expect(Double(page.lines) * page.linePitch <= Units.points(mm: 225))
    }

    @Test("text and HTML: escaped, the imprint last, the standard's @page margins")
    func textAndHTML() {
        let html = HTMLWriter.html(DocxWriterTests.sample)
        #expect(html.contains("@page { size: A4; margin: 37mm 26mm 35mm 28mm; }"))
        #expect(!html.contains("<script>") && html.contains("&lt;script&gt;"))
        #expect(html.contains(FontRole.fangsong.cssStack))
        let text = PlainTextWriter.text(DocxWriterTests.sample)
        #expect(text.contains("　出席：周立新"))
        #expect(text.hasSuffix("2026年3月3日印发　\n" + String(repeating: "━", count: 28) + "\n"))
    }

    @Test("missing office fonts print in Debian's free ones; installed ones are left alone")
    func fontFallback() {
        let config = FontFallback.configuration(installed: ["黑体"])
        #expect(config.contains("<string>仿宋_GB2312</string>") && config.contains("<string>AR PL UMing CN</string>"))
        #expect(!config.contains("<string>黑体</string>"))
        #expect(config.contains("<const>bold</const>"), "小标宋's stand-in is set bold")
        #expect(config.contains("/etc/fonts/fonts.conf"))
    }
}
