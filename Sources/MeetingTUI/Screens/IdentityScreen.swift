import MeetingKit
import MeetingService
import MeetingStore
import TextLayout

/// "Who are you?": an administrator acts as someone else (as `huiwu --as LOGIN`), from the
/// demo office's roles or anyone of the org chart, found by typing. `@` opens it anywhere;
/// on the first start of a demo office it is the first screen of whoever ran `huiwu init`.
/// The office decides whether the switch is allowed, as it does for `--as`.
public struct IdentityScreen: Screen {
    public enum Action { case choose, cancel }

    var picker = Picker(options: [])
    var demo: DemoStatus?
    var loadError: Localized?
    /// Opened at start: Esc keeps the administrator's own identity.
    let atStart: Bool

    public init(_ context: ScreenContext, atStart: Bool = false) { self.atStart = atStart }

    /// The first screen of an administrator without an office role on a demo office.
    /// It comes loaded (the demo's status is read once).
    public static func opening(_ context: ScreenContext) -> IdentityScreen? {
        guard context.office.actor.person.role == .admin, context.office.actor.onBehalfOf == nil else { return nil }
        var screen = IdentityScreen(context, atStart: true)
        screen.reload(context)
        return screen.demo == nil ? nil : screen
    }

    public func title(_ lang: Lang) -> String { Localized(zh: "您是谁？", en: "Who are you?").text(lang) }

    public var isModal: Bool { true }

    public func keymap(_ context: ScreenContext) -> Keymap<Action> {
        var map = Keymap<Action>()
        map.add(.enter, .choose, Localized(zh: "以此身份操作", en: "act as"))
        map.add(.escape, .cancel, atStart ? Localized(zh: "以管理员身份继续", en: "stay administrator") : Localized(zh: "取消", en: "cancel"))
        return map
    }

    public mutating func reload(_ context: ScreenContext) {
        loadError = .loading {
            demo = try context.office.demoStatus()
            let org = try context.office.orgChart()
            let lang = context.lang
            var options: [Picker.Option] = []
            for role in demo?.roles ?? [] {
                guard let person = org.person(role.login) else { continue }
                var option = Picker.Option.person(person, detail: role.title.text(lang) + " · " + role.what.text(lang))
                option.keywords.append(role.title.zh)
                options.append(option)
            }
            let me = context.office.actor.osUser
            if let admin = org.person(me), !options.contains(where: { $0.id == me }) {
                options.append(.person(admin, detail: Localized(zh: "管理员（本人）", en: "administrator (yourself)").text(context.lang)))
            }
            let shown = Set(options.map(\.id))
            let others = org.people.values.filter { !$0.isRetired && !shown.contains($0.login) }
            options += Picker.Option.people(others, titledIn: org, lang)
            picker = Picker(options: options, selecting: options.first?.id)
        }
    }

    public mutating func perform(_ action: Action, _ context: ScreenContext) -> Effect {
        switch action {
        case .choose:
            guard let login = picker.selected?.id else { return .none }
            return .actAs(login == context.office.actor.osUser ? nil : login)
        case .cancel:
            return .pop
        }
    }

    public mutating func input(_ key: Key, _ context: ScreenContext) -> Effect {
        _ = picker.handle(key)
        return .none
    }

    public func draw(into buffer: inout ScreenBuffer, area: Rect, _ context: ScreenContext) {
        if buffer.putLoadError(loadError, in: area, context.lang) { return }
        var row = area.top + 1
        let intro = demo != nil
            ? Localized(zh: "这是演示办公室：会议、议题、请假和纪要按今天的日期生成。选一个角色看看他的首页和待办：", en: "This is the demo office: its meetings, items, leave and minutes are dated from today. Pick a role to see their home screen and work:").text(context.lang)
            : Localized(zh: "以他人身份操作（与 huiwu --as 登录名 相同）：", en: "Act as someone else (as huiwu --as LOGIN does):").text(context.lang)
        for line in WrappedText.rows(intro, width: area.width - 4) {
            buffer.put(line, row: row, column: area.left + 2, style: .heading)
            row += 1
        }
        let notes = [
            Localized(zh: "之后随时按 @ 换身份；? 说明如何用 --as 启动、huiwu demo remove 删除演示数据、huiwu init --empty 建空办公室。", en: "Press @ any time to switch; ? tells how to start with --as, remove the demo (huiwu demo remove) or start empty (huiwu init --empty).").text(context.lang),
        ]
        for line in notes.flatMap({ WrappedText.rows($0, width: area.width - 4) }) {
            buffer.put(line, row: row, column: area.left + 2, style: .dim)
            row += 1
        }
        row += 1
        picker.draw(into: &buffer, rect: Rect(top: row, left: area.left + 2, height: area.bottom - row, width: area.width - 4), lang: context.lang)
    }
}
