import Foundation
import HuiwuTestSupport
import Testing

/// The benchmark's synthetic office must be records the real app reads as its own: the audit
/// chain holds, the mayor has minutes to sign, items show their whole timeline, signed minutes
/// verify against their hash, follow-ups are overdue, and search finds the texts.
@Suite("The synthetic office is what the app writes (huiwu-bench --generate, checked with the real binary)")
struct SyntheticOfficeTests {
    /// Generates the smoke size into a fresh directory; returns the real binary on it.
    static func generate() throws -> (Binary, [String: Int]) {
        let bench = URL(fileURLWithPath: Binary.path).deletingLastPathComponent().appendingPathComponent("huiwu-bench").path
        try #require(FileManager.default.isExecutableFile(atPath: bench), "huiwu-bench not built at \(bench)")
        let database = TestOffice.temporaryDirectory() + "/huiwu.sqlite"
        let p = Process()
        p.executableURL = URL(fileURLWithPath: bench)
        p.arguments = ["--smoke", "--generate", database]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        try #require(p.terminationStatus == 0)
        let counts = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Int])
        return (Binary(database: database), counts)
    }

    @Test("doctor passes, the signature queue and overdue follow-ups are non-empty, timelines end decided, search finds 养老")
    func realPaths() throws {
        let (huiwu, counts) = try Self.generate()
        #expect(counts["meetings"] == 120)
        #expect(counts["items"] == 600)
        #expect((counts["signed"] ?? 0) > 0)

        let doctor = try huiwu.run(["doctor"])
        #expect(doctor.status == 0, "doctor failed: \(doctor.stdout) \(doctor.stderr)")
        #expect(doctor.stdout.contains("审计链完整"))

        let queue = try #require(try huiwu.json(["minutes", "queue", "--as", "zhoulixin", "--json"]) as? [[String: Any]])
        #expect(!queue.isEmpty, "the mayor's signature queue is empty")
        #expect(queue.allSatisfy { $0["state"] as? String == "awaitingSignature" })

        let overdue = try #require(try huiwu.json(["followup", "list", "--overdue", "--json"]) as? [[String: Any]])
        #expect(!overdue.isEmpty)

        let decided = try #require(try huiwu.json(["item", "list", "--state", "decided", "--json"]) as? [[String: Any]])
        let itemId = try #require(decided.first?["id"] as? Int)
        let item = try #require(try huiwu.json(["item", "show", String(itemId), "--json"]) as? [String: Any])
        let timeline = try #require(item["timeline"] as? [[String: Any]])
        #expect(timeline.first?["event"] as? String == "drafted")
        #expect(timeline.contains { $0["event"] as? String == "approved" })
        let last = try #require(timeline.last)
        #expect(last["event"] as? String == "decided")
        #expect(last["meeting"] as? Int == (item["meeting"] as? [String: Any])?["id"] as? Int)
        #expect(last["text"] as? String == item["decision"] as? String)

        let minutes = try #require(try huiwu.json(["minutes", "list", "--json"]) as? [[String: Any]])
        let signedId = try #require(minutes.first { $0["state"] as? String == "signed" }?["id"] as? Int)
        let detail = try #require(try huiwu.json(["minutes", "show", String(signedId), "--as", "zhoulixin", "--json"]) as? [String: Any])
        #expect(detail["hashVerified"] as? Bool == true)
        #expect((detail["number"] as? String)?.contains("纪要〔2026〕") == true)

        let found = try #require(try huiwu.json(["search", "养老", "--json"]) as? [[String: Any]])
        #expect(!found.isEmpty)

        let report = try huiwu.run(["report", "--from", "2026-01-01", "--to", "2026-03-01"])
        #expect(report.status == 0, "\(report.stderr)")
    }
}
