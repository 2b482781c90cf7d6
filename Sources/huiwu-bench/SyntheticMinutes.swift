import GRDB
import MeetingKit
import MeetingStore

/// Minutes of held meetings along their review chain (R43, R44, R22, R48), and the follow-ups
/// the mayor's signature creates for each decision (R53): as `Session+Minutes` writes them.
///
/// Older meetings have signed minutes, numbered per meeting kind and year of signing, with the
/// signed text and its SHA-256 exactly as `signMinutes` stores them. The last weeks' meetings
/// have drafts and documents in review or awaiting the mayor's signature.
extension SyntheticWriter {
    /// Where a meeting's minutes stand.
    enum MinutesStage { case none, draft, pending, signed }

    func minutesStage(_ meeting: Meeting) -> MinutesStage {
        let age = now.day.dayNumber - meeting.start.day.dayNumber
        let r = rng.below(100)
        if age <= 2 { return r < 50 ? .none : .draft }
        if age <= 20 { return r < 20 ? .draft : (r < 60 ? .pending : .signed) }
        return .signed
    }

    func writeMinutes(meeting: Meeting, roster: [RosterEntry], agenda: [AgendaLine]) throws {
        var stage = minutesStage(meeting)
        guard stage != .none else { return }
        let route = try MinutesRoute.route(for: meeting, mayorLogin: mayor.login)
        var lead: String?
        let drafter: String
        if route == .governmentRequest {
            // The request is drafted by the head of the lead department of the items taken up (R44).
            var leadCodes: [String] = []
            for line in agenda where !line.deferred && !isWithdrawn(line) && !leadCodes.contains(line.leadCode) { leadCodes.append(line.leadCode) }
            if leadCodes.isEmpty {
                let members = Set(roster.filter { $0.role == "member" }.map(\.login))
                leadCodes = org.departments().filter { d in d.headLogin.map(members.contains) ?? false }.map(\.code)
            }
            guard let code = leadCodes.first, let head = org.department(code)?.headLogin else { return }  // the app refuses too
            lead = code
            drafter = head
        } else {
            drafter = secretary
        }
        let chainLogins = try MinutesChain.chain(route: route, leadDepartmentCode: lead, chairLogin: meeting.chairLogin, org: org)
        let draft = MinutesDraft(meeting: meeting, chair: name(meeting.chairLogin, withTitle: true),
                                 attendance: attendance(roster), items: agenda.map {
                                     MinutesDraft.Item(title: $0.title, leadDepartment: org.department($0.leadCode)?.name ?? $0.leadCode,
                                                       disagreementStatement: $0.statement, outcome: $0.outcome)
                                 })
        let title = MinutesDraft.title(of: meeting)
        let body = draft.body
        let bodySha = SHA256.hex(body)
        let roll = rng.below(100)
        let disclosure: Disclosure? = stage == .draft && rng.below(2) == 0 ? nil
            : (roll < 70 ? .public : (roll < 90 ? .onRequest : .notPublic))
        let disclosureReason = disclosure == .notPublic ? SyntheticTexts.notPublicReason : nil
        let classification: Classification = rng.below(25) == 0 ? .internal : .none

        // The moments of each step: drafted the day after, signed a few working days later.
        let draftedAt = min(calendar.addingWorkingDays(1, to: meeting.start.day).atHour(9 + rng.below(3)).adding(minutes: rng.below(60)),
                            now.adding(minutes: -90))
        var signedAt = calendar.addingWorkingDays(2 + rng.below(5), to: meeting.start.day).atHour(16).adding(minutes: rng.below(90))
        if stage == .signed && signedAt >= now { stage = .pending }
        if stage != .signed { signedAt = now.adding(minutes: -30) }

        // The timeline: (action, actor, state after, note).
        var history: [(String, String, MinutesState, String?)] = [("draft", drafter, .draft, nil)]
        if disclosure != nil { history.append(("set", drafter, .draft, nil)) }
        var state = MinutesState.draft
        var step = 0
        var returnReason: String?
        if stage != .draft {
            if stage == .signed && rng.below(20) == 0 {
                // Returned once by its first reviewer, corrected and sent again.
                let reason = rng.pick(SyntheticTexts.returnReasons)
                history.append(("submit", drafter, chainLogins.count > 1 ? .inReview : .awaitingSignature, nil))
                history.append(("return", chainLogins[0], .returned, reason))
                history.append(("edit", drafter, .returned, nil))
                returnReason = reason
            }
            state = chainLogins.count > 1 ? .inReview : .awaitingSignature
            history.append(("submit", drafter, state, nil))
            // Pending documents wait on someone along the chain; signed ones went all the way.
            let reviews = stage == .signed ? chainLogins.count - 1 : rng.below(chainLogins.count)
            for i in 0..<reviews {
                step = i + 1
                state = step >= chainLogins.count - 1 ? .awaitingSignature : .inReview
                history.append(("approve", chainLogins[i], state, nil))
            }
        }
        let times = [draftedAt] + workingTimes(history.count - 1, from: draftedAt, to: signedAt)
        let stepSince: LocalDateTime? = stage == .draft ? nil : times.last
        try sql.minutes.execute(arguments: [meeting.id!, meeting.kind.rawValue, route.rawValue, drafter, lead, title, body, state.rawValue,
                                            disclosure?.rawValue, disclosureReason, classification.rawValue, jsonArray(chainLogins),
                                            step, stepSince?.iso, returnReason,
                                            draftedAt.iso, history.count])
        let minutesId = db.lastInsertedRowID
        counts.minutes += 1
        for (i, h) in history.enumerated() {
            try sql.minutesHistory.execute(arguments: [minutesId, times[i].iso, h.1, h.0, h.2.rawValue, h.3])
            try chain.append(at: times[i], actor: h.1, action: h.0 == "draft" ? "minutes.draft" : "minutes." + h.0, entity: "minutes",
                             id: String(minutesId), after: summary(meetingId: meeting.id!, state: h.2, version: i + 1, bodySha: bodySha,
                                                                  disclosure: disclosure, classification: classification))
        }
        guard stage == .signed else { return }

        // The mayor signs: the next number of the kind and year, the document as printed, its hash.
        let year = signedAt.day.year
        let key = "\(meeting.kind.rawValue)-\(year)"
        numbers[key, default: 0] += 1
        let number = MinutesNumber(kind: meeting.kind, year: year, sequence: numbers[key]!)
        let document = MinutesDocument(issuer: issuer, number: number.text(.zh), title: title, body: body, classification: classification,
                                       disclosure: disclosure, signer: "\(mayor.role.title.zh) \(mayor.name)", signedOn: signedAt.day,
                                       corrects: nil)
        let signedText = document.text
        let sha = SHA256.hex(signedText)
        let version = history.count + 1
        try sql.minutesHistory.execute(arguments: [minutesId, signedAt.iso, mayor.login, "sign", "signed", nil])
        try sql.signMinutes.execute(arguments: [year, number.sequence, signedAt.iso, mayor.login, signedText, sha, signedAt.iso, version, minutesId])
        counts.signed += 1
        try chain.append(at: signedAt, actor: mayor.login, action: "minutes.sign", entity: "minutes", id: String(minutesId),
                         after: summary(meetingId: meeting.id!, state: .signed, version: version, bodySha: bodySha, disclosure: disclosure,
                                        classification: classification, number: number.text(.zh), sha256: sha))
        try writeFollowUps(minutesId: minutesId, signedAt: signedAt, agenda: agenda)
    }

