import Foundation
import MeetingKit

/// Turns DOCX files into PDF with LibreOffice's headless converter, several files per run
/// (starting LibreOffice is most of the cost).
///
/// Each run gets its own temporary LibreOffice profile, so it neither waits for nor
/// disturbs a LibreOffice the user has open, and its own fontconfig file
/// (``FontFallback``), so missing office fonts print in their free replacements.
public struct PDFConverter: Sendable {
    /// The `soffice` program.
    public let soffice: String
    /// Seconds one run may take before it is stopped.
    public var timeout: TimeInterval = 180

    public init(soffice: String) { self.soffice = soffice }

    /// `HUIWU_SOFFICE` when the administrator set it (nil when it names no program), else
    /// LibreOffice on `PATH` or where Debian and the LibreOffice packages install it.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> PDFConverter? {
        if let configured = environment["HUIWU_SOFFICE"] {
            return FileManager.default.isExecutableFile(atPath: configured) ? PDFConverter(soffice: configured) : nil
        }
        let path = environment["PATH"]
        if let found = Executable.find("soffice", path: path) ?? Executable.find("libreoffice", path: path) {
            return PDFConverter(soffice: found)
        }
        let known = ["/usr/lib/libreoffice/program/soffice", "/opt/libreoffice/program/soffice"]
        return known.first { FileManager.default.isExecutableFile(atPath: $0) }.map(PDFConverter.init)
    }

    /// LibreOffice, or a refusal that says how to install it (or to export DOCX instead).
    public static func require() throws -> PDFConverter {
        guard let converter = locate() else { throw PDFConverter.missing }
        return converter
    }

    public static let missing = Refusal(.storage, code: "documents.noLibreOffice", Localized(
        zh: "生成 PDF 需要 LibreOffice，本机未安装：请管理员执行 apt-get install libreoffice-writer-nogui，或改用 --format docx",
        en: "PDF needs LibreOffice, which is not installed: ask the administrator to run apt-get install libreoffice-writer-nogui, or use --format docx"))

    /// Converts each DOCX (bytes) to PDF (bytes), in order, in one LibreOffice run.
    public func convert(_ documents: [Data]) throws -> [Data] {
        guard !documents.isEmpty else { return [] }
        let work = NSTemporaryDirectory() + "huiwu-pdf-" + UUID().uuidString
        let fm = FileManager.default
        try fm.createDirectory(atPath: work + "/out", withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? fm.removeItem(atPath: work) }
        var inputs: [String] = []
        for (i, data) in documents.enumerated() {
            let path = work + "/document-\(i + 1).docx"
            guard fm.createFile(atPath: path, contents: data, attributes: [.posixPermissions: 0o600]) else {
                throw PDFConverter.failure("cannot write \(path)")
            }
            inputs.append(path)
        }
        let fonts = work + "/fonts.conf"
        try FontFallback.configuration(installed: FontFallback.installedFamilies()).write(toFile: fonts, atomically: true, encoding: .utf8)
        var environment = ProcessInfo.processInfo.environment
        environment["FONTCONFIG_FILE"] = fonts
        environment["HOME"] = work
        let log = work + "/soffice.log"
        let status = try Executable.run(soffice, ["--headless", "--norestore", "--nologo", "--nolockcheck", "--nodefault",
                                                  "-env:UserInstallation=file://" + work + "/profile",
                                                  "--convert-to", "pdf:writer_pdf_Export", "--outdir", work + "/out"] + inputs,
                                        environment: environment, output: .file(log), timeout: timeout)
        var pdfs: [Data] = []
        for i in documents.indices {
            guard let pdf = fm.contents(atPath: work + "/out/document-\(i + 1).pdf"), pdf.starts(with: Data("%PDF".utf8)) else {
                let detail = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
                throw PDFConverter.failure("soffice exited \(status): " + detail.suffix(400).trimmingCharacters(in: .whitespacesAndNewlines))
            }
            pdfs.append(pdf)
        }
        return pdfs
    }

    static func failure(_ detail: String) -> Refusal {
        Refusal(.storage, code: "documents.pdfFailed", Localized(zh: "LibreOffice 未能生成 PDF：\(detail)",
                                                                 en: "LibreOffice could not make the PDF: \(detail)"))
    }
}
