/// What a user can do about a refusal, named once for every front end: the command line
/// shows ``cli`` (a command with its flags), the interface the key of ``action`` on the screen
/// where it applies. The message of a refusal with a remedy holds ``cli`` where the hint goes,
/// so the CLI prints the message as it is and the interface swaps the hint for its key.
public struct Remedy: Hashable, Sendable, Codable {
    /// The act that resolves the refusal, in front-end-neutral terms.
    public enum Action: String, Hashable, Sendable, Codable, CaseIterable {
        case setDisclosure, approveMeeting, holdMeeting, declassify, draftCorrection, signMinutes
        case reportFollowUp, moveFollowUpDue, listPeople, listDepartments, retirePerson, setHead, setPortfolio
    }

    public let action: Action
    /// The hint as the command line writes it, parentheses included ("（huiwu minutes declassify）").
    public let cli: Localized

    public init(_ action: Action, cli: Localized) {
        self.action = action
        self.cli = cli
    }
}

/// The refusals whose remedy depends on the front end, in one place: each with its code, the
/// article that decides it, its text in both languages and its remedy. Rules call these
/// instead of writing a command into their message; `RefusalCatalogTests` checks that every
/// entry's message carries its CLI hint and that the interface names a key for each remedy.
/// Other refusals move here as they gain a remedy.
public enum RefusalCatalog {
    /// Wraps a CLI hint the way each language writes one: "（…）" or " (…)".
    static func hint(zh: String, en: String) -> Localized { Localized(zh: "（" + zh + "）", en: " (" + en + ")") }

    static func refusal(_ kind: Refusal.Kind, _ code: String, article: String, zh: String, en: String,
                        _ action: Remedy.Action, cli: Localized) -> Refusal {
        var refusal = Refusal(kind, code: code, article: article, Localized(zh: zh, en: en))
        refusal.remedy = Remedy(action, cli: cli)
        return refusal
    }

    /// A refusal no single article decides (an unknown login, a conflict of state).
    static func plainRefusal(_ kind: Refusal.Kind, _ code: String, zh: String, en: String,
                             _ action: Remedy.Action, cli: Localized) -> Refusal {
        var refusal = Refusal(kind, code: code, article: nil, Localized(zh: zh, en: en))
        refusal.remedy = Remedy(action, cli: cli)
        return refusal
    }

    // MARK: Meetings

    /// R61: a meeting in the government's name waits for the mayor's approval.
    public static func meetingAwaitingApproval(_ meeting: Meeting, before what: Localized) -> Refusal {
        let id = meeting.id.map(String.init) ?? ""
        let cli = hint(zh: "huiwu meeting approve \(id)", en: "huiwu meeting approve \(id)")
        return refusal(.rule, "meeting.awaitingApproval", article: "R61",
                       zh: "以区政府名义召开的会议须经区长批准，批准前不能\(what.zh)" + cli.zh,
                       en: "a meeting in the government's name needs the mayor's approval before \(what.en)" + cli.en, .approveMeeting, cli: cli)
    }

    /// R5, R18: an outcome is the decision of a held meeting.
    public static func meetingNotHeld(_ item: AgendaItem, _ meeting: Meeting) -> Refusal {
        let title = Localized(zh: meeting.numberedTitle(.zh), en: meeting.numberedTitle(.en))
        let cli = hint(zh: "huiwu meeting hold", en: "huiwu meeting hold")
        return refusal(.rule, "item.meetingNotHeld", article: "R5, R18",
                       zh: "议题 \(item.label) 的结果是会议集体讨论的决定：\(title.zh)\(meeting.status.name.zh)，尚未召开，不能记录决定或暂缓" + cli.zh,
                       en: "the outcome of item \(item.label) is the meeting's collective decision: \(title.en) is \(meeting.status.name.en), not held, so no decision or deferral can be recorded" + cli.en,
                       .holdMeeting, cli: cli)
    }

