import MeetingKit

/// Creates a new office: the demo org chart and holiday data from `Data/` (unless empty),
/// and the OS user who ran it as an administrator.
public enum Setup {
    public struct Report: Codable, Sendable {
        public var path: String
        public var people: Int
        public var departments: Int
        public var holidayYears: [Int]
        public var admin: String
        public var alreadyInitialized: Bool
        /// Whether the demo office's work was seeded too (`huiwu init` without `--no-demo`).
        public var demo = false
    }

    /// Whether the database already holds an office (someone ran init before).
    package static func isInitialized(_ store: Store) throws -> Bool {
        try store.snapshot { db in try OrgRepository.setting(db, "initializedAt") != nil }
    }

    /// Seeds `store`. Running it again on an initialized office changes nothing and says so.
    package static func initialize(store: Store, seed: OfficeSeed?, holidays: [HolidayYear], osUser: String,
                                  clock: Clock) throws -> Report {
        if let seed {
            let problems = seed.problems()
            guard problems.isEmpty else {
                throw Refusal.invalid("seed.invalid", "演示数据有误：" + problems.joined(separator: "；"),
                                      "the demo data is invalid: " + problems.joined(separator: "; "))
            }
        }
        guard Person.isValidLogin(osUser) else {
            throw Refusal.invalid("identity.badOSLogin", "操作系统登录名 “\(TextSafety.inert(osUser))” 不是有效的用户名",
                                  "the OS login '\(TextSafety.inert(osUser))' is not a valid user name")
        }
        let stamp = clock.timestamp
        return try store.transaction { db, mac in
            if try OrgRepository.setting(db, "initializedAt") != nil {
                let org = try OrgRepository.load(db)
                return Report(path: store.path, people: org.people.count, departments: org.departments.count,
                              holidayYears: try db.rows("SELECT year FROM holiday_year ORDER BY year").map { try $0.get("year") },
                              admin: org.people.values.filter(\.isAdmin).map(\.login).sorted().joined(separator: ","),
                              alreadyInitialized: true)
            }
            // The administrator exists first so that every seeding event names a real actor.
            var admin = seed?.people.first { $0.login == osUser }
                ?? Person(login: osUser, name: osUser, role: .admin)
            admin.isAdmin = true
            let actor = Actor(osUser: osUser, person: admin)
            let change = Change(db: db, actor: actor, at: stamp, now: clock.now, mac: mac)
            if let seed {
                try OrgRepository.setSetting(db, "office.name", seed.office.name)
                try OrgRepository.setSetting(db, "office.nameEn", seed.office.nameEn)
                try OrgRepository.setSetting(db, "office.shortName", seed.office.shortName)
                try OrgRepository.setSetting(db, "office.shortNameEn", seed.office.shortNameEn)
                try OrgRepository.insert(db, seed.term)
                try change.audit("term.create", entity: "term", id: String(seed.term.number), after: AuditSummary.of(seed.term))
                for room in seed.rooms { try OrgRepository.addRoom(db, room) }
                for department in seed.departments {
                    try OrgRepository.insert(db, department)
                    try change.audit("department.create", entity: "department", id: department.code, after: AuditSummary.of(department))
                }
                for person in seed.people {
                    let stored = person.login == admin.login ? admin : person
                    try OrgRepository.insert(db, stored)
                    try change.audit("person.create", entity: "person", id: person.login, after: AuditSummary.of(stored))
                }
            }
            if seed?.people.contains(where: { $0.login == osUser }) != true {
                try OrgRepository.insert(db, admin)
                try change.audit("person.create", entity: "person", id: admin.login, after: AuditSummary.of(admin))
            }
            for year in holidays {
                try HolidayRepository.save(db, year)
                try change.audit("holidays.import", entity: "holidayYear", id: String(year.year),
                                 after: "\(year.holidays.count) holidays, \(year.workdays.count) adjusted working days")
            }
            try OrgRepository.setSetting(db, "initializedAt", stamp)
            return Report(path: store.path, people: (seed?.people.count ?? 0) + (seed?.people.contains { $0.login == osUser } == true ? 0 : 1),
                          departments: seed?.departments.count ?? 0, holidayYears: holidays.map(\.year).sorted(),
                          admin: admin.login, alreadyInitialized: false)
        }
    }
}
