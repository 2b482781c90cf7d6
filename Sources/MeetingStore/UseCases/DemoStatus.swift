import MeetingKit

/// The demo office's records, as `huiwu init` seeds them: when, and whom to try it as.
public struct DemoStatus: Codable, Sendable, Hashable {
    /// The day the demo was dated from (its meetings are this day's week and around it).
    public var seededOn: Day
    /// The audit event that ended the seeding: later events are the office's own work.
    public var lastSeq: Int64
    /// The backup of the office taken just before the demo was seeded (what removal restores).
    public var backupPath: String
    /// The roles to try, each with the work waiting on their home screen.
    public var roles: [DemoRole]
}

/// One person of the demo and what they find on their home screen.
public struct DemoRole: Codable, Sendable, Hashable {
    public var login: String
    public var title: Localized
    public var what: Localized

    /// The roles the "who are you?" chooser offers, in this order.
    public static let all: [DemoRole] = [
        DemoRole(login: "lijing", title: Localized(zh: "秘书", en: "Secretary"),
                 what: Localized(zh: "受理议题、安排上会、发通知、签到、起草纪要", en: "accept items, place them, notices, sign-in, minutes")),
        DemoRole(login: "zhoulixin", title: Localized(zh: "区长", en: "Mayor"),
                 what: Localized(zh: "签发纪要、批准会议和副区长请假", en: "sign minutes, approve meetings and vice mayors' leave")),
        DemoRole(login: "wangxiaoyan", title: Localized(zh: "副区长", en: "Vice mayor"),
                 what: Localized(zh: "协调分歧、审核同意议题、审核纪要", en: "coordinate, approve items, review minutes")),
        DemoRole(login: "yangwentao", title: Localized(zh: "办公室主任", en: "Office director"),
                 what: Localized(zh: "批准部门负责人请假、审核纪要（R47）", en: "approve heads' leave, check minutes (R47)")),
        DemoRole(login: "xuwenbo", title: Localized(zh: "部门负责人", en: "Department head"),
                 what: Localized(zh: "起草和提交议题、提出意见、报告督办", en: "draft and submit items, opinions, follow-up reports")),
    ]
}

/// What `huiwu demo seed` (and `huiwu init`) made.
public struct DemoReport: Codable, Sendable, Hashable {
    public var status: DemoStatus
    public var meetings: Int
    public var items: Int
    public var minutes: Int
    public var leave: Int
}

/// What `huiwu demo remove` did: the office as it was before the demo, the demo kept aside.
public struct DemoRemoval: Codable, Sendable, Hashable {
    /// Where the office with the demo was kept (a file's); empty on PostgreSQL, where the
    /// demo's rows are deleted instead.
    public var keptAt: String
    public var restoredFrom: String
}
