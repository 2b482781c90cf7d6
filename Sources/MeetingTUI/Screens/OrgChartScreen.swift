import MeetingKit
import MeetingService
import MeetingStore

/// The org chart: people and departments, with add, edit and retire dialogs for
/// administrators and the office director (everyone else may look). Opened with `o` from
/// the home screen. Edits carry the version read when the dialog opened, so a change
/// someone else saved meanwhile is refused ("changed by X at T, reload"), not overwritten.
public struct OrgChartScreen: Screen {
    enum Tab { case people, departments }

    enum Dialog {
        /// Adding (login nil) or editing a person.
        case person(OrgForm, login: String?)
        /// Adding (code nil) or editing a department.
        case department(OrgForm, code: String?)
        case retire(ConfirmDialog, login: String, version: Int)
    }

    var tab: Tab = .people
    var org = OrgChart(people: [], departments: [])
    var people: [Person] = []
    var departments: [Department] = []
    var showRetired = false
    var peopleList = ListCursor()
    var departmentList = ListCursor()
    var dialog: Dialog?
    var loadError: Localized?

    public init() {}

    public func title(_ lang: Lang) -> String { lang == .zh ? "组织机构" : "Org chart" }

    public var capturesText: Bool { dialog != nil }

    public func hints(_ lang: Lang) -> [KeyHint] {
        switch dialog {
        case .retire:
            return [KeyHint("y", "是", "yes"), KeyHint("n / Esc", "否", "no"), KeyHint("← →", "切换", "switch")]
        case .person, .department:
            return [KeyHint("Tab", "下一项", "next field"), KeyHint("Enter", "保存", "save"), KeyHint("Esc", "取消", "cancel")]
        case nil:
            break
        }
        var hints = [KeyHint("Tab", "人员/部门", "people/departments"), KeyHint("a", "添加", "add"), KeyHint("e", "修改", "edit")]
        if tab == .people {
            hints.append(KeyHint("r", "退出", "retire"))
            hints.append(KeyHint("x", showRetired ? "隐藏已退出" : "显示已退出", showRetired ? "hide retired" : "show retired"))
        }
        hints.append(KeyHint("Esc", "返回", "back"))
        return hints
    }

    public mutating func reload(_ context: ScreenContext) {
        // Keep both cursors on the same person and department when the chart changes under them.
        let person = selectedPerson?.login, department = selectedDepartment?.code
        defer {
            if let person, let i = people.firstIndex(where: { $0.login == person }) { peopleList.select(i) }
            if let department, let i = departments.firstIndex(where: { $0.code == department }) { departmentList.select(i) }
        }
        do {
            org = try context.office.orgChart()
            loadError = nil
        } catch let refusal as Refusal {
            loadError = refusal.message
        } catch {
            loadError = .same("\(error)")
        }
        people = org.people.values.filter { showRetired || !$0.isRetired }.sorted { $0.login < $1.login }
        departments = org.departments().sorted { $0.code < $1.code }
        peopleList.count = people.count
        departmentList.count = departments.count
    }

    // MARK: - Update

    public mutating func update(_ key: Key, _ context: ScreenContext) -> Effect {
        if let dialog { return updateDialog(dialog, key, context) }
        switch key {
        case .escape:
            return .pop
        case .tab, .backTab, .left, .right, .char("h"), .char("l"):
            tab = tab == .people ? .departments : .people
        case .char("x") where tab == .people:
            showRetired.toggle()
            let selected = selectedPerson?.login
            reload(context)
            if let selected, let index = people.firstIndex(where: { $0.login == selected }) { peopleList.select(index) }
        case .char("a"):
            if let refusal = permission(context) { return refusal }
            dialog = tab == .people ? .person(OrgChartScreen.personForm(nil, version: nil, lang: context.lang), login: nil)
                : .department(OrgChartScreen.departmentForm(nil, version: nil, lang: context.lang), code: nil)
        case .char("e"), .enter:
            if let refusal = permission(context) { return refusal }
            return openEditor(context)
        case .char("r") where tab == .people:
            if let refusal = permission(context) { return refusal }
            guard let person = selectedPerson else { return .none }
            if person.isRetired {
                return .status(Localized(zh: "\(person.name) 已经退出", en: "\(person.name) is already retired"), .warning)
            }
            do {
                let current = try context.office.person(person.login)
                dialog = .retire(ConfirmDialog(Localized(zh: "让 \(person.name)（\(person.login)）退出？历史记录保留。",
                                                         en: "Retire \(person.name) (\(person.login))? Their history is kept.")),
                                 login: person.login, version: current.version)
            } catch {
                return .failure(error)
            }
        default:
            if tab == .people { peopleList.handle(key) } else { departmentList.handle(key) }
        }
        return .none
    }

    var selectedPerson: Person? { peopleList.selected.map { people[$0] } }
    var selectedDepartment: Department? { departmentList.selected.map { departments[$0] } }

    /// Refuses to open a dialog for people who may not change the org chart.
    func permission(_ context: ScreenContext) -> Effect? {
        do {
            return try context.office.refusalToAdministerOrgChart().map { .failure($0) }
        } catch {
            return .failure(error)
        }
    }

