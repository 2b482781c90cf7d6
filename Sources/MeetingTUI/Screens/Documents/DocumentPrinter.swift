import Foundation
import MeetingDocuments
import MeetingKit
import MeetingService
import MeetingStore
import TextLayout

/// `P` on a screen that has documents: builds one from the use case's values, writes it
/// into `[print] directory` of config.toml or the current directory, and sends a PDF to
/// `[print] printer` with `lp` when one is set. Several documents (or formats) are offered
/// in a menu (``PrintMenuScreen``). The work is a task the app runs, not the screen.
enum DocumentPrinter {
    /// One document a screen offers.
    struct Choice {
        var label: Localized
        var name: String
        /// nil: PDF (DOCX when LibreOffice is missing), printed when a printer is set.
        var format: DocumentFormat?
        var build: @Sendable (Office) throws -> DocumentLayout
    }

    static func print(name: String, _ context: ScreenContext, format: DocumentFormat? = nil,
                      _ build: @escaping @Sendable (Office) throws -> DocumentLayout) -> Effect {
        let environment = context.environment, config = context.config
        let directory = directory(context)
        return .task(OfficeTask(name: "print", perform: { office in
            Result<Any, any Error> {
                let converter = PDFConverter.locate(environment: environment)
                let hasLibreOffice = converter != nil
                let chosen: DocumentFormat = format ?? (hasLibreOffice ? .pdf : .docx)
                let path = directory + "/" + name + "." + chosen.rawValue
                try DocumentFormat.write(try chosen.render(try build(office), converter: converter), to: path)
                if format == nil, let printer = config.printer?.value, hasLibreOffice {
                    try LinePrinter.print(path, printer: printer)
                    return Localized(zh: "已送打印机 \(printer)：\(path)", en: "sent to printer \(printer): \(path)")
                }
                if format == nil, !hasLibreOffice {
                    return Localized(zh: "已生成 \(path)（未安装 LibreOffice，不能生成 PDF）", en: "wrote \(path) (LibreOffice is not installed, so no PDF)")
                }
                return Localized(zh: "已生成 \(path)", en: "wrote \(path)")
            }
        }, resume: { _, outcome, _ in
            switch outcome {
            case .success(let text): return .status(text as! Localized, (text as! Localized).zh.contains("LibreOffice") ? .warning : .ok)
            case .failure(let error): return .failure(error)
            }
        }))
    }

    /// A menu of the documents (or formats) a screen offers; one choice prints at once.
    static func menu(_ title: Localized, _ choices: [Choice], _ context: ScreenContext) -> Effect {
        if choices.count == 1, let only = choices.first { return print(name: only.name, context, format: only.format, only.build) }
        return .push(PrintMenuScreen(title: title, choices: choices))
    }

    /// The formats of one document: printed (PDF), and exported as DOCX, text or HTML.
    static func formats(_ label: Localized, name: String, _ build: @escaping @Sendable (Office) throws -> DocumentLayout) -> [Choice] {
        [Choice(label: Localized(zh: label.zh + "：打印（PDF）", en: label.en + ": print (PDF)"), name: name, format: nil, build: build),
         Choice(label: Localized(zh: label.zh + "：导出 DOCX（可编辑）", en: label.en + ": export DOCX (editable)"), name: name, format: .docx, build: build),
         Choice(label: Localized(zh: label.zh + "：导出文本", en: label.en + ": export text"), name: name, format: .txt, build: build),
         Choice(label: Localized(zh: label.zh + "：导出 HTML", en: label.en + ": export HTML"), name: name, format: .html, build: build)]
    }

    /// `[print] directory` (a leading `~` is the home directory), else the current directory.
    /// Says at the foot of a dialog where its file will be written, in full: a secretary must
    /// find it afterwards, and the current directory of an SSH session is not obvious.
    static func drawDestination(_ what: Localized, into buffer: inout ScreenBuffer, area: Rect, _ context: ScreenContext) {
        let directory = DocumentPrinter.directory(context)
        let note = Localized(zh: "\(what.zh)保存到 \(directory)，不覆盖同名文件（位置由 config.toml 的 [print] directory 设定）", en: "\(what.en) is saved in \(directory); no file is overwritten ([print] directory in config.toml sets where)").text(context.lang)
        let rows = WrappedText.rows(note, width: area.width - 2)
        for (i, line) in rows.enumerated() {
            buffer.put(line, row: area.bottom - rows.count + i, column: area.left + 1, style: .dim, maxWidth: area.width - 2)
        }
    }

    static func directory(_ context: ScreenContext) -> String {
        guard let configured = context.config.documentDirectory?.value else { return FileManager.default.currentDirectoryPath }
        if configured == "~" || configured.hasPrefix("~/") {
            return (context.environment["HOME"] ?? NSHomeDirectory()) + configured.dropFirst()
        }
        return configured
    }
}

/// Which document to print or export: a short list, Enter prints the chosen one.
struct PrintMenuScreen: Screen {
    enum Action { case choose, cancel }

    let heading: Localized
    let choices: [DocumentPrinter.Choice]
    var list: ChoiceList

    init(title: Localized, choices: [DocumentPrinter.Choice]) {
        heading = title
        self.choices = choices
        list = ChoiceList(options: [])
    }

    func title(_ lang: Lang) -> String { heading.text(lang) }
    var isModal: Bool { true }

    func keymap(_ context: ScreenContext) -> Keymap<Action> {
        var map = Keymap<Action>()
        map.add(.enter, .choose, Localized(zh: "打印/导出", en: "print/export"))
        map.add(.escape, .cancel, Localized(zh: "取消", en: "cancel"))
        return map
    }

    mutating func reload(_ context: ScreenContext) {
        if list.options.isEmpty { list = ChoiceList(options: choices.map { $0.label.text(context.lang) }) }
    }

    mutating func perform(_ action: Action, _ context: ScreenContext) -> Effect {
        switch action {
        case .cancel: return .pop
        case .choose:
            guard let index = list.selectedIndex else { return .pop }
            let choice = choices[index]
            return .batch([.pop, DocumentPrinter.print(name: choice.name, context, format: choice.format, choice.build)])
        }
    }

    mutating func input(_ key: Key, _ context: ScreenContext) -> Effect {
        if case .chosen(let index)? = list.handle(key) {
            list = ChoiceList(options: list.options, selected: index)
            return perform(.choose, context)
        }
        return .none
    }

    func draw(into buffer: inout ScreenBuffer, area: Rect, _ context: ScreenContext) {
        MinutesStyle.drawChoice(list, title: heading.text(context.lang), into: &buffer, area: area)
        DocumentPrinter.drawDestination(Localized(zh: "文件", en: "the file"), into: &buffer, area: area, context)
    }
}
