import Foundation
import Testing
import HuiwuTestSupport
import MeetingFormats

/// External programs the export is checked with, when installed (`.ci/run` installs both).
enum CalendarTools {
    /// A python3 that can `import icalendar` (Debian's python3-icalendar lives in /usr/bin/python3).
    static let python: String? = ["/usr/bin/python3", "/usr/local/bin/python3"].first { path in
        FileManager.default.isExecutableFile(atPath: path) && (try? run(path, ["-c", "import icalendar"]).status) == 0
    }

    static let calcurse: String? = ["/usr/bin/calcurse", "/usr/local/bin/calcurse"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @discardableResult
    static func run(_ tool: String, _ args: [String], environment: [String: String]? = nil) throws -> (status: Int32, out: String, err: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = args
        if let environment { p.environment = environment }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }
}

@Suite("Calendar export (.ics, RFC 5545)")
struct CalendarExportTests {
    /// An office with an executive meeting (a long roster, a room with a comma), a cancelled
    /// topical meeting and a vice mayor's meeting, exported for March 2026.
    func exported(person: String? = nil) throws -> (file: String, text: String, binary: Binary) {
        let office = try TestOffice()
        let huiwu = Binary(database: office.path)
        _ = try huiwu.json(["meeting", "add", "--kind", "executive", "--at", "2026-03-05T09:00", "--room", "区政府常务会议室, 北楼",
                            "--title", "研究2026年重点工作; 审议\\《条例》"])
        let cancelled = try huiwu.json(["meeting", "add", "--kind", "topical", "--at", "2026-03-09T09:00"]) as! [String: Any]
        _ = try huiwu.json(["meeting", "cancel", String(cancelled["id"] as! Int), "--reason", "区长另有安排"])
        _ = try huiwu.json(["meeting", "add", "--kind", "topical", "--at", "2026-03-10T14:00", "--chair", "wangxiaoyan",
                            "--departments", "JW"])
        let file = TestOffice.temporaryDirectory() + "/march.ics"
        let result = try huiwu.json(["calendar", "export", "--from", "2026-03-01", "--to", "2026-03-31", "--out", file]
                                    + (person.map { ["--person", $0] } ?? [])) as! [String: Any]
        #expect(result["events"] as? Int == (person == nil ? 3 : 2))
        return (file, try String(contentsOfFile: file, encoding: .utf8), huiwu)
    }

    @Test("lines end in CRLF, are at most 75 octets, and fold without splitting UTF-8; text is escaped")
    func format() throws {
        let (file, text, _) = try exported()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
        #expect(String(data: bytes, encoding: .utf8) != nil)
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines.last == "")
        for line in lines.dropLast() {
            #expect(line.utf8.count <= 75, "too long: \(line)")
            #expect(!line.contains("\n") && !line.contains("\r"))
        }
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("LOCATION:区政府常务会议室\\, 北楼\r\n"))
        #expect(unfolded.contains("SUMMARY:第1次区政府常务会议：研究2026年重点工作\\; 审议\\\\《条例》\r\n"))
        #expect(unfolded.contains("UID:meeting-1@huiwu\r\n"))
        #expect(unfolded.contains("DTSTART;TZID=Asia/Shanghai:20260305T090000\r\n"))
        #expect(unfolded.contains("STATUS:CANCELLED\r\n"))
        #expect(text.contains("BEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai\r\n"))
    }

    @Test("UIDs are stable: exporting again gives the same events")
    func stableUIDs() throws {
        let (file, text, huiwu) = try exported()
        _ = try huiwu.json(["calendar", "export", "--from", "2026-03-01", "--to", "2026-03-31", "--out", file])
        #expect(try String(contentsOfFile: file, encoding: .utf8) == text)
    }

    @Test("only a person's meetings with --person")
    func perPerson() throws {
        // xuwenbo (JW) sits in the executive meeting and is a member of the VM's topical
        // meeting on JW; he is not in the mayor's cancelled one.
        let (_, text, _) = try exported(person: "xuwenbo")
        #expect(text.contains("SUMMARY:第1次区政府专题会议"))
        #expect(!text.contains("STATUS:CANCELLED"))
    }

    @Test("python3's icalendar parses the file: times in Asia/Shanghai, roles mapped, cancelled status",
          .requires(CalendarTools.python != nil, "python3-icalendar"))
    func pythonICalendar() throws {
        let (file, _, _) = try exported()
        let script = """
            import sys, json, icalendar
            cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
            out = []
            for ev in cal.walk('VEVENT'):
                att = ev.get('ATTENDEE') or []
                if not isinstance(att, list): att = [att]
                start = ev.decoded('DTSTART')
                out.append({'uid': str(ev['UID']), 'summary': str(ev['SUMMARY']), 'status': str(ev['STATUS']),
                            'start': start.isoformat(), 'tz': str(ev['DTSTART'].params.get('TZID')),
                            'location': str(ev.get('LOCATION', '')),
                            'roles': sorted(set(str(a.params.get('ROLE')) for a in att)), 'attendees': len(att)})
            print(json.dumps({'tzids': [str(t['TZID']) for t in cal.walk('VTIMEZONE')], 'events': out}, ensure_ascii=False))
            """
        let result = try CalendarTools.run(CalendarTools.python!, ["-c", script, file])
        #expect(result.status == 0, "python: \(result.err)")
        let json = try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as! [String: Any]
        #expect(json["tzids"] as? [String] == ["Asia/Shanghai"])
        let events = json["events"] as! [[String: Any]]
        #expect(events.count == 3)
        let executive = try #require(events.first { ($0["summary"] as? String)?.hasPrefix("第1次区政府常务会议") == true })
        #expect(executive["start"] as? String == "2026-03-05T09:00:00+08:00")
        #expect(executive["tz"] as? String == "Asia/Shanghai")
        #expect(executive["location"] as? String == "区政府常务会议室, 北楼")
        #expect(executive["roles"] as? [String] == ["NON-PARTICIPANT", "OPT-PARTICIPANT", "REQ-PARTICIPANT"])
        #expect((executive["attendees"] as? Int ?? 0) > 50)
        #expect(events.contains { $0["status"] as? String == "CANCELLED" })
    }

    @Test("calcurse imports the file and shows the meetings at their Beijing times",
          .requires(CalendarTools.calcurse != nil, "calcurse"))
    func calcurseImport() throws {
        let (file, _, _) = try exported()
        let dir = TestOffice.temporaryDirectory() + "/calcurse"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        var env = ProcessInfo.processInfo.environment
        env["TZ"] = "Asia/Shanghai"
        env["HOME"] = dir
        let imported = try CalendarTools.run(CalendarTools.calcurse!, ["-D", dir, "-i", file], environment: env)
        #expect(imported.status == 0, "calcurse: \(imported.err)")
        let query = try CalendarTools.run(CalendarTools.calcurse!, ["-D", dir, "--input-datefmt", "4", "-Q", "--from", "2026-03-01",
                                                                    "--days", "31", "--format-apt", "%S %E %m\\n"], environment: env)
        #expect(query.status == 0, "calcurse: \(query.err)")
        #expect(query.out.contains("09:00 11:00 第1次区政府常务会议"), "calcurse shows: \(query.out)")
        #expect(query.out.contains("14:00 16:00 第1次区政府专题会议"), "calcurse shows: \(query.out)")
    }
}
