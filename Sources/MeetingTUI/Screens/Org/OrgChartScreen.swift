import MeetingKit
import MeetingService
import MeetingStore
import TextLayout

/// The org chart: people and departments, with add (`n`), edit (`e`, Enter) and retire (`w`)
/// dialogs for administrators and the office director (everyone else may look). Opened
/// with `7` from anywhere. Edits carry the version read when the dialog opened, so a change
/// someone else saved meanwhile is refused ("changed by X at T, reload"), not overwritten.
public struct OrgChartScreen: Screen {
    enum Tab { case people, departments }

    enum Dialog {
        /// Adding (login nil) or editing a person.
        case person(OrgForm, login: String?)
        /// Adding (code nil) or editing a department.
        case department(OrgForm, code: String?)
    }

    public enum Action { case back, switchTab, add, edit, retire, showRetired, dialog, question(Question.Action) }

    var tab: Tab = .people
    var org = OrgChart(people: [], departments: [])
    var people: [Person] = []
    var departments: [Department] = []
    var showRetired = false
    var peopleList = ListCursor()
    var departmentList = ListCursor()
    var dialog: Dialog?
    var question: Question?
    var loadError: Localized?
    /// Why the acting person may not change the org chart (nil: an administrator or the office director).
    var adminRefusal: Refusal?
    var mayAdminister: Bool { adminRefusal == nil }

    public init() {}

    public func title(_ lang: Lang) -> String { Localized(zh: "组织机构", en: "Org chart").text(lang) }

    public var isModal: Bool { dialog != nil || question != nil }
    public var hasUnsavedInput: Bool {
        switch dialog {
        case .person(let form, _), .department(let form, _): return form.isModified
        case nil: return false
        }
    }

    public func keymap(_ context: ScreenContext) -> Keymap<Action> {
        var map = Keymap<Action>()
        if let question { map.merge(question.keymap(), Action.question); return map }
        if dialog != nil {
            map.add(.tab, .dialog, Localized(zh: "下一项", en: "next field"))
            map.add(.enter, .dialog, Localized(zh: "保存（选择栏中为选择）", en: "save (choose, on a choice)"))
            map.add(.escape, .dialog, Localized(zh: "取消", en: "cancel"))
            return map
        }
        map.add(.tab, .switchTab, Localized(zh: "人员/部门", en: "people/departments"))
        map.add(.new, .add, Localized(zh: "添加", en: "add"), when: mayAdminister)
        map.add(.edit, .edit, Localized(zh: "修改", en: "edit"), when: mayAdminister)
        map.add(.enter, .edit, Localized(zh: "修改", en: "edit"), when: mayAdminister, footer: false)
        map.add(.withdraw, .retire, Localized(zh: "退出（离任）", en: "retire"), when: mayAdminister && tab == .people && selectedPerson?.isRetired == false)
        map.add(.filter, .showRetired, showRetired ? Localized(zh: "隐藏已退出", en: "hide retired") : Localized(zh: "显示已退出", en: "show retired"),
                when: tab == .people)
        map.addBack(.back)
        return map
    }

    public mutating func reload(_ context: ScreenContext) {
        // Keep both cursors on the same person and department when the chart changes under them.
        let person = selectedPerson?.login, department = selectedDepartment?.code
        defer {
            if let person, let i = people.firstIndex(where: { $0.login == person }) { peopleList.select(i) }
            if let department, let i = departments.firstIndex(where: { $0.code == department }) { departmentList.select(i) }
        }
        loadError = .loading {
            org = try context.office.orgChart()
            adminRefusal = try context.office.refusalToAdministerOrgChart()
        }
        people = org.people.values.filter { showRetired || !$0.isRetired }.sorted { $0.login < $1.login }
        departments = org.departments().sorted { $0.code < $1.code }
        peopleList.count = people.count
        departmentList.count = departments.count
    }

    // MARK: - Update

