import Foundation
import HuiwuTestSupport
import MeetingKit
import MeetingService
import MeetingStore
import Testing

/// The shared office behind `huiwu serve` (issue: a real trust boundary): the database
/// belongs to a service account, users reach it only through the socket, and the server
/// decides who is acting, what time it is, what may be done and what may be read.
///
/// Every test runs the real binary as the server and as clients under real OS accounts
/// (created with `useradd`; root is needed, as in CI).
@Suite("huiwu serve: the rules held where users cannot reach", .serialized)
struct ServerBoundaryTests {
    /// Skips locally without root; fails in CI, where the accounts must be creatable.
    static func served(now: String = "2026-03-02T09:00", prepared: TestOffice? = nil) throws -> ServedOffice? {
        if let reason = OSAccounts.unavailable {
            if SlowTests.inCI { Issue.record("cannot test huiwu serve in CI: \(reason)") }
            return nil
        }
        return try ServedOffice(now: now, prepared: prepared)
    }

    @Test("each user is who the kernel says: no password, no token, and --as is for administrators only")
    func kernelIdentity() throws {
        guard let office = try Self.served() else { return }
        for (login, role) in [("lijing", "secretary"), ("zhoulixin", "mayor"), ("wangxiaoyan", "viceMayor")] {
            let result = try office.run(as: login, ["whoami", "--json"])
            #expect(result.status == 0, "\(login): \(result.stderr)")
            let view = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
            #expect(view?["login"] as? String == login)
            #expect(view?["osUser"] as? String == login)
            #expect(view?["role"] as? String == role)
            #expect(view?["server"] as? String == office.socket)
        }
        // A secretary cannot make herself the mayor; the server checks, not the client.
        let impostor = try office.run(as: "lijing", ["--as", "zhoulixin", "whoami"])
        #expect(impostor.status == 3, "\(impostor.stdout)")
        #expect(!impostor.stdout.contains("zhoulixin"))
        // An OS account that is nobody in the org chart gets nothing.
        try OSAccounts.ensure("huiwuguest")
        let stranger = try office.run(as: "huiwuguest", ["meeting", "list"])
        #expect(stranger.status == 4)
        #expect(stranger.stderr.contains("huiwuguest"))
    }

    @Test("a client's HUIWU_NOW is ignored: the audit log and the rules use the server's clock (R42)")
    func serverClock() throws {
        guard let office = try Self.served(now: "2026-03-02T09:00") else { return }
        let added = try office.run(as: "lijing", ["meeting", "add", "--kind", "executive", "--at", "2026-03-05T09:00", "--json"],
                                   environment: ["HUIWU_NOW": "2026-03-05T10:00"])
        #expect(added.status == 0, "\(added.stderr)")
        let audit = try office.run(as: "lijing", ["audit", "list", "--limit", "1", "--json"], environment: ["HUIWU_NOW": "2019-01-01T00:00"])
        #expect(audit.status == 0, "\(audit.stderr)")
        let events = try JSONSerialization.jsonObject(with: Data(audit.stdout.utf8)) as? [[String: Any]]
        let event = try #require(events?.first)
        #expect(event["at"] as? String == "2026-03-02T09:00:00+08:00")
        #expect(event["osUser"] as? String == "lijing")
        // The meeting is 3 days ahead by the server's clock: leave asked now is in advance (R42),
        // though the client's clock says the meeting is over.
        let meeting = try #require((try JSONSerialization.jsonObject(with: Data(added.stdout.utf8)) as? [String: Any])?["id"] as? Int)
        let leave = try office.run(as: "wangxiaoyan", ["leave", "request", "--meeting", String(meeting), "--reason", "外出调研"],
                                   environment: ["HUIWU_NOW": "2026-03-05T15:00"])
        #expect(leave.status == 0, "\(leave.stderr)")
    }

