import Foundation
import Testing

/// Text snapshots: a screen rendered into the in-memory buffer, compared with a file in
/// the test target's `__Snapshots__` folder. A missing file is written and the test fails
/// so that the new snapshot is looked at before it is committed; `SNAPSHOT_RECORD=1`
/// rewrites existing ones after an intended change.
public enum Snapshot {
    public static func assert(_ text: String, named name: String, filePath: String = #filePath,
                              sourceLocation: SourceLocation = #_sourceLocation) {
        let dir = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__")
        let file = dir.appendingPathComponent(name + ".txt")
        let actual = text + "\n"
        let record = ProcessInfo.processInfo.environment["SNAPSHOT_RECORD"] == "1"
        guard !record, let expected = try? String(contentsOf: file, encoding: .utf8) else {
            try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try? actual.write(to: file, atomically: true, encoding: .utf8)
            Issue.record("snapshot \(name) recorded at \(file.path); check it and run again", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            Issue.record("snapshot \(name) differs from \(file.path):\n--- expected\n\(expected)--- actual\n\(actual)", sourceLocation: sourceLocation)
        }
    }
}
