import Foundation
import HuiwuTestSupport
import Testing

@Suite("config.toml sets the cadence scheduling uses")
struct ConfigCadenceTests {
    @Test("executive meetings planned on the configured weekday and time")
    func configuredCadence() throws {
        let dir = TestOffice.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir + "/config/huiwu", withIntermediateDirectories: true)
        try "[cadence.executive]\nweekday = \"tuesday\"\ntime = \"14:30\"\n"
            .write(toFile: dir + "/config/huiwu/config.toml", atomically: true, encoding: .utf8)
        var huiwu = Binary(database: dir + "/huiwu.sqlite")
        huiwu.extraEnvironment["XDG_CONFIG_HOME"] = dir + "/config"
        #expect(try huiwu.run(["init", "--no-demo"]).status == 0)  // an office without the demo's meetings
        let plan = try huiwu.run(["meeting", "plan", "--kind", "executive", "--from", "2026-03-01", "--to", "2026-04-30"])
        #expect(plan.status == 0, "\(plan.stderr)")
        let meetings = try huiwu.json(["meeting", "list", "--kind", "executive"]) as? [[String: Any]] ?? []
        #expect(meetings.count == 4)
        for meeting in meetings {
            let start = try #require(meeting["start"] as? String)
            #expect(start.hasSuffix("T14:30"))
        }
        let config = try huiwu.json(["config", "show"]) as? [String: Any]
        let settings = config?["settings"] as? [[String: Any]] ?? []
        #expect(settings.contains { $0["key"] as? String == "cadence.executive.weekday" && $0["value"] as? String == "tuesday" })
    }
}
