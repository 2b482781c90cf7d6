import Foundation
import GRDB
import HuiwuTestSupport
import MeetingKit
import MeetingStore
import Testing

@Suite("Attachments: files on agenda items and minutes")
struct AttachmentTests {
    func refusal(_ body: () throws -> Void) -> Refusal? {
        do { try body(); return nil } catch let r as Refusal { return r } catch { return nil }
    }

    /// A file with `text` in a fresh directory.
    func file(_ name: String, _ text: String) throws -> String {
        let path = TestOffice.temporaryDirectory() + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func mode(_ path: String) throws -> Int { try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as! Int }

    /// The stored copies of the office's attached files: files in the attachments directory
    /// beside a SQLite file, rows of `attachment_content` on PostgreSQL.
    func storedCopies(_ office: TestOffice) throws -> Int {
        switch office.store.engine {
        case .sqlite:
            let root = office.directory + "/attachments"
            let all = FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? []
            return all.filter { path in
                var isDirectory: ObjCBool = false
                return FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory) && !isDirectory.boolValue
            }.count
        case .postgresql:
            return try office.store.snapshot { try $0.value(Int.self, "SELECT COUNT(*) FROM attachment_content") ?? 0 }
        }
    }

    @Test("a file is copied into the office's storage (beside a SQLite file, private like it; in PostgreSQL), with its SHA-256 recorded and audited",
          arguments: ScratchDatabase.engines)
    func attachToItem(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let secretary = try office.session("lijing")
        let item = try secretary.addItem(title: "关于停车场建设的议题", lead: "CGW").id!
        let source = try file("实施方案.txt", "停车场建设实施方案\n")
        let before = try office.auditCount()
        let a = try secretary.attach(file: source, to: .item(item))
        #expect(a.name == "实施方案.txt" && a.size == Int64("停车场建设实施方案\n".utf8.count))
        #expect(a.sha256 == SHA256.hex("停车场建设实施方案\n"))
        let line = try #require(try secretary.attachments(of: .item(item)).first)
        #expect(line.status == .ok && line.addedByName == "李静")
        #expect(try secretary.attachmentContent(a.id!) == Data("停车场建设实施方案\n".utf8))
        if engine == .sqlite {
            #expect(line.path == office.directory + "/attachments/" + String(a.sha256.prefix(16)) + "/实施方案.txt")
            #expect(try String(contentsOfFile: line.path, encoding: .utf8) == "停车场建设实施方案\n")
            #expect(try mode(line.path) == 0o600)
            #expect(try mode(office.directory + "/attachments") == 0o700)
            #expect(try mode((line.path as NSString).deletingLastPathComponent) == 0o700)
        } else {
            // In the database, where every server on it reads the same copy; nothing beside it.
            #expect(line.path == office.path + "#attachment_content/" + a.sha256)
            #expect(!FileManager.default.fileExists(atPath: office.directory + "/attachments"))
        }
        #expect(try office.auditCount() == before + 1)
        let event = try #require(try office.session().auditEvents(limit: 1).first)
        #expect(event.action == "attachment.add" && event.after.contains(a.sha256) && event.after.contains("实施方案.txt"))

        // The source may go away: the office keeps its copy.
        try FileManager.default.removeItem(atPath: source)
        #expect(try secretary.attachments(of: .item(item))[0].status == .ok)
    }

    @Test("a missing or changed copy is reported, by size at a glance and by SHA-256 when checked", arguments: ScratchDatabase.engines)
    func missingOrChanged(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let secretary = try office.session("lijing")
        let item = try secretary.addItem(title: "关于停车场建设的议题", lead: "CGW").id!
        let a = try secretary.attach(file: try file("a.txt", "甲"), to: .item(item))
        let b = try secretary.attach(file: try file("b.txt", "乙"), to: .item(item))
        switch engine {
        case .sqlite:
            let pathA = try secretary.attachment(a.id!).path
            let pathB = try secretary.attachment(b.id!).path
            try FileManager.default.removeItem(atPath: pathA)
            try "丙".write(toFile: pathB, atomically: true, encoding: .utf8)  // same size, other content
        case .postgresql:
            // What someone with the database's credentials could do behind the program's back.
            try office.store.transaction { db, _ in
                try db.exec("DELETE FROM attachment_content WHERE sha256 = ?", a.sha256)
                try db.exec("DELETE FROM attachment_content WHERE sha256 = ?", b.sha256)
                try db.exec("INSERT INTO attachment_content (sha256, content) VALUES (?, ?)", b.sha256, Data("丙".utf8))
            }
        }
        #expect(try secretary.attachments(of: .item(item)).map(\.status) == [.missing, .changed])
        #expect(try secretary.attachments(of: .item(item), content: false).map(\.status) == [.missing, .ok])
        #expect(try secretary.verifyAttachments().map(\.status) == [.missing, .changed])
        #expect(refusal { _ = try secretary.attachmentContent(a.id!) }?.code == "attachment.missing")
        #expect(refusal { _ = try secretary.attachmentContent(b.id!) }?.code == "attachment.changed")
    }

