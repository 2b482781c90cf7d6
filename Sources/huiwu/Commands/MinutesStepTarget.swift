import ArgumentParser

/// The minutes a step acts on: their id, and the version the caller read (optimistic locking).
struct MinutesStepTarget: ParsableArguments {
    @Argument(help: "Minutes id. 纪要编号。") var id: Int64
    @OptionGroup var version: ExpectVersionOption

    var expectVersion: Int? { version.expectVersion }
}
