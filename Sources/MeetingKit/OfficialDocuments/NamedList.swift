/// A label and the names after it, as documents print them: 出席：周立新、陈海峰 ….
public struct NamedList: Hashable, Sendable, Codable {
    /// 出席, 请假, 缺席, 列席, 邀请, 分送, 抄送.
    public var label: String
    public var names: String

    public init(_ label: String, _ names: String) {
        self.label = label
        self.names = names
    }
}