    @Test("the database is the service account's alone: a member of its group gets permission denied")
    func databaseIsPrivate() throws {
        guard let office = try Self.served() else { return }
        try OSAccounts.ensure("lijing", groups: [ServedOffice.serviceAccount])
        var info = stat()
        #expect(stat(office.database, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o600)
        #expect(info.st_uid == OSAccounts.uid(ServedOffice.serviceAccount))
        #expect(stat((office.database as NSString).deletingLastPathComponent, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o700)

        let direct = try office.run(as: "lijing", ["--db", office.database, "meeting", "list"])
        #expect(direct.status != 0)
        #expect(direct.stdout.isEmpty)
        // The same work through the server is fine.
        #expect(try office.run(as: "lijing", ["meeting", "list"]).status == 0)
    }

    /// The attacks that worked on the group-shared file: each is an sqlite3 session of a
    /// secretary. On the served office none can even open the file.
    @Test("the sqlite3 shell cannot approve leave as the mayor, forge a signature or read secret minutes",
          .requires(SQLiteShell.isAvailable, "sqlite3"))
    func rawFileAttacks() throws {
        guard let office = try Self.served() else { return }
        try OSAccounts.ensure("lijing", groups: [ServedOffice.serviceAccount])
        let attacks = [
            "UPDATE leave_request SET status = 'approved', decided_by = 'zhoulixin'",
            "UPDATE minutes SET state = 'signed', signed_by = 'zhoulixin'",
            "SELECT body FROM minutes WHERE classification <> 'none'",
        ]
        for sql in attacks {
            let result = try office.runProgram(as: "lijing", SQLiteShell.path, [office.database, sql])
            #expect(result.status != 0, "\(sql)")
            #expect(result.stderr.contains("unable to open") || result.stderr.contains("ermission denied"), "\(result.stderr)")
        }
    }

