import Foundation
import HuiwuTestSupport
import Testing

@Suite("backup, restore and doctor from the command line")
struct MaintenanceCommandTests {
    @Test("doctor is green on a fresh office; backup then restore round-trips and keeps the old file")
    func roundTrip() throws {
        let dir = TestOffice.temporaryDirectory()
        let huiwu = Binary(database: dir + "/huiwu.sqlite")
        #expect(try huiwu.run(["init"]).status == 0)
        let doctor = try huiwu.run(["doctor"])
        #expect(doctor.status == 0, "\(doctor.stdout)\(doctor.stderr)")
        #expect(try huiwu.run(["backup", "--out", dir + "/backup.sqlite"]).status == 0)
        #expect(try huiwu.run(["people", "add", "--login", "wangwu", "--name", "王五", "--role", "secretary"]).status == 0)
        let restored = try huiwu.json(["restore", dir + "/backup.sqlite"]) as? [String: String]
        let kept = try #require(restored?["previousKeptAt"])
        #expect(FileManager.default.fileExists(atPath: kept))
        let people = try huiwu.json(["people", "list"]) as? [[String: Any]]
        #expect(people?.contains { $0["login"] as? String == "wangwu" } == false)
        #expect(try huiwu.run(["audit", "verify"]).status == 0)
    }

    @Test("restoring a file that is not a database is refused with a clear message")
    func restoreGarbage() throws {
        let dir = TestOffice.temporaryDirectory()
        let huiwu = Binary(database: dir + "/huiwu.sqlite")
        #expect(try huiwu.run(["init"]).status == 0)
        FileManager.default.createFile(atPath: dir + "/junk.sqlite", contents: Data("not a database".utf8))
        let result = try huiwu.run(["restore", dir + "/junk.sqlite"])
        #expect(result.status == 6)
        #expect(result.stderr.contains("不是 SQLite 数据库文件"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }
}
