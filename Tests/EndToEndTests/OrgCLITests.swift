import Foundation
import Testing
import HuiwuTestSupport
import MeetingFormats

/// The org-chart commands through the real binary, as an administrator's scripts use them.
@Suite("Org chart administration from the command line")
struct OrgCLITests {
    func office() throws -> Binary {
        let dir = TestOffice.temporaryDirectory()
        let binary = Binary(database: dir + "/huiwu.sqlite")
        let result = try binary.run(["init"])
        #expect(result.status == 0, "\(result.stderr)")
        return binary
    }

    func auditEvents(_ binary: Binary) throws -> Int {
        let verify = try binary.json(["audit", "verify"]) as? [String: Any]
        return verify?["events"] as? Int ?? -1
    }

    func text(_ any: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: any, options: [.sortedKeys]), as: UTF8.self)
    }

    @Test("importing the exported org chart into an empty database (init --empty) reproduces it exactly", arguments: ["csv", "json"])
    func acceptanceRoundTrip(format: String) throws {
        let source = try office()
        // Something beyond the seed: a retired person and a changed portfolio.
        #expect(try source.run(["people", "add", "--login", "temp", "--name", "临时", "--role", "secretary", "--dept", "ZFB"]).status == 0)
        #expect(try source.run(["people", "retire", "temp"]).status == 0)
        #expect(try source.run(["portfolio", "set", "wangxiaoyan", "JW,WJW,MZJ,TYJ"]).status == 0)
        let file = TestOffice.temporaryDirectory() + "/org." + format
        let exported = try source.run(["org", "export", file])
        #expect(exported.status == 0, "\(exported.stderr)")

        let target = Binary(database: TestOffice.temporaryDirectory() + "/empty.sqlite")
        #expect(try target.run(["init", "--empty"]).status == 0)
        let dry = try target.run(["org", "import", file, "--lang", "en"])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("dry run"))
        #expect(dry.stdout.contains("people: 53 added"))
        #expect(try target.json(["people", "list"]) as? [Any] != nil)
        #expect((try target.json(["people", "list"]) as? [Any])?.count == 1)
        let applied = try target.run(["org", "import", file, "--apply"])
        #expect(applied.status == 0, "\(applied.stderr)")

        for args in [["people", "list"], ["people", "list", "--all"], ["departments", "list"], ["portfolio", "list"]] {
            #expect(try text(try target.json(args)) == text(try source.json(args)), "\(args)")
        }
    }

    @Test("a CSV with three bad rows is rejected listing all three line numbers, and nothing changes")
    func acceptanceThreeBadRows() throws {
        let binary = try office()
        let file = TestOffice.temporaryDirectory() + "/bad.csv"
        let csv = """
            type,id,name,role,kind,department,head,supervisor,admin,retired
            person,wangwu,王五,departmentHead,,JW,,,false,false
            person,zhaoliu,赵六,mayr,,JW,,,false,false
            person,sunqi,孙七,secretary,,ZFB,,,false,false
            person,Bad Login,某人,secretary,,ZFB,,,false,false
            department,NEWD,新部门,,constituent,,nobody,wangxiaoyan,,

            """
        try csv.write(toFile: file, atomically: true, encoding: .utf8)
        let before = try auditEvents(binary)
        let people = try text(try binary.json(["people", "list", "--all"]))
        let result = try binary.run(["org", "import", file, "--apply", "--lang", "en"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("has 3 problems; nothing was changed"))
        for line in ["line 3: unknown role 'mayr'", "line 5: the login 'Bad Login' is invalid", "line 6: the head of NEWD, nobody, is not in the people"] {
            #expect(result.stderr.contains(line), "\(result.stderr)")
        }
        #expect(try auditEvents(binary) == before)
        #expect(try text(try binary.json(["people", "list", "--all"])) == people)
        let json = try binary.run(["org", "import", file, "--json"])
        #expect(json.status == 2)
        let report = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let problems = report?["problems"] as? [[String: Any]] ?? []
        #expect(problems.compactMap { $0["line"] as? Int } == [3, 5, 6])
    }

    @Test("people edit and retire; a stale --expect-version is refused with exit 5 naming who and when")
    func editRetireStale() throws {
        let binary = try office()
        let shown = try binary.json(["people", "show", "xuwenbo"]) as? [String: Any]
        #expect(shown?["version"] as? Int == 1)
        var later = binary
        later.now = "2026-03-02T10:30"
        let edit = try later.run(["people", "edit", "xuwenbo", "--name", "许文波", "--expect-version", "1", "--as", "yangwentao"])
        #expect(edit.status == 0, "\(edit.stderr)")
        let before = try auditEvents(binary)
        let stale = try binary.run(["people", "edit", "xuwenbo", "--name", "许文", "--expect-version", "1", "--lang", "en"])
        #expect(stale.status == 5)
        #expect(stale.stderr.contains("changed by 杨文涛 (yangwentao) at 2026-03-02 10:30"), "\(stale.stderr)")
        #expect(stale.stderr.contains("reload"))
        #expect(try auditEvents(binary) == before)

        let refused = try binary.run(["people", "retire", "xuwenbo", "--lang", "en"])
        #expect(refused.status == 3)
        #expect(refused.stderr.contains("still heads JW"))
        #expect(try binary.run(["people", "add", "--login", "songli", "--name", "宋丽", "--role", "departmentHead", "--dept", "JW"]).status == 0)
        #expect(try binary.run(["departments", "edit", "JW", "--head", "songli"]).status == 0)
        #expect(try binary.run(["people", "retire", "xuwenbo"]).status == 0)
        let asRetired = try binary.run(["whoami", "--as", "xuwenbo", "--lang", "en"])
        #expect(asRetired.status == 3)
        #expect(asRetired.stderr.contains("retired"))
    }

    @Test("only administrators and the office director change the org chart")
    func refusedForOthers() throws {
        let binary = try office()
        let before = try auditEvents(binary)
        for args in [["people", "edit", "lijing", "--name", "X"], ["people", "retire", "lijing"],
                     ["departments", "add", "--code", "NEW", "--name", "新", "--kind", "unit"],
                     ["departments", "edit", "JW", "--name", "X"], ["portfolio", "set", "wangxiaoyan", "JW"],
                     ["people", "add", "--login", "x", "--name", "X", "--role", "secretary"]] {
            let result = try binary.run(args + ["--as", "lijing", "--lang", "en"])
            #expect(result.status == 3, "\(args)")
            #expect(result.stderr.contains("only an administrator or the office director"), "\(args): \(result.stderr)")
        }
        #expect(try auditEvents(binary) == before)
    }

    @Test("portfolio set moves departments and says from whom; only vice mayors hold portfolios (R6)")
    func portfolio() throws {
        let binary = try office()
        let result = try binary.run(["portfolio", "set", "wangxiaoyan", "JW,WJW,FGW", "--lang", "en"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("+ FGW (was chenhaifeng's)"))
        #expect(result.stdout.contains("- MZJ (now without a supervising leader)"))
        let refused = try binary.run(["portfolio", "set", "lijing", "JW", "--lang", "en"])
        #expect(refused.status == 3)
        #expect(refused.stderr.hasPrefix("huiwu: R6: only the executive vice mayor and vice mayors hold portfolios"))
        let lines = try binary.json(["portfolio", "list"]) as? [[String: Any]] ?? []
        #expect(lines.first { $0["leader"] as? String == "wangxiaoyan" }?["portfolio"] as? [String] == ["FGW", "JW", "WJW"])
    }

    @Test("term start begins a new term; administrators only")
    func termStart() throws {
        let binary = try office()
        let refused = try binary.run(["term", "start", "--number", "18", "--name", "第十八届区人民政府", "--from", "2027-01-06", "--as", "yangwentao"])
        #expect(refused.status == 3)
        let bad = try binary.run(["term", "start", "--number", "18", "--name", "第十八届区人民政府", "--from", "2027-13-06"])
        #expect(bad.status == 2)
        let ok = try binary.run(["term", "start", "--number", "18", "--name", "第十八届区人民政府", "--from", "2027-01-06"])
        #expect(ok.status == 0, "\(ok.stderr)")
        let terms = try binary.json(["term", "list"]) as? [[String: Any]] ?? []
        #expect(terms.map { $0["number"] as? Int } == [17, 18])
    }

    @Test("export refuses to overwrite without --force and needs a known format")
    func exportGuards() throws {
        let binary = try office()
        let dir = TestOffice.temporaryDirectory()
        #expect(try binary.run(["org", "export", dir + "/org.csv"]).status == 0)
        #expect(try binary.run(["org", "export", dir + "/org.csv"]).status == 5)
        #expect(try binary.run(["org", "export", dir + "/org.csv", "--force"]).status == 0)
        #expect(try binary.run(["org", "export", dir + "/org.txt"]).status == 2)
        let stdout = try binary.run(["org", "export", "-", "--format", "json"])
        #expect(stdout.stdout.contains("\"format\" : \"huiwu-org-chart\""))
    }

    @Test("in a real terminal, 7 opens the org chart and Esc returns home",
          .requires(Tmux.isAvailable, "tmux"))
    func terminal() throws {
        let binary = try office()
        let tmux = try Tmux(command: [Binary.path], environment: binary.environment)
        try tmux.waitFor("您是谁")  // the demo's first-start chooser: go on as the administrator
        try tmux.send("Escape")
        try tmux.waitFor("本周")
        try tmux.send("7")  // the org chart is section 7 (Section.org)
        let screen = try tmux.waitFor("人员 53")
        #expect(screen.contains("chenhaifeng") && screen.contains("常务副区长"))  // people by login, as in the picker
        try tmux.send("Tab")
        try tmux.waitFor("区城市管理委")
        try tmux.send("Escape")
        try tmux.waitFor("本周")
        try tmux.send("q")
    }
}
