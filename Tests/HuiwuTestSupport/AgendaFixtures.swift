import MeetingKit
import MeetingStore

/// Items at a point of their way to a meeting, for the agenda tests.
public enum AgendaFixtures {
    /// An item of the education commission that the health commission disagreed with and whose
    /// coordination by the vice mayor failed: it waits for the lead department's statement (R45(3)).
    public static func failedCoordination(_ office: TestOffice, note: String? = nil) throws -> AgendaItem {
        let id = try office.session("lijing").addItem(title: "关于课后服务经费的议题", lead: "JW", related: ["WJW"]).id!
        try office.session("xuwenbo").submitItem(id)
        try office.session("handongmei").giveOpinion(id, department: "WJW", stance: .disagree, reason: "经费来源不明")
        return try office.session("wangxiaoyan").coordinateItem(id, .unresolved, note: note)
    }
}
