import ArgumentParser

/// The item a step acts on: its id, and the version the caller read (optimistic locking).
struct ItemStepTarget: ParsableArguments {
    @Argument(help: "Item id. 议题编号。") var id: Int64
    @OptionGroup var version: ExpectVersionOption

    var expectVersion: Int? { version.expectVersion }
}
