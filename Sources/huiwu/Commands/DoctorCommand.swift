import ArgumentParser
import MeetingKit
import MeetingService
import MeetingStore

struct DoctorCommand: HuiwuCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check permissions, schema, integrity, WAL mode and the audit chain, and print fixes. 体检数据库。")

    @OptionGroup var global: GlobalOptions

    func run(_ context: CommandContext) throws {
        let checks: [StoreDoctor.Check]
        switch context.location {
        case .server: checks = try context.office().doctor()
        case .embedded(let path): checks = Office.doctor(database: path)
        }
        context.output.emit(checks) {
            checks.map { check in
                var line = (check.ok ? "ok    " : "FAIL  ") + check.detail.text(context.lang)
                if let fix = check.fix { line += "\n      → " + fix.text(context.lang) }
                return line
            }.joined(separator: "\n")
        }
        if checks.contains(where: { !$0.ok }) { throw ExitCode(1) }
    }
}
