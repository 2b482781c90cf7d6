extension AccessPolicy {
    /// Actions reserved to administrators of the product: granting administrator rights
    /// (the office director administers the org chart but cannot make someone able to act
    /// as anyone) and starting a new term (换届), which changes every meeting's numbering.
    func refusalToAdminister(_ action: Action, by actor: Actor) -> Refusal? {
        guard !actor.person.isAdmin else { return nil }
        switch action {
        case .startTerm:
            return .forbidden("term.notAdministrator", "只有系统管理员可以开始新一届政府（换届）",
                              "only an administrator may start a new government term")
        case .configureRules:
            return .forbidden("rules.notAdministrator", "只有系统管理员可以更改规则设置",
                              "only an administrator may change the rule settings")
        default:
            return .forbidden("org.grantNotAdministrator", "只有系统管理员可以授予或撤销管理员权限",
                              "only an administrator may grant or withdraw administrator rights")
        }
    }
}
