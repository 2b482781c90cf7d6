/// Who reviews and signs a minutes document, by its route (R43, R44, R47).
public enum MinutesChain {
    /// The chain in order, the signer last:
    /// - R43: the office director's check (R47), then the mayor;
    /// - R44: the office director's check (R47), the vice mayor supervising the lead
    ///   department (the chair when the department has none), the executive vice mayor, the
    ///   mayor. A leader who would appear twice in a row (the EVM supervising the lead
    ///   department) reviews once;
    /// - a vice mayor's own minutes: the vice mayor who chaired.
    ///
    /// `officeCheck` false leaves out the R47 step: only the office's setting does that.
    public static func chain(route: MinutesRoute, leadDepartmentCode: String?, chairLogin: String, org: OrgChart,
                             officeCheck: Bool = true) throws -> [String] {
        guard route.isInGovernmentName else { return [chairLogin] }
        guard let mayor = org.holder(of: .mayor) else {
            throw Refusal.notFound("org.noMayor", "组织机构中没有区长", "the org chart has no mayor")
        }
        var steps: [String] = []
        if officeCheck {
            guard let director = org.holder(of: .officeDirector) else {
                throw Refusal.notFound("org.noOfficeDirector", "组织机构中没有区政府办公室主任，无法进行公文审核（R47）",
                                       "the org chart has no office director to check the document (R47)")
            }
            steps.append(director.login)
        }
        if route == .governmentRequest {
            guard let evm = org.holder(of: .executiveViceMayor) else {
                throw Refusal.notFound("org.noExecutiveViceMayor", "组织机构中没有常务副区长", "the org chart has no executive vice mayor")
            }
            let supervisor = leadDepartmentCode.flatMap { org.supervisor(ofDepartment: $0) }
                .flatMap { $0.isRetired ? nil : $0.login } ?? chairLogin
            steps += [supervisor, evm.login]
        }
        var chain: [String] = []
        for login in steps + [mayor.login] where chain.last != login { chain.append(login) }
        return chain
    }
}
