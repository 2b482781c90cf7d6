import MeetingKit

/// Meeting notices (会议通知) and their receipts (签收/回执): the office sends the notice one
/// to two working days ahead, each unit confirms or asks for leave through its receipt (R42),
/// and the office sees who has not answered.
extension Session {
    /// The notice of a meeting: as sent, or as it would be sent now. It lists people in the org
    /// chart's order of precedence (``NoticeRepository/protocolOrder(_:)``).
    public func meetingNotice(_ meetingId: Int64) throws -> MeetingNotice {
        try read { db in
            let meeting = try MeetingRepository.meeting(db, id: meetingId)
            return try notice(db, meeting, record: try NoticeRepository.notice(db, meetingId: meetingId))
        }
    }

    /// Sends (records) the notice: the meeting becomes notified (refused while the mayor's
    /// approval is awaited, R61), and every participant but the chair gets a receipt to answer.
    /// Sending again after a change asks for fresh confirmations; leave already requested stays.
    /// The board's timing says whether it went out one to two working days ahead.
    @discardableResult
    public func sendNotice(meetingId: Int64, contact: String? = nil, materials: String? = nil) throws -> ReceiptBoard {
        if let contact { try InputLimits.check(name: contact, field: Localized(zh: "联系人", en: "contact")) }
        if let materials { try InputLimits.check(reason: materials, field: Localized(zh: "会议材料", en: "materials")) }
        return try write { change in
            let db = change.db
            var meeting = try MeetingRepository.meeting(db, id: meetingId)
            let org = try OrgRepository.load(db)
            if meeting.status == .notified {
                try AccessPolicy(org: org).require(.scheduleMeeting(meeting.kind, convener: meeting.convenerLogin), by: actor)
                guard change.now < meeting.start else {
                    throw Refusal.conflict("meeting.started", "会议已开始，不能再通知", "the meeting has started; it is too late to notify")
                }
            } else {
                let before = meeting
                meeting = try MeetingWorkflow.transition(meeting, .notify, by: actor, policy: AccessPolicy(org: org), now: change.now)
                try MeetingRepository.update(db, meeting)
                try change.audit("meeting.notify", entity: "meeting", id: String(meetingId),
                                 before: AuditSummary.of(before), after: AuditSummary.of(meeting))
            }
            let previous = try NoticeRepository.notice(db, meetingId: meetingId)
            let record = NoticeRecord(meetingId: meetingId, sentAt: change.now, sentBy: actor.person.login,
                                      contact: try contact ?? noticeContact(db, record: previous),
                                      materials: materials ?? previous?.materials ?? MeetingNotice.defaultMaterials,
                                      version: (previous?.version ?? 0) + 1)
            try NoticeRepository.save(db, record)
            let existing = Dictionary(try NoticeRepository.receipts(db, meetingId: meetingId).map { ($0.participantId, $0) },
                                      uniquingKeysWith: { a, _ in a })
            for participant in try MeetingRepository.participants(db, meetingId: meetingId) where participant.personLogin != meeting.chairLogin {
                if var receipt = existing[participant.id!] {
                    guard receipt.status == .confirmed else { continue }
                    receipt = NoticeReceipt(id: receipt.id, meetingId: meetingId, participantId: participant.id!, version: receipt.version + 1)
                    try NoticeRepository.update(db, receipt)
                } else {
                    _ = try NoticeRepository.insert(db, NoticeReceipt(meetingId: meetingId, participantId: participant.id!))
                }
            }
            let board = try receiptBoard(db, meeting, org: org)
            try change.audit(previous == nil ? "notice.send" : "notice.resend", entity: "meeting", id: String(meetingId),
                             after: AuditSummary.of(NoticeAudit(sentAt: record.sentAt, version: record.version, receipts: board.lines.count)))
            return board
        }
    }

    /// The receipts of a meeting's notice: who confirmed, who asked for leave, who has not answered.
    public func meetingReceipts(_ meetingId: Int64) throws -> ReceiptBoard {
        try read { db in try receiptBoard(db, try MeetingRepository.meeting(db, id: meetingId), org: try OrgRepository.load(db)) }
    }

