import MeetingKit
import MeetingStore

/// How item and minutes screens list their attachments: name, size, who added it and when,
/// and, in red, a copy that went missing or changed (`huiwu attach verify` checks contents).
enum AttachmentDisplay {
    static func lines(_ attachments: [AttachmentLine], width: Int, lang: Lang) -> [StyledLine] {
        guard !attachments.isEmpty else { return [] }
        var out = [StyledLine(), StyledLine(lang == .zh ? "附件（huiwu attach open 编号）" : "Attachments (huiwu attach open ID)", .heading)]
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
