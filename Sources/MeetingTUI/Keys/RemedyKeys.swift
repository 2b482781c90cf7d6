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
    /// where the command line would name a command or a flag. A refusal of the catalog swaps
    /// its remedy's hint; another one whose message names a flag (`--on-behalf-of`,
    /// `--late-minutes`…) has its hint swapped by ``InterfaceHint``; none shows a command.
    public func interfaceText(_ lang: Lang) -> String {
        let text = self.text(lang)
        if let remedy {
            let cli = remedy.cli.text(lang)
            let hint = remedy.action.keyHint.text(lang)
            let wrapped = cli.hasPrefix("（") ? "（" + hint + "）" : cli.hasPrefix(" (") ? " (" + hint + ")" : hint
            return text.replacingOccurrences(of: cli, with: wrapped)
        }
        return InterfaceHint.replacingCommandLine(in: text, code: code, lang)
    }
}

/// The interface's hints for the refusals outside the catalog whose message names a command
/// line flag: each code with what to do on screen instead. `RemedyKeysTests` finds every such
/// refusal in the sources and checks it is here or in ``outsideTheInterface``.
public enum InterfaceHint {
    /// The hint that replaces the command line in a refusal's message, by code.
    public static let byCode: [String: Localized] = {
        func key(_ verb: Verb) -> String { String(verb.character) }
        let leave = String(Section.leave.rawValue), org = String(Section.org.rawValue)
        // The refusals that offered `--on-behalf-of` offer the interface's own way to record for someone.
        let forThem = GlobalKey.onBehalf.label
        func orRecorded(_ hint: Localized) -> Localized {
            Localized(zh: hint.zh + "，或办公室工作人员按 \(forThem) 选择代录", en: hint.en + ", or office staff press \(forThem) to record it for them")
        }
        // No key in the interface does an administrator's maintenance: the message says whose task it is.
        let administrator = Localized(zh: "请告知系统管理员：检查和恢复数据库是管理员的命令，不在本界面中",
                                      en: "tell the administrator: checking and restoring the database are an administrator's commands, not part of this interface")
        return [
            "item.submitNotHead": orRecorded(Localized(zh: "由部门主要负责人本人在议题上按 \(key(.submit)) 提交", en: "the head presses \(key(.submit)) on the item")),
            "item.statementNotLead": orRecorded(Localized(zh: "由主办部门主要负责人本人在议题上按 \(key(.statement)) 提出", en: "the lead department's head presses \(key(.statement)) on the item")),
            "item.withdrawNotLead": orRecorded(Localized(zh: "由主办部门主要负责人本人在议题上按 \(key(.withdraw)) 撤回", en: "the lead department's head presses \(key(.withdraw)) on the item")),
            "item.notRelatedHead": orRecorded(Localized(zh: "由该部门主要负责人本人在议题上按 \(key(.opinion)) 提出", en: "its head presses \(key(.opinion)) on the item")),
            "item.noExecutiveCategory": Localized(zh: "在议题上按 \(key(.edit)) 选择任务类别", en: "press \(key(.edit)) on the item to choose the category"),
            "leave.wrongApprover": orRecorded(Localized(zh: "由审批人本人在请假（\(leave)）中按 \(key(.approve)) 审批", en: "the approver presses \(key(.approve)) in leave (\(leave))")),
            "leave.notInAdvance": Localized(zh: "在请假表单的“逾期受理理由”中填写", en: "fill in “why it is accepted late” in the leave form"),
            "meeting.entrustNotByMayor": orRecorded(Localized(zh: "由区长本人在会议上按 \(key(.entrust)) 委托", en: "the mayor presses \(key(.entrust)) on the meeting")),
            "department.entrustNotHead": orRecorded(Localized(zh: "由部门主要负责人本人在组织机构（\(org)）中指定", en: "the head chooses in the org chart (\(org))")),
            "notice.notLead": orRecorded(Localized(zh: "由主办部门主要负责人本人在其“待我处理”中签收", en: "the lead department's head confirms it from “Waiting for me”")),
            "attendance.lateMinutesMissing": Localized(zh: "在签到表上按 \(key(.late)) 登记迟到分钟数", en: "press \(key(.late)) on the roster to give the minutes"),
            "attendance.substituteMissing": Localized(zh: "在签到表上按 Enter 选择代会人员", en: "press Enter on the roster to choose who came instead"),
            "minutes.disclosureReasonMissing": Localized(zh: "按 \(key(.attributes)) 在公开属性中填写理由", en: "press \(key(.attributes)) and give the reason"),
            "minutes.reasonNotNeeded": Localized(zh: "按 \(key(.attributes)) 清空理由", en: "press \(key(.attributes)) and clear the reason"),
            "invite.personOrGuest": Localized(zh: "在增加参会人员表单中选择人员或填写嘉宾", en: "choose people or name a guest in the form"),
            "identity.asNotAdmin": Localized(zh: "管理员按 @", en: "administrators press @"),
            "store.ioError": administrator, "store.corrupt": administrator, "audit.notKeyed": administrator, "demo.inUse": administrator,
            "calendar.noHolidayData": Localized(zh: "由办公室工作人员或系统管理员在命令行导入，本界面无此功能",
                                                en: "by office staff or an administrator from the command line; not in this interface"),
        ]
    }()

