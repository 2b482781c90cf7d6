import ArgumentParser

/// The leave request a decision acts on: its id, and the version the caller read (optimistic locking).
struct LeaveStepTarget: ParsableArguments {
    @Argument(help: "Leave request id. 请假申请编号。") var id: Int64
    @OptionGroup var version: ExpectVersionOption

    var expectVersion: Int? { version.expectVersion }
}
