import ArgumentParser
import Foundation
import MeetingDocuments
import MeetingKit

/// `--format` and `--out` of the commands that print official documents. The document is
/// rendered here, in the user's own process, from the values the use case returns, and the
/// file is written as the user (private to them: documents may be classified, R48).
struct DocumentOptions: ParsableArguments {
    @Option(help: "docx, pdf, txt or html (default: from --out's extension, else txt). 格式：docx、pdf、txt 或 html。")
    var format: DocumentFormat?
    @Option(help: "Write to this file instead of standard output. 输出文件。") var out: String?

    /// The format asked for, by option or by the output file's extension.
    var resolvedFormat: DocumentFormat { format ?? out.flatMap(DocumentFormat.init(path:)) ?? .txt }

    func validate() throws {
        if out == nil, !resolvedFormat.isText {
            throw ValidationError("--format \(resolvedFormat.rawValue) needs --out FILE")
        }
    }

    /// What a written document reports with --json.
    struct Written: Encodable {
        var out: String
        var format: DocumentFormat
        var bytes: Int
        var sha256: String
    }

    /// Writes `layout` (or `text`, for a text document whose exact text matters) to --out, or
    /// prints it; with --json and no --out, prints `value` instead.
    func write<T: Encodable>(_ layout: DocumentLayout, value: T, text: String? = nil, _ context: CommandContext) throws {
        let format = resolvedFormat
        guard let out else {
            if context.output.json {
                context.output.emit(value) { "" }
            } else {
                let content = format == .txt ? (text ?? PlainTextWriter.text(layout)) : HTMLWriter.html(layout)
                FileHandle.standardOutput.write(Data(content.utf8))
            }
            return
        }
        let data: Data
        if format == .txt, let text { data = Data(text.utf8) } else { data = try format.render(layout) }
        try DocumentFormat.write(data, to: out)
        context.output.emit(Written(out: out, format: format, bytes: data.count, sha256: SHA256.hex(bytes: [UInt8](data)))) {
            context.output.line(Localized(zh: "已生成 \(out)（\(format.rawValue)）", en: "wrote \(out) (\(format.rawValue))"))
        }
    }
}

extension DocumentFormat: ExpressibleByArgument {
    /// Also `text` and `htm`, as file extensions go.
    public init?(argument: String) { self.init(path: "document." + argument) }
}
