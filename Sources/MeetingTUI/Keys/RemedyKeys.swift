import MeetingKit

/// The interface's side of the refusal catalog (``RefusalCatalog``): for each remedy, the key
/// to press and where, built from the verbs so the text and the keys never disagree. A
/// refusal's command-line hint is replaced by this one before the interface shows it.
extension Remedy.Action {
    public var keyHint: Localized {
        func key(_ verb: Verb) -> String { String(verb.character) }
        let org = String(Section.org.rawValue)
        switch self {
        case .setDisclosure:
            return Localized(zh: "按 \(key(.attributes)) 设置公开属性", en: "press \(key(.attributes)) to set the disclosure")
        case .approveMeeting:
            return Localized(zh: "区长在会议上按 \(key(.approve)) 批准", en: "the mayor presses \(key(.approve)) on the meeting")
        case .holdMeeting:
            return Localized(zh: "先在会议上按 \(key(.hold)) 记录已召开", en: "press \(key(.hold)) on the meeting once it was held")
        case .declassify:
            return Localized(zh: "按 \(key(.declassify)) 解密", en: "press \(key(.declassify)) to declassify")
        case .draftCorrection:
            return Localized(zh: "在已签发的纪要上按 \(key(.draftMinutes)) 起草更正件", en: "press \(key(.draftMinutes)) on the signed minutes")
        case .signMinutes:
            return Localized(zh: "区长按 \(key(.sign)) 签发", en: "the mayor presses \(key(.sign))")
        case .reportFollowUp:
            return Localized(zh: "承办单位按 \(key(.submit)) 报告", en: "the unit presses \(key(.submit)) to report")
        case .moveFollowUpDue:
            return Localized(zh: "办公室按 \(key(.move)) 调整", en: "the office presses \(key(.move))")
        case .listPeople, .listDepartments:
            return Localized(zh: "按 \(org) 查看组织机构", en: "press \(org) for the org chart")
        case .retirePerson:
            return Localized(zh: "组织机构中的 \(key(.withdraw)) 键", en: "the org chart's \(key(.withdraw)) key")
        case .setHead:
            return Localized(zh: "在组织机构的部门中按 \(key(.edit)) 指定", en: "press \(key(.edit)) on the department in the org chart")
        case .setPortfolio:
            return Localized(zh: "在组织机构的部门中按 \(key(.edit)) 改分管领导", en: "press \(key(.edit)) on each department in the org chart")
        }
    }
}

extension Refusal {
    /// The refusal as the interface shows it: its article, its message, and the key to press
    /// where the command line would name a command.
    public func interfaceText(_ lang: Lang) -> String {
        let text = self.text(lang)
        guard let remedy else { return text }
        let cli = remedy.cli.text(lang)
        let hint = remedy.action.keyHint.text(lang)
        let wrapped = cli.hasPrefix("（") ? "（" + hint + "）" : cli.hasPrefix(" (") ? " (" + hint + ")" : hint
        return text.replacingOccurrences(of: cli, with: wrapped)
    }
}
