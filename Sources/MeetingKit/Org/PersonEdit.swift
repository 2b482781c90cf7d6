/// A change to a person's record as a value: each field is kept unless given (`department`
/// may also be cleared). The org chart's rules are checked when it is applied, by the store.
public struct PersonEdit: Hashable, Sendable, Codable {
    public var name: String?
    public var role: Role?
    public var department: FieldChange<String>
    public var isAdmin: Bool?

    public init(name: String? = nil, role: Role? = nil, department: FieldChange<String> = .keep, isAdmin: Bool? = nil) {
        self.name = name
        self.role = role
        self.department = department
        self.isAdmin = isAdmin
    }

    public func apply(to person: inout Person) {
        if let name { person.name = name }
        if let role { person.role = role }
        department.apply(to: &person.departmentCode)
        if let isAdmin { person.isAdmin = isAdmin }
    }
}

/// A change to a department's record as a value (see ``PersonEdit``).
public struct DepartmentEdit: Hashable, Sendable, Codable {
    public var name: String?
    public var kind: Department.Kind?
    public var head: FieldChange<String>
    public var supervisor: FieldChange<String>

    public init(name: String? = nil, kind: Department.Kind? = nil, head: FieldChange<String> = .keep,
                supervisor: FieldChange<String> = .keep) {
        self.name = name
        self.kind = kind
        self.head = head
        self.supervisor = supervisor
    }

    public func apply(to department: inout Department) {
        if let name { department.name = name }
        if let kind { department.kind = kind }
        head.apply(to: &department.headLogin)
        supervisor.apply(to: &department.supervisorLogin)
    }
}

/// What an edit does to an optional field: leave it, set it, or clear it.
public enum FieldChange<Value: Hashable & Sendable & Codable>: Hashable, Sendable, Codable {
    case keep
    case set(Value)
    case clear

    /// `.set(value)` for a value, `.clear` for nil.
    public static func to(_ value: Value?) -> FieldChange { value.map(FieldChange.set) ?? .clear }

    public func apply(to field: inout Value?) {
        switch self {
        case .keep: break
        case .set(let value): field = value
        case .clear: field = nil
        }
    }
}
