import MeetingKit
import MeetingStore

/// A conflict as printed (`--json`: `kind`, `person`, `otherMeeting`, `absence`, `message`).
struct ConflictView: Encodable {
    var kind: Conflict.Kind
    var person: String?
    var otherMeeting: Int64?
    var absence: Int64?
    var message: String

    init(_ c: Conflict, lang: Lang) {
        kind = c.kind
        person = c.personLogin
        otherMeeting = c.otherMeetingId
        absence = c.absenceId
        message = c.message.text(lang)
    }

    /// Warning lines for text output.
    static func lines(_ conflicts: [Conflict], lang: Lang) -> [String] {
        conflicts.map { (lang == .zh ? "  ⚠ 冲突：" : "  ⚠ conflict: ") + $0.message.text(lang) }
    }
}

/// A participant as printed.
struct ParticipantView: Encodable {
    var login: String?
    var name: String
    var role: Participation
    var affiliation: String
}

/// A move as printed.
struct MoveView: Encodable {
    var from: String
    var to: String
    var reason: String?
    var at: String
    var by: String
}

/// A meeting as printed by the CLI; `show` adds the roster and the history.
struct MeetingView: Encodable {
    var id: Int64
    var kind: MeetingKind
    var number: Int?
    var title: String
    var numberedTitle: String
    var chair: String
    var chairName: String?
    /// `entrusted` (R39) or `mayorAway` (R7) when the executive vice mayor chairs.
    var chairDelegation: ChairDelegation?
    var convener: String
    var start: String
    var end: String
    var durationMinutes: Int
    var room: String?
    var status: MeetingStatus
    var statusReason: String?
    var approval: MeetingApproval
    var inGovernmentName: Bool
    var liveBroadcast: Bool
    var series: String?
    var seriesDay: String?
    var conflicts: [ConflictView]?
    var participants: [ParticipantView]?
    var moves: [MoveView]?
    /// Why the number is out of date order, when a published number made it so (R37).
    var numberNote: String?
    /// The version to state with `--expect-version` (optimistic locking).
    var version: Int

    init(_ m: Meeting, lang: Lang, org: OrgChart? = nil, conflicts: [Conflict]? = nil) {
        id = m.id ?? 0
        version = m.version
        kind = m.kind
        number = m.number
        title = m.title
        numberedTitle = m.numberedTitle(lang)
        chair = m.chairLogin
        chairName = org?.person(m.chairLogin)?.name
        chairDelegation = m.chairDelegation
        convener = m.convenerLogin
        start = m.start.iso
        end = m.end.iso
        durationMinutes = m.durationMinutes
        room = m.room
        status = m.status
        statusReason = m.statusReason
        approval = m.approval
        inGovernmentName = m.inGovernmentName
        liveBroadcast = m.liveBroadcast
        series = m.series
        seriesDay = m.seriesDay?.iso
        self.conflicts = conflicts.map { $0.map { ConflictView($0, lang: lang) } }
    }

    init(_ d: MeetingDetail, lang: Lang) {
        self.init(d.meeting, lang: lang, conflicts: d.conflicts)
        chairName = d.chairName
        participants = d.participants.map {
            ParticipantView(login: $0.login, name: $0.name, role: $0.role, affiliation: $0.affiliation.text(lang))
        }
        moves = d.moves.map { MoveView(from: $0.previousStart.iso, to: $0.newStart.iso, reason: $0.reason, at: $0.movedAt, by: $0.movedBy) }
        numberNote = d.numberNote?.text(lang)
    }
}


/// Text renderings shared by the meeting commands.
enum MeetingText {
    /// "2026-03-12 周四 09:00–11:00"
    static func when(_ m: Meeting, lang: Lang) -> String {
        "\(m.start.day.iso) \(m.start.day.weekday.shortName.text(lang)) \(m.start.timeText)–\(m.end.timeText)"
    }

    /// One line after a change: the title, id and time, then the conflicts.
    static func summary(_ verb: Localized, _ m: Meeting, conflicts: [Conflict], lang: Lang) -> String {
        var lines = ["\(verb.text(lang)) \(m.numberedTitle(lang))（id \(m.id ?? 0)）\(when(m, lang: lang))"]
        if lang == .en { lines[0] = "\(verb.en) \(m.numberedTitle(.en)) (id \(m.id ?? 0)) \(when(m, lang: .en))" }
        if m.approval == .awaiting { lines.append(lang == .zh ? "  待区长批准（R61），批准前不能发通知" : "  awaiting the mayor's approval (R61): no notices before it") }
        if let d = m.chairDelegation { lines.append("  " + d.name.text(lang)) }
        return (lines + ConflictView.lines(conflicts, lang: lang)).joined(separator: "\n")
    }

    /// The full `meeting show` text.
    static func detail(_ d: MeetingDetail, lang: Lang) -> String {
        let m = d.meeting
        let zh = lang == .zh
        func row(_ zhLabel: String, _ enLabel: String, _ value: String) -> String { (zh ? zhLabel + "：" : enLabel + ": ") + value }
        var lines = [m.numberedTitle(lang) + (zh ? "  (id \(m.id ?? 0)，第 \(m.version) 版)" : "  (id \(m.id ?? 0), version \(m.version))")]
        if let note = d.numberNote { lines.append("  " + note.text(lang)) }
        lines.append(row("种类", "Kind", m.kind.name.text(lang)))
        lines.append(row("时间", "Time", when(m, lang: lang) + "  " + d.day.label.text(lang)))
        lines.append(row("会议室", "Room", m.room ?? (zh ? "未定" : "not set")))
        var chair = "\(d.chairName) (\(m.chairLogin))"
        if let delegation = m.chairDelegation { chair += " — " + delegation.name.text(lang) }
        lines.append(row("主持", "Chair", chair))
        lines.append(row("召集", "Convener", "\(d.convenerName) (\(m.convenerLogin))"))
        var status = m.status.name.text(lang)
        if let reason = m.statusReason { status += zh ? "（\(reason)）" : " (\(reason))" }
        if m.approval != .notRequired { status += " · " + m.approval.name.text(lang) }
        lines.append(row("状态", "Status", status))
        if m.liveBroadcast { lines.append(zh ? "网络直播（R18）" : "Broadcast live (R18)") }
        if !d.conflicts.isEmpty {
            lines.append(zh ? "冲突：" : "Conflicts:")
            lines += ConflictView.lines(d.conflicts, lang: lang)
        }
        for role in Participation.allCases {
            let people = d.participants(role)
            guard !people.isEmpty else { continue }
            lines.append("\(role.name.text(lang)) (\(people.count))\(zh ? "：" : ":")")
            lines += people.map { "  \($0.name)  \($0.login ?? "")  \($0.affiliation.text(lang))" }
        }
        if !d.moves.isEmpty {
            lines.append(zh ? "改期记录：" : "Moves:")
            lines += d.moves.map { "  \($0.previousStart.iso) → \($0.newStart.iso)  \($0.reason ?? "")  \($0.movedBy) \($0.movedAt.prefix(16))" }
        }
        return lines.joined(separator: "\n")
    }
}
