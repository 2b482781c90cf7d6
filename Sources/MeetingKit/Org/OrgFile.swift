/// An org chart as read from an import file (CSV or JSON), each record with the place it
/// came from so that every problem can be reported where the user can fix it.
public struct OrgFile: Sendable {
    /// A person and the line (CSV) or path (JSON) it was read from.
    public struct PersonRow: Sendable {
        public var person: Person
        public var location: Location

        public init(person: Person, location: Location) {
            self.person = person
            self.location = location
        }
    }

    /// A department and the line (CSV) or path (JSON) it was read from.
    public struct DepartmentRow: Sendable {
        public var department: Department
        public var location: Location

        public init(department: Department, location: Location) {
            self.department = department
            self.location = location
        }
    }

    /// Where in the file something is.
    public enum Location: Hashable, Sendable, Codable {
        /// The whole file (its encoding, its header, a record it lacks).
        case file
        /// A CSV line, from 1 (the header).
        case line(Int)
        /// A JSON path such as `people[3].role`.
        case path(String)

        /// "line 4", "people[3].role", or empty for the whole file.
        public func label(_ lang: Lang) -> String {
            switch self {
            case .file: return ""
            case .line(let n): return lang == .zh ? "第 \(n) 行" : "line \(n)"
            case .path(let p): return p
            }
        }
    }

    /// Something wrong with the file, where it is and what.
    public struct Problem: Hashable, Sendable, Codable {
        public var location: Location
        public var message: Localized

        public init(_ location: Location, _ message: Localized) {
            self.location = location
            self.message = message
        }

        public init(_ location: Location, zh: String, en: String) {
            self.init(location, Localized(zh: zh, en: en))
        }

        /// "第 4 行：未知角色 mayr" / "line 4: unknown role mayr".
        public func text(_ lang: Lang) -> String {
            let place = location.label(lang)
            return place.isEmpty ? message.text(lang) : place + (lang == .zh ? "：" : ": ") + message.text(lang)
        }
    }

    /// Sorts problems by line (CSV); JSON paths and whole-file problems keep their order.
    public static func ordered(_ problems: [Problem]) -> [Problem] {
        func rank(_ p: Problem) -> (Int, Int) {
            switch p.location {
            case .file: return (0, 0)
            case .line(let n): return (1, n)
            case .path: return (2, 0)
            }
        }
        return problems.enumerated().sorted { a, b in
            let (ra, rb) = (rank(a.element), rank(b.element))
            return ra != rb ? ra < rb : a.offset < b.offset
        }.map(\.element)
    }

    public var people: [PersonRow] = []
    public var departments: [DepartmentRow] = []

    public init(people: [PersonRow] = [], departments: [DepartmentRow] = []) {
        self.people = people
        self.departments = departments
    }

    /// The rows' problems that do not depend on what is stored: field values and duplicates.
    /// (Parsers report syntax; references and consistency are judged by ``OrgImportPlan``.)
    public func fieldProblems() -> [Problem] {
        OrgFile.fieldProblems(people.map { ($0.location, $0.person.login, $0.person.name) },
                              key: Localized(zh: "登录名", en: "login"), isValid: Person.isValidLogin,
                              rule: Localized(zh: "小写字母、数字、_ - .，以字母或 _ 开头，最长 32 个字符",
                                              en: "lower-case letters, digits, _ - ., starting with a letter or _, at most 32"))
        + OrgFile.fieldProblems(departments.map { ($0.location, $0.department.code, $0.department.name) },
                                key: Localized(zh: "部门代码", en: "department code"), isValid: OrgRules.isValidCode,
                                rule: Localized(zh: "大写字母和数字，以字母开头，最长 16 个字符",
                                                en: "upper-case letters and digits, starting with a letter, at most 16"))
    }

    /// The problems of rows of one kind, row by row: a key that breaks `rule`, a name out of
    /// limits, a key an earlier row already has.
    private static func fieldProblems(_ rows: [(location: Location, key: String, name: String)], key field: Localized,
                                      isValid: (String) -> Bool, rule: Localized) -> [Problem] {
        var found: [Problem] = []
        var first: [String: Location] = [:]
        for row in rows {
            let key = TextSafety.inert(row.key)
            if !isValid(row.key) {
                found.append(Problem(row.location, zh: "\(field.zh) “\(key)” 无效（\(rule.zh)）", en: "the \(field.en) '\(key)' is invalid (\(rule.en))"))
            }
            if let problem = nameProblem(row.name, at: row.location) { found.append(problem) }
            if let earlier = first[row.key] {
                found.append(Problem(row.location, zh: "\(field.zh) \(key) 重复（首次出现在\(earlier.label(.zh))）",
                                     en: "the \(field.en) \(key) is used twice (first at \(earlier.label(.en)))"))
            } else {
                first[row.key] = row.location
            }
        }
        return found
    }

    private static func nameProblem(_ name: String, at location: Location) -> Problem? {
        do {
            try InputLimits.check(name: name)
            return nil
        } catch let refusal as Refusal {
            return Problem(location, refusal.message)
        } catch {
            return nil
        }
    }

    static let roleNames = Role.allCases.map(\.rawValue).joined(separator: ", ")
    static let kindNames = Department.Kind.allCases.map(\.rawValue).joined(separator: ", ")

    public static func unknownRole(_ text: String, at location: Location) -> Problem {
        Problem(location, zh: "未知角色 “\(TextSafety.inert(text))”（可用：\(roleNames)）",
                en: "unknown role '\(TextSafety.inert(text))' (one of: \(roleNames))")
    }

    public static func unknownKind(_ text: String, at location: Location) -> Problem {
        Problem(location, zh: "未知部门类别 “\(TextSafety.inert(text))”（可用：\(kindNames)）",
                en: "unknown department kind '\(TextSafety.inert(text))' (one of: \(kindNames))")
    }
}