    /// Answers `person`'s receipt (default: the acting person): the person, a colleague of
    /// their unit, or office staff recording a telephone answer. Asking for leave files the
    /// leave request (R42) in the same step, or links the one already open. A confirmation
    /// may later become a request for leave; a request for leave is changed through the leave
    /// itself.
    @discardableResult
    public func answerReceipt(meetingId: Int64, person: String? = nil, answer: ReceiptAnswer) throws -> ReceiptBoard.Line {
        if case .leave(let reason, _) = answer { try InputLimits.check(reason: reason) }
        return try write { change in
            let db = change.db
            let meeting = try MeetingRepository.meeting(db, id: meetingId)
            let org = try OrgRepository.load(db)
            let login = person ?? actor.principal.login
            guard let who = org.person(login) else { throw Identity.unknownLogin(login, isSelf: person == nil) }
            try AccessPolicy(org: org).require(.answerReceipt(for: who), by: actor)
            guard let participant = try MeetingRepository.participants(db, meetingId: meetingId).first(where: { $0.personLogin == login }),
                  var receipt = try NoticeRepository.receipts(db, meetingId: meetingId).first(where: { $0.participantId == participant.id }) else {
                throw Refusal.notFound("receipt.none", "\(who.name)没有\(meeting.numberedTitle(.zh))的会议通知回执（通知尚未发出，或不在参会名单中）",
                                       "\(who.name) has no receipt for \(meeting.numberedTitle(.en)) (the notice has not gone out, or they are not on the roster)")
            }
            guard change.now < meeting.start else {
                throw Refusal.conflict("receipt.meetingStarted", "会议已开始，不能再回执", "the meeting has started; receipts are closed")
            }
            let before = receipt
            switch (receipt.status, answer) {
            case (.leave, _):
                throw Refusal.conflict("receipt.leaveRequested", "已通过回执请假（#\(receipt.leaveId.map(String.init) ?? "")），请通过请假办理变更",
                                       "leave was already requested through the receipt (#\(receipt.leaveId.map(String.init) ?? "")); change it through the leave request")
            case (.confirmed, .confirm):
                throw Refusal.conflict("receipt.alreadyConfirmed", "\(who.name)已签收", "\(who.name) has already confirmed")
            case (_, .confirm):
                receipt.status = .confirmed
                receipt.attendeeLogin = login
            case (_, .leave(let reason, let substitute)):
                // Leave asked for before (in person, or pre-filled from an absence, R65) answers the receipt as it is.
                let leave = try LeaveRepository.openRequest(db, meetingId: meetingId, person: login)
                    ?? Session.fileLeave(change, meetingId: meetingId, person: login, reason: reason, substitute: substitute,
                                         override: nil, source: .request)
                receipt.status = .leave
                receipt.leaveId = leave.id
                receipt.attendeeLogin = leave.substituteLogin
            }
            receipt.answeredAt = change.now
            receipt.answeredBy = actor.principal.login
            receipt.recordedBy = actor.principal.login == login || !AccessPolicy.isOfficeStaff(actor.person) ? nil : actor.person.login
            receipt.version += 1
            try NoticeRepository.update(db, receipt)
            try change.audit("receipt.answer", entity: "receipt", id: String(receipt.id!),
                             before: AuditSummary.of(before), after: AuditSummary.of(receipt))
            let board = try receiptBoard(db, meeting, org: org)
            return board.lines.first { $0.receipt.id == receipt.id }!
        }
    }

    /// Receipts the acting person answers (their own and their unit's) for meetings not yet
    /// started, for the home screen; due at the receipts' deadline.
    func receiptWaitingEntries(_ db: any SQLConnection, now: LocalDateTime, calendar: HolidayCalendar) throws -> [WaitingEntry] {
        let me = actor.principal
        let pending = try NoticeRepository.pendingReceipts(db, from: now)
        guard !pending.isEmpty else { return [] }
        let org = try OrgRepository.load(db)
        var entries: [WaitingEntry] = []
        var meetings: [Int64: Meeting] = [:]
        var rosters: [Int64: [Int64: Participant]] = [:]
        for receipt in pending {
            let roster = try rosters[receipt.meetingId]
                ?? Dictionary(uniqueKeysWithValues: MeetingRepository.participants(db, meetingId: receipt.meetingId).map { ($0.id!, $0) })
            rosters[receipt.meetingId] = roster
            guard let participant = roster[receipt.participantId], let login = participant.personLogin,
                  login == me.login || (me.departmentCode != nil && org.person(login)?.departmentCode == me.departmentCode) else { continue }
            let meeting = try meetings[receipt.meetingId] ?? MeetingRepository.meeting(db, id: receipt.meetingId)
            meetings[receipt.meetingId] = meeting
            let sent = try NoticeRepository.notice(db, meetingId: meeting.id!)?.sentAt.day ?? now.day
            let due = NoticeTiming(meeting: meeting.start.day, meetingStart: meeting.start, sentOn: sent, calendar: calendar).receiptsDue
            entries.append(WaitingEntry(ref: .receipts(meeting.id!), what: Localized(zh: "会议通知待签收", en: "Confirm a notice"),
                                        title: meeting.numberedTitle(.zh) + (login == me.login ? "" : "（\(org.person(login)?.name ?? login)）"),
                                        due: due.day, isOverdue: now > due))
        }
        return entries
    }

    // MARK: Building the values