    public mutating func perform(_ action: Action, _ context: ScreenContext) -> Effect {
        switch action {
        case .back:
            return .pop
        case .question(let answer):
            return question.close(answering: answer)
        case .dialog:
            return .none  // the dialog's keys arrive through input
        case .switchTab:
            tab = tab == .people ? .departments : .people
        case .showRetired:
            showRetired.toggle()
            return .reload
        case .add:
            dialog = tab == .people ? .person(OrgChartScreen.personForm(nil, version: nil, org: org, lang: context.lang), login: nil)
                : .department(OrgChartScreen.departmentForm(nil, version: nil, org: org, lang: context.lang), code: nil)
        case .edit:
            return openEditor(context)
        case .retire:
            guard let person = selectedPerson else { return .none }
            let login = person.login
            return .call("person", on: OrgChartScreen.self, { try $0.person(login) }) { screen, result, _ in
                switch result {
                case .success(let current):
                    screen.question = Question(
                        Localized(zh: "让 \(person.name)（\(login)）退出？历史记录保留。", en: "Retire \(person.name) (\(login))? Their history is kept."),
                        then: .change("retirePerson", on: OrgChartScreen.self, { try $0.retirePerson(login, expectedVersion: current.version) }) { retired in
                            Localized(zh: "\(retired.value.name) 已退出，历史记录保留", en: "\(retired.value.name) is retired; their history is kept")
                        })
                    return .none
                case .failure(let error): return .failure(error)
                }
            }
        }
        return .none
    }

    public mutating func input(_ key: Key, _ context: ScreenContext) -> Effect {
        if question != nil { question?.input(key); return .none }
        if let dialog { return updateDialog(dialog, key, context) }
        // The keys that change the chart, pressed by someone who may not: say why.
        if let adminRefusal, [Verb.new, .edit, .withdraw].contains(where: { $0.key == key }) { return .failure(adminRefusal) }
        if tab == .people { peopleList.handle(key) } else { departmentList.handle(key) }
        return .none
    }

    public mutating func update(_ key: Key, _ context: ScreenContext) -> Effect {
        // A dialog takes every key (Tab, Enter and Esc included), as OrgForm handles them.
        if let dialog, question == nil { return updateDialog(dialog, key, context) }
        if let action = keymap(context).action(for: key) { return perform(action, context) }
        return input(key, context)
    }

    var selectedPerson: Person? { peopleList.selected.map { people[$0] } }
    var selectedDepartment: Department? { departmentList.selected.map { departments[$0] } }

    private mutating func openEditor(_ context: ScreenContext) -> Effect {
        let org = self.org, lang = context.lang
        switch tab {
        case .people:
            guard let login = selectedPerson?.login else { return .none }
            return .call("person", on: OrgChartScreen.self, { try $0.person(login) }) { screen, result, _ in
                switch result {
                case .success(let current):
                    screen.dialog = .person(OrgChartScreen.personForm(current.value, version: current.version, org: org, lang: lang), login: login)
                    return .none
                case .failure(let error): return .failure(error)
                }
            }
        case .departments:
            guard let code = selectedDepartment?.code else { return .none }
            return .call("department", on: OrgChartScreen.self, { try $0.department(code) }) { screen, result, _ in
                switch result {
                case .success(let current):
                    screen.dialog = .department(OrgChartScreen.departmentForm(current.value, version: current.version, org: org, lang: lang), code: code)
                    return .none
                case .failure(let error): return .failure(error)
                }
            }
        }
    }

    private mutating func updateDialog(_ current: Dialog, _ key: Key, _ context: ScreenContext) -> Effect {
        switch current {
        case .person(var form, let login):
            guard let outcome = form.handle(key) else { dialog = .person(form, login: login); return .none }
            if outcome == .cancel { dialog = nil; return .none }
            dialog = .person(form, login: login)
            return save(person: form, login: login, context)
        case .department(var form, let code):
            guard let outcome = form.handle(key) else { dialog = .department(form, code: code); return .none }
            if outcome == .cancel { dialog = nil; return .none }
            dialog = .department(form, code: code)
            return save(department: form, code: code, context)
        }
    }

    // MARK: - Forms

    static let roles = Role.allCases
    static let kinds = Department.Kind.allCases

    static func departmentOptions(_ org: OrgChart) -> [Picker.Option] {
        [Picker.Option(id: "", text: "—", detail: "")] + org.departments().sorted { $0.code < $1.code }.map(Picker.Option.department)
    }

    static func peopleOptions(_ org: OrgChart, lang: Lang) -> [Picker.Option] {
        [Picker.Option(id: "", text: "—", detail: "")] + org.people.values.filter { !$0.isRetired }.sorted { $0.login < $1.login }
            .map { Picker.Option.person($0, detail: $0.role.title.text(lang)) }
    }

