import Foundation
import MeetingKit

/// The raw bytes of the command line, checked before the argument parser sees them.
///
/// Swift decodes `argv` with repair: an invalid UTF-8 byte (a GBK file name pasted into a
/// UTF-8 terminal, a mangled title) silently becomes U+FFFD "�", which would then be stored
/// in a title or a reason. Huiwu refuses such an argument instead, naming it with the bad
/// bytes shown as `\xFF` escapes, so the user can see and fix it.
enum ArgumentBytes {
    /// The first argument (1-based, after the program name) that is not valid UTF-8, shown
    /// with its invalid bytes escaped; nil when every argument is valid.
    static func firstInvalid(_ argv: [[UInt8]]) -> (index: Int, shown: String)? {
        for (index, bytes) in argv.enumerated().dropFirst() where String(validating: bytes, as: UTF8.self) == nil {
            return (index, escaped(bytes))
        }
        return nil
    }

    /// The process's arguments as bytes, exactly as the kernel passed them.
    static func commandLine() -> [[UInt8]] {
        (0..<Int(CommandLine.argc)).map { i in
            guard let pointer = CommandLine.unsafeArgv[i] else { return [] }
            return Array(UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: strlen(pointer)))
        }
    }

    /// The valid parts as text, each invalid byte as `\xHH` (inert, one line).
    static func escaped(_ bytes: [UInt8]) -> String {
        var text = String.UnicodeScalarView()
        var shown = ""
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var position = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                text.append(Unicode.UTF8.decode(encoded))
                position += encoded.count
            case .error(let length):
                shown += TextSafety.inert(String(text))
                text = String.UnicodeScalarView()
                for byte in bytes[position..<position + length] { shown += String(format: "\\x%02X", byte) }
                position += length
            case .emptyInput:
                return shown + TextSafety.inert(String(text))
            }
        }
    }

    /// The refusal for argument `index`.
    static func refusal(index: Int, shown: String) -> Refusal {
        Refusal.invalid("input.argumentNotUTF8",
                        "第 \(index) 个参数不是有效的 UTF-8 文本：\(shown)（请检查终端编码是否为 UTF-8；GBK 文本可用 iconv -f GBK -t UTF-8 转换）",
                        "argument \(index) is not valid UTF-8 text: \(shown) (is the terminal's encoding UTF-8? convert GBK text with iconv -f GBK -t UTF-8)")
    }
}
