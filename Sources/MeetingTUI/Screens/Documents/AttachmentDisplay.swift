import MeetingKit
import MeetingStore

/// How item and minutes screens list their attachments: name, size, who added it and when,
/// and, in red, a copy that went missing or changed. The heading names the key that saves a
/// copy (``AttachmentSaveScreen``).
enum AttachmentDisplay {
    static func lines(_ attachments: [AttachmentLine], width: Int, lang: Lang) -> [StyledLine] {
        guard !attachments.isEmpty else { return [] }
        let key = String(Verb.attachments.character)
        var out = [StyledLine(), StyledLine(Localized(zh: "附件（按 \(key) 保存副本）", en: "Attachments (\(key) saves a copy)").text(lang), .heading)]
        for line in attachments {
            let a = line.attachment
            var styled = StyledLine("  #\(a.id!) ", .dim)
            styled.add(a.name, .accent)
            styled.add("  \(Attachment.sizeText(a.size))  \(line.addedByName) \(a.addedAt.day.iso.dropFirst(5)) \(a.addedAt.timeText)", .dim)
            if line.status != .ok { styled.add("  " + line.status.name.text(lang), .error) }
            out.append(styled)
        }
        return out
    }
}
