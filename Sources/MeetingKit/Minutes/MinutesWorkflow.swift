import Foundation

/// The review chain of minutes as one state machine (R43, R44, R47, R22, R48).
///
/// ``transition(_:_:by:org:at:)`` checks the access policy and the rules, then returns the
/// next value of the document or throws a ``Refusal`` naming the article. Nothing else
/// changes a document's state.
public enum MinutesWorkflow {
    public static func transition(_ minutes: Minutes, _ event: MinutesEvent, by actor: Actor, org: OrgChart,
                                  at now: LocalDateTime) throws -> Minutes {
        let policy = AccessPolicy(org: org)
        var next = minutes
        next.version += 1
        switch event {
        case .edit(let body):
            try requireWithDrafter(minutes)
            try policy.require(.changeMinutes(minutes), by: actor)
            try InputLimits.check(body: body)
            next.body = body

        case .setAttributes(let disclosure, let reason, let classification):
            try requireWithDrafter(minutes)
            try policy.require(.changeMinutes(minutes), by: actor)
            if let disclosure {
                next.disclosure = disclosure
                next.disclosureReason = nil
            }
            if let reason {
                guard (disclosure ?? minutes.disclosure) == .notPublic else {
                    throw Refusal.invalid("minutes.reasonNotNeeded", "只有“不予公开”需要说明理由（--reason）",
                                          "a reason (--reason) is given only with not-public")
                }
                if reason.trimmed.isEmpty { throw reasonMissing() }
                try InputLimits.check(reason: reason)
                next.disclosureReason = reason
            }
            if next.disclosure == .notPublic, (next.disclosureReason ?? "").trimmed.isEmpty {
                throw reasonMissing()
            }
            if let classification {
                if minutes.classification.isAbove(classification) { throw declassifyInstead(minutes) }
                next.classification = classification
            }
            if let disclosure = next.disclosure, let refusal = disclosure.refusal(with: next.classification) { throw refusal }

        case .submit(let chain):
            try requireWithDrafter(minutes)
            try policy.require(.changeMinutes(minutes), by: actor)
            guard let disclosure = minutes.disclosure else {
                throw RefusalCatalog.disclosureMissing()
            }
            if disclosure == .notPublic, (minutes.disclosureReason ?? "").trimmed.isEmpty { throw reasonMissing() }
            if let refusal = disclosure.refusal(with: minutes.classification) { throw refusal }
            guard !minutes.body.trimmed.isEmpty else {
                throw Refusal.invalid("minutes.emptyBody", "纪要正文为空，不能提交", "the minutes have no body; nothing to submit")
            }
            guard let signer = chain.last, !minutes.route.isInGovernmentName || org.person(signer)?.role == .mayor else {
                throw Refusal.rule("R43", "minutes.chainWithoutMayor", "纪要须由区长签发，审核链的最后一环必须是区长",
                                   "minutes are signed by the mayor: the chain must end with the mayor")
            }
            next.chain = chain
            next.step = 0
            next.stepSince = now
            next.state = chain.count > 1 ? .inReview : .awaitingSignature

        case .approve:
            try requireCurrentStep(minutes, actor: actor, org: org, signing: false)
            guard minutes.state == .inReview else {
                throw RefusalCatalog.approveAtSignature()
            }
            next.step = minutes.step + 1
            next.stepSince = now
            next.state = next.step >= minutes.chain.count - 1 ? .awaitingSignature : .inReview

        case .return(let reason):
            try requireCurrentStep(minutes, actor: actor, org: org, signing: false)
            try InputLimits.check(reason: reason, field: Localized(zh: "退回理由", en: "reason for the return"))
            next.state = .returned
            next.step = 0
            next.stepSince = now
            next.returnReason = reason

        case .sign(let number, let signedText):
            try requireCurrentStep(minutes, actor: actor, org: org, signing: true)
            guard (number == nil) != minutes.route.isInGovernmentName,
                  number.map({ $0.kind == minutes.meetingKind && $0.year == now.day.year }) ?? true else {
                throw Refusal.conflict("minutes.numberMismatch", "文号与纪要的会议类别或签发年份不符", "the number does not match the minutes' meeting kind or the year of signing")
            }
            next.state = .signed
            next.numberYear = number?.year
            next.numberSeq = number?.sequence
            next.signedAt = now
            next.signedBy = actor.principal.login
            next.signedText = signedText
            next.sha256 = SHA256.hex(signedText)
            next.stepSince = now

        case .declassify(let level, let disclosure, let disclosureReason, let reason):
            try policy.require(.declassifyMinutes(minutes), by: actor)
            guard minutes.classification.isAbove(level) else {
                throw Refusal.invalid("minutes.notDeclassification", "解密须低于现密级“\(minutes.classification.name.zh)”",
                                      "a declassification must go below the current level (\(minutes.classification.name.en))")
            }
            try InputLimits.check(reason: reason, field: Localized(zh: "解密理由", en: "reason for the declassification"))
            next.classification = level
            if let disclosure {
                next.disclosure = disclosure
                next.disclosureReason = disclosure == .notPublic ? disclosureReason ?? minutes.disclosureReason : nil
            }
            if next.disclosure == .notPublic, (next.disclosureReason ?? "").trimmed.isEmpty { throw reasonMissing() }
            if let attribute = next.disclosure, let refusal = attribute.refusal(with: level) { throw refusal }
        }
        return next
    }

