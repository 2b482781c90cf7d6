import MeetingKit
import MeetingStore

extension Office {
    /// The office's name and rooms as stored.
    public func officeSettings() throws -> OfficeSettings {
        try run(OfficeSettingsCall())
    }

    /// The org chart as stored now.
    public func orgChart() throws -> OrgChart {
        try run(OrgChartCall())
    }

    public func people(role: Role? = nil, includeRetired: Bool = false) throws -> [Person] {
        try run(PeopleCall(role: role, includeRetired: includeRetired))
    }

    public func departments(kind: Department.Kind? = nil) throws -> [Department] {
        try run(DepartmentsCall(kind: kind))
    }

    public func addPerson(_ person: Person) throws -> Person {
        try run(AddPersonCall(person: person))
    }
}

struct PeopleCall: UseCase {
    static let name = "people"
    var role: Role?
    var includeRetired: Bool
    func run(in session: Session) throws -> [Person] { try session.people(role: role, includeRetired: includeRetired) }
}

struct DepartmentsCall: UseCase {
    static let name = "departments"
    var kind: Department.Kind?
    func run(in session: Session) throws -> [Department] { try session.departments(kind: kind) }
}

struct AddPersonCall: UseCase {
    static let name = "addPerson"
    var person: Person
    func run(in session: Session) throws -> Person { try session.addPerson(person) }
}

struct OrgChartCall: UseCase {
    static let name = "orgChart"
    func run(in session: Session) throws -> OrgChart { try session.orgChart() }
}

struct OfficeSettingsCall: UseCase {
    static let name = "officeSettings"
    func run(in session: Session) throws -> OfficeSettings { try session.officeSettings() }
}
