/// Who may take each step of an agenda item (R41, R45(3), R16) and edit a meeting's agenda (R61).
///
/// A secretary acting on someone's behalf (代录) acts with that person's authority
/// (``Actor/principal``): a head's opinion or a vice mayor's approval may be recorded by a
/// secretary only with `--on-behalf-of`. Office staff (the office director and secretaries)
/// enter and route items in their own right.
extension AccessPolicy {
    func refusalForAgenda(_ step: AgendaStep, item: AgendaItem, by actor: Actor) -> Refusal? {
        let principal = actor.principal
        let leadHead = org.head(of: item.leadCode)
        let isLeadHead = org.department(item.leadCode)?.signsOff(principal.login) ?? false
        let lead = departmentLabel(item.leadCode)
        switch step {
        case .draft:
            if isLeadHead || isOfficeStaff(actor) { return nil }
            return .rule("R41", "item.notLeadDepartment",
                         "议题由主办部门\(lead.zh)起草和提交（部门主要负责人\(personLabel(leadHead).zh)），或由办公室工作人员录入",
                         "items are drafted and submitted by the lead department \(lead.en) (its head \(personLabel(leadHead).en)) or entered by office staff")
        case .submit:
            if isLeadHead { return nil }
            return .rule("R45(2)", "item.submitNotHead",
                         "报送区政府的议题须由主办部门\(lead.zh)的主要负责人\(personLabel(leadHead).zh)（或其委托主持工作的负责同志）签发；办公室工作人员可以录入，提交须由本人或代录（--on-behalf-of \(leadHead?.login ?? "…")）",
                         "an item goes to the government with the sign-off of the head of the lead department \(lead.en), \(personLabel(leadHead).en) (or the deputy entrusted); office staff may type it in, but submitting it is the head's act, in person or recorded on their behalf (--on-behalf-of \(leadHead?.login ?? "…"))")
        case .state:
            if isLeadHead { return nil }
            return .rule("R45(3)", "item.statementNotLead",
                         "分歧说明和办理建议由主办部门\(lead.zh)提出（主要负责人\(personLabel(leadHead).zh)，或代录：--on-behalf-of \(leadHead?.login ?? "…")），不由分管副区长提出",
                         "the statement of the disagreement and the proposal come from the lead department \(lead.en) (its head \(personLabel(leadHead).en), or recorded on their behalf: --on-behalf-of \(leadHead?.login ?? "…")), not from the vice mayor")
        case .correctFlags:
            if isOfficeStaff(actor) { return nil }
            return .rule("R41", "item.flagsNotOffice", "议题属性由区政府办公室在受理前更正", "the office corrects an item's flags before it accepts the item")
        case .followMeeting(let kind, let convener, _):
            return refusalToSchedule(kind, convener: convener, by: actor)
        case .withdraw:
            if isLeadHead { return nil }
            return .rule("R41", "item.withdrawNotLead",
                         "只有主办部门\(lead.zh)的主要负责人\(personLabel(leadHead).zh)可以撤回议题（办公室工作人员须代其操作：--on-behalf-of \(leadHead?.login ?? "…")）",
                         "only the head of the lead department \(lead.en), \(personLabel(leadHead).en), may withdraw the item (a secretary may do it on their behalf: --on-behalf-of \(leadHead?.login ?? "…"))")
        case .opinion(let code):
            let head = org.head(of: code)
            if head?.login == principal.login { return nil }
            let dept = departmentLabel(code)
            return .rule("R41", "item.notRelatedHead",
                         "\(dept.zh)的意见由其主要负责人\(personLabel(head).zh)提出，或由办公室工作人员代录（--on-behalf-of \(head?.login ?? "…")）",
                         "the opinion of \(dept.en) is given by its head \(personLabel(head).en), or recorded by a secretary on their behalf (--on-behalf-of \(head?.login ?? "…"))")
        case .coordinate, .approve:
            let vm = org.supervisor(ofDepartment: item.leadCode)
            if let vm, vm.login == principal.login { return nil }
            let what = step == .approve ? Localized(zh: "审核同意", en: "approve") : Localized(zh: "协调", en: "coordinate")
            return .rule("R41", step == .approve ? "item.notSupervisingViceMayor" : "item.notCoordinator",
                         "只有分管\(lead.zh)的副区长\(personLabel(vm).zh)可以\(what.zh)该议题，\(principal.name)（\(principal.login)）不分管该部门",
                         "only the vice mayor supervising \(lead.en), \(personLabel(vm).en), may \(what.en) this item; \(principal.name) (\(principal.login)) does not supervise it")
        case .confirm(let precondition):
            if isOfficeStaff(actor) { return nil }
            if precondition == .legalOfficeReview {
                let legalHead = org.head(of: Precondition.legalOfficeCode)
                if legalHead?.login == principal.login { return nil }
                return .rule(precondition.article, "item.confirmNotLegalOffice",
                             "区司法局合法性审查由区司法局主要负责人\(personLabel(legalHead).zh)或办公室工作人员确认",
                             "the legal office's legality review is confirmed by the head of the legal office, \(personLabel(legalHead).en), or by office staff")
            }
            if isLeadHead { return nil }
            return .rule(precondition.article, "item.confirmNotLead",
                         "“\(precondition.name.zh)”由主办部门\(lead.zh)的主要负责人或办公室工作人员确认",
                         "\(precondition.name.en) is confirmed by the head of the lead department \(lead.en) or by office staff")
        case .accept, .schedule:
            if isOfficeStaff(actor) { return nil }
            let what = step == .accept ? Localized(zh: "受理议题", en: "accept items") : Localized(zh: "安排议题上会", en: "place items on meetings")
            return .rule("R41", "item.notOffice",
                         "只有区政府办公室（办公室主任或工作人员）可以\(what.zh)",
                         "only the government office (the office director or a secretary) may \(what.en)")
        case .decide(let chair), .deferItem(let chair), .unschedule(let chair):
            if isOfficeStaff(actor) || (chair != nil && chair == principal.login) { return nil }
            return .rule("R41", "item.notOutcomeRecorder",
                         "会议对议题的决定由会议主持人\(personLabel(chair.flatMap(org.person)).zh)或办公室工作人员记录",
                         "the meeting's outcome on an item is recorded by its chair, \(personLabel(chair.flatMap(org.person)).en), or by office staff")
        }
    }

    func refusalToEditAgenda(of meeting: Meeting, by actor: Actor) -> Refusal? {
        if isOfficeStaff(actor) || actor.principal.login == meeting.chairLogin { return nil }
        return .rule("R61", "agenda.notOffice",
                     "会议议程（顺序和时长）由办公室工作人员或会议主持人安排",
                     "the agenda (order and planned minutes) is arranged by office staff or the meeting's chair")
    }

    /// The office director and secretaries: the office that runs the procedures (R41).
    func isOfficeStaff(_ actor: Actor) -> Bool {
        actor.person.role == .secretary || actor.person.role == .officeDirector
    }

    private func departmentLabel(_ code: String) -> Localized {
        guard let d = org.department(code) else { return .same(code) }
        return Localized(zh: "\(d.name)（\(d.code)）", en: "\(d.code) (\(d.name))")
    }

    private func personLabel(_ person: Person?) -> Localized {
        guard let person else { return Localized(zh: "（未设置）", en: "(none set)") }
        return .same("\(person.name)（\(person.login)）")
    }
}
