import Foundation
import Testing
import MeetingKit
import HuiwuTestSupport

/// What users of terminal tools expect: --version, a current man page, completions,
/// help in both languages, a configuration file, documented exit codes.
@Suite("Command-line conventions")
struct CLIConventionsTests {
    let root = TestOffice.packageRoot

    func office() throws -> Binary {
        let binary = Binary(database: TestOffice.temporaryDirectory() + "/huiwu.sqlite")
        #expect(try binary.run(["init"]).status == 0)
        return binary
    }

    /// The tool-info JSON argument-parser builds from the command declarations.
    func toolInfo(_ binary: Binary, environment: [String: String] = [:]) throws -> [String: Any] {
        var b = binary
        b.extraEnvironment = environment
        let result = try b.run(["--experimental-dump-help"])
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        return try #require(object?["command"] as? [String: Any])
    }

    /// Every command below `command` with its path ("people edit"), skipping argument-parser's `help`.
    func commands(_ command: [String: Any], path: [String] = []) -> [([String], [String: Any])] {
        let name = command["commandName"] as? String ?? ""
        guard name != "help" else { return [] }
        let here = path.isEmpty ? [] : path
        let children = (command["subcommands"] as? [[String: Any]] ?? []).flatMap {
            commands($0, path: here + [$0["commandName"] as? String ?? ""])
        }
        return [(here, command)] + children
    }

    func sh(_ args: [String], cwd: String? = nil, environment: [String: String] = [:]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = args
        if let cwd { process.currentDirectoryURL = URL(fileURLWithPath: cwd) }
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test("huiwu --version prints the version")
    func version() throws {
        let result = try Binary(database: "/nonexistent/x.sqlite").run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil)
    }

    @Test("every help text is bilingual, English (plain ASCII) first, then Chinese")
    func bilingualHelp() throws {
        let info = try toolInfo(Binary(database: "/nonexistent/x.sqlite"))
        var missing: [String] = []
        func check(_ text: String?, _ what: String) {
            guard let text, !text.isEmpty else { return }
            let cut = text.unicodeScalars.firstIndex { (0x3000...0x9FFF).contains($0.value) || (0xFF00...0xFFEF).contains($0.value) }
            guard let cut else { missing.append("\(what): no Chinese: \(text)"); return }
            let english = String(text.unicodeScalars[..<cut]).trimmingCharacters(in: .whitespacesAndNewlines)
            if english.isEmpty || !english.allSatisfy(\.isASCII) { missing.append("\(what): English part missing or not plain: \(text)") }
        }
        for (path, command) in commands(info) {
            let name = "huiwu " + path.joined(separator: " ")
            check(command["abstract"] as? String, name)
            check(command["discussion"] as? String, name + " (discussion)")
            for argument in command["arguments"] as? [[String: Any]] ?? [] {
                let option = (argument["preferredName"] as? [String: Any])?["name"] as? String ?? argument["valueName"] as? String ?? "?"
                if option == "help" || option == "version" { continue }  // argument-parser's own flags
                check(argument["abstract"] as? String, "\(name) --\(option)")
            }
        }
        #expect(missing.isEmpty, "\(missing.joined(separator: "\n"))")
        let help = try Binary(database: "/nonexistent/x.sqlite").run(["org", "import", "--help"])
        #expect(help.stdout.contains("Show what importing FILE would change") && help.stdout.contains("导入组织机构"))
    }

