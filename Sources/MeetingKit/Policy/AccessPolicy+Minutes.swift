/// Who may draft, change, review, sign and read minutes, and update follow-ups (R43, R44, R48, R54).
extension AccessPolicy {
    /// R43: office staff draft; R44: the head of the item's lead department drafts the request
    /// (a secretary may record it on the head's behalf).
    func refusalToDraftMinutes(route: MinutesRoute, leadDepartmentCode: String?, by actor: Actor) -> Refusal? {
        let p = actor.principal
        switch route {
        case .mayorSigns:
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

    /// The person the chain waits on acts, in order (R44); the mayor is the last step (R43).
    func refusalToReviewMinutes(_ minutes: Minutes, by actor: Actor) -> Refusal? {
        let p = actor.principal
        guard minutes.step < minutes.chain.count else { return nil }
        let current = minutes.chain[minutes.step]
        if current == p.login { return nil }
        let currentName = org.person(current)?.name ?? current
        if let mine = minutes.chain.firstIndex(of: p.login), mine > minutes.step {
            return .rule("R44", "minutes.chainOrder",
                         "须按分管副区长、常务副区长、区长的顺序审核：目前等待 \(currentName)",
                         "the review goes in order, supervising vice mayor, executive vice mayor, then the mayor: waiting for \(currentName)")
        }
        if minutes.route == .governmentRequest {
            return .rule("R44", "minutes.notReviewer", "\(p.name)不在这份纪要的审核链中（分管副区长、常务副区长、区长）",
                         "\(p.name) is not in these minutes' review chain (supervising vice mayor, executive vice mayor, mayor)")
        }
        return .rule("R43", "minutes.onlyMayor", "这份纪要由区长签发或退回，\(p.name)不能处理",
                     "these minutes are signed or returned by the mayor; \(p.name) cannot act on them")
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

    /// The lead unit's head, its supervising leader, the mayor and the EVM, and the office (R54) update a follow-up.
    func refusalToUpdateFollowUp(_ followUp: FollowUp, by actor: Actor) -> Refusal? {
        let p = actor.principal
        let department = org.department(followUp.leadDepartmentCode)
        if p.isAdmin || [.secretary, .officeDirector, .mayor, .executiveViceMayor].contains(p.role)
            || department?.headLogin == p.login || department?.supervisorLogin == p.login {
            return nil
        }
        return .forbidden("followUp.notResponsible",
                          "督办事项由主办单位负责人、分管领导或区政府办公室办理（\(p.name)不是）",
                          "a follow-up is updated by the lead unit's head, its supervising leader or the government office (\(p.name) is none of them)")
    }
}
