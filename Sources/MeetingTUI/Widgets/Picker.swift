import MeetingKit
import TextLayout

/// Pick a person, a department or a meeting by typing part of it: its name, its login or
/// code, or the pinyin initials of a login (`zlx` finds 周立新, `zhoulixin`). ↑↓ move, Enter
/// chooses (Space marks several when ``allowsMany``), Esc cancels. Used wherever a login or
/// a code was typed before.
public struct Picker: Hashable, Sendable {
    public struct Option: Hashable, Sendable {
        /// What choosing returns: a login, a department code, a meeting id.
        public var id: String
        public var text: String
        /// A second column: the role or department, the date.
        public var detail: String = ""
        /// More text that matches: the login and its initials, a code.
        public var keywords: [String] = []

        /// A person, found by name, login and the login's pinyin initials.
        public static func person(_ person: Person, detail: String) -> Option {
            Option(id: person.login, text: person.name, detail: detail,
                   keywords: [person.login] + (PinyinInitials.of(person.login).map { [$0] } ?? []))
        }

        /// A person with their unit: the department's name, or the role for someone without one
        /// (the pickers that invite, substitute or add people).
        public static func person(_ person: Person, unitIn org: OrgChart, _ lang: Lang) -> Option {
            .person(person, detail: person.departmentCode.flatMap { org.department($0)?.name } ?? person.role.title.text(lang))
        }

        /// People in protocol order (by role, then login), each with their title and department
        /// ("副区长 · 区发展改革委"): the pickers that choose whom to act as or record for.
        public static func people(_ people: [Person], titledIn org: OrgChart, _ lang: Lang) -> [Option] {
            people.sorted { (Role.allCases.firstIndex(of: $0.role)!, $0.login) < (Role.allCases.firstIndex(of: $1.role)!, $1.login) }
                .map { person in
                    .person(person, detail: person.role.title.text(lang)
                            + (person.departmentCode.flatMap { org.department($0)?.name }.map { " · " + $0 } ?? ""))
                }
        }

        /// A department, found by name and code.
        public static func department(_ department: Department) -> Option {
            Option(id: department.code, text: department.name, detail: department.code, keywords: [department.code.lowercased()])
        }

        func matches(_ query: String) -> Bool {
            guard !query.isEmpty else { return true }
            let q = query.lowercased()
            return text.lowercased().contains(q) || detail.lowercased().contains(q) || keywords.contains { $0.lowercased().hasPrefix(q) }
        }
    }

    public enum Outcome: Hashable, Sendable {
        case chosen([String])
        case cancelled
    }

    public let options: [Option]
    public private(set) var query = TextField("", limit: 40)
    public private(set) var cursor = ListCursor()
    /// Indices of the options that match the query, in order.
    public private(set) var matching: [Int]
    public let allowsMany: Bool
    /// The ids marked so far (several at once).
    public private(set) var marked: [String]

    public init(options: [Option], allowsMany: Bool = false, marked: [String] = [], selecting id: String? = nil) {
        self.options = options
        self.allowsMany = allowsMany
        self.marked = marked
        matching = Array(options.indices)
        cursor.count = options.count
        if let id, let i = options.firstIndex(where: { $0.id == id }) { cursor.select(i) }
    }

    public var selected: Option? { cursor.selected.map { options[matching[$0]] } }

    /// Handles a key: typing filters, ↑↓ move, Enter chooses, Space marks, Esc cancels.
    public mutating func handle(_ key: Key) -> Outcome? {
        switch key {
        case .escape:
            return .cancelled
        case .enter:
            if allowsMany { return .chosen(marked.isEmpty ? (selected.map { [$0.id] } ?? []) : marked) }
            return selected.map { .chosen([$0.id]) }
        case .char(" ") where allowsMany:
            if let id = selected?.id {
                if let i = marked.firstIndex(of: id) { marked.remove(at: i) } else { marked.append(id) }
            }
        case .up, .down, .pageUp, .pageDown, .home, .end:
            cursor.handle(key)
        default:
            if query.handle(key) { refilter() }
        }
        return nil
    }

    private mutating func refilter() {
        let keep = selected?.id
        matching = options.indices.filter { options[$0].matches(query.text.trimmingCharacters(in: .whitespaces)) }
        cursor.count = matching.count
        cursor.select(keep.flatMap { id in matching.firstIndex { options[$0].id == id } } ?? 0)
    }

    /// Draws the query line and the matching options in `rect`.
    public func draw(into buffer: inout ScreenBuffer, rect: Rect, lang: Lang) {
        guard rect.height >= 2 else { return }
        let prompt = Localized(zh: "查找：", en: "Find: ").text(lang)
        let used = buffer.put(prompt, row: rect.top, column: rect.left, style: .accent)
        query.draw(into: &buffer, row: rect.top, column: rect.left + used, width: max(4, rect.width - used), focused: true)
        let list = Rect(top: rect.top + 1, left: rect.left, height: rect.height - 1, width: rect.width)
        if matching.isEmpty {
            buffer.put(Localized(zh: "  （没有符合的）", en: "  (no match)").text(lang), row: list.top, column: list.left, style: .dim, maxWidth: list.width)
            return
        }
        let textWidth = min(24, max(8, list.width / 2))
        for (offset, index) in cursor.visible(rows: list.height).enumerated() {
            let option = options[matching[index]]
            let row = list.top + offset
            let isSelected = index == cursor.selected
            let mark = allowsMany ? (marked.contains(option.id) ? "[x] " : "[ ] ") : ""
            if isSelected { buffer.fill(Rect(top: row, left: list.left, height: 1, width: list.width), style: .selected) }
            let style: Style = isSelected ? .selected : .normal
            let used = buffer.put((isSelected ? "› " : "  ") + mark + DisplayWidth.pad(option.text, to: textWidth) + " ", row: row,
                                  column: list.left, style: style, maxWidth: list.width)
            buffer.put(option.detail, row: row, column: list.left + used, style: isSelected ? .selected : .dim, maxWidth: list.width - used)
        }
    }

    /// Draws a centred box titled `title` holding the picker.
    public func drawBox(title: String, into buffer: inout ScreenBuffer, area: Rect, lang: Lang) {
        let rect = area.centered(height: min(area.height - 2, max(8, min(options.count, 14) + 4)), width: min(area.width - 4, 64))
        buffer.fill(rect)
        buffer.box(rect, title: title, style: .accent)
        draw(into: &buffer, rect: Rect(top: rect.top + 1, left: rect.left + 2, height: rect.height - 3, width: rect.width - 4), lang: lang)
        let help = allowsMany ? (Localized(zh: "输入以查找（拼音首字母亦可）  空格 选中  Enter 确定  Esc 取消", en: "type to find (pinyin initials too)  Space mark  Enter done  Esc cancel").text(lang))
            : (Localized(zh: "输入以查找（拼音首字母亦可）  Enter 选择  Esc 取消", en: "type to find (pinyin initials too)  Enter choose  Esc cancel").text(lang))
        buffer.put(help, row: rect.bottom - 2, column: rect.left + 2, style: .dim, maxWidth: rect.width - 4)
    }
}
