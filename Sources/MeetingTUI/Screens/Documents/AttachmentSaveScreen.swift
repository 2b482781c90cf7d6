import Foundation
import MeetingKit
import MeetingService
import MeetingStore

/// `V` on an item or minutes with attachments: the list of them; Enter saves a copy of the
/// chosen one into `[print] directory` of config.toml (else the current directory), where a
/// secretary at an SSH terminal picks it up as they pick up printed documents. The office
/// checks the copy first (a missing or changed file is refused) and that this person may
/// read it (R48); an existing file of the same name is never overwritten.
struct AttachmentSaveScreen: Screen {
    enum Action { case save, cancel }

    let attachments: [AttachmentLine]
    var list: ChoiceList

    init(_ attachments: [AttachmentLine]) {
        self.attachments = attachments
        list = ChoiceList(options: attachments.map { line in
            let a = line.attachment
            return "#\(a.id!) \(a.name)  \(Attachment.sizeText(a.size))"
        })
    }

    func title(_ lang: Lang) -> String { Localized(zh: "保存附件副本", en: "Save a copy of an attachment").text(lang) }
    var isModal: Bool { true }

    func keymap(_ context: ScreenContext) -> Keymap<Action> {
        var map = Keymap<Action>()
        map.add(.enter, .save, Localized(zh: "保存副本", en: "save a copy"))
        map.add(.escape, .cancel, Localized(zh: "取消", en: "cancel"))
        return map
    }

    mutating func perform(_ action: Action, _ context: ScreenContext) -> Effect {
        switch action {
        case .cancel: return .pop
        case .save:
            guard let index = list.selectedIndex else { return .pop }
            return .batch([.pop, AttachmentSaveScreen.save(attachments[index].attachment, into: DocumentPrinter.directory(context))])
        }
    }

    mutating func input(_ key: Key, _ context: ScreenContext) -> Effect {
        if case .chosen(let index)? = list.handle(key) {
            list = ChoiceList(options: list.options, selected: index)
            return perform(.save, context)
        }
        return .none
    }

    /// The task that fetches the attachment's checked content and writes it, readable by this
    /// user only, under a name not yet taken in `directory`.
    static func save(_ attachment: Attachment, into directory: String) -> Effect {
        let id = attachment.id!, name = attachment.name
        return .task(OfficeTask(name: "saveAttachment", perform: { office in
            Result<Any, any Error> {
                let content = try office.attachmentContent(id)
                let path = freePath(for: name, in: directory)
                guard FileManager.default.createFile(atPath: path, contents: content, attributes: [.posixPermissions: 0o600]) else {
                    throw Refusal(.storage, code: "attachment.saveFailed", Localized(zh: "无法写入 \(path)", en: "cannot write \(path)"))
                }
                return path
            }
        }, resume: { _, outcome, _ in
            switch outcome {
            case .success(let path): return .status(Localized(zh: "已保存附件副本：\(path)", en: "saved a copy: \(path)"), .ok)
            case .failure(let error): return .failure(error)
            }
        }))
    }

    /// `directory/name`, or `name (2)`, `name (3)` … before the extension when it exists.
    static func freePath(for name: String, in directory: String) -> String {
        let base = (name as NSString).deletingPathExtension, ext = (name as NSString).pathExtension
        var candidate = directory + "/" + name
        var n = 2
        while FileManager.default.fileExists(atPath: candidate) {
            candidate = directory + "/" + base + " (\(n))" + (ext.isEmpty ? "" : "." + ext)
            n += 1
        }
        return candidate
    }

    func draw(into buffer: inout ScreenBuffer, area: Rect, _ context: ScreenContext) {
        MinutesStyle.drawChoice(list, title: title(context.lang), into: &buffer, area: area)
        DocumentPrinter.drawDestination(Localized(zh: "副本", en: "the copy"), into: &buffer, area: area, context)
    }
}
