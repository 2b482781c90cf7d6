/// The order of precedence (排序) for seating and name cards: the mayor, the executive vice
/// mayor, the vice mayors by seniority, the office director, then the heads of departments,
/// units and streets in the order of the org chart, then office staff and guests.
public struct ProtocolOrder: Sendable {
    /// Vice mayors, most senior first.
    public var viceMayors: [String]
    /// Department codes in the org chart's order (constituent departments and units as
    /// listed, then the streets).
    public var departments: [String]

    public init(viceMayors: [String], departments: [String]) {
        self.viceMayors = viceMayors
        self.departments = departments
    }

    /// A sort key: smaller comes first.
    public func rank(_ person: Person?) -> [Int] {
        guard let person else { return [9] }
        switch person.role {
        case .mayor: return [0]
        case .executiveViceMayor: return [1]
        case .viceMayor: return [2, viceMayors.firstIndex(of: person.login) ?? viceMayors.count]
        case .officeDirector: return [3, 0]
        case .officeDeputyDirector: return [3, 1]
        case .departmentHead, .streetDirector:
            let index = person.departmentCode.flatMap { departments.firstIndex(of: $0) } ?? departments.count
            return [4, index]
        case .secretary, .admin: return [5]
        }
    }
}