    /// R7: the mayor was named chair of an executive meeting on a day he is registered away,
    /// so the executive vice mayor would chair it: said, not silently turned into him.
    public static func mayorAwayOnMeetingDay(mayor: Person, substitute: Person, day: Day) -> Refusal {
        Refusal(.rule, code: "meeting.mayorAway", article: "R7", Localized(
            zh: "\(mayor.name) 已登记 \(day.iso) 外出，当天的常务会议由常务副区长 \(substitute.name) 主持；要由区长主持，请先取消其外出登记。会议未作修改",
            en: "\(mayor.name) is registered away on \(day.iso), so the executive vice mayor \(substitute.name) chairs that day's executive meeting; for the mayor to chair it, withdraw his absence first. The meeting was not changed"))
    }

    /// An edit of a meeting that changes neither its subject, its room nor its chair: said
    /// rather than written, so the audit log holds no empty edit. No remedy: nothing to do.
    public static func meetingEditUnchanged() -> Refusal {
        Refusal(.invalidInput, code: "meeting.editUnchanged", article: nil,
                Localized(zh: "会议主题、会议室和主持人都没有变化", en: "the subject, the room and the chair are unchanged"))
    }

    // MARK: Minutes

    /// R22: minutes state their disclosure before they are submitted.
    public static func disclosureMissing() -> Refusal {
        let cli = hint(zh: "huiwu minutes set ID --disclosure …", en: "huiwu minutes set ID --disclosure …")
        return refusal(.rule, "minutes.disclosureMissing", article: "R22",
                       zh: "提交前须明确公开属性：主动公开、依申请公开或不予公开" + cli.zh,
                       en: "set the disclosure attribute before submitting: public, on-request or not-public" + cli.en, .setDisclosure, cli: cli)
    }

    /// R22 × R48: a classified document is not made public before it is declassified.
    public static func classifiedPublic(_ classification: Classification, _ disclosure: Disclosure) -> Refusal {
        let cli = hint(zh: "huiwu minutes declassify", en: "huiwu minutes declassify")
        return refusal(.rule, "minutes.classifiedPublic", article: "R22",
                       zh: "密级为“\(classification.name.zh)”的公文不能“\(disclosure.name.zh)”：公开前须经保密审查（R48），先解密" + cli.zh + "再定公开属性",
                       en: "a document classified \(classification.name.en) cannot be \(disclosure.name.en): disclosure waits for the secrecy review (R48); declassify it first" + cli.en,
                       .declassify, cli: cli)
    }

    /// R43: the mayor signs what reached him (or returns it).
    public static func approveAtSignature() -> Refusal {
        let cli = hint(zh: "huiwu minutes sign", en: "huiwu minutes sign")
        return plainRefusal(.conflict, "minutes.approveAtSignature", zh: "纪要已待区长签发：区长应签发" + cli.zh + "或退回",
                       en: "the minutes await the mayor's signature: sign them" + cli.en + " or return them", .signMinutes, cli: cli)
    }

    /// R43: signed minutes never change; a correction is a new document.
    public static func signedImmutable(_ minutes: Minutes) -> Refusal {
        let number = minutes.number.map { " \($0.text(.zh))" } ?? ""
        let numberEn = minutes.number.map { " \($0.text(.en))" } ?? ""
        let cli = hint(zh: "huiwu minutes draft 会议ID", en: "huiwu minutes draft MEETING")
        return refusal(.rule, "minutes.signedImmutable", article: "R43",
                       zh: "已签发的纪要\(number)不能修改；如需更正，请起草更正件" + cli.zh,
                       en: "signed minutes\(numberEn) cannot be changed; draft a correction instead" + cli.en, .draftCorrection, cli: cli)
    }

    /// R48: lowering a classification is a declassification of its own.
    public static func declassifyInstead(_ minutes: Minutes) -> Refusal {
        let id = minutes.id.map(String.init) ?? "ID"
        let cli = hint(zh: "huiwu minutes declassify \(id)", en: "huiwu minutes declassify \(id)")
        return refusal(.rule, "minutes.declassifyStep", article: "R48",
                       zh: "降低或解除密级“\(minutes.classification.name.zh)”须单独办理解密" + cli.zh,
                       en: "lowering the classification (\(minutes.classification.name.en)) is a declassification of its own" + cli.en, .declassify, cli: cli)
    }