    /// Each decision becomes a follow-up due 20 working days after signing (R53); older ones are
    /// mostly done, some are open past their due day.
    func writeFollowUps(minutesId: Int64, signedAt: LocalDateTime, agenda: [AgendaLine]) throws {
        let due = FollowUp.defaultDue(signedOn: signedAt.day, calendar: calendar)
        let overdueDays = now.day.dayNumber - due.dayNumber
        for line in agenda where !line.deferred {
            guard case .decided(let text) = line.outcome, !text.isEmpty else { continue }
            let r = rng.below(1000)
            let done = overdueDays > 60 ? r >= 3 : (overdueDays > 0 ? r < 600 : r < 250)
            let head = org.department(line.leadCode)?.headLogin ?? secretary
            let doneAt = done ? min(signedAt.adding(minutes: (3 + rng.below(25)) * 1440), now.adding(minutes: -60)) : nil
            let note = done ? rng.pick(SyntheticTexts.doneNotes) : nil
            try sql.followUp.execute(arguments: [minutesId, line.itemId, line.leadCode, text, due.iso, done ? "done" : "open", note,
                                                 doneAt?.iso, done ? head : nil, signedAt.iso, done ? 2 : 1])
            let id = String(db.lastInsertedRowID)
            counts.followUps += 1
            try chain.append(at: signedAt, actor: mayor.login, action: "followUp.create", entity: "followUp", id: id,
                             after: "{\"due\":\"\(due.iso)\",\"itemId\":\(line.itemId),\"lead\":\"\(line.leadCode)\",\"minutesId\":\(minutesId),\"status\":\"open\",\"version\":1}")
            if let doneAt {
                try chain.append(at: doneAt, actor: head, action: "followUp.done", entity: "followUp", id: id,
                                 after: "{\"due\":\"\(due.iso)\",\"itemId\":\(line.itemId),\"lead\":\"\(line.leadCode)\",\"minutesId\":\(minutesId),\"status\":\"done\",\"version\":2}")
            }
        }
    }

    func isWithdrawn(_ line: AgendaLine) -> Bool {
        if case .withdrawn = line.outcome { return true }
        return false
    }

    func name(_ login: String, withTitle: Bool = false) -> String {
        guard let p = org.person(login) else { return login }
        return withTitle ? "\(p.name)（\(p.role.title.zh)）" : p.name
    }

    /// Who attended, as `MinutesSources.draft` lists them from the roster and sign-in.
    func attendance(_ roster: [RosterEntry]) -> MinutesDraft.Attendance {
        var a = MinutesDraft.Attendance(present: [])
        for entry in roster {
            switch entry.status {
            case "leave", "substitute": a.onLeave.append((name: name(entry.login), substitute: entry.substitute.map { name($0) }))
            case "absent": a.absent.append(name(entry.login))
            default:
                if entry.role == "member" { a.present.append(name(entry.login)) } else { a.sitsIn.append(name(entry.login)) }
            }
        }
        return a
    }

    /// The audit summary of minutes (`MinutesAudit.summary`): never the body, only its hash (R48).
    func summary(meetingId: Int64, state: MinutesState, version: Int, bodySha: String, disclosure: Disclosure?, classification: Classification,
                 number: String? = nil, sha256: String? = nil) -> String {
        var fields = ["\"bodySha256\":\"\(bodySha)\"", "\"classification\":\"\(classification.rawValue)\""]
        if let disclosure { fields.append("\"disclosure\":\"\(disclosure.rawValue)\"") }
        fields.append("\"meetingId\":\(meetingId)")
        if let number { fields.append("\"number\":\"\(number)\"") }
        if let sha256 { fields.append("\"sha256\":\"\(sha256)\"") }
        fields.append("\"state\":\"\(state.rawValue)\"")
        fields.append("\"version\":\(version)")
        return "{" + fields.joined(separator: ",") + "}"
    }

    func jsonArray(_ logins: [String]) -> String { "[" + logins.map { "\"\($0)\"" }.joined(separator: ",") + "]" }
}
