import MeetingKit
import MeetingStore

extension Office {
    public func editPerson(_ login: String, expectedVersion: Int?, _ edit: PersonEdit) throws -> Versioned<Person> {
        try run(EditPersonCall(login: login, expectedVersion: expectedVersion, edit: edit))
    }

    public func editDepartment(_ code: String, expectedVersion: Int?, _ edit: DepartmentEdit) throws -> Versioned<Department> {
        try run(EditDepartmentCall(code: code, expectedVersion: expectedVersion, edit: edit))
    }

    public func person(_ login: String) throws -> Versioned<Person> {
        try run(PersonCall(login: login))
    }

    public func department(_ code: String) throws -> Versioned<Department> {
        try run(DepartmentCall(code: code))
    }

    public func retirePerson(_ login: String, expectedVersion: Int?) throws -> Versioned<Person> {
        try run(RetirePersonCall(login: login, expectedVersion: expectedVersion))
    }

    public func addDepartment(_ department: Department) throws -> Versioned<Department> {
        try run(AddDepartmentCall(department: department))
    }

    public func setPortfolio(of leader: String, to codes: [String]) throws -> PortfolioChange {
        try run(SetPortfolioCall(leader: leader, codes: codes))
    }

    public func refusalToAdministerOrgChart() throws -> Refusal? {
        try run(RefusalToAdministerOrgChartCall())
    }
}

struct PersonCall: UseCase {
    static let name = "person"
    var login: String
    func run(in session: Session) throws -> Versioned<Person> { try session.person(login) }
}

struct DepartmentCall: UseCase {
    static let name = "department"
    var code: String
    func run(in session: Session) throws -> Versioned<Department> { try session.department(code) }
}

struct RetirePersonCall: UseCase {
    static let name = "retirePerson"
    var login: String
    var expectedVersion: Int?
    func run(in session: Session) throws -> Versioned<Person> { try session.retirePerson(login, expectedVersion: expectedVersion) }
}

struct AddDepartmentCall: UseCase {
    static let name = "addDepartment"
    var department: Department
    func run(in session: Session) throws -> Versioned<Department> { try session.addDepartment(department) }
}

struct SetPortfolioCall: UseCase {
    static let name = "setPortfolio"
    var leader: String
    var codes: [String]
    func run(in session: Session) throws -> PortfolioChange { try session.setPortfolio(of: leader, to: codes) }
}

struct RefusalToAdministerOrgChartCall: UseCase {
    static let name = "refusalToAdministerOrgChart"
    func run(in session: Session) throws -> Refusal? { session.refusalToAdministerOrgChart() }
}

struct EditPersonCall: UseCase {
    static let name = "editPerson"
    var login: String
    var expectedVersion: Int?
    var edit: PersonEdit
    func run(in session: Session) throws -> Versioned<Person> { try session.editPerson(login, expectedVersion: expectedVersion, edit) }
}

struct EditDepartmentCall: UseCase {
    static let name = "editDepartment"
    var code: String
    var expectedVersion: Int?
    var edit: DepartmentEdit
    func run(in session: Session) throws -> Versioned<Department> { try session.editDepartment(code, expectedVersion: expectedVersion, edit) }
}