    /// R43: the attendance signed minutes state is fixed; a correction changes it.
    public static func attendanceSigned(_ number: MinutesNumber?, meetingId: Int64) -> Refusal {
        let cli = hint(zh: "huiwu minutes draft \(meetingId)", en: "huiwu minutes draft \(meetingId)")
        return refusal(.rule, "attendance.minutesSigned", article: "R43",
                       zh: "会议纪要\(number.map { " \($0.text(.zh))" } ?? "")已签发，其所载出席情况不可更改；如需更正，请先起草更正件" + cli.zh,
                       en: "the minutes\(number.map { " \($0.text(.en))" } ?? "") are signed and fix the attendance they state; to correct it, draft a correction first" + cli.en,
                       .draftCorrection, cli: cli)
    }

    // MARK: Follow-ups

    /// R54: the office closes follow-ups; the units report on them.
    public static func followUpNotOffice() -> Refusal {
        let cli = hint(zh: "huiwu followup report", en: "huiwu followup report")
        return refusal(.rule, "followUp.notOffice", article: "R54",
                       zh: "督办事项由区政府办公室办结或调整期限；承办单位报告办理进展、办结情况或申请延期" + cli.zh,
                       en: "the government office closes a follow-up or moves its due day; the responsible units report progress or completion, or ask for more time" + cli.en,
                       .reportFollowUp, cli: cli)
    }

    /// R54: the office moves a due day (at a unit's request).
    public static func followUpDueByOffice() -> Refusal {
        let cli = hint(zh: "huiwu followup due", en: "huiwu followup due")
        return refusal(.rule, "followUp.notOffice", article: "R54", zh: "办理期限由区政府办公室调整" + cli.zh,
                       en: "the office moves the due day" + cli.en, .moveFollowUpDue, cli: cli)
    }

    // MARK: The org chart

    public static func unknownPerson(_ login: String) -> Refusal {
        let safe = TextSafety.inert(login)
        let cli = hint(zh: "huiwu people list 可查看", en: "see huiwu people list")
        return plainRefusal(.notFound, "identity.unknownPerson", zh: "没有登录名为 “\(safe)” 的人员" + cli.zh,
                       en: "no person with login '\(safe)'" + cli.en, .listPeople, cli: cli)
    }

    public static func unknownDepartment(_ code: String) -> Refusal {
        let safe = TextSafety.inert(code)
        let cli = hint(zh: "huiwu departments list 可查看", en: "see huiwu departments list")
        return plainRefusal(.notFound, "department.unknown", zh: "没有代码为 \(safe) 的部门" + cli.zh,
                       en: "no department with code \(safe)" + cli.en, .listDepartments, cli: cli)
    }

    public static func unknownDepartments(_ list: String) -> Refusal {
        let cli = hint(zh: "huiwu departments list 可查看", en: "see huiwu departments list")
        return plainRefusal(.notFound, "department.unknown", zh: "没有这些代码的部门：\(list)" + cli.zh,
                       en: "no departments with these codes: \(list)" + cli.en, .listDepartments, cli: cli)
    }

    public static func useRetire() -> Refusal {
        let cli = Localized(zh: "huiwu people retire", en: "huiwu people retire")
        return plainRefusal(.invalidInput, "person.useRetire", zh: "请用 " + cli.zh + " 办理退出", en: "use " + cli.en + " to retire someone",
                       .retirePerson, cli: cli)
    }

    public static func stillHead(_ login: String, of heads: [String], code: String) -> Refusal {
        let cli = hint(zh: "huiwu departments edit \(code) --head 登录名", en: "huiwu departments edit \(code) --head LOGIN")
        return plainRefusal(.rule, "person.stillHead", zh: "\(login) 仍是 \(heads.joined(separator: "、")) 的负责人：请先指定新负责人" + cli.zh,
                       en: "\(login) still heads \(heads.joined(separator: ", ")): name a new head first" + cli.en, .setHead, cli: cli)
    }

    public static func stillSupervises(_ login: String, _ portfolio: [String]) -> Refusal {
        let cli = hint(zh: "huiwu portfolio set", en: "huiwu portfolio set")
        return plainRefusal(.rule, "person.stillSupervises", zh: "\(login) 仍分管 \(portfolio.joined(separator: "、"))：请先把这些部门交给其他副区长" + cli.zh,
                       en: "\(login) still supervises \(portfolio.joined(separator: ", ")): give them to another vice mayor first" + cli.en,
                       .setPortfolio, cli: cli)
    }
}
