/// Who reviews and signs a minutes document, by its route (R43, R44).
public enum MinutesChain {
    /// The chain in order, the mayor last:
    /// - R43: the mayor alone;
    /// - R44: the vice mayor supervising the lead department (the chair when the department has
    ///   none), then the executive vice mayor, then the mayor. A leader who would appear twice
    ///   in a row (the EVM supervising the lead department) reviews once.
    public static func chain(route: MinutesRoute, leadDepartmentCode: String?, chairLogin: String, org: OrgChart) throws -> [String] {
        guard let mayor = org.holder(of: .mayor) else {
            throw Refusal.notFound("org.noMayor", "组织机构中没有区长", "the org chart has no mayor")
        }
        guard route == .governmentRequest else { return [mayor.login] }
        guard let evm = org.holder(of: .executiveViceMayor) else {
            throw Refusal.notFound("org.noExecutiveViceMayor", "组织机构中没有常务副区长", "the org chart has no executive vice mayor")
        }
        let supervisor = leadDepartmentCode.flatMap { org.supervisor(ofDepartment: $0) }
            .flatMap { $0.isRetired ? nil : $0.login } ?? chairLogin
        var chain: [String] = []
        for login in [supervisor, evm.login, mayor.login] where chain.last != login { chain.append(login) }
        return chain
    }
}