    static func personForm(_ person: Person?, version: Int?, org: OrgChart, lang: Lang) -> OrgForm {
        OrgForm(
            title: person == nil ? Localized(zh: "添加人员", en: "Add a person") : Localized(zh: "修改人员", en: "Edit person"),
            fields: [
                .init(label: Localized(zh: "登录名", en: "Login"), input: .text(TextField(person?.login ?? "", limit: 32)), editable: person == nil),
                .init(label: Localized(zh: "姓名", en: "Name"), input: .text(TextField(person?.name ?? "", limit: InputLimits.name))),
                .init(label: Localized(zh: "角色", en: "Role"),
                      input: .choice(ChoiceList(options: roles.map { $0.title.text(lang) },
                                                selected: roles.firstIndex(of: person?.role ?? .secretary) ?? 0))),
                .init(label: Localized(zh: "部门", en: "Department"), input: .pick(departmentOptions(org), person?.departmentCode ?? "")),
                .init(label: Localized(zh: "管理员", en: "Administrator"),
                      input: .choice(ChoiceList(options: [Localized(zh: "否", en: "no"), Localized(zh: "是", en: "yes")].map { $0.text(lang) }, selected: person?.isAdmin == true ? 1 : 0))),
            ],
            version: version)
    }

    static func departmentForm(_ department: Department?, version: Int?, org: OrgChart, lang: Lang) -> OrgForm {
        OrgForm(
            title: department == nil ? Localized(zh: "添加部门", en: "Add a department") : Localized(zh: "修改部门", en: "Edit department"),
            fields: [
                .init(label: Localized(zh: "代码", en: "Code"), input: .text(TextField(department?.code ?? "", limit: 16)), editable: department == nil),
                .init(label: Localized(zh: "名称", en: "Name"), input: .text(TextField(department?.name ?? "", limit: InputLimits.name))),
                .init(label: Localized(zh: "类别", en: "Kind"),
                      input: .choice(ChoiceList(options: kinds.map { $0.title.text(lang) },
                                                selected: kinds.firstIndex(of: department?.kind ?? .constituent) ?? 0))),
                .init(label: Localized(zh: "负责人", en: "Head"), input: .pick(peopleOptions(org, lang: lang), department?.headLogin ?? "")),
                .init(label: Localized(zh: "分管领导", en: "Supervisor"), input: .pick(peopleOptions(org, lang: lang), department?.supervisorLogin ?? "")),
            ],
            version: version)
    }

    private mutating func save(person form: OrgForm, login: String?, _ context: ScreenContext) -> Effect {
        let name = form.text(1)
        let role = OrgChartScreen.roles[form.choice(2)]
        let department = form.text(3).isEmpty ? nil : form.text(3)
        let admin = form.choice(4) == 1
        let newLogin = form.text(0), version = form.version
        return .call("savePerson", on: OrgChartScreen.self, { office -> Person in
            if let login {
                let edit = PersonEdit(name: name, role: role, department: .to(department), isAdmin: admin)
                return try office.editPerson(login, expectedVersion: version, edit).value
            }
            return try office.addPerson(Person(login: newLogin, name: name, role: role, departmentCode: department, isAdmin: admin))
        }) { screen, result, context in
            switch result {
            case .success(let saved):
                screen.dialog = nil
                screen.reload(context)
                if let index = screen.people.firstIndex(where: { $0.login == saved.login }) { screen.peopleList.select(index) }
                return .status(Localized(zh: "已保存 \(saved.name)（\(saved.login)）", en: "saved \(saved.name) (\(saved.login))"), .ok)
            case .failure(let error): return .failure(error)
            }
        }
    }

    private mutating func save(department form: OrgForm, code: String?, _ context: ScreenContext) -> Effect {
        let name = form.text(1)
        let kind = OrgChartScreen.kinds[form.choice(2)]
        let head = form.text(3).isEmpty ? nil : form.text(3)
        let supervisor = form.text(4).isEmpty ? nil : form.text(4)
        let newCode = form.text(0), version = form.version
        return .call("saveDepartment", on: OrgChartScreen.self, { office -> Department in
            if let code {
                let edit = DepartmentEdit(name: name, kind: kind, head: .to(head), supervisor: .to(supervisor))
                return try office.editDepartment(code, expectedVersion: version, edit).value
            }
            return try office.addDepartment(Department(code: newCode, name: name, kind: kind, headLogin: head, supervisorLogin: supervisor)).value
        }) { screen, result, context in
            switch result {
            case .success(let saved):
                screen.dialog = nil
                screen.reload(context)
                if let index = screen.departments.firstIndex(where: { $0.code == saved.code }) { screen.departmentList.select(index) }
                return .status(Localized(zh: "已保存 \(saved.name)（\(saved.code)）", en: "saved \(saved.name) (\(saved.code))"), .ok)
            case .failure(let error): return .failure(error)
            }
        }
    }

    // MARK: - View