    /// Editing, setting and submitting happen while the document is with its drafter.
    static func requireWithDrafter(_ minutes: Minutes) throws {
        switch minutes.state {
        case .draft, .returned:
            return
        case .signed:
            throw signedImmutable(minutes)
        case .inReview, .awaitingSignature:
            throw Refusal.conflict("minutes.inChain", "纪要正在审核签发中，不能修改；需要修改请由当前审核人退回",
                                   "the minutes are in the review chain and cannot be changed; ask the current reviewer to return them")
        }
    }

    /// Approve, return and sign belong to the person the chain waits on, in order (R47, R44);
    /// only the mayor signs minutes in the government's name (R43), and only the chair a vice
    /// mayor's own (R44).
    static func requireCurrentStep(_ minutes: Minutes, actor: Actor, org: OrgChart, signing: Bool) throws {
        let principal = actor.principal
        if signing, minutes.route.isInGovernmentName, principal.role != .mayor {
            throw Refusal.rule("R43", "minutes.onlyMayorSigns", "纪要由区长签发，\(principal.name)不能签发",
                               "minutes are signed by the mayor; \(principal.name) cannot sign them")
        }
        switch minutes.state {
        case .signed:
            throw signing ? Refusal.conflict("minutes.alreadySigned", "纪要已签发", "the minutes are already signed") : signedImmutable(minutes)
        case .draft, .returned:
            throw Refusal.conflict("minutes.notSubmitted", "纪要尚未提交（起草人：\(minutes.drafterLogin)）",
                                   "the minutes have not been submitted (drafter: \(minutes.drafterLogin))")
        case .inReview, .awaitingSignature:
            break
        }
        let current = minutes.chain[min(minutes.step, minutes.chain.count - 1)]
        let currentName = org.person(current)?.name ?? current
        if signing, minutes.state == .inReview {
            let office = org.person(current)?.role == .officeDirector
            throw Refusal.rule(office ? "R47" : "R44", "minutes.reviewPending",
                               office ? "以区政府名义制发的公文须先经区政府办公室审核，再由区长签发：目前等待 \(currentName) 审核"
                                   : "须经分管副区长、常务副区长依次审核后由区长签发：目前等待 \(currentName) 审核",
                               office ? "a document in the government's name is checked by the office before the mayor signs: waiting for \(currentName)"
                                   : "the supervising vice mayor and then the executive vice mayor must review before the mayor signs: waiting for \(currentName)")
        }
        try AccessPolicy(org: org).require(.reviewMinutes(minutes), by: actor)
    }

    static func signedImmutable(_ minutes: Minutes) -> Refusal {
        RefusalCatalog.signedImmutable(minutes)
    }

    /// Lowering the classification is its own step, with its reason and its authority (R48).
    static func declassifyInstead(_ minutes: Minutes) -> Refusal {
        RefusalCatalog.declassifyInstead(minutes)
    }

    static func reasonMissing() -> Refusal {
        Refusal.rule("R22", "minutes.disclosureReasonMissing", "拟不予公开的，须依法依规说明理由（--reason）",
                     "a document that is not to be public needs a reason under the law (--reason)")
    }
}

private extension String {
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