    @Test("the same file attached twice is stored once; a second name is a second copy", arguments: ScratchDatabase.engines)
    func sameContent(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let secretary = try office.session("lijing")
        let one = try secretary.addItem(title: "议题一", lead: "CGW").id!
        let two = try secretary.addItem(title: "议题二", lead: "CGW").id!
        let source = try file("通知.txt", "会议通知")
        let a = try secretary.attach(file: source, to: .item(one))
        let b = try secretary.attach(file: source, to: .item(two))
        #expect(a.storedPath == b.storedPath && a.id != b.id)
        #expect(try storedCopies(office) == 1)
        if engine == .sqlite {
            let dir = (try secretary.attachment(a.id!).path as NSString).deletingLastPathComponent
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["通知.txt"])
        } else {
            // A second name keeps one row of content in the database: it is keyed by SHA-256.
            _ = try secretary.attach(file: try file("通知（定稿）.txt", "会议通知"), to: .item(one))
            #expect(try storedCopies(office) == 1)
            #expect(try secretary.attachments(of: .item(one)).map(\.status) == [.ok, .ok])
        }
    }

    @Test("signed minutes take no attachment (R43), not even from the sqlite3 shell or psql; drafts do", arguments: ScratchDatabase.engines)
    func signedMinutes(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let signed = try MinutesFixtures.signedWithDecisions(office)
        let secretary = try office.session("lijing")
        let source = try file("附件.txt", "会议材料")
        let before = try office.auditCount()
        let r = refusal { try secretary.attach(file: source, to: .minutes(signed.id!)) }
        #expect(r?.article == "R43" && r?.code == "attachment.minutesSigned")
        #expect(try office.auditCount() == before)
        #expect(!FileManager.default.fileExists(atPath: office.directory + "/attachments"))  // refused before copying
        #expect(try storedCopies(office) == 0)

        let insert = """
            INSERT INTO attachment(minutes_id, name, stored_path, sha256, size, added_by, added_at)
            VALUES (\(signed.id!), 'x', 'x/x', '\(String(repeating: "0", count: 64))', 1, 'lijing', '2026-03-03T10:00')
            """
        switch engine {
        case .sqlite:
            try #require(SQLiteShell.isAvailable)
            try office.store.writer.writeWithoutTransaction { try $0.checkpoint(.truncate) }
            let shell = try SQLiteShell.run(office.path, insert + ";")
            #expect(shell.status != 0 && shell.stderr.contains("R43"))
        case .postgresql:
            // The same statement straight to the database, as psql would send it.
            let adapter = try PostgresAdapter.connect(try #require(office.store.postgresURL))
            defer { adapter.close() }
            let error = try #require(throws: (any Error).self) { try adapter.exec(insert, []) }
            #expect(adapter.dialect.triggerRefusal(in: error)?.contains("R43") == true)
        }

        let correction = try secretary.draftMinutes(meetingId: signed.meetingId)
        let a = try secretary.attach(file: source, to: .minutes(correction.id!))
        #expect(try secretary.attachments(of: .minutes(correction.id!)).map(\.attachment.id) == [a.id])
    }

    @Test("who may attach: the item's departments and vice mayor, the office; the minutes' drafter and the office",
          arguments: ScratchDatabase.engines)
    func whoMayAttach(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let secretary = try office.session("lijing")
        let item = try secretary.addItem(title: "关于课后服务的议题", lead: "JW", related: ["WJW"]).id!
        let source = try file("说明.txt", "说明")
        for login in ["xuwenbo", "handongmei", "wangxiaoyan", "yangwentao", "zhangyuhang", "root"] {
            #expect(refusal { try office.session(login).attach(file: source, to: .item(item)) } == nil, "\(login)")
        }
        let minutes = try MinutesFixtures.awaitingSignature(office)
        let before = try office.auditCount()
        let r = refusal { try office.session("tanghongxia").attach(file: source, to: .item(item)) }
        #expect(r?.code == "attachment.notItemParty" && r?.kind == .rule)
        #expect(refusal { try office.session("xuwenbo").attach(file: source, to: .minutes(minutes.id!)) }?.code == "attachment.notMinutesDrafter")
        #expect(try office.auditCount() == before)
    }

    @Test("a classified document's attachments are for its readers only (R48), and the audit log never names them",
          arguments: ScratchDatabase.engines)
    func classified(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let meeting = try MinutesFixtures.heldMeeting(office, kind: .topical, title: "信访维稳", members: ["xuwenbo"])
        let secretary = try office.session("lijing")
        let id = try secretary.draftMinutes(meetingId: meeting.id!, body: "涉密内容").id!
        try secretary.setMinutesAttributes(id, disclosure: .notPublic, reason: "涉及国家秘密", classification: .secret)
        let a = try secretary.attach(file: try file("某地块处置方案.txt", "方案"), to: .minutes(id))
        #expect(try office.session("xuwenbo").attachments(of: .minutes(id)).count == 1)
        let outsider = try office.session("tanghongxia")
        #expect(refusal { _ = try outsider.attachments(of: .minutes(id)) }?.article == "R48")
        #expect(refusal { _ = try outsider.attachment(a.id!) }?.article == "R48")
        #expect(try outsider.verifyAttachments().isEmpty)
        #expect(try office.session().verifyAttachments().count == 1)
        let audit = try office.session().auditEvents(limit: 5, entity: "attachment")
        #expect(audit.count == 1 && !audit[0].after.contains("处置方案") && audit[0].after.contains(a.sha256))
    }

    @Test("bad paths and names are refused with a specific message, and nothing is copied or written", arguments: ScratchDatabase.engines)
    func refusals(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let secretary = try office.session("lijing")
        let item = try secretary.addItem(title: "议题", lead: "CGW").id!
        let before = try office.auditCount()
        #expect(refusal { try secretary.attach(file: "/nonexistent/x.pdf", to: .item(item)) }?.code == "attachment.noFile")
        #expect(refusal { try secretary.attach(file: TestOffice.temporaryDirectory(), to: .item(item)) }?.code == "attachment.isDirectory")
        #expect(refusal { try secretary.attach(file: try file("a\u{1B}[31m.txt", "x"), to: .item(item)) }?.code == "attachment.controlCharacters")
        #expect(refusal { try secretary.attach(file: try file("x.txt", "x"), to: .item(999)) }?.kind == .notFound)
        #expect(refusal { try secretary.attach(file: try file("x.txt", "x"), to: .minutes(999)) }?.kind == .notFound)
        #expect(try office.auditCount() == before)
        let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: office.directory + "/attachments")) ?? []
        #expect(leftovers.isEmpty, "\(leftovers)")
        #expect(try storedCopies(office) == 0)
    }

    @Test("on PostgreSQL a second server on the same database reads the copy the first one stored", .postgres)
    func secondServer() throws {
        let office = try TestOffice(.postgresql)
        let item = try office.session("lijing").addItem(title: "关于停车场建设的议题", lead: "CGW").id!
        let a = try office.session("lijing").attach(name: "方案.txt", content: Data("停车场方案".utf8), to: .item(item))
        // Another front-end server: its own connection and state directory copy, no shared disk.
        let stateDirectory = TestOffice.temporaryDirectory()
        for path in [office.store.auditKeyPath, office.store.auditAnchorPath] where FileManager.default.fileExists(atPath: path) {
            try FileManager.default.copyItem(atPath: path, toPath: stateDirectory + "/" + (path as NSString).lastPathComponent)
        }
        let other = try Store.open(url: try #require(office.store.postgresURL), stateDirectory: stateDirectory)
        let session = try Session.open(store: other, osUser: "root", asLogin: "lijing", clock: office.clock)
        #expect(try session.attachmentContent(a.id!) == Data("停车场方案".utf8))
        #expect(try session.verifyAttachments().map(\.status) == [.ok])
    }
}
