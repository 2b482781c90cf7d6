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
        conflicts.map { (Localized(zh: "  ⚠ 冲突：", en: "  ⚠ conflict: ").text(lang)) + $0.message.text(lang) }
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
        if m.approval == .awaiting { lines.append(Localized(zh: "  待区长批准（R61），批准前不能发通知", en: "  awaiting the mayor's approval (R61): no notices before it").text(lang)) }
        if let d = m.chairDelegation { lines.append("  " + d.name.text(lang)) }
        return (lines + ConflictView.lines(conflicts, lang: lang)).joined(separator: "\n")
    }

    /// The full `meeting show` text.
    static func detail(_ d: MeetingDetail, lang: Lang) -> String {
        let m = d.meeting
        func row(_ label: Localized, _ value: String) -> String { Localized(zh: label.zh + "：", en: label.en + ": ").text(lang) + value }
        var lines = [m.numberedTitle(lang) + (Localized(zh: "  (id \(m.id ?? 0)，第 \(m.version) 版)", en: "  (id \(m.id ?? 0), version \(m.version))").text(lang))]
        if let note = d.numberNote { lines.append("  " + note.text(lang)) }
        lines.append(row(Localized(zh: "种类", en: "Kind"), m.kind.name.text(lang)))
        lines.append(row(Localized(zh: "时间", en: "Time"), when(m, lang: lang) + "  " + d.day.label.text(lang)))
        lines.append(row(Localized(zh: "会议室", en: "Room"), m.room ?? (Localized(zh: "未定", en: "not set").text(lang))))
        var chair = "\(d.chairName) (\(m.chairLogin))"
        if let delegation = m.chairDelegation { chair += " — " + delegation.name.text(lang) }
        lines.append(row(Localized(zh: "主持", en: "Chair"), chair))
        lines.append(row(Localized(zh: "召集", en: "Convener"), "\(d.convenerName) (\(m.convenerLogin))"))
        var status = m.status.name.text(lang)
        if let reason = m.statusReason { status += Localized(zh: "（\(reason)）", en: " (\(reason))").text(lang) }
        if m.approval != .notRequired { status += " · " + m.approval.name.text(lang) }
        lines.append(row(Localized(zh: "状态", en: "Status"), status))
        if m.liveBroadcast { lines.append(Localized(zh: "网络直播（R18）", en: "Broadcast live (R18)").text(lang)) }
        if !d.conflicts.isEmpty {
            lines.append(Localized(zh: "冲突：", en: "Conflicts:").text(lang))
            lines += ConflictView.lines(d.conflicts, lang: lang)
        }
        for role in Participation.allCases {
            let people = d.participants(role)
            guard !people.isEmpty else { continue }
            lines.append("\(role.name.text(lang)) (\(people.count))\(Localized(zh: "：", en: ":").text(lang))")
            lines += people.map { "  \($0.name)  \($0.login ?? "")  \($0.affiliation.text(lang))" }
        }
        if !d.moves.isEmpty {
            lines.append(Localized(zh: "改期记录：", en: "Moves:").text(lang))
            lines += d.moves.map { "  \($0.previousStart.iso) → \($0.newStart.iso)  \($0.reason ?? "")  \($0.movedBy) \($0.movedAt.prefix(16))" }
        }
        return lines.joined(separator: "\n")
    }
}
