import MeetingKit

/// The user's settings from `config.toml` (docs/cli.md, "Configuration"): the interface
/// language, an office name to show instead of the stored one, the rooms offered when
/// scheduling, and the usual weekday, time and length of each kind of regular meeting.
///
/// ```toml
/// language = "en"
/// theme = "auto"                  # auto, dark, light or mono (NO_COLOR always wins)
/// server = "/run/huiwu/huiwu.sock"
///
/// [office]
/// name = "西城区政府"
/// name_en = "Xicheng District Government"
/// rooms = ["区政府常务会议室", "区政府第一会议室"]
///
/// [print]
/// printer = "office-laser"        # lp destination: `p` in the interface prints there
/// directory = "~/公文"             # where `p` writes documents (default: the current directory)
///
/// [cadence.executive]
/// weekday = "thursday"
/// time = "09:00"
/// duration_minutes = 120
/// adjusted_working_days = false   # may a moved meeting land on a 调休 Saturday?
/// ```
///
/// Every value remembers the line it came from, for `huiwu config show`.
public struct HuiwuConfig: Sendable, Hashable {
    /// A value and the line of the file that set it.
    public struct Setting<Value: Sendable & Hashable>: Sendable, Hashable {
        public var value: Value
        public var line: Int
    }

    /// Overrides for one kind's regular meetings; unset fields keep the built-in cadence.
    public struct CadenceSetting: Sendable, Hashable {
        public var weekday: Setting<Weekday>?
        /// Minutes after midnight.
        public var time: Setting<Int>?
        public var durationMinutes: Setting<Int>?
        /// Whether a moved meeting may land on an adjusted working weekend day (调休).
        public var adjustedWorkingDays: Setting<Bool>?
    }

    public var language: Setting<Lang>?
    /// The interface's colours: `auto` (readable on dark and light terminals), `dark`,
    /// `light` or `mono` (attributes only, as with `NO_COLOR`).
    public var theme: Setting<String>?
    /// The themes `theme` may name.
    public static let themes = ["auto", "dark", "light", "mono"]
    /// The socket of the office's `huiwu serve` (usually set system-wide in /etc/huiwu/config.toml).
    public var server: Setting<String>?
    public var officeName: Setting<String>?
    public var officeNameEn: Setting<String>?
    public var rooms: Setting<[String]>?
    public var cadence: [MeetingKind: CadenceSetting] = [:]
    /// The CUPS destination documents are sent to with `lp`.
    public var printer: Setting<String>?
    /// Where the interface writes documents.
    public var documentDirectory: Setting<String>?

    public init() {}

    /// The office name to show instead of the stored one, when the file sets one.
    public var officeNameOverride: Localized? {
        guard officeName != nil || officeNameEn != nil else { return nil }
        let zh = officeName?.value ?? officeNameEn!.value
        return Localized(zh: zh, en: officeNameEn?.value ?? zh)
    }

    /// A problem with a line number.
    public typealias Problem = TOMLSubset.Problem

    /// Reads the file's text into the settings and every problem found (syntax, unknown
    /// keys, wrong types, bad values), in line order. Use the settings only when there are none.
    public static func parse(_ text: String) -> (config: HuiwuConfig, problems: [Problem]) {
        let (entries, syntax) = TOMLSubset.parse(text)
        var config = HuiwuConfig()
        var problems = syntax
        for entry in entries {
            if let problem = config.apply(entry) { problems.append(problem) }
        }
        return (config, problems.sorted { $0.line < $1.line })
    }

    /// The keys the file may set, for messages.
    public static let knownKeys = ["language", "theme", "server", "office.name", "office.name_en", "office.rooms", "print.printer", "print.directory"]
        + MeetingKind.allCases.flatMap { kind in
            (kind == .plenary ? ["time", "duration_minutes", "adjusted_working_days"]
                : ["weekday", "time", "duration_minutes", "adjusted_working_days"]).map { "cadence.\(kind.rawValue).\($0)" }
        }

