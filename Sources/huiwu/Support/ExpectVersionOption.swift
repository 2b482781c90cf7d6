import ArgumentParser

/// `--expect-version N`: optimistic locking from the command line (docs/reliability.md).
///
/// Every shared record (meeting, item, leave request, minutes, person, department) carries a
/// version that each change increments; `show --json` prints it. A script that read version
/// N and then changes the record states N, and is refused with "changed by X at T, reload"
/// when someone else changed it in between, instead of overwriting their change.
struct ExpectVersionOption: ParsableArguments {
    @Option(help: ArgumentHelp("The version you read (show --json); refused if the record changed since. 你读取的版本号；记录已被他人修改时拒绝。",
                               valueName: "n"))
    var expectVersion: Int?

    func validate() throws {
        if let expectVersion, expectVersion < 1 { throw ValidationError("--expect-version must be 1 or more (got \(expectVersion))") }
    }
}