    @Test("docs/huiwu.1 documents every subcommand and option, and is what the generator makes now")
    func manPageCurrent() throws {
        let page = try String(contentsOfFile: root + "/docs/huiwu.1", encoding: .utf8)
        let info = try toolInfo(Binary(database: "/nonexistent/x.sqlite"), environment: ["HUIWU_MANUAL_LANG": "en"])
        for (path, command) in commands(info) {
            if let name = path.last { #expect(page.contains(".It Em \(name)\n"), "the man page lacks \(path.joined(separator: " "))") }
            for argument in command["arguments"] as? [[String: Any]] ?? [] {
                guard (argument["kind"] as? String) != "positional",
                      let name = (argument["preferredName"] as? [String: Any])?["name"] as? String, name.count > 1 else { continue }
                #expect(page.contains("Fl -\(name)"), "the man page lacks --\(name) of \(path.joined(separator: " "))")
            }
        }
        // When the plugin's generator has been built here (make man), regenerate and compare.
        let makefile = try String(contentsOfFile: root + "/Makefile", encoding: .utf8)
        let date = try #require(makefile.range(of: #"MAN_DATE = (\S+)"#, options: .regularExpression).map { String(makefile[$0].dropFirst(11)) })
        let tool = [".build/debug/generate-manual-tool", ".build/x86_64-unknown-linux-gnu/debug/generate-manual-tool",
                    ".build/aarch64-unknown-linux-gnu/debug/generate-manual-tool"].map { root + "/" + $0 }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
        if let tool {
            let out = TestOffice.temporaryDirectory()
            let (status, output) = try sh([tool, Binary.path, "--date", date, "-o", out], environment: ["HUIWU_MANUAL_LANG": "en"])
            #expect(status == 0, "\(output)")
            let fresh = try String(contentsOfFile: out + "/huiwu.1", encoding: .utf8)
            #expect(fresh == page, "docs/huiwu.1 is out of date: run make man")
        }
    }

    @Test("man ./docs/huiwu.1 renders and shows every subcommand", .requires(FileManager.default.isExecutableFile(atPath: "/usr/bin/man"), "man"))
    func manRenders() throws {
        let (status, output) = try sh(["man", "./docs/huiwu.1"], cwd: root, environment: ["MANPAGER": "cat", "PAGER": "cat", "MANWIDTH": "100"])
        #expect(status == 0, "\(output)")
        #expect(output.contains("HUIWU(1)"))
        for name in ["init", "whoami", "people", "departments", "audit", "portfolio", "term", "org", "config", "import", "retire"] {
            #expect(output.contains(name), "man output lacks \(name)")
        }
    }

    @Test("the bash completion script loads; zsh and fish scripts are produced")
    func completions() throws {
        let binary = Binary(database: "/nonexistent/x.sqlite")
        let dir = TestOffice.temporaryDirectory()
        let bash = try binary.run(["--generate-completion-script", "bash"])
        #expect(bash.status == 0)
        try bash.stdout.write(toFile: dir + "/huiwu.bash", atomically: true, encoding: .utf8)
        let (syntax, syntaxOutput) = try sh(["bash", "-n", dir + "/huiwu.bash"])
        #expect(syntax == 0, "\(syntaxOutput)")
        let (loaded, output) = try sh(["bash", "-c", "source '\(dir)/huiwu.bash' && complete -p huiwu"])
        #expect(loaded == 0, "\(output)")
        #expect(output.contains("_huiwu huiwu"))
        #expect(!output.contains("error") && !output.contains("not found"))
        // Subcommands complete: the script knows the org-chart commands.
        #expect(bash.stdout.contains("retire") && bash.stdout.contains("portfolio"))

        let zsh = try binary.run(["--generate-completion-script", "zsh"])
        #expect(zsh.status == 0 && zsh.stdout.hasPrefix("#compdef huiwu"))
        let fish = try binary.run(["--generate-completion-script", "fish"])
        #expect(fish.status == 0 && fish.stdout.contains("complete -c 'huiwu'") || fish.stdout.contains("complete -c huiwu"))
        for (shell, text) in [("zsh", zsh.stdout), ("fish", fish.stdout)] where FileManager.default.isExecutableFile(atPath: "/usr/bin/\(shell)") {
            try text.write(toFile: dir + "/huiwu.\(shell)", atomically: true, encoding: .utf8)
            let (status, output) = try sh([shell, "-n", dir + "/huiwu.\(shell)"])
            #expect(status == 0, "\(shell): \(output)")
        }
    }

    @Test("docs/cli.md documents every exit code the CLI uses")
    func exitCodesDocumented() throws {
        let doc = try String(contentsOfFile: root + "/docs/cli.md", encoding: .utf8)
        let kinds: [Refusal.Kind] = [.invalidInput, .rule, .notFound, .conflict, .storage]
        for kind in kinds {
            let code = Refusal(kind, code: "x", .same("x")).exitCode
            #expect(doc.contains("| \(code) |"), "docs/cli.md lacks exit code \(code) (\(kind))")
        }
        for code in [0, 1, 64] { #expect(doc.contains("| \(code) |")) }
    }

    @Test("config show prints each setting and where it comes from; config.toml sets the language")
    func configShow() throws {
        var binary = try office()
        let xdg = TestOffice.temporaryDirectory()
        binary.extraEnvironment = ["XDG_CONFIG_HOME": xdg]
        let defaults = try binary.json(["config", "show"]) as? [String: Any]
        #expect(defaults?["fileExists"] as? Bool == false)
        #expect(defaults?["file"] as? String == xdg + "/huiwu/config.toml")

        try FileManager.default.createDirectory(atPath: xdg + "/huiwu", withIntermediateDirectories: true)
        try """
            language = "en"
            [office]
            name = "西城区政府办公室"
            [cadence.executive]
            time = "14:30"
            """.write(toFile: xdg + "/huiwu/config.toml", atomically: true, encoding: .utf8)
        let view = try binary.json(["config", "show"]) as? [String: Any]
        let settings = Dictionary(uniqueKeysWithValues: (view?["settings"] as? [[String: String]] ?? []).map { ($0["key"]!, $0) })
        #expect(settings["language"]?["value"] == "en")
        #expect(settings["language"]?["source"] == xdg + "/huiwu/config.toml:1")
        #expect(settings["office.name"]?["value"] == "西城区政府办公室")
        #expect(settings["office.name_en"]?["source"] == "database")
        #expect(settings["cadence.executive.time"]?["value"] == "14:30")
        #expect(settings["cadence.executive.weekday"]?["source"] == "default")
        #expect(try binary.run(["whoami"]).stdout.contains("database:"))
        #expect(try binary.run(["whoami", "--lang", "zh"]).stdout.contains("数据库："))
        let overridden = try binary.json(["config", "show", "--lang", "zh"]) as? [String: Any]
        let language = (overridden?["settings"] as? [[String: String]])?.first { $0["key"] == "language" }
        #expect(language?["value"] == "zh" && language?["source"] == "--lang")

        try "language = \"fr\"\n[ofice]\nname = \"x\"\n".write(toFile: xdg + "/huiwu/config.toml", atomically: true, encoding: .utf8)
        let bad = try binary.run(["whoami", "--lang", "en"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("config.toml:1: language must be \"zh\" or \"en\""))
        #expect(bad.stderr.contains("config.toml:3: unknown setting ofice.name"))
    }
}