    private mutating func openEditor(_ context: ScreenContext) -> Effect {
        do {
            switch tab {
            case .people:
                guard let person = selectedPerson else { return .none }
                let current = try context.office.person(person.login)
                dialog = .person(OrgChartScreen.personForm(current.value, version: current.version, lang: context.lang), login: person.login)
            case .departments:
                guard let department = selectedDepartment else { return .none }
                let current = try context.office.department(department.code)
                dialog = .department(OrgChartScreen.departmentForm(current.value, version: current.version, lang: context.lang), code: department.code)
            }
        } catch {
            return .failure(error)
        }
        return .none
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
        case .retire(var confirm, let login, let version):
            guard let yes = confirm.handle(key) else { dialog = .retire(confirm, login: login, version: version); return .none }
            dialog = nil
            guard yes else { return .none }
            do {
                let retired = try context.office.retirePerson(login, expectedVersion: version)
                reload(context)
                return .status(Localized(zh: "\(retired.value.name) 已退出，历史记录保留", en: "\(retired.value.name) is retired; their history is kept"), .ok)
            } catch {
                reload(context)
                return .failure(error)
            }
        }
    }

    // MARK: - Forms

    static let roles = Role.allCases
    static let kinds = Department.Kind.allCases

    static func personForm(_ person: Person?, version: Int?, lang: Lang) -> OrgForm {
        OrgForm(
            title: person == nil ? Localized(zh: "添加人员", en: "Add a person") : Localized(zh: "修改人员", en: "Edit person"),
            fields: [
                .init(label: Localized(zh: "登录名", en: "Login"), input: .text(TextField(person?.login ?? "", limit: 32)), editable: person == nil),
                .init(label: Localized(zh: "姓名", en: "Name"), input: .text(TextField(person?.name ?? "", limit: InputLimits.name))),
                .init(label: Localized(zh: "角色", en: "Role"),
                      input: .choice(ChoiceList(options: roles.map { $0.title.text(lang) },
                                                selected: roles.firstIndex(of: person?.role ?? .secretary) ?? 0))),
                .init(label: Localized(zh: "部门代码", en: "Department code"), input: .text(TextField(person?.departmentCode ?? "", limit: 16))),
                .init(label: Localized(zh: "管理员", en: "Administrator"),
                      input: .choice(ChoiceList(options: lang == .zh ? ["否", "是"] : ["no", "yes"], selected: person?.isAdmin == true ? 1 : 0))),
            ],
            version: version)
    }

    static func departmentForm(_ department: Department?, version: Int?, lang: Lang) -> OrgForm {
        OrgForm(
            title: department == nil ? Localized(zh: "添加部门", en: "Add a department") : Localized(zh: "修改部门", en: "Edit department"),
            fields: [
                .init(label: Localized(zh: "代码", en: "Code"), input: .text(TextField(department?.code ?? "", limit: 16)), editable: department == nil),
                .init(label: Localized(zh: "名称", en: "Name"), input: .text(TextField(department?.name ?? "", limit: InputLimits.name))),
                .init(label: Localized(zh: "类别", en: "Kind"),
                      input: .choice(ChoiceList(options: kinds.map { $0.title.text(lang) },
                                                selected: kinds.firstIndex(of: department?.kind ?? .constituent) ?? 0))),
                .init(label: Localized(zh: "负责人登录名", en: "Head (login)"), input: .text(TextField(department?.headLogin ?? "", limit: 32))),
                .init(label: Localized(zh: "分管领导登录名", en: "Supervisor (login)"), input: .text(TextField(department?.supervisorLogin ?? "", limit: 32))),
            ],
            version: version)
    }

    private mutating func save(person form: OrgForm, login: String?, _ context: ScreenContext) -> Effect {
        let name = form.text(1)
        let role = OrgChartScreen.roles[form.choice(2)]
        let department = form.text(3).isEmpty ? nil : form.text(3)
        let admin = form.choice(4) == 1
        do {
            let saved: Person
            if let login {
                let edit = PersonEdit(name: name, role: role, department: .to(department), isAdmin: admin)
                saved = try context.office.editPerson(login, expectedVersion: form.version, edit).value
            } else {
                saved = try context.office.addPerson(Person(login: form.text(0), name: name, role: role, departmentCode: department, isAdmin: admin))
            }
            dialog = nil
            reload(context)
            if let index = people.firstIndex(where: { $0.login == saved.login }) { peopleList.select(index) }
            return .status(Localized(zh: "已保存 \(saved.name)（\(saved.login)）", en: "saved \(saved.name) (\(saved.login))"), .ok)
        } catch {
            return .failure(error)
        }
    }

    private mutating func save(department form: OrgForm, code: String?, _ context: ScreenContext) -> Effect {
        let name = form.text(1)
        let kind = OrgChartScreen.kinds[form.choice(2)]
        let head = form.text(3).isEmpty ? nil : form.text(3)
        let supervisor = form.text(4).isEmpty ? nil : form.text(4)
        do {
            let saved: Department
            if let code {
                let edit = DepartmentEdit(name: name, kind: kind, head: .to(head), supervisor: .to(supervisor))
                saved = try context.office.editDepartment(code, expectedVersion: form.version, edit).value
            } else {
                saved = try context.office.addDepartment(Department(code: form.text(0), name: name, kind: kind, headLogin: head, supervisorLogin: supervisor)).value
            }
            dialog = nil
            reload(context)
            if let index = departments.firstIndex(where: { $0.code == saved.code }) { departmentList.select(index) }
            return .status(Localized(zh: "已保存 \(saved.name)（\(saved.code)）", en: "saved \(saved.name) (\(saved.code))"), .ok)
        } catch {
            return .failure(error)
        }
    }

    // MARK: - View

    public func draw(into buffer: inout ScreenBuffer, area: Rect, _ context: ScreenContext) {
        let lang = context.lang
        if let loadError {
            buffer.put(loadError.text(lang), row: area.top + 1, column: 2, style: .error, maxWidth: area.width - 4)
            return
        }
        var column = area.left + 1
        for (t, label) in [(Tab.people, context.t("人员 \(people.count)", "People \(people.count)")),
                           (Tab.departments, context.t("部门 \(departments.count)", "Departments \(departments.count)"))] {
            column += buffer.put(" " + label + " ", row: area.top, column: column, style: tab == t ? .selected : .dim) + 1
        }
        let list = Rect(top: area.top + 1, left: area.left, height: area.height - 1, width: area.width)
        switch tab {
        case .people: drawPeople(into: &buffer, rect: list, context)
        case .departments: drawDepartments(into: &buffer, rect: list, context)
        }
        switch dialog {
        case .person(let form, _), .department(let form, _): form.draw(into: &buffer, area: area, lang: lang)
        case .retire(let confirm, _, _): confirm.draw(into: &buffer, area: area, lang: lang)
        case nil: break
        }
    }

    private func drawPeople(into buffer: inout ScreenBuffer, rect: Rect, _ context: ScreenContext) {
        let lang = context.lang
        buffer.box(rect, style: .dim)
        let inner = rect.inset(1)
        let header = " " + DisplayWidth.pad(context.t("登录名", "Login"), to: 14) + DisplayWidth.pad(context.t("姓名", "Name"), to: 10)
            + DisplayWidth.pad(context.t("角色", "Role"), to: 18) + context.t("部门", "Department")
        buffer.put(header, row: inner.top, column: inner.left, style: .heading, maxWidth: inner.width)
        let rows = Rect(top: inner.top + 1, left: inner.left, height: inner.height - 1, width: inner.width)
        for (offset, index) in peopleList.visible(rows: rows.height).enumerated() {
            let p = people[index]
            let row = rows.top + offset
            let selected = peopleList.selected == index
            let style: Style = (p.isRetired ? .dim : .normal)
            defer { if selected { buffer.markSelection(row: row, column: rows.left) } }
            var department = p.departmentCode.map { org.department($0)?.name ?? $0 } ?? ""
            if p.role.supervisesPortfolio {
                department = context.t("分管 ", "supervises ") + org.portfolio(of: p.login).map(\.code).joined(separator: ",")
            }
            var line = " " + DisplayWidth.pad(p.login, to: 14) + DisplayWidth.pad(p.name, to: 10)
                + DisplayWidth.pad(p.role.title.text(lang), to: 18) + department
            if p.isAdmin { line += context.t(" [管理员]", " [admin]") }
            if p.isRetired { line += context.t(" [已退出]", " [retired]") }
            buffer.put(line, row: row, column: rows.left, style: style, maxWidth: rows.width)
        }
    }

    private func drawDepartments(into buffer: inout ScreenBuffer, rect: Rect, _ context: ScreenContext) {
        let lang = context.lang
        buffer.box(rect, style: .dim)
        let inner = rect.inset(1)
        let header = " " + DisplayWidth.pad(context.t("代码", "Code"), to: 6) + DisplayWidth.pad(context.t("名称", "Name"), to: 22)
            + DisplayWidth.pad(context.t("类别", "Kind"), to: 14) + DisplayWidth.pad(context.t("负责人", "Head"), to: 10) + context.t("分管领导", "Supervisor")
        buffer.put(header, row: inner.top, column: inner.left, style: .heading, maxWidth: inner.width)
        let rows = Rect(top: inner.top + 1, left: inner.left, height: inner.height - 1, width: inner.width)
        for (offset, index) in departmentList.visible(rows: rows.height).enumerated() {
            let d = departments[index]
            let row = rows.top + offset
            let selected = departmentList.selected == index
            defer { if selected { buffer.markSelection(row: row, column: rows.left) } }
            let head = d.headLogin.map { org.person($0)?.name ?? $0 } ?? ""
            let supervisor = d.supervisorLogin.map { org.person($0)?.name ?? $0 } ?? ""
            let line = " " + DisplayWidth.pad(d.code, to: 6) + DisplayWidth.pad(d.name, to: 22)
                + DisplayWidth.pad(d.kind.title.text(lang), to: 14) + DisplayWidth.pad(head, to: 10) + supervisor
            buffer.put(line, row: row, column: rows.left, style: .normal, maxWidth: rows.width)
        }
    }
}
