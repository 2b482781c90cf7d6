import Foundation
import HuiwuTestSupport
import MeetingKit
import MeetingStore
import Testing

/// The real `huiwu` binary, run as scripts and users run it.
@Suite("The huiwu command line")
struct CLITests {
    static let streets = ["西长安街", "新街口", "月坛", "展览路", "德胜", "金融街", "什刹海", "大栅栏", "天桥", "椿树",
                          "陶然亭", "广安门内", "牛街", "白纸坊", "广安门外"].map { $0 + "街道" }

    /// A path for a database that does not exist yet.
    func newDatabasePath() -> String { TestOffice.temporaryDirectory() + "/huiwu.sqlite" }

    /// An office whose administrator is someone else, where `root` (the user running the
    /// tests) is an ordinary secretary.
    func officeWithRootAsSecretary() throws -> TestOffice {
        let office = try TestOffice(admin: "someoneelse")
        let admin = try Session.open(store: office.store, osUser: "someoneelse", clock: office.clock)
        try admin.addPerson(Person(login: "root", name: "系统秘书", role: .secretary, departmentCode: "ZFB"))
        return office
    }

    @Test("init, then people list --role viceMayor --json lists at least five vice mayors with portfolios")
    func initThenViceMayors() throws {
        let path = newDatabasePath()
        let huiwu = Binary(database: path)
        let created = try huiwu.run(["init"])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.contains(path))
        let viceMayors = try #require(try huiwu.json(["people", "list", "--role", "viceMayor"]) as? [[String: Any]])
        #expect(viceMayors.count >= 5)
        for vm in viceMayors {
            #expect(vm["role"] as? String == "viceMayor")
            #expect(Person.isValidLogin(vm["login"] as? String ?? ""))
            let portfolio = vm["portfolio"] as? [String] ?? []
            #expect(!portfolio.isEmpty, "\(vm["login"] ?? "?") has no portfolio")
        }
        // The OS user who ran init is an administrator.
        let me = try #require(try huiwu.json(["whoami"]) as? [String: Any])
        #expect(me["login"] as? String == "root")
        #expect(me["admin"] as? Bool == true)
    }

    @Test("departments list --kind street --json lists the 15 streets with code, name, kind and supervisor")
    func streets() throws {
        let huiwu = Binary(database: newDatabasePath())
        try huiwu.run(["init"])
        let streets = try #require(try huiwu.json(["departments", "list", "--kind", "street"]) as? [[String: Any]])
        #expect(streets.count == 15)
        #expect(Set(streets.compactMap { $0["name"] as? String }) == Set(CLITests.streets))
        for street in streets {
            #expect((street["code"] as? String)?.isEmpty == false)
            #expect(street["kind"] as? String == "street")
            #expect((street["supervisor"] as? String)?.isEmpty == false)
            #expect((street["head"] as? String)?.isEmpty == false)
        }
    }

    @Test("init twice changes nothing; init --empty seeds no demo people")
    func initTwiceAndEmpty() throws {
        let huiwu = Binary(database: newDatabasePath())
        try huiwu.run(["init"])
        let events = try #require(try huiwu.json(["audit", "verify"]) as? [String: Any])["events"] as? Int
        let again = try huiwu.run(["init", "--lang", "en"])
        #expect(again.status == 0)
        #expect(again.stdout.contains("already initialized, nothing changed"))
        #expect(try #require(try huiwu.json(["audit", "verify"]) as? [String: Any])["events"] as? Int == events)

        let empty = Binary(database: newDatabasePath())
        let result = try empty.run(["init", "--empty"])
        #expect(result.status == 0, "\(result.stderr)")
        let people = try #require(try empty.json(["people", "list"]) as? [[String: Any]])
        #expect(people.compactMap { $0["login"] as? String } == ["root"])
    }

    @Test("audit verify passes, then fails naming the event after an sqlite3 UPDATE",
          .requires(SQLiteShell.isAvailable, "sqlite3"))
    func auditVerify() throws {
        let path = newDatabasePath()
        let huiwu = Binary(database: path)
        try huiwu.run(["init"])
        try huiwu.run(["people", "add", "--login", "wanglei", "--name", "王磊", "--role", "secretary", "--dept", "ZFB"])
        let intact = try huiwu.run(["audit", "verify", "--lang", "en"])
        #expect(intact.status == 0)
        #expect(intact.stdout.contains("audit chain intact"))

        let shell = try SQLiteShell.run(path, "UPDATE audit_event SET after = '{\"name\":\"李四\"}' WHERE seq = 42;")
        #expect(shell.status == 0, "\(shell.stderr)")
        let broken = try huiwu.run(["audit", "verify", "--lang", "en"])
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("audit event #42 was altered"))
        let json = try huiwu.run(["audit", "verify", "--json"])
        #expect(json.status == 1)
        let result = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(result["ok"] as? Bool == false)
        #expect(result["brokenAt"] as? Int == 42)
    }

    @Test("audit list shows the newest changes with the OS user and the acting person")
    func auditList() throws {
        let huiwu = Binary(database: newDatabasePath())
        try huiwu.run(["init"])
        try huiwu.run(["people", "add", "--login", "wanglei", "--name", "王磊", "--role", "secretary", "--as", "yangwentao"])
        let events = try #require(try huiwu.json(["audit", "list", "--limit", "2"]) as? [[String: Any]])
        #expect(events.count == 2)
        #expect(events[0]["action"] as? String == "person.create")
        #expect(events[0]["entityId"] as? String == "wanglei")
        #expect(events[0]["osUser"] as? String == "root")
        #expect(events[0]["actor"] as? String == "yangwentao")
        let badLimit = try huiwu.run(["audit", "list", "--limit", "0"])
        #expect(badLimit.status == 64)
    }

    @Test("a non-administrator using --as is refused; the same user may record on a leader's behalf")
    func nonAdminAs() throws {
        let office = try officeWithRootAsSecretary()
        let before = try office.auditCount()
        let huiwu = Binary(database: office.path)
        let refused = try huiwu.run(["whoami", "--as", "zhoulixin", "--lang", "en"])
        #expect(refused.status == 3)
        #expect(refused.stderr.contains("only an administrator may act as someone else with --as (root is not one)"))
        #expect(refused.stdout.isEmpty)
        let added = try huiwu.run(["people", "add", "--login", "wanglei", "--name", "王磊", "--role", "secretary", "--as", "someoneelse"])
        #expect(added.status == 3)
        #expect(try office.auditCount() == before)

        let me = try #require(try huiwu.json(["whoami", "--on-behalf-of", "zhoulixin"]) as? [String: Any])
        #expect(me["login"] as? String == "root")
        #expect(me["role"] as? String == "secretary")
        #expect(me["onBehalfOf"] as? String == "zhoulixin")
    }

    @Test("an unknown OS login gets a message naming it and how an administrator adds it")
    func unknownLogin() throws {
        let office = try TestOffice(admin: "someoneelse")
        let huiwu = Binary(database: office.path)
        let en = try huiwu.run(["people", "list", "--lang", "en"])
        #expect(en.status == 4)
        #expect(en.stderr.contains("the login 'root' is not in this office's people"))
        #expect(en.stderr.contains("huiwu people add --login root"))
        let zh = try huiwu.run(["whoami"])
        #expect(zh.status == 4)
        #expect(zh.stderr.contains("登录名 “root” 不在本办公室的人员名单中"))
    }

    @Test("a file that is not SQLite, passed to --db, gets a clear message and is not modified")
    func notSQLite() throws {
        let path = TestOffice.temporaryDirectory() + "/minutes.txt"
        try Data("2026年第1次常务会议纪要（草稿）\n".utf8).write(to: URL(fileURLWithPath: path))
        let before = try FileFingerprint(path)
        let huiwu = Binary(database: newDatabasePath())
        for args in [["people", "list"], ["init"], ["audit", "verify"]] {
            let result = try huiwu.run(args + ["--db", path, "--lang", "en"])
            #expect(result.status == 6)
            #expect(result.stderr.contains("is not an SQLite database file; it was not modified"))
        }
        #expect(try FileFingerprint(path) == before)
        #expect(FileFingerprint.sidecars(of: path).isEmpty)
    }

    @Test("another program's SQLite database passed to --db is refused and left untouched")
    func foreignDatabase() throws {
        let path = TestOffice.temporaryDirectory() + "/places.sqlite"
        try TestOffice.makeForeignDatabase(at: path, journalMode: "WAL")
        let before = try FileFingerprint(path)
        for args in [["people", "list"], ["init"]] {
            let result = try Binary(database: path).run(args + ["--lang", "en"])
            #expect(result.status == 6)
            #expect(result.stderr.contains("another program's SQLite database"))
        }
        #expect(try FileFingerprint(path) == before)
        #expect(FileFingerprint.sidecars(of: path).isEmpty)
    }

    @Test("a damaged Huiwu database passed to --db gets a clear message and is not modified")
    func corruptDatabase() throws {
        let office = try TestOffice()
        let session = try office.session()
        for week in 0..<20 {
            try session.addMeeting(kind: .topical, start: LocalDateTime(iso: "2026-03-05T15:00")!.adding(minutes: week * 7 * 1440),
                                   title: "第\(week)次专题研究")
        }
        let path = office.path
        try office.closeCleanly()
        try TestOffice.damageMiddlePage(of: path)
        let before = try FileFingerprint(path)
        let result = try Binary(database: newDatabasePath()).run(["people", "list", "--db", path, "--lang", "en"])
        #expect(result.status == 6)
        #expect(result.stderr.contains("is damaged"))
        #expect(result.stderr.contains("it was not modified"))
        #expect(!result.crashed)
        #expect(try FileFingerprint(path) == before)
    }

    @Test("an explicit --db or HUIWU_DB that does not exist says to run huiwu init, and creates nothing")
    func missingDatabase() throws {
        let path = newDatabasePath()
        let viaOption = try Binary(database: newDatabasePath()).run(["people", "list", "--db", path, "--lang", "en"])
        #expect(viaOption.status == 4)
        #expect(viaOption.stderr.contains("there is no database at \(path); run huiwu init to create it"))
        let viaEnvironment = try Binary(database: path).run(["whoami"])
        #expect(viaEnvironment.status == 4)
        #expect(viaEnvironment.stderr.contains("请先运行 huiwu init"))
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("without --db or HUIWU_DB the database is created and seeded on first use, under XDG_DATA_HOME or ~/.local/share")
    func defaultLocation() throws {
        let home = TestOffice.temporaryDirectory()
        var huiwu = Binary(database: "")
        huiwu.extraEnvironment = ["HOME": home, "XDG_DATA_HOME": ""]
        let me = try #require(try huiwu.json(["whoami"]) as? [String: Any])
        let path = home + "/.local/share/huiwu/huiwu.sqlite"
        #expect(me["database"] as? String == path)
        #expect(me["admin"] as? Bool == true)
        let fileMode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        let dirMode = try FileManager.default.attributesOfItem(atPath: home + "/.local/share/huiwu")[.posixPermissions] as? Int
        #expect(fileMode.map { $0 & 0o777 } == 0o600)
        #expect(dirMode.map { $0 & 0o777 } == 0o700)
        #expect(try #require(try huiwu.json(["people", "list", "--role", "viceMayor"]) as? [Any]).count >= 5)

        huiwu.extraEnvironment["XDG_DATA_HOME"] = home + "/xdg"
        let xdg = try #require(try huiwu.json(["whoami"]) as? [String: Any])
        #expect(xdg["database"] as? String == home + "/xdg/huiwu/huiwu.sqlite")
    }

    @Test("--lang en switches messages and output; the locale does too")
    func language() throws {
        let huiwu = Binary(database: newDatabasePath())
        try huiwu.run(["init"])
        #expect(try huiwu.run(["whoami"]).stdout.contains("数据库："))
        #expect(try huiwu.run(["whoami", "--lang", "en"]).stdout.contains("database: "))
        var english = huiwu
        english.extraEnvironment["LANG"] = "en_US.UTF-8"
        #expect(try english.run(["departments", "list", "--kind", "street"]).stdout.hasPrefix("code"))
        #expect(try english.run(["departments", "list", "--kind", "street", "--lang", "zh"]).stdout.hasPrefix("代码"))
        let bad = try huiwu.run(["whoami", "--lang", "fr"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("--lang must be zh or en"))
    }

    @Test("a malformed HUIWU_NOW gets a clear error")
    func malformedNow() throws {
        let path = newDatabasePath()
        try Binary(database: path).run(["init"])
        for bad in ["2026-02-30T09:00", "tomorrow", "2026-03-02 25:00"] {
            let result = try Binary(database: path, now: bad).run(["whoami", "--lang", "en"])
            #expect(result.status == 2)
            #expect(result.stderr.contains("HUIWU_NOW=\(bad) is not a valid time (format 2026-03-02T09:00)"))
        }
    }

    @Test("without a terminal and without a subcommand, huiwu prints help and exits 0")
    func helpWithoutTerminal() throws {
        let result = try Binary(database: newDatabasePath()).run([], stdin: "")
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE: huiwu"))
        for command in ["init", "whoami", "people", "departments", "audit"] {
            #expect(result.stdout.contains(command))
        }
        #expect(result.stderr.isEmpty)
    }

    @Test("an unknown option is a usage error (exit 64), in the language of the session")
    func usageError() throws {
        let zh = try Binary(database: newDatabasePath()).run(["people", "list", "--bogus", "--lang", "zh"])
        #expect(zh.status == 64)
        #expect(zh.stderr.contains("未知选项 --bogus") && zh.stderr.contains("查看用法") && !zh.stderr.contains("Unknown option"), "\(zh.stderr)")
        let en = try Binary(database: newDatabasePath()).run(["people", "list", "--bogus", "--lang", "en"])
        #expect(en.status == 64)
        #expect(en.stderr.contains("Unknown option '--bogus'"))
        let missing = try Binary(database: newDatabasePath()).run(["meeting", "show", "--lang", "zh"])
        #expect(missing.status == 64 && missing.stderr.contains("缺少参数"), "\(missing.stderr)")
    }

    @Test("a name with escape sequences or bidi overrides is refused, and the message is inert")
    func hostileNameRefused() throws {
        let huiwu = Binary(database: newDatabasePath())
        try huiwu.run(["init"])
        let result = try huiwu.run(["people", "add", "--login", "evil", "--name", "\u{1B}[31m红字\u{202E}反转", "--role", "secretary", "--lang", "en"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("the name contains control characters or escape sequences: \\e[31m红字\\u{202E}反转"))
        #expect(!result.stderr.unicodeScalars.contains { TextSafety.isDangerous($0, allowNewlines: true) })
        let people = try #require(try huiwu.json(["people", "list"]) as? [[String: Any]])
        #expect(!people.contains { $0["login"] as? String == "evil" })
    }

    @Test("--json escapes control characters and bidi overrides; text output shows them inert")
    func jsonEscapes() throws {
        let office = try TestOffice()
        let hostile = "恶意\u{1B}]0;owned\u{07}\u{202E}名字\u{9B}2J"
        try office.store.write { db in
            try db.execute(sql: "UPDATE person SET name = ? WHERE login = 'lijing'", arguments: [hostile])
        }
        let huiwu = Binary(database: office.path)
        let json = try huiwu.run(["people", "list", "--role", "secretary", "--json"])
        #expect(json.status == 0)
        #expect(!json.stdout.unicodeScalars.contains { TextSafety.isDangerous($0, allowNewlines: true) })
        #expect(json.stdout.lowercased().contains("\\u001b"))
        #expect(json.stdout.lowercased().contains("\\u202e"))
        #expect(json.stdout.lowercased().contains("\\u009b"))
        let people = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(people.contains { $0["name"] as? String == hostile })

        let text = try huiwu.run(["people", "list", "--role", "secretary"])
        #expect(!text.stdout.unicodeScalars.contains { TextSafety.isDangerous($0, allowNewlines: true) })
        #expect(text.stdout.contains("恶意\\e]0;owned\\u{7}\\u{202E}名字\\u{9B}2J"))
    }
}
