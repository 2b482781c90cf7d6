/// The leave report (请假汇总报告) the office compiles for the mayor (R42), with the names the
/// printed report needs.
public struct LeaveReportPaper: Hashable, Sendable, Codable {
    /// 北京市西城区人民政府.
    public var issuer: String
    /// The office that compiles it.
    public var office: String
    public var report: LeaveReport

    public init(issuer: String, office: String, report: LeaveReport) {
        self.issuer = issuer
        self.office = office
        self.report = report
    }
}
