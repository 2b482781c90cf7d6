/// Who takes part in a meeting, derived from the org chart by the rules (R38–R40, R18).
/// The result is a starting roster; the office edits it afterwards.
public enum MeetingComposition {
    /// A roster entry before it is stored.
    public struct Entry: Hashable, Sendable {
        public var personLogin: String?
        public var guestName: String?
        public var guestOrg: String?
        public var role: Participation

        public static func person(_ login: String, _ role: Participation) -> Entry {
            Entry(personLogin: login, guestName: nil, guestOrg: nil, role: role)
        }

        public static func guest(_ name: String, org: String?, _ role: Participation) -> Entry {
            Entry(personLogin: nil, guestName: name, guestOrg: org, role: role)
        }
    }

    /// The R18 standing invitation to executive meetings: deputies, CPPCC members,
    /// community residents' representatives and experts.
    public static let standingInvitation: [(String, String)] = [
        ("区人大代表", "区人大"), ("区政协委员", "区政协"), ("社区居民代表", "社区"), ("专家学者", "专家"),
    ]

    /// The roster for a new meeting chaired by `chair`.
    ///
    /// - plenary (R38): members are the mayor, the vice mayors and the heads of constituent
    ///   departments; heads of other units and all street directors sit in.
    /// - executive (R39, R18): members are the mayor and the vice mayors; heads of all
    ///   departments and units and all street directors sit in; the standing invitation applies.
    /// - topical (R40): the chair; agenda departments are added when items are scheduled
    ///   (``entries(forAgendaDepartments:chair:org:)``).
    public static func entries(kind: MeetingKind, chair: String, org: OrgChart) -> [Entry] {
        var result: [Entry] = []
        var seen = Set<String>()
        func add(_ login: String?, _ role: Participation) {
            guard let login, let person = org.person(login), !person.isRetired, seen.insert(login).inserted else { return }
            result.append(.person(login, role))
        }
        add(chair, .member)
        let leaders = [org.holder(of: .mayor)] + [org.holder(of: .executiveViceMayor)] + org.activePeople(role: .viceMayor).map(Optional.some)
        switch kind {
        case .plenary:
            for leader in leaders { add(leader?.login, .member) }
            for d in org.departments(kind: .constituent) { add(d.headLogin, .member) }
            for d in org.departments(kind: .unit) { add(d.headLogin, .sitsIn) }
            for d in org.departments(kind: .street) { add(d.headLogin, .sitsIn) }
        case .executive:
            for leader in leaders { add(leader?.login, .member) }
            for d in org.departments(kind: .constituent) + org.departments(kind: .unit) { add(d.headLogin, .sitsIn) }
            for d in org.departments(kind: .street) { add(d.headLogin, .sitsIn) }
            result += standingInvitation.map { Entry.guest($0.0, org: $0.1, .invited) }
        case .topical:
            break
        }
        return result
    }

    /// Who a topical meeting gains when items of these departments are on its agenda (R40):
    /// their supervising vice mayors and heads as members; streets' directors sit in.
    public static func entries(forAgendaDepartments codes: [String], chair: String, org: OrgChart) -> [Entry] {
        var result: [Entry] = []
        var seen: Set<String> = [chair]
        for code in codes {
            guard let department = org.department(code) else { continue }
            if let vm = department.supervisorLogin, seen.insert(vm).inserted { result.append(.person(vm, .member)) }
            if let head = department.headLogin, seen.insert(head).inserted {
                result.append(.person(head, department.kind == .street ? .sitsIn : .member))
            }
        }
        return result
    }
}
