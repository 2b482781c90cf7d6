/// The argument parser's usage errors in Chinese (it writes them in English only): the
/// common ones by their shape, the quoted names kept as typed.
enum UsageMessage {
    static func chinese(_ message: String) -> String? {
        func quoted(_ text: Substring) -> [String] {
            text.split(separator: "'", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
        }
        let q = quoted(Substring(message))
        if message.hasPrefix("Unknown option"), let name = q.first { return "未知选项 \(name)" }
        if message.hasPrefix("Missing expected argument"), let name = q.first { return "缺少参数 \(name)" }
        if message.hasPrefix("Unexpected argument"), !q.isEmpty { return "多余的参数 \(q.joined(separator: "、"))" }
        if message.hasPrefix("Missing value for"), let name = q.first { return "选项 \(name) 缺少值" }
        if message.hasPrefix("The value"), q.count >= 2 {
            let reason = message.range(of: ". ").map { String(message[$0.upperBound...]) } ?? ""
            return "选项 \(q[1]) 的值 \(q[0]) 无效" + (reason.isEmpty ? "" : "：\(reason)")
        }
        if message.contains("cannot be used together with"), q.count >= 2 { return "\(q[0]) 不能与 \(q[1]) 同时使用" }
        return nil
    }
}