    func notice(_ db: any SQLConnection, _ meeting: Meeting, record: NoticeRecord?) throws -> MeetingNotice {
        let org = try OrgRepository.load(db)
        let issuer = try Session.issuer(db)
        let office = OfficialNames.office(of: issuer)
        let order = try NoticeRepository.protocolOrder(db)
        let participants = try MeetingRepository.participants(db, meetingId: meeting.id!)
            .sorted { order.rank($0.personLogin.flatMap { org.person($0) }).lexicographicallyPrecedes(order.rank($1.personLogin.flatMap { org.person($0) })) }
        func describe(_ p: Participant, unitOnly: Bool) -> String? {
            guard let login = p.personLogin, let person = org.person(login) else {
                return (p.guestName ?? "") + (p.guestOrg.map { "（\($0)）" } ?? "")
            }
            let unit = person.departmentCode.flatMap { org.department($0)?.name }
            if unitOnly, let unit { return unit }
            return "\(person.name)（\(unit ?? person.role.title.zh)）"
        }
        var seen = Set<String>()
        let sitsIn = participants.filter { $0.role == .sitsIn }.compactMap { describe($0, unitOnly: true) }.filter { seen.insert($0).inserted }
        let agenda = try AgendaRepository.agenda(db, meetingId: meeting.id!)
        let items = agenda.lines.filter(\.counts).map { line in
            MeetingNotice.Item(title: line.item.title, reportingUnit: org.department(line.item.leadCode)?.name ?? line.item.leadCode,
                               sittingIn: line.item.relatedCodes.map { org.department($0)?.name ?? $0 }, minutes: line.slot.plannedMinutes)
        }
        let chair = org.person(meeting.chairLogin)
        let contact = try noticeContact(db, record: record)
        let calendar = try HolidayRepository.calendar(db)
        return MeetingNotice(meetingId: meeting.id!, issuer: issuer, office: office, meetingTitle: meeting.numberedTitle(.zh),
                             start: meeting.start, end: meeting.end, room: meeting.room,
                             chair: "\(chair?.name ?? meeting.chairLogin)（\(chair?.role.title.zh ?? "")）", items: items,
                             members: participants.filter { $0.role == .member }.compactMap { describe($0, unitOnly: false) },
                             sitsIn: sitsIn, invited: participants.filter { $0.role == .invited }.compactMap { describe($0, unitOnly: false) },
                             contact: contact, materials: record?.materials ?? MeetingNotice.defaultMaterials,
                             liveBroadcast: meeting.liveBroadcast, sentAt: record?.sentAt,
                             timing: NoticeTiming(meeting: meeting.start.day, meetingStart: meeting.start,
                                                  sentOn: record?.sentAt.day ?? clock.today, calendar: calendar))
    }

    /// Whom the notice names to contact: as sent, else the office member sending it, else the office.
    func noticeContact(_ db: any SQLConnection, record: NoticeRecord?) throws -> String {
        if let contact = record?.contact { return contact }
        let office = OfficialNames.office(of: try Session.issuer(db))
        let me = actor.person
        return AccessPolicy.isOfficeStaff(me) ? "\(me.name)（\(office)）" : office
    }

    func receiptBoard(_ db: any SQLConnection, _ meeting: Meeting, org: OrgChart) throws -> ReceiptBoard {
        let record = try NoticeRepository.notice(db, meetingId: meeting.id!)
        let participants = Dictionary(try MeetingRepository.participants(db, meetingId: meeting.id!).map { ($0.id!, $0) },
                                      uniquingKeysWith: { a, _ in a })
        let leaves = Dictionary(try LeaveRepository.requests(db, meetingId: meeting.id!).compactMap { r in r.id.map { ($0, r) } },
                                uniquingKeysWith: { a, _ in a })
        func name(_ login: String?) -> String? { login.map { org.person($0)?.name ?? $0 } }
        let lines = try NoticeRepository.receipts(db, meetingId: meeting.id!).compactMap { receipt -> ReceiptBoard.Line? in
            guard let p = participants[receipt.participantId] else { return nil }
            let person = p.personLogin.flatMap { org.person($0) }
            let isLeader = person.map { $0.role == .mayor || $0.role.isGovernmentLeader } ?? false
            let unit = isLeader ? OfficialNames.leaders : person?.departmentCode.flatMap { org.department($0)?.name } ?? p.guestOrg ?? person?.role.title.zh ?? ""
            return ReceiptBoard.Line(receipt: receipt, person: p.personLogin, name: person?.name ?? p.guestName ?? "", unit: unit,
                                     participation: p.role, attendeeName: name(receipt.attendeeLogin), answeredByName: name(receipt.answeredBy),
                                     leaveStatus: receipt.leaveId.flatMap { leaves[$0]?.status })
        }.sorted { (participants[$0.receipt.participantId]?.position ?? 0) < (participants[$1.receipt.participantId]?.position ?? 0) }
        let calendar = try HolidayRepository.calendar(db)
        return ReceiptBoard(meetingId: meeting.id!, title: meeting.numberedTitle(.zh), start: meeting.start, sentAt: record?.sentAt,
                            sentByName: name(record?.sentBy),
                            timing: record.map { NoticeTiming(meeting: meeting.start.day, meetingStart: meeting.start, sentOn: $0.sentAt.day, calendar: calendar) },
                            lines: lines)
    }
}

/// A notice in the audit log: when, which version, how many receipts.
private struct NoticeAudit: Encodable {
    var sentAt: LocalDateTime
    var version: Int
    var receipts: Int
}
