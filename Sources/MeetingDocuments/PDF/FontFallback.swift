import Foundation

/// The fontconfig file LibreOffice is given for a conversion: the system's configuration,
/// plus, for each office font that is not installed (仿宋_GB2312, 方正小标宋简体 …), its free
/// replacement from Debian (``FontRole/fallback``). An installed office font always wins, so
/// the same DOCX prints with the real fonts on the office's machines.
enum FontFallback {
    /// The configuration text for the families that are missing from `installed`.
    static func configuration(installed: Set<String>) -> String {
        var rules: [XMLTag] = [XMLTag("include", [("ignore_missing", "yes")], text: "/etc/fonts/fonts.conf")]
        for role in FontRole.allCases where !installed.contains(role.officeName) {
            var edits = [XMLTag("edit", [("name", "family"), ("mode", "assign"), ("binding", "strong")],
                                [XMLTag("string", text: role.fallback)])]
            if role.fallbackIsBold {
                edits.append(XMLTag("edit", [("name", "weight"), ("mode", "assign")], [XMLTag("const", text: "bold")]))
            }
            rules.append(XMLTag("match", [("target", "pattern")],
                                [XMLTag("test", [("name", "family")], [XMLTag("string", text: role.officeName)])] + edits))
        }
        return "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n" + XMLTag("fontconfig", [], rules).xml + "\n"
    }

    /// The font families installed on this machine (`fc-list : family`); empty when fontconfig's
    /// tools are missing, which only means every fallback is configured.
    static func installedFamilies() -> Set<String> {
        guard let fcList = Executable.find("fc-list") else { return [] }
        let output = NSTemporaryDirectory() + "huiwu-fc-\(UUID().uuidString)"
        defer { unlink(output) }
        guard (try? Executable.run(fcList, [":", "family"], output: .file(output), timeout: 30)) == 0,
              let text = try? String(contentsOfFile: output, encoding: .utf8) else { return [] }
        return Set(text.split(separator: "\n").flatMap { $0.split(separator: ",").map { String($0) } })
    }
}
