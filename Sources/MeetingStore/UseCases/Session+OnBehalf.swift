import MeetingKit

extension Session {
    /// Decisions recorded on a leader's behalf (代录): a leader sees their own, the office and
    /// administrators everyone's. `status` nil lists them all, newest first.
    public func onBehalfRecords(status: OnBehalfRecord.Status? = nil) throws -> [OnBehalfLine] {
        try read { db in
            try Session.lines(db, try OnBehalfRepository.records(db, status: status, leader: isOffice ? nil : actor.principal.login))
        }
    }

    /// The leader confirms a decision recorded for them.
    @discardableResult
    public func confirmOnBehalf(_ seq: Int64) throws -> OnBehalfLine {
        try answerOnBehalf(seq, action: "onBehalf.confirm") { record in
            if let refusal = record.refusalToAnswer(by: actor) { throw refusal }
            record.status = .confirmed
        }
    }

    /// The leader disputes a decision recorded for them: the office sees it on its home.
    @discardableResult
    public func disputeOnBehalf(_ seq: Int64, reason: String) throws -> OnBehalfLine {
        try InputLimits.check(reason: reason)
        return try answerOnBehalf(seq, action: "onBehalf.dispute") { record in
            if let refusal = record.refusalToAnswer(by: actor) { throw refusal }
            record.status = .disputed
            record.note = reason
        }
    }

    /// The office has dealt with a dispute.
    @discardableResult
    public func acknowledgeOnBehalf(_ seq: Int64, note: String) throws -> OnBehalfLine {
        try InputLimits.check(reason: note, field: Localized(zh: "处理说明", en: "note"))
        return try answerOnBehalf(seq, action: "onBehalf.acknowledge") { record in
            if let refusal = record.refusalToAcknowledge(by: actor) { throw refusal }
            record.status = .acknowledged
            record.note = [record.note, note].compactMap { $0 }.joined(separator: " / ")
        }
    }

    private func answerOnBehalf(_ seq: Int64, action: String, _ change: (inout OnBehalfRecord) throws -> Void) throws -> OnBehalfLine {
        try write { write in
            guard var record = try OnBehalfRepository.record(write.db, seq: seq) else {
                throw Refusal.notFound("onBehalf.unknown", "没有编号为 \(seq) 的代录", "no record made on a leader's behalf with number \(seq)")
            }
            let before = record.status.rawValue
            try change(&record)
            record.answeredAt = write.at
            try OnBehalfRepository.saveAnswer(write.db, record)
            try write.audit(action, entity: "onBehalf", id: String(seq), before: before,
                            after: AuditSummary.of(["status": record.status.rawValue, "note": record.note ?? ""]))
            return try Session.lines(write.db, [record])[0]
        }
    }

    /// The office's people and administrators see every record and handle disputes.
    private var isOffice: Bool { OnBehalfRecord.handlesDisputes(actor) }

    static func lines(_ db: any SQLConnection, _ records: [OnBehalfRecord]) throws -> [OnBehalfLine] {
        let org = try OrgRepository.load(db)
        return records.map { r in
            OnBehalfLine(record: r, leaderName: org.person(r.leaderLogin)?.name ?? r.leaderLogin,
                         recorderName: org.person(r.recorderLogin)?.name ?? r.recorderLogin)
        }
    }

    /// A leader's records waiting for an answer; for the office, the disputes it must handle.
    func onBehalfWaitingEntries(_ db: any SQLConnection) throws -> [WaitingEntry] {
        var entries: [WaitingEntry] = []
        let pending = try OnBehalfRepository.pending(db, leader: actor.person.login)
        for line in try Session.lines(db, pending) where actor.onBehalfOf == nil {
            entries.append(WaitingEntry(ref: .onBehalf(line.record.seq), what: Localized(zh: "代录待确认", en: "Recorded for you"),
                                        title: "\(line.recorderName) · \(line.record.action) \(line.record.entity) #\(line.record.entityId)",
                                        due: nil, isOverdue: false))
        }
        if isOffice {
            let disputed = try OnBehalfRepository.disputed(db)
            for line in try Session.lines(db, disputed) {
                entries.append(WaitingEntry(ref: .onBehalf(line.record.seq), what: Localized(zh: "代录有异议", en: "Disputed record"),
                                            title: "\(line.leaderName) · \(line.record.action) #\(line.record.entityId)",
                                            due: nil, isOverdue: false))
            }
        }
        return entries
    }
}

/// A record made on a leader's behalf, with the names to show.
public struct OnBehalfLine: Hashable, Sendable, Codable {
    public var record: OnBehalfRecord
    public var leaderName: String
    public var recorderName: String
}