    public func draw(into buffer: inout ScreenBuffer, area: Rect, _ context: ScreenContext) {
        let lang = context.lang
        if buffer.putLoadError(loadError, in: area, lang) { return }
        var column = area.left + 1
        for (t, label) in [(Tab.people, Localized(zh: "人员 \(people.count)", en: "People \(people.count)").text(context.lang)),
                           (Tab.departments, Localized(zh: "部门 \(departments.count)", en: "Departments \(departments.count)").text(context.lang))] {
            column += buffer.put(" " + label + " ", row: area.top, column: column, style: tab == t ? .selected : .dim) + 1
        }
        let list = Rect(top: area.top + 1, left: area.left, height: area.height - 1, width: area.width)
        switch tab {
        case .people: drawPeople(into: &buffer, rect: list, context)
        case .departments: drawDepartments(into: &buffer, rect: list, context)
        }
        switch dialog {
        case .person(let form, _), .department(let form, _): form.draw(into: &buffer, area: area, lang: lang)
        case nil: break
        }
        question?.dialog.draw(into: &buffer, area: area, lang: lang)
    }

    private func drawPeople(into buffer: inout ScreenBuffer, rect: Rect, _ context: ScreenContext) {
        let lang = context.lang
        buffer.box(rect, style: .dim)
        let inner = rect.inset(1)
        let header = " " + DisplayWidth.pad(Localized(zh: "登录名", en: "Login").text(context.lang), to: 14) + DisplayWidth.pad(Localized(zh: "姓名", en: "Name").text(context.lang), to: 10)
            + DisplayWidth.pad(Localized(zh: "角色", en: "Role").text(context.lang), to: 18) + Localized(zh: "部门", en: "Department").text(context.lang)
        buffer.put(header, row: inner.top, column: inner.left, style: .heading, maxWidth: inner.width)
        let rows = Rect(top: inner.top + 1, left: inner.left, height: inner.height - 1, width: inner.width)
        for (offset, index) in peopleList.visible(rows: rows.height).enumerated() {
            let p = people[index]
            let row = rows.top + offset
            let selected = peopleList.selected == index
            let style: Style = (p.isRetired ? .dim : .normal)
            var department = p.departmentCode.map { org.department($0)?.name ?? $0 } ?? ""
            if p.role.supervisesPortfolio {
                department = Localized(zh: "分管 ", en: "supervises ").text(context.lang) + org.portfolio(of: p.login).map(\.code).joined(separator: ",")
            }
            var line = " " + DisplayWidth.pad(p.login, to: 14) + DisplayWidth.pad(p.name, to: 10)
                + DisplayWidth.pad(p.role.title.text(lang), to: 18) + department
            if p.isAdmin { line += Localized(zh: " [管理员]", en: " [admin]").text(context.lang) }
            if p.isRetired { line += Localized(zh: " [已退出]", en: " [retired]").text(context.lang) }
            buffer.listRow(line, row: row, column: rows.left, selected: selected, style: style, maxWidth: rows.width)
        }
    }

    private func drawDepartments(into buffer: inout ScreenBuffer, rect: Rect, _ context: ScreenContext) {
        let lang = context.lang
        buffer.box(rect, style: .dim)
        let inner = rect.inset(1)
        let header = " " + DisplayWidth.pad(Localized(zh: "代码", en: "Code").text(context.lang), to: 6) + DisplayWidth.pad(Localized(zh: "名称", en: "Name").text(context.lang), to: 22)
            + DisplayWidth.pad(Localized(zh: "类别", en: "Kind").text(context.lang), to: 14) + DisplayWidth.pad(Localized(zh: "负责人", en: "Head").text(context.lang), to: 10) + Localized(zh: "分管领导", en: "Supervisor").text(context.lang)
        buffer.put(header, row: inner.top, column: inner.left, style: .heading, maxWidth: inner.width)
        let rows = Rect(top: inner.top + 1, left: inner.left, height: inner.height - 1, width: inner.width)
        for (offset, index) in departmentList.visible(rows: rows.height).enumerated() {
            let d = departments[index]
            let row = rows.top + offset
            let selected = departmentList.selected == index
            let head = d.headLogin.map { org.person($0)?.name ?? $0 } ?? ""
            let supervisor = d.supervisorLogin.map { org.person($0)?.name ?? $0 } ?? ""
            let line = " " + DisplayWidth.pad(d.code, to: 6) + DisplayWidth.pad(d.name, to: 22)
                + DisplayWidth.pad(d.kind.title.text(lang), to: 14) + DisplayWidth.pad(head, to: 10) + supervisor
            buffer.listRow(line, row: row, column: rows.left, selected: selected, maxWidth: rows.width)
        }
    }
}
