import Foundation
import HuiwuTestSupport
import MeetingKit
import MeetingStore
import MeetingTUI
import Testing

/// Issue 18: errors in the interface pointed to command lines (`huiwu minutes set ID
/// --disclosure …`, `--on-behalf-of`) instead of the key. Every refusal the interface can show
/// names a key, or what to do on screen, never a flag or a command.
@Suite("Refusals name keys in the interface, never command lines")
struct RemedyKeysTests {
    /// The codes of the refusals written in the sources (outside the catalog, whose remedies
    /// name their keys already) whose message names a flag or a `huiwu` command.
    static func codesNamingTheCommandLine() throws -> [String: String] {
        let code = try Regex(#""([a-z][a-zA-Z]*\.[a-z][a-zA-Z]*)""#)
        let cli = try Regex(#"--[a-z]|huiwu [a-z]"#)
        var found: [String: String] = [:]
        for folder in ["MeetingKit", "MeetingStore", "MeetingService", "MeetingDocuments"] {
            let root = TestOffice.packageRoot + "/Sources/" + folder
            let files = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
            for file in files where !file.hasSuffix("RefusalCatalog.swift") {
                let text = try String(contentsOfFile: root + "/" + file, encoding: .utf8)
                let matches = text.matches(of: code)
                for (i, match) in matches.enumerated() {
                    // The message follows its code, up to the next code or the end of the block.
                    let end = i + 1 < matches.count ? matches[i + 1].range.lowerBound : text.endIndex
                    var message = String(text[match.range.upperBound..<end].prefix(700))
                    if let block = message.range(of: "\n        }") { message = String(message[..<block.lowerBound]) }
                    if message.contains(cli) { found[String(match.output[1].substring ?? ""), default: file] = file }
                }
            }
        }
        return found
    }

    @Test("every refusal whose message names a flag or a command has an interface hint, or is one the interface never shows")
    func everyCommandLineRefusalIsCovered() throws {
        let found = try RemedyKeysTests.codesNamingTheCommandLine()
        #expect(found.count >= 15, "the scan finds the refusals: \(found.keys.sorted())")
        for (code, file) in found.sorted(by: { $0.key < $1.key }) {
            #expect(InterfaceHint.byCode[code] != nil || InterfaceHint.outsideTheInterface.contains(code),
                    "\(code) (\(file)) names the command line and has no interface hint")
        }
        // The leave refusal builds its message in pieces, after its code: listed by hand.
        #expect(InterfaceHint.byCode["leave.wrongApprover"] != nil)
        // Every remedy of the catalog names a key.
        for action in Remedy.Action.allCases {
            #expect(!action.keyHint.zh.contains("huiwu") && !action.keyHint.en.contains("--"))
        }
    }

    @Test("the hints replace the flag in each shape a message writes it", arguments: [Lang.zh, .en])
    func shapes(lang: Lang) {
        let samples: [Refusal] = [
            .rule("R41", "item.notRelatedHead", "教委的意见由其主要负责人许文博提出，或由办公室工作人员代录（--on-behalf-of xuwenbo）",
                  "the opinion of JW is given by its head, or recorded by a secretary on their behalf (--on-behalf-of xuwenbo)"),
            .rule("R45(3)", "item.statementNotLead", "分歧说明和办理建议由主办部门提出（主要负责人许文博，或代录：--on-behalf-of xuwenbo），不由分管副区长提出",
                  "the statement comes from the lead department (its head, or recorded on their behalf: --on-behalf-of xuwenbo), not from the vice mayor"),
            .rule("R42", "leave.wrongApprover", "王晓燕的请假由区长审批，李静（lijing）不能审批。代录请加 --on-behalf-of zhoulixin",
                  "the mayor decides; 李静 (lijing) may not decide it. To record the decision for them, add --on-behalf-of zhoulixin"),
            .invalid("attendance.lateMinutesMissing", "迟到须注明分钟数（--late-minutes）", "late needs the minutes (--late-minutes)"),
            .rule("R39", "item.noExecutiveCategory", "提交常务会议的议题须注明常务会议任务类别（一）至（六）（item add --category 1..6）",
                  "an item for an executive meeting must name its task category (1)-(6) (item add --category 1..6)"),
            .forbidden("identity.asNotAdmin", "只有系统管理员可以使用 --as 以他人身份操作（lijing 不是管理员）",
                       "only an administrator may act as someone else with --as (lijing is not one)"),
        ]
        for refusal in samples {
            let text = refusal.interfaceText(lang)
            #expect(!text.contains("--") && !text.contains("huiwu "), "\(refusal.code): \(text)")
            let hint = refusal.code == "identity.asNotAdmin" ? "@" : InterfaceHint.byCode[refusal.code]!.text(lang)
            #expect(text.contains(hint), "\(refusal.code): \(text)")
            if let article = refusal.article { #expect(text.hasPrefix(article + ": ")) }
        }
        // The rest of the message stays: what the rule says, and who decides.
        #expect(samples[2].interfaceText(lang).contains(lang == .zh ? "不能审批" : "may not decide it"))
    }

    @Test("a secretary approving leave that is the mayor's to decide reads which key the mayor presses, not a flag (R42)")
    func leaveThroughTheScreen() throws {
        let office = try TestOffice(now: "2026-03-11T09:00")
        try office.session().seedDemo()
        var ui = ScreenHarness(session: try office.session("lijing"), rows: 40, columns: 200)
        ui.press(.char("3"))  // the secretary's queue is shown first
        ui.press(.char("a"), .char("y"))
        #expect(ui.text.contains("R42"), "\(ui.text)")
        #expect(ui.text.contains("按 a 审批"), "\(ui.text)")
        #expect(!ui.text.contains("--on-behalf-of"))
    }

    @Test("the interface's own texts name no command, except where the help explains starting with --as and the administrator's demo commands")
    func screensNameKeys() throws {
        let command = try Regex(#""[^"\n]*huiwu [a-z-]+[^"\n]*""#)
        // The help and the first-start chooser explain `--as`, `demo remove` and `init --empty`
        // (issue 18 asks them to); `:` takes the subcommands' names. Nothing else names a command.
        let explaining: Set<String> = ["HelpScreen.swift", "IdentityScreen.swift", "Verb.swift"]
        let root = TestOffice.packageRoot + "/Sources/MeetingTUI"
        let files = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        #expect(files.count > 30)
        for file in files where !explaining.contains((file as NSString).lastPathComponent) {
            let text = try String(contentsOfFile: root + "/" + file, encoding: .utf8)
            let code = text.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("//") }.joined(separator: "\n")
            for match in code.matches(of: command) {
                Issue.record("\(file) names a command: \(code[match.range])")
            }
        }
    }

    @Test("a storage failure met in the interface, and a due day counted without holiday data, say whose task it is instead of a command",
          arguments: [Lang.zh, .en])
    func administratorsTasks(lang: Lang) {
        let io = Refusal(.storage, code: "store.ioError", Localized(
            zh: "读写 /srv/huiwu.sqlite 时磁盘出错，未写入任何内容；请检查磁盘后运行 huiwu doctor",
            en: "the disk failed while reading or writing /srv/huiwu.sqlite; nothing was written. Check the disk, then run huiwu doctor"))
        let damaged = Refusal(.storage, code: "store.corrupt", Localized(
            zh: "/srv/huiwu.sqlite 已损坏（页损坏），未作任何修改。请用 huiwu restore 从备份恢复",
            en: "/srv/huiwu.sqlite is damaged (bad page); it was not modified. Restore a backup with huiwu restore"))
        for refusal in [io, damaged] {
            let text = refusal.interfaceText(lang)
            #expect(!text.contains("huiwu "), "\(text)")
            #expect(text.contains(lang == .zh ? "系统管理员" : "administrator"), "\(text)")
            #expect(text.contains("/srv/huiwu.sqlite"), "what happened stays: \(text)")
        }
        guard let warning = HolidayCalendar().estimateWarning(since: Day(iso: "2027-03-01")!, due: Day(iso: "2027-03-08")!) else {
            Issue.record("a year without data gives a warning")
            return
        }
        #expect(warning.text(lang).contains("huiwu holidays import"), "the command line keeps its command")
        let shown = InterfaceHint.dueWarning(warning, lang)
        #expect(!shown.contains("huiwu") && shown.contains("2027") && shown.contains(lang == .zh ? "命令行" : "command line"), "\(shown)")
    }
}
