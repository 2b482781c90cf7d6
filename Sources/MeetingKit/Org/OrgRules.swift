/// What a consistent org chart looks like. Every administrative change (an edit, a
/// portfolio, an import) is checked against these rules before it is written.
///
/// A change is refused only for problems it introduces (``introducedProblems(before:after:)``),
/// so an office whose stored chart already breaks a convention can still fix it step by step.
public enum OrgRules {
    /// One broken rule, about one person or department.
    public struct Problem: Hashable, Sendable {
        public enum Subject: Hashable, Sendable {
            case person(String)
            case department(String)
        }

        public var subject: Subject
        public var refusal: Refusal

        public init(_ subject: Subject, _ refusal: Refusal) {
            self.subject = subject
            self.refusal = refusal
        }
    }

    /// Roles at most one active person holds at a time.
    public static let uniqueRoles: [Role] = [.mayor, .executiveViceMayor, .officeDirector]

    /// Department codes: upper-case ASCII letters and digits, starting with a letter, 1–16 long (`FGW`, `JD01`).
    public static func isValidCode(_ code: String) -> Bool {
        guard (1...16).contains(code.unicodeScalars.count), let first = code.unicodeScalars.first,
              ("A"..."Z").contains(first) else { return false }
        return code.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
    }

    /// Every problem of `org`, in a stable order (people by login, then departments by code).
    ///
    /// Messages name logins and codes, not display names, so the same problem reads the same
    /// before and after an unrelated change.
    public static func problems(in org: OrgChart) -> [Problem] {
        var found: [Problem] = []
        for person in org.people.values.sorted(by: { $0.login < $1.login }) {
            if let code = person.departmentCode, org.department(code) == nil {
                found.append(Problem(.person(person.login), .notFound(
                    "department.unknown", "人员 \(person.login) 所属部门 \(code) 不存在",
                    "person \(person.login): no department with code \(code)")))
            }
        }
        for role in uniqueRoles {
            let holders = org.people.values.filter { $0.role == role && !$0.isRetired }.map(\.login).sorted()
            for extra in holders.dropFirst() {
                found.append(Problem(.person(extra), .conflict(
                    "org.roleTaken", "\(role.title.zh)只能有一人：\(holders.joined(separator: "、")) 都在任，请先让其中一人退出或改任",
                    "there can be only one \(role.title.en.lowercased()): \(holders.joined(separator: ", ")) are all active; retire or reassign one first")))
            }
        }
        for department in org.departments.values.sorted(by: { $0.code < $1.code }) {
            found += problems(of: department, in: org)
        }
        return found
    }

    private static func problems(of department: Department, in org: OrgChart) -> [Problem] {
        var found: [Problem] = []
        let code = department.code
        if department.kind == .external && (department.headLogin != nil || department.supervisorLogin != nil) {
            found.append(Problem(.department(code), .invalid(
                "department.externalLinked", "外部机构 \(code) 不能有负责人或分管领导（只能被邀请）",
                "the external body \(code) can have neither a head nor a supervising leader (it is only invited)")))
        }
        if let head = department.headLogin {
            if let person = org.person(head) {
                if person.isRetired {
                    found.append(Problem(.department(code), .forbidden(
                        "department.headRetired", "部门 \(code) 的负责人 \(head) 已退出，请先指定新的负责人",
                        "the head of \(code), \(head), is retired; name a new head first")))
                }
            } else {
                found.append(Problem(.department(code), .notFound(
                    "department.unknownHead", "部门 \(code) 的负责人 \(head) 不在人员名单中",
                    "the head of \(code), \(head), is not in the people")))
            }
        }
        if let supervisor = department.supervisorLogin {
            if let person = org.person(supervisor) {
                if !person.role.supervisesPortfolio {
                    found.append(Problem(.department(code), .rule(
                        "R6", "portfolio.notViceMayor", "只有常务副区长和副区长分管部门：\(supervisor) 是\(person.role.title.zh)，不能分管 \(code)",
                        "only the executive vice mayor and vice mayors hold portfolios: \(supervisor) is \(person.role.title.en.lowercased()) and cannot supervise \(code)")))
                } else if person.isRetired {
                    found.append(Problem(.department(code), .forbidden(
                        "portfolio.retired", "部门 \(code) 的分管领导 \(supervisor) 已退出，请先把它交给其他副区长",
                        "the leader supervising \(code), \(supervisor), is retired; give it to another vice mayor first")))
                }
            } else {
                found.append(Problem(.department(code), .notFound(
                    "department.unknownSupervisor", "部门 \(code) 的分管领导 \(supervisor) 不在人员名单中",
                    "the leader supervising \(code), \(supervisor), is not in the people")))
            }
        }
        return found
    }

    /// The problems of `after` that `before` did not have: what a change would break.
    public static func introducedProblems(before: OrgChart, after: OrgChart) -> [Problem] {
        let old = Set(problems(in: before))
        return problems(in: after).filter { !old.contains($0) }
    }
}