    /// Refusals about the office's files and the command line itself, shown before the
    /// interface starts: they keep their command. A damaged or failing database met while the
    /// interface runs says instead that it is the administrator's task. (`documents.noLibreOffice`
    /// comes only from `--format pdf`: the interface's print menu writes DOCX when LibreOffice
    /// is missing.)
    public static let outsideTheInterface: Set<String> = [
        "store.emptyFile", "store.missing", "store.notSQLite", "server.noDatabase",
        "attachment.occupied", "identity.unknownLogin",
        "input.badAbsenceKind", "input.badDate", "input.badRole", "input.badStatus", "input.badWeekday",
        "documents.noLibreOffice",
    ]

    /// A parenthesised part of a message that names a flag or a command ("（--on-behalf-of x）",
    /// " (--late-minutes)"), or the sentence at its end that does ("。代录请加 --on-behalf-of x").
    nonisolated(unsafe) static let zhPatterns = [try! Regex("（[^（）]*(--[a-z]|huiwu [a-z])[^（）]*）"),
                                                 try! Regex("[。；]?[^。；（）]*(--[a-z]|huiwu [a-z])[^。；（）]*$")]
    nonisolated(unsafe) static let enPatterns = [try! Regex(" ?\\([^()]*(--[a-z]|huiwu [a-z])[^()]*\\)"),
                                                 try! Regex("([.;] )?[^.;()]*(--[a-z]|huiwu [a-z])[^.;()]*$")]

    /// A due day's warning that it was counted without holiday data, as the interface shows it:
    /// who imports the data instead of the command that does.
    public static func dueWarning(_ warning: Localized, _ lang: Lang) -> String {
        replacingCommandLine(in: warning.text(lang), code: "calendar.noHolidayData", lang)
    }

    /// `text` with its command-line part replaced by the hint of `code` (or dropped when the
    /// code has none); unchanged for the refusals ``outsideTheInterface``.
    public static func replacingCommandLine(in text: String, code: String, _ lang: Lang) -> String {
        guard !outsideTheInterface.contains(code), text.contains("--") || text.contains("huiwu ") else { return text }
        if code == "identity.asNotAdmin" { return text.replacingOccurrences(of: "--as", with: "@") }
        let hint = byCode[code]?.text(lang)
        var out = text
        for pattern in lang == .zh ? zhPatterns : enPatterns where out.contains(pattern) {
            let wrapped = hint.map { Localized(zh: "（" + $0 + "）", en: " (" + $0 + ")").text(lang) } ?? ""
            out = out.replacing(pattern, with: wrapped, maxReplacements: 1)
            break
        }
        return out
    }
}
