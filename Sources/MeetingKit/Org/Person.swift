/// Someone in the org chart. The `login` is the OS user name the person signs in with over SSH.
public struct Person: Hashable, Sendable, Codable {
    public var login: String
    public var name: String
    public var role: Role
    /// The department or street the person leads or belongs to (code), if any.
    public var departmentCode: String?
    /// May administer the product and act as anyone (`--as`).
    public var isAdmin: Bool
    /// Retired people keep their history but can no longer act.
    public var isRetired: Bool

    public init(login: String, name: String, role: Role, departmentCode: String? = nil,
                isAdmin: Bool = false, isRetired: Bool = false) {
        self.login = login
        self.name = name
        self.role = role
        self.departmentCode = departmentCode
        self.isAdmin = isAdmin
        self.isRetired = isRetired
    }

    /// `login` must look like a POSIX user name: lower-case letters, digits, `_`, `-`, `.`; 1–32 long.
    public static func isValidLogin(_ login: String) -> Bool {
        guard (1...32).contains(login.count), let first = login.unicodeScalars.first,
              first == "_" || ("a"..."z").contains(first) else { return false }
        return login.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" || $0 == "."
        }
    }
}
