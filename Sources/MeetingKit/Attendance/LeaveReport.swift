/// The office's compiled leave report for one meeting, addressed to the mayor (R42: 由区政府
/// 办公室汇总后向区长报告): who asked, their role and department, why, who attends instead,
/// who approved and when, and who is still unanswered.
public struct LeaveReport: Hashable, Sendable, Codable {
    /// One request in the report.
    public struct Entry: Hashable, Sendable, Codable {
        public var requestId: Int64
        public var person: String
        public var name: String
        public var role: Role?
        public var department: String?
        public var departmentName: String?
        public var participation: Participation?
        public var reason: String
        public var substitute: String?
        public var substituteName: String?
        public var status: LeaveStatus
        /// Who decided, or (pending) who is to decide.
        public var approver: String
        public var approverName: String
        /// The secretary who recorded the decision for the approver (代录), if any.
        public var recordedBy: String?
        public var recordedByName: String?
        public var decidedAt: LocalDateTime?
        /// Why it was rejected.
        public var decisionReason: String?
        /// Why a request made after the start was accepted.
        public var overrideReason: String?
        public var source: LeaveSource
        public var filedAt: LocalDateTime
    }

    public var meetingId: Int64
    public var title: Localized
    public var start: LocalDateTime
    public var compiledAt: LocalDateTime
    /// Approved first, then rejected, then unanswered; in filing order within each.
    public var entries: [Entry]
    /// Whether the mayor has read this version of the report.
    public var readByMayor: Bool

    public init(meeting: Meeting, requests: [LeaveRequest], participants: [Participant], org: OrgChart,
                compiledAt: LocalDateTime, readByMayor: Bool = false) {
        meetingId = meeting.id ?? 0
        title = Localized(zh: meeting.numberedTitle(.zh), en: meeting.numberedTitle(.en))
        start = meeting.start
        self.compiledAt = compiledAt
        self.readByMayor = readByMayor
        let participation = Dictionary(participants.compactMap { p in p.personLogin.map { ($0, p.role) } }, uniquingKeysWith: { a, _ in a })
        let order: [LeaveStatus: Int] = [.approved: 0, .rejected: 1, .pending: 2]
        entries = requests.sorted { (order[$0.status]!, $0.id ?? 0) < (order[$1.status]!, $1.id ?? 0) }.map { r in
            let person = org.person(r.personLogin)
            let approver = r.decidedBy ?? r.approverLogin
            return Entry(requestId: r.id ?? 0, person: r.personLogin, name: person?.name ?? r.personLogin, role: person?.role,
                         department: person?.departmentCode, departmentName: person?.departmentCode.flatMap { org.department($0)?.name },
                         participation: participation[r.personLogin], reason: r.reason, substitute: r.substituteLogin,
                         substituteName: r.substituteLogin.flatMap { org.person($0)?.name }, status: r.status,
                         approver: approver, approverName: org.person(approver)?.name ?? approver,
                         recordedBy: r.decisionRecordedBy, recordedByName: r.decisionRecordedBy.flatMap { org.person($0)?.name },
                         decidedAt: r.decidedAt, decisionReason: r.decisionReason, overrideReason: r.overrideReason,
                         source: r.source, filedAt: r.filedAt)
        }
    }

    public func count(_ status: LeaveStatus) -> Int { entries.filter { $0.status == status }.count }

    /// Those still waiting for an answer.
    public var unanswered: [Entry] { entries.filter { $0.status == .pending } }

    /// Identifies the report's content: it changes when a request is added or decided, so a
    /// report the mayor has read waits again after a change.
    public static func fingerprint(of requests: [LeaveRequest]) -> String {
        fingerprint(versions: requests.map { ($0.id ?? 0, $0.version) })
    }

    /// The same fingerprint from the requests' ids and versions alone, so the store can tell
    /// which reports are unread without loading every request.
    public static func fingerprint(versions: [(id: Int64, version: Int)]) -> String {
        versions.sorted { $0.id < $1.id }.map { "\($0.id).\($0.version)" }.joined(separator: ",")
    }

    /// The report as plain text lines, as printed by `huiwu leave report` and shown on screen.
    public func lines(_ lang: Lang) -> [String] {
        let zh = lang == .zh
        let when = "\(start.day.iso) \(start.day.weekday.shortName.text(lang)) \(start.timeText)"
        var out: [String] = [
            zh ? "请假汇总报告（报区长）" : "Leave report for the mayor",
            zh ? "会议：\(title.zh)（\(when)）" : "Meeting: \(title.en) (\(when))",
            zh ? "汇总时间：\(compiledAt.day.iso) \(compiledAt.timeText)" : "Compiled: \(compiledAt.day.iso) \(compiledAt.timeText)",
            zh ? "共 \(entries.count) 人请假：已批准 \(count(.approved))，不予批准 \(count(.rejected))，待答复 \(count(.pending))"
               : "\(entries.count) requests: \(count(.approved)) approved, \(count(.rejected)) rejected, \(count(.pending)) unanswered",
        ]
        if entries.isEmpty {
            out.append("")
            out.append(zh ? "本次会议没有请假。" : "No one has asked for leave for this meeting.")
            return out
        }
        var number = 0
        for (status, heading) in [(LeaveStatus.approved, Localized(zh: "【已批准】", en: "[Approved]")),
                                  (.rejected, Localized(zh: "【不予批准】", en: "[Rejected]")),
                                  (.pending, Localized(zh: "【待答复】", en: "[Unanswered]"))] {
            let group = entries.filter { $0.status == status }
            guard !group.isEmpty else { continue }
            out.append("")
            out.append(heading.text(lang))
            for e in group {
                number += 1
                var who = "\(number). \(e.name)"
                if let role = e.role { who += " · " + role.title.text(lang) }
                if let dept = e.departmentName { who += " · " + dept }
                if let p = e.participation { who += zh ? "（\(p.name.zh)）" : " (\(p.name.en))" }
                out.append(who)
                out.append((zh ? "   事由：" : "   Reason: ") + e.reason)
                out.append((zh ? "   代会人员：" : "   Substitute: ") + (e.substituteName.map { "\($0)（\(e.substitute!)）" } ?? "—"))
                if e.source == .absence { out.append(zh ? "   来源：离京报备（R65）" : "   Source: registered absence from Beijing (R65)") }
                if let o = e.overrideReason {
                    out.append(zh ? "   会议开始后提出，经审批人同意受理：\(o)" : "   Filed after the start; accepted by the approver: \(o)")
                }
                switch e.status {
                case .pending:
                    out.append(zh ? "   待 \(e.approverName) 审批" : "   Waiting for \(e.approverName)")
                case .approved, .rejected:
                    var line = zh ? "   审批：\(e.approverName)" : "   Decided by \(e.approverName)"
                    if let by = e.recordedByName { line += zh ? "（\(by) 代录）" : " (recorded by \(by))" }
                    if let at = e.decidedAt { line += zh ? "，\(at.day.iso) \(at.timeText)" : ", \(at.day.iso) \(at.timeText)" }
                    out.append(line)
                    if let r = e.decisionReason { out.append((zh ? "   不予批准理由：" : "   Reason for rejecting: ") + r) }
                }
            }
        }
        return out
    }
}
