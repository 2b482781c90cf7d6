import Foundation
import MeetingDocuments
import MeetingKit
import MeetingService
import MeetingStore

/// `p` on a screen that has a document: builds it from the use case's values, writes it as
/// PDF (DOCX when LibreOffice is missing) into `[print] directory` of config.toml or the
/// current directory, sends it to `[print] printer` with `lp` when one is set, and says where.
enum DocumentPrinter {
    static func print(name: String, _ context: ScreenContext, _ build: (Office) throws -> DocumentLayout) -> Effect {
        let converter = PDFConverter.locate(environment: context.environment)
        let hasLibreOffice = converter != nil
        let format: DocumentFormat = hasLibreOffice ? .pdf : .docx
        let path = directory(context) + "/" + name + "." + format.rawValue
        do {
            try DocumentFormat.write(try format.render(try build(context.office), converter: converter), to: path)
            if let printer = context.config.printer?.value, hasLibreOffice {
                try LinePrinter.print(path, printer: printer)
                return .status(Localized(zh: "已送打印机 \(printer)：\(path)", en: "sent to printer \(printer): \(path)"), .ok)
            }
            if !hasLibreOffice {
                return .status(Localized(zh: "已生成 \(path)（未安装 LibreOffice，不能生成 PDF）",
                                         en: "wrote \(path) (LibreOffice is not installed, so no PDF)"), .warning)
            }
            return .status(Localized(zh: "已生成 \(path)", en: "wrote \(path)"), .ok)
        } catch {
            return .failure(error)
        }
    }

    /// `[print] directory` (a leading `~` is the home directory), else the current directory.
    static func directory(_ context: ScreenContext) -> String {
        guard let configured = context.config.documentDirectory?.value else { return FileManager.default.currentDirectoryPath }
        if configured == "~" || configured.hasPrefix("~/") {
            return (context.environment["HOME"] ?? NSHomeDirectory()) + configured.dropFirst()
        }
        return configured
    }
}