    private mutating func apply(_ entry: TOMLSubset.Entry) -> Problem? {
        let line = entry.line
        func wrongType(_ expected: String) -> Problem {
            Problem(line, zh: "\(entry.path) 应为\(expected == "string" ? "字符串" : expected == "integer" ? "整数" : "字符串数组")，而不是 \(entry.value.typeName)",
                    en: "\(entry.path) must be a\(expected == "integer" ? "n" : "") \(expected), not \(entry.value.typeName)")
        }
        func text() -> String? { if case .string(let s) = entry.value { return s } else { return nil } }
        func checkedName(_ s: String) -> Problem? {
            do { try InputLimits.check(name: s, field: Localized(zh: entry.path, en: entry.path)) } catch let refusal as Refusal {
                return Problem(line, zh: refusal.message.zh, en: refusal.message.en)
            } catch {}
            return nil
        }
        switch entry.path {
        case "language":
            guard let s = text() else { return wrongType("string") }
            guard let lang = Lang(rawValue: s) else {
                return Problem(line, zh: "language 应为 \"zh\" 或 \"en\"", en: "language must be \"zh\" or \"en\"")
            }
            language = Setting(value: lang, line: line)
        case "theme":
            guard let s = text() else { return wrongType("string") }
            guard HuiwuConfig.themes.contains(s) else {
                let list = HuiwuConfig.themes.map { "\"\($0)\"" }.joined(separator: ", ")
                return Problem(line, zh: "theme 应为 \(list) 之一", en: "theme must be one of \(list)")
            }
            theme = Setting(value: s, line: line)
        case "server":
            guard let s = text() else { return wrongType("string") }
            guard s.hasPrefix("/"), s.utf8.count < 108, !s.unicodeScalars.contains(where: { $0.value < 0x20 }) else {
                return Problem(line, zh: "server 应为套接字的绝对路径，如 \"/run/huiwu/huiwu.sock\"",
                               en: "server must be the socket's absolute path, e.g. \"/run/huiwu/huiwu.sock\"")
            }
            server = Setting(value: s, line: line)
        case "office.name", "office.name_en":
            guard let s = text() else { return wrongType("string") }
            if let problem = checkedName(s) { return problem }
            if entry.key == "name" { officeName = Setting(value: s, line: line) } else { officeNameEn = Setting(value: s, line: line) }
        case "office.rooms":
            guard case .strings(let list) = entry.value else { return wrongType("array of strings") }
            for room in list { if let problem = checkedName(room) { return problem } }
            if Set(list).count != list.count {
                return Problem(line, zh: "office.rooms 中有重复的会议室", en: "office.rooms lists a room twice")
            }
            rooms = Setting(value: list, line: line)
        case "print.printer", "print.directory":
            guard let s = text(), !s.isEmpty else { return wrongType("string") }
            if entry.key == "printer" { printer = Setting(value: s, line: line) } else { documentDirectory = Setting(value: s, line: line) }
        default:
            return applyCadence(entry, wrongType: wrongType)
        }
        return nil
    }

    private mutating func applyCadence(_ entry: TOMLSubset.Entry, wrongType: (String) -> Problem) -> Problem? {
        let line = entry.line
        guard entry.table.count == 2, entry.table[0] == "cadence", let kind = MeetingKind(rawValue: entry.table[1]),
              ["weekday", "time", "duration_minutes", "adjusted_working_days"].contains(entry.key) else {
            let known = HuiwuConfig.knownKeys.joined(separator: ", ")
            return Problem(line, zh: "未知设置 \(TextSafety.inert(entry.path))（可用：\(known)）",
                           en: "unknown setting \(TextSafety.inert(entry.path)) (known: \(known))")
        }
        var setting = cadence[kind] ?? CadenceSetting()
        switch entry.key {
        case "weekday":
            guard kind != .plenary else {
                return Problem(line, zh: "全体会议每年一次（R38），没有固定的星期几", en: "the plenary meets once a year (R38) and has no weekday")
            }
            guard case .string(let s) = entry.value else { return wrongType("string") }
            guard let day = HuiwuConfig.weekday(s), day.rawValue <= 5 else {
                return Problem(line, zh: "\(entry.path) 应为周一至周五之一（monday … friday）", en: "\(entry.path) must be a working weekday (monday … friday)")
            }
            setting.weekday = Setting(value: day, line: line)
        case "time":
            guard case .string(let s) = entry.value else { return wrongType("string") }
            guard let (h, m) = LocalDateTime.parseTime(s) else {
                return Problem(line, zh: "\(entry.path) 应为 HH:MM，如 \"09:00\"", en: "\(entry.path) must be HH:MM, e.g. \"09:00\"")
            }
            setting.time = Setting(value: h * 60 + m, line: line)
        case "adjusted_working_days":
            guard case .boolean(let allowed) = entry.value else {
                return Problem(line, zh: "\(entry.path) 应为 true 或 false", en: "\(entry.path) must be true or false")
            }
            setting.adjustedWorkingDays = Setting(value: allowed, line: line)
        default:
            guard case .integer(let n) = entry.value else { return wrongType("integer") }
            guard MeetingDuration.allowedMinutes.contains(n) else {
                return Problem(line, zh: "\(entry.path) 须在 1 到 1440 分钟之间", en: "\(entry.path) must be 1 to 1440 minutes")
            }
            setting.durationMinutes = Setting(value: n, line: line)
        }
        cadence[kind] = setting
        return nil
    }

    /// `monday` … `sunday`, or `mon` … `sun`.
    public static func weekday(_ text: String) -> Weekday? {
        let names = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        let lower = text.lowercased()
        guard let i = names.firstIndex(where: { $0 == lower || $0.prefix(3) == lower }) else { return nil }
        return Weekday(rawValue: i + 1)
    }

    public static func weekdayName(_ day: Weekday) -> String {
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"][day.rawValue - 1]
    }
}

extension HuiwuConfig {
    /// The cadence scheduling uses for `kind`: the rules' standard one (``Cadence/standard(for:)``)
    /// with this file's weekday, time and duration applied on top.
    public func cadence(for kind: MeetingKind) -> Cadence {
        var result = Cadence.standard(for: kind)
        if let setting = cadence[kind] {
            if let weekday = setting.weekday?.value { result.weekday = weekday }
            if let time = setting.time?.value { result.minuteOfDay = time }
            if let duration = setting.durationMinutes?.value { result.durationMinutes = duration }
            if let allowed = setting.adjustedWorkingDays?.value { result.adjustedWorkingDays = allowed }
        }
        return result
    }
}
