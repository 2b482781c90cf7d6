/// Who may draft, change, review, sign and read minutes, and update follow-ups (R43, R44, R48, R54).
extension AccessPolicy {
    /// R43: office staff draft; R44: the head of the item's lead department drafts the request
    /// (a secretary may record it on the head's behalf).
    func refusalToDraftMinutes(route: MinutesRoute, leadDepartmentCode: String?, by actor: Actor) -> Refusal? {
        let p = actor.principal
        switch route {
        case .mayorSigns, .chairSigns:
            if p.role == .secretary || p.role == .officeDirector || p.isAdmin { return nil }
            return .forbidden("minutes.notOfficeStaff", "会议纪要由区政府办公室起草（\(p.name)不是办公室工作人员）",
                              "minutes are drafted by the government office (\(p.name) is not office staff)")
        case .governmentRequest:
            guard let code = leadDepartmentCode, let department = org.department(code) else {
                return .rule("R44", "minutes.noLeadDepartment", "副区长专题会议纪要由议题主办单位起草，但会议没有议题主办单位",
                             "a vice mayor's topical meeting's minutes are drafted by the item's lead department, but the meeting has none")
            }
            if department.headLogin == p.login { return nil }
            return .rule("R44", "minutes.notLeadDepartment",
                         "副区长专题会议纪要由议题主办单位（\(department.name)）起草，以请示形式报送（\(p.name)不是其主要负责人）",
                         "a vice mayor's topical meeting's minutes are drafted by the lead department (\(department.name)) as a request (\(p.name) is not its head)")
        }
    }

    /// Only the drafter (or a secretary recording for them) edits, sets attributes and submits.
    func refusalToChangeMinutes(_ minutes: Minutes, by actor: Actor) -> Refusal? {
        guard actor.principal.login != minutes.drafterLogin else { return nil }
        let drafter = org.person(minutes.drafterLogin)?.name ?? minutes.drafterLogin
        return .forbidden("minutes.notDrafter", "只有起草人\(drafter)可以修改和提交这份纪要",
                          "only the drafter, \(drafter), may change and submit these minutes")
    }

    /// The person the chain waits on acts, in order (R47, R44); the signer is the last step
    /// (the mayor, R43). A deputy director of the office may take the office's check (R47).
    func refusalToReviewMinutes(_ minutes: Minutes, by actor: Actor) -> Refusal? {
        let p = actor.principal
        guard minutes.step < minutes.chain.count else { return nil }
        let current = minutes.chain[minutes.step]
        if current == p.login { return nil }
        if isOfficeCheck(current), p.role == .officeDeputyDirector, !p.isRetired { return nil }
        let currentName = org.person(current)?.name ?? current
        if let mine = minutes.chain.firstIndex(of: p.login), mine > minutes.step {
            let article = isOfficeCheck(current) ? "R47" : "R44"
            return .rule(article, "minutes.chainOrder",
                         "须按审核链依次审核（区政府办公室审核在前，R47；分管副区长、常务副区长、区长依次，R44）：目前等待 \(currentName)",
                         "the review goes in order (the office's check first, R47; then the supervising vice mayor, the executive vice mayor, the mayor, R44): waiting for \(currentName)")
        }
        switch minutes.route {
        case .governmentRequest:
            return .rule("R44", "minutes.notReviewer", "\(p.name)不在这份纪要的审核链中（办公室、分管副区长、常务副区长、区长）",
                         "\(p.name) is not in these minutes' review chain (the office, supervising vice mayor, executive vice mayor, mayor)")
        case .chairSigns:
            let chair = org.person(minutes.chain.last ?? "")?.name ?? ""
            return .rule("R44", "minutes.onlyChair", "这份纪要不以区政府名义下发，由主持会议的副区长\(chair)签发或退回，\(p.name)不能处理",
                         "these minutes are not in the government's name: the vice mayor who chaired, \(chair), signs or returns them; \(p.name) cannot")
        case .mayorSigns:
            if isOfficeCheck(current) {
                return .rule("R47", "minutes.officeCheck", "以区政府名义制发的公文先经区政府办公室主任（或副主任）审核：目前等待 \(currentName)",
                             "a document in the government's name is checked by the office director (or a deputy) first: waiting for \(currentName)")
            }
            return .rule("R43", "minutes.onlyMayor", "这份纪要由区长签发或退回，\(p.name)不能处理",
                         "these minutes are signed or returned by the mayor; \(p.name) cannot act on them")
        }
    }

    /// Whether the chain step of `login` is the office's check (R47): the office director's.
    func isOfficeCheck(_ login: String) -> Bool { org.person(login)?.role == .officeDirector }

    /// Lowering a classification (R48) is the office director's, the mayor's or the signer's act.
    func refusalToDeclassify(_ minutes: Minutes, by actor: Actor) -> Refusal? {
        let p = actor.principal
        if p.role == .officeDirector || p.role == .mayor || p.login == minutes.chain.last { return nil }
        return .rule("R48", "minutes.declassifyNotAuthority",
                     "解密由区政府办公室主任、区长或签发人决定（\(p.name)不能）",
                     "declassification is decided by the office director, the mayor or the signer (\(p.name) cannot)")
    }

    /// Classified minutes (R48): the body is for the chain, the drafter, the attendees and
    /// administrators; everyone else learns only that the document exists.
    func refusalToReadMinutesBody(_ minutes: Minutes, attendees: Set<String>, by actor: Actor) -> Refusal? {
        guard minutes.classification.isClassified else { return nil }
        for p in [actor.person, actor.principal] {
            if p.isAdmin || p.login == minutes.drafterLogin || minutes.chain.contains(p.login) || attendees.contains(p.login) {
                return nil
            }
        }
        let level = minutes.classification.name
        return .rule("R48", "minutes.classified",
                     "纪要密级为“\(level.zh)”，仅审核链、与会人员和系统管理员可以阅读正文",
                     "the minutes are classified \(level.en): only the review chain, the attendees and administrators may read the body")
    }

    /// The office supervises (R54): only it closes a follow-up or moves its due day, on the
    /// responsible unit's report or request.
    func refusalToUpdateFollowUp(_ followUp: FollowUp, by actor: Actor) -> Refusal? {
        if isOfficeStaff(actor.person) { return nil }
        return RefusalCatalog.followUpNotOffice()
    }

    /// The units a decision names carry it out and report (R54): the head (or the entrusted
    /// deputy) of the lead or a co-responsible unit, in person or recorded on their behalf.
    func refusalToReportFollowUp(_ followUp: FollowUp, units: [String], by actor: Actor) -> Refusal? {
        let p = actor.principal
        if units.contains(where: { org.department($0)?.signsOff(p.login) ?? false }) { return nil }
        let names = units.map { org.department($0)?.name ?? $0 }.joined(separator: "、")
        return .rule("R54", "followUp.notResponsible",
                     "督办事项的办理情况由承办单位（\(names)）的主要负责人报告，或由办公室工作人员代录（\(p.name)不是）",
                     "a follow-up's progress is reported by the head of a responsible unit (\(names)), or recorded on their behalf by office staff (\(p.name) is none of them)")
    }
}
