import Foundation
import MeetingDocuments
import MeetingKit

/// The user's own editor from `$VISUAL` or `$EDITOR`, run on a private temporary file the way
/// mutt and git do: `sh -c '$EDITOR "$1"' sh FILE`, so a command with options works too.
public struct ExternalEditor: Sendable {
    public let command: String
    let temporaryDirectory: String

    /// The editor the environment names (`VISUAL` first), or nil for the built-in editor.
    public static func resolve(_ environment: [String: String]) -> ExternalEditor? {
        for key in ["VISUAL", "EDITOR"] {
            if let value = environment[key]?.trimmingCharacters(in: .whitespaces), !value.isEmpty {
                var dir = environment["TMPDIR"] ?? NSTemporaryDirectory()
                if dir.isEmpty { dir = "/tmp" }
                return ExternalEditor(command: value, temporaryDirectory: dir)
            }
        }
        return nil
    }

    /// Outcome of one editing session.
    public enum Outcome: Equatable {
        case changed(String)
        case unchanged
        case failed(Localized)
    }

    /// Writes `text` to a file only the user can read (minutes may be classified, R48), runs the
    /// editor on it, reads it back and removes it.
    public func edit(_ text: String, name: String) -> Outcome {
        var template = Array((temporaryDirectory + "/huiwu-\(name)-XXXXXX.txt").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, 4) }
        guard fd >= 0 else {
            return .failed(Localized(zh: "无法创建临时文件：\(String(cString: strerror(errno)))",
                                     en: "cannot create a temporary file: \(String(cString: strerror(errno)))"))
        }
        let path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        defer { unlink(path) }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        handle.write(Data(text.utf8))
        try? handle.close()

        let status: Int32
        do {
            status = try Executable.run("/bin/sh", ["-c", command + " \"$1\"", "sh", path], output: .terminal)
        } catch {
            return .failed(Localized(zh: "无法启动编辑器 \(command)", en: "cannot start the editor \(command)"))
        }
        guard status == 0 else {
            return .failed(Localized(zh: "编辑器 \(command) 异常退出（\(status)），未保存",
                                     en: "the editor \(command) failed (\(status)); nothing saved"))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failed(Localized(zh: "编辑后的文件不见了，未保存", en: "the edited file is gone; nothing saved"))
        }
        guard let edited = String(data: data, encoding: .utf8) else {
            return .failed(Localized(zh: "编辑后的文件不是 UTF-8 文本，未保存", en: "the edited file is not UTF-8 text; nothing saved"))
        }
        return edited == text ? .unchanged : .changed(edited)
    }
}
