import MeetingKit
import MeetingService
import MeetingStore

/// Drafting an agenda item (R41), or editing one before the vice mayor approves it: the
/// title, the lead department (a head's own by default), the related departments and the
/// flags from pickers, the executive-meeting task, the summary. Saving a draft opens it; the
/// lead department then submits it (`s` on the item).
public struct ItemFormScreen: Screen {
    public enum Action { case form(Form.Action) }

    /// The item being edited (nil: a new draft) and its version when the form opened.
    let editing: (id: Int64, version: Int, state: AgendaState)?
    var form: Form?
    var item: AgendaItem?
    var loadError: Localized?

    /// A new draft.
    public init() { editing = nil }

    /// Editing `item` as read now.
    public init(editing item: AgendaItem) {
        editing = (item.id!, item.version, item.state)
        self.item = item
    }

    public func title(_ lang: Lang) -> String {
        editing.map { (Localized(zh: "修改议题 #", en: "Edit item #").text(lang)) + String($0.id) } ?? (Localized(zh: "起草议题", en: "Draft an item").text(lang))
    }

    public var isModal: Bool { true }
    public var hasUnsavedInput: Bool { form?.hasUnsavedInput ?? false }

    public func keymap(_ context: ScreenContext) -> Keymap<Action> {
        .formScreen(form, Action.form)
    }

    public mutating func reload(_ context: ScreenContext) {
        guard form == nil else { return }
        loadError = .loading {
            let org = try context.office.orgChart()
            let departments = org.departments().filter { $0.kind != .external }.sorted { $0.code < $1.code }.map(Picker.Option.department)
            let me = context.office.actor.principal
            let ownLead = org.departments().first { $0.headLogin == me.login }?.code ?? me.departmentCode.flatMap { code in
                org.department(code)?.kind == .external ? nil : code
            }
            let lang = context.lang
            if let item {
                var fields: [Form.Field] = [
                    .note(Localized(zh: "主办：\(org.department(item.leadCode)?.name ?? item.leadCode)    状态：\(item.state.name.zh)",
                                    en: "Lead: \(org.department(item.leadCode)?.name ?? item.leadCode)    State: \(item.state.name.en)")),
                    .text(label: Localized(zh: "标题", en: "Title"), field: TextField(item.title, limit: InputLimits.title)),
                ]
                if item.state == .draft {
                    fields.append(.pick(label: Localized(zh: "相关部门（征求意见，可多选）", en: "Related departments (asked for opinions)"),
                                        options: departments, chosen: item.relatedCodes, many: true, optional: true))
                } else {
                    fields.append(.note(Localized(zh: "相关部门已征求意见，不能再改", en: "The related departments were asked already: fixed")))
                }
                fields.append(.text(label: Localized(zh: "摘要", en: "Summary"), field: TextField(item.summary, limit: InputLimits.reason)))
                form = Form(title: Localized(zh: "修改议题 #\(item.id!)（审核同意前）", en: "Edit item #\(item.id!) (before approval)"), fields: fields)
            } else {
                let flags: [Picker.Option] = zip(ItemFlags.codes, [
                    Localized(zh: "重大事项（R5）", en: "major (R5)"), Localized(zh: "规范性文件（R16、R39(4)）", en: "normative document (R16, R39(4))"),
                    Localized(zh: "涉及公共利益（R19）", en: "public interest (R19)"), Localized(zh: "涉及市场主体（R19）", en: "market actors (R19)"),
                    Localized(zh: "举行听证（R19）", en: "hearing (R19)"), Localized(zh: "依法报告区人大常委会（R20）", en: "report to the People's Congress (R20)"),
                ]).map { Picker.Option(id: $0.0, text: $0.1.text(lang), detail: $0.0, keywords: [$0.0]) }
                form = Form(title: Localized(zh: "起草议题（R41）", en: "Draft an item (R41)"), fields: [
                    .text(label: Localized(zh: "标题", en: "Title"), field: TextField("", limit: InputLimits.title)),
                    .pick(label: Localized(zh: "主办部门", en: "Lead department"), options: departments, chosen: ownLead.map { [$0] } ?? [],
                          many: false, optional: false),
                    .pick(label: Localized(zh: "相关部门（征求意见，可多选）", en: "Related departments (asked for opinions)"),
                          options: departments, chosen: [], many: true, optional: true),
                    .choice(label: Localized(zh: "常务会议议题类别（R39）", en: "Executive-meeting task (R39)"),
                            list: ChoiceList(options: [Localized(zh: "不属常务会议议题", en: "not for the executive meeting").text(context.lang)]
                                                 + ExecutiveCategory.allCases.map { "\($0.rawValue) \($0.name.text(lang))" }, selected: 1)),
                    .pick(label: Localized(zh: "属性（决定前置程序，可多选）", en: "Flags (they decide the preconditions)"),
                          options: flags, chosen: [], many: true, optional: true),
                    .text(label: Localized(zh: "摘要", en: "Summary"), field: TextField("", limit: InputLimits.reason)),
                ])
            }
        }
    }

    public mutating func perform(_ action: Action, _ context: ScreenContext) -> Effect {
        guard case .form(let formAction) = action else { return .none }
        guard form != nil else { return .pop }
        if let open = form.submitted(by: formAction) { return save(open) }
        return form == nil ? .pop : .none  // cancelled: the dialog closes
    }

    public mutating func input(_ key: Key, _ context: ScreenContext) -> Effect {
        form?.input(key)
        return .none
    }

    private func save(_ form: Form) -> Effect {
        if let editing, let item {
            let title = form.text(1) ?? "", summary = form.text(3) ?? ""
            let related = editing.state == .draft ? form.chosen(2) : item.relatedCodes
            let id = editing.id, version = editing.version
            return finish("editItem") { try $0.editItem(id, title: title, summary: summary, related: related, expectedVersion: version) }
        }
        let title = form.text(0) ?? "", lead = form.chosen(1).first ?? "", related = form.chosen(2)
        let category = form.choice(3) == 0 ? nil : form.choice(3)
        let flags = Set(form.chosen(4)), summary = form.text(5) ?? ""
        return finish("addItem") {
            try $0.addItem(title: title, lead: lead, related: related, major: flags.contains("major"), normative: flags.contains("normative"),
                           publicInterest: flags.contains("public-interest"), market: flags.contains("market"), category: category,
                           summary: summary, hearing: flags.contains("hearing"), reportToCongress: flags.contains("congress"))
        }
    }

    /// Saves, then opens the item (a new draft) or goes back to it (an edit); a refusal stays in the form.
    private func finish(_ name: String, _ body: @escaping (Office) throws -> AgendaItem) -> Effect {
        let isNew = editing == nil
        return .call(name, on: ItemFormScreen.self, body) { screen, result, _ in
            switch result {
            case .success(let item):
                let text = isNew ? Localized(zh: "已起草议题 #\(item.id!)：提交前可再修改（e），提交按 s", en: "item #\(item.id!) drafted: e edits it, s submits it")
                    : Localized(zh: "已修改议题 #\(item.id!)", en: "item #\(item.id!) edited")
                if isNew { return .batch([.pop, .push(ItemDetailScreen(itemId: item.id!)), .status(text, .ok)]) }
                return .batch([.popAndReload, .status(text, .ok)])
            case .failure(let error):
                screen.form?.error = .describing(error)
                return .none
            }
        }
    }

    public func draw(into buffer: inout ScreenBuffer, area: Rect, _ context: ScreenContext) {
        if buffer.putLoadError(loadError, in: area, context.lang) { return }
        form?.draw(into: &buffer, area: area, lang: context.lang)
    }
}
