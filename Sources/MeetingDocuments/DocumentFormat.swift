import Foundation
import MeetingKit

/// The file formats every document can be written in.
public enum DocumentFormat: String, CaseIterable, Sendable, Codable {
    /// Office Open XML, for Word, WPS and LibreOffice (editable).
    case docx
    /// PDF through LibreOffice, for printing and archiving.
    case pdf
    /// Plain UTF-8 text.
    case txt
    /// A print-ready HTML page.
    case html

    /// The format a file name's extension asks for.
    public init?(path: String) {
        let ext = (path as NSString).pathExtension.lowercased()
        self.init(rawValue: ext == "text" ? "txt" : ext == "htm" ? "html" : ext)
    }

    /// Whether the format is text that may go to standard output.
    public var isText: Bool { self == .txt || self == .html }

    /// The layouts as files of this format, in order; PDFs are converted in one LibreOffice run
    /// (`converter`, else the LibreOffice this process finds).
    public func render(_ layouts: [DocumentLayout], converter: PDFConverter? = nil) throws -> [Data] {
        switch self {
        case .docx: return try layouts.map(DocxWriter.data)
        case .pdf: return try (converter ?? PDFConverter.require()).convert(try layouts.map(DocxWriter.data))
        case .txt: return layouts.map { Data(PlainTextWriter.text($0).utf8) }
        case .html: return layouts.map { Data(HTMLWriter.html($0).utf8) }
        }
    }

    public func render(_ layout: DocumentLayout, converter: PDFConverter? = nil) throws -> Data {
        try render([layout], converter: converter)[0]
    }

    /// Writes a document where only its owner can read it (0600): documents may be classified (R48).
    public static func write(_ data: Data, to path: String) throws {
        let fm = FileManager.default
        if fm.fileExists(atPath: path) { try? fm.removeItem(atPath: path) }
        guard fm.createFile(atPath: path, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw Refusal(.storage, code: "export.write", Localized(zh: "无法写入 \(path)", en: "cannot write \(path)"))
        }
    }
}
