import Foundation
import ZIPFoundation

/// Writes a ``DocumentLayout`` as an Office Open XML document (.docx) that Word, WPS and
/// LibreOffice open: the page set-up of GB/T 9704, one paragraph style per kind of line
/// (fonts, sizes, fixed line spacing), odd and even page-number footers, and the imprint
/// in a frame at the foot of the last page.
public enum DocxWriter {
    /// The document as the bytes of a .docx file. The same layout gives the same bytes.
    public static func data(_ layout: DocumentLayout) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, xml) in parts(layout) {
            let bytes = Data(xml.utf8)
            // A fixed date: the file depends on the document only, so tests and archives compare.
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count),
                                 modificationDate: Date(timeIntervalSince1970: 315_532_800),
                                 compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    /// The package's parts in the order they are zipped (content types first, as Word writes them).
    static func parts(_ layout: DocumentLayout) -> [(String, String)] {
        var parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes(footers: layout.pageNumbers).document),
            ("_rels/.rels", packageRelationships.document),
            ("docProps/core.xml", coreProperties(title: layout.title).document),
            ("docProps/app.xml", XMLTag("Properties", [("xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties")],
                                        [XMLTag("Application", text: "Huiwu")]).document),
            ("word/_rels/document.xml.rels", documentRelationships(footers: layout.pageNumbers).document),
            ("word/document.xml", DocxBody.document(layout).document),
            ("word/styles.xml", styles(layout.page).document),
            ("word/settings.xml", settings(evenAndOdd: layout.pageNumbers).document),
            ("word/fontTable.xml", fontTable.document),
        ]
        if layout.pageNumbers {
            parts.append(("word/footer1.xml", DocxBody.footer(odd: true, page: layout.page).document))
            parts.append(("word/footer2.xml", DocxBody.footer(odd: false, page: layout.page).document))
        }
        return parts
    }

    private static func contentTypes(footers: Bool) -> XMLTag {
        let wml = "application/vnd.openxmlformats-officedocument.wordprocessingml."
        var overrides = [("/word/document.xml", wml + "document.main+xml"), ("/word/styles.xml", wml + "styles+xml"),
                         ("/word/settings.xml", wml + "settings+xml"), ("/word/fontTable.xml", wml + "fontTable+xml"),
                         ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
                         ("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml")]
        if footers { overrides += [("/word/footer1.xml", wml + "footer+xml"), ("/word/footer2.xml", wml + "footer+xml")] }
        return XMLTag("Types", [("xmlns", "http://schemas.openxmlformats.org/package/2006/content-types")], [
            XMLTag("Default", [("Extension", "rels"), ("ContentType", "application/vnd.openxmlformats-package.relationships+xml")]),
            XMLTag("Default", [("Extension", "xml"), ("ContentType", "application/xml")]),
        ] + overrides.map { XMLTag("Override", [("PartName", $0.0), ("ContentType", $0.1)]) })
    }

    private static func relationships(_ list: [(id: String, type: String, target: String)]) -> XMLTag {
        XMLTag("Relationships", [("xmlns", "http://schemas.openxmlformats.org/package/2006/relationships")],
               list.map { XMLTag("Relationship", [("Id", $0.id), ("Type", $0.type), ("Target", $0.target)]) })
    }

    private static let officeRelationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

    private static var packageRelationships: XMLTag {
        relationships([("rId1", officeRelationship + "officeDocument", "word/document.xml"),
                       ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"),
                       ("rId3", officeRelationship + "extended-properties", "docProps/app.xml")])
    }

    private static func documentRelationships(footers: Bool) -> XMLTag {
        var list = [("rId1", officeRelationship + "styles", "styles.xml"), ("rId2", officeRelationship + "settings", "settings.xml"),
                    ("rId3", officeRelationship + "fontTable", "fontTable.xml")]
        if footers {
            list += [(DocxBody.oddFooter, officeRelationship + "footer", "footer1.xml"),
                     (DocxBody.evenFooter, officeRelationship + "footer", "footer2.xml")]
        }
        return relationships(list)
    }

    private static func coreProperties(title: String) -> XMLTag {
        XMLTag("cp:coreProperties", [("xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"),
                                     ("xmlns:dc", "http://purl.org/dc/elements/1.1/")],
               [XMLTag("dc:title", text: title), XMLTag("dc:creator", text: "会务 Huiwu")])
    }

    /// Document defaults (3号仿宋, Chinese, exact line pitch), `Normal`, and every ``ParagraphStyle``.
    private static func styles(_ page: PageSetup) -> XMLTag {
        let defaults = WordML.tag("docDefaults", [], [
            WordML.tag("rPrDefault", [], [WordML.tag("rPr", [],
                WordML.runProperties(font: .fangsong, size: 16, red: false, spacing: 0)
                    + [WordML.tag("lang", [("val", "en-US"), ("eastAsia", "zh-CN")])])]),
            WordML.tag("pPrDefault", [], [WordML.tag("pPr", [], [
                WordML.tag("spacing", [("before", "0"), ("after", "0"), ("line", String(Units.twips(points: page.linePitch))), ("lineRule", "exact")]),
            ])]),
        ])
        let normal = WordML.tag("style", [("type", "paragraph"), ("default", "1"), ("styleId", "Normal")],
                                [WordML.value("name", "Normal"), WordML.tag("qFormat")])
        return WordML.tag("styles", [], [defaults, normal] + ParagraphStyle.all.map { WordML.style($0, page: page) })
            .namespaced
    }

    private static func settings(evenAndOdd: Bool) -> XMLTag {
        var children = [WordML.tag("zoom", [("percent", "100")])]
        if evenAndOdd { children.append(WordML.tag("evenAndOddHeaders")) }
        children += [
            WordML.value("defaultTabStop", "420"),
            // Punctuation keeps its full width, so 28 characters stay 28 characters.
            WordML.value("characterSpacingControl", "doNotCompress"),
            WordML.tag("compat", [], [WordML.tag("compatSetting", [("name", "compatibilityMode"), ("uri", "http://schemas.microsoft.com/office/word"), ("val", "15")])]),
        ]
        return WordML.tag("settings", [], children).namespaced
    }

    /// Each office font with its free replacement as `altName` and the GB2312 character set,
    /// which Word and WPS use to pick a substitute where the font is missing.
    private static var fontTable: XMLTag {
        WordML.tag("fonts", [], FontRole.allCases.map { role in
            WordML.tag("font", [("name", role.officeName)], [
                WordML.value("altName", role.fallback), WordML.value("charset", "86"),
                WordML.value("family", role == .heiti ? "modern" : "roman"), WordML.value("pitch", "variable"),
            ])
        }).namespaced
    }
}

extension XMLTag {
    /// The root of a WordprocessingML part, with its namespace declarations.
    var namespaced: XMLTag {
        var tag = self
        tag.attributes.insert(contentsOf: [Attribute(name: "xmlns:w", value: WordML.main), Attribute(name: "xmlns:r", value: WordML.relationships)], at: 0)
        return tag
    }
}
