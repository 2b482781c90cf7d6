import Foundation
import MeetingKit

/// Sends a file to a CUPS printer with `lp`, when the user's config names one.
public enum LinePrinter {
    /// Prints `path` on `printer`; throws a refusal that says why when `lp` is missing or fails.
    public static func print(_ path: String, printer: String) throws {
        guard let lp = Executable.find("lp") else {
            throw Refusal(.storage, code: "print.noLp", Localized(zh: "未安装打印命令 lp（apt-get install cups-client）",
                                                                  en: "the print command lp is not installed (apt-get install cups-client)"))
        }
        let log = NSTemporaryDirectory() + "huiwu-lp-\(UUID().uuidString)"
        defer { unlink(log) }
        let status = try Executable.run(lp, ["-d", printer, "--", path], output: .file(log), timeout: 60)
        guard status == 0 else {
            let detail = ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            throw Refusal(.storage, code: "print.failed", Localized(zh: "打印失败（\(printer)）：\(detail)", en: "printing on \(printer) failed: \(detail)"))
        }
    }
}