    @Test("classified minutes are not served to someone who may not read them (R48)")
    func classifiedStayOnTheServer() throws {
        let prepared = try TestOffice()
        let minutes = try MinutesFixtures.signedConfidential(prepared)
        let body = try prepared.session().minutesDetail(minutes.id!).minutes.body
        #expect(!body.isEmpty)
        let outsider = try #require(try prepared.session().people().map(\.login).first { login in
            try prepared.session(login).minutesDetail(minutes.id!).bodyVisible == false
        })
        guard let office = try Self.served(prepared: prepared) else { return }
        try OSAccounts.ensure(outsider)

        let reader = try office.run(as: "zhoulixin", ["minutes", "show", String(minutes.id!), "--json"])
        #expect(reader.status == 0, "\(reader.stderr)")
        let firstLine = try #require(body.split(separator: "\n").first.map(String.init))
        #expect(reader.stdout.contains(firstLine))

        let word = String(firstLine.prefix(4))
        for command in [["minutes", "show", String(minutes.id!), "--json"], ["followup", "list", "--json"], ["search", word]] {
            let result = try office.run(as: outsider, command)
            #expect(!result.stdout.contains(firstLine), "\(command) leaked the body")
        }
    }

    @Test("attachments travel as bytes: the client reads the user's file, the server never opens a user's path")
    func attachmentsAsBytes() throws {
        guard let office = try Self.served() else { return }
        let item = try office.run(as: "lijing", ["item", "add", "--lead", "JW", "--title", "课后服务", "--json"])
        let itemId = try #require((try JSONSerialization.jsonObject(with: Data(item.stdout.utf8)) as? [String: Any])?["id"] as? Int)
        // A file only the secretary can read: the service account could not open it.
        let mine = office.directory + "/lijing-only"
        try FileManager.default.createDirectory(atPath: mine, withIntermediateDirectories: false)
        chown(mine, OSAccounts.uid("lijing")!, OSAccounts.gid("lijing")!)
        chmod(mine, 0o700)
        let file = mine + "/方案.txt"
        FileManager.default.createFile(atPath: file, contents: Data("课后服务方案\n".utf8))
        chown(file, OSAccounts.uid("lijing")!, OSAccounts.gid("lijing")!)
        chmod(file, 0o600)

        let added = try office.run(as: "lijing", ["attach", "add", "--item", String(itemId), file, "--json"])
        #expect(added.status == 0, "\(added.stderr)")
        let attachment = try #require((try JSONSerialization.jsonObject(with: Data(added.stdout.utf8)) as? [String: Any])?["id"] as? Int)
        let opened = try office.run(as: "lijing", ["attach", "open", String(attachment), "--json"], environment: ["XDG_CACHE_HOME": mine])
        #expect(opened.status == 0, "\(opened.stderr)")
        let path = try #require((try JSONSerialization.jsonObject(with: Data(opened.stdout.utf8)) as? [String: Any])?["path"] as? String)
        #expect(path.hasPrefix(mine + "/huiwu/attachments/"))
        #expect(FileManager.default.contents(atPath: path) == Data("课后服务方案\n".utf8))
        var info = stat()
        #expect(stat(path, &info) == 0 && info.st_uid == OSAccounts.uid("lijing") && info.st_mode & 0o777 == 0o600)
    }

    @Test("the acting person is derived again for every call: a retirement takes effect at once for an open client")
    func actorOnEveryCall() throws {
        let prepared = try TestOffice()
        guard let office = try Self.served(prepared: prepared) else { return }
        // root (an administrator of the prepared office) holds a connection acting as lijing, as an open TUI would.
        let open = try Office.connect(socket: office.socket, asLogin: "lijing")
        #expect(open.actor.person.login == "lijing")
        #expect(try open.meetings().isEmpty)
        let retired = try office.run(as: "yangwentao", ["people", "retire", "lijing"])
        #expect(retired.status == 0, "\(retired.stderr)")
        #expect(throws: Refusal.self) { try open.meetings() }
        do { _ = try open.meetings() } catch let refusal as Refusal { #expect(refusal.code == "identity.retired") }
    }

    @Test("a client that starts recording for a leader (the TUI's &) is checked by the server: a secretary for the mayor may, a department head may not")
    func recordingOnBehalfOfThroughTheServer() throws {
        let prepared = try TestOffice()
        guard let office = try Self.served(prepared: prepared) else { return }
        let secretary = try Office.connect(socket: office.socket, asLogin: "lijing")
        let forMayor = try secretary.recording(onBehalfOf: "zhoulixin")
        #expect(forMayor.actor.person.login == "lijing" && forMayor.actor.principal.login == "zhoulixin")
        let stopped = try forMayor.recording(onBehalfOf: nil)
        #expect(stopped.actor.person.login == "lijing" && stopped.actor.principal.login == "lijing")
        let head = try Office.connect(socket: office.socket, asLogin: "xuwenbo")
        let refusal = try #require(throws: Refusal.self) { try head.recording(onBehalfOf: "zhoulixin") }
        let embedded = try #require(throws: Refusal.self) { try prepared.session("xuwenbo", onBehalfOf: "zhoulixin") }
        #expect(refusal.code == embedded.code && refusal.message == embedded.message, "the server refuses as the rules do: \(refusal.code)")
    }

    @Test("a server that is not running is an error with exit 6, never a private office instead")
    func serverDown() throws {
        guard let office = try Self.served() else { return }
        #expect(office.stop() == 0)
        let result = try office.run(as: "lijing", ["meeting", "list"])
        #expect(result.status == 6)
        #expect(result.stderr.contains("会务服务器没有在 \(office.socket) 运行"))
        let english = try office.run(as: "lijing", ["meeting", "list", "--lang", "en"])
        #expect(english.stderr.contains("the office server is not running at \(office.socket)"))
    }

    @Test("SIGTERM finishes the calls in progress, removes the socket and exits 0")
    func gracefulStop() throws {
        guard let office = try Self.served() else { return }
        #expect(FileManager.default.fileExists(atPath: office.socket))
        #expect(office.stop() == 0)
        #expect(!FileManager.default.fileExists(atPath: office.socket))
        let log = try String(contentsOfFile: office.serverLog, encoding: .utf8)
        #expect(log.contains("listening on \(office.socket)"))
        #expect(log.contains("stopped"))
    }
}
