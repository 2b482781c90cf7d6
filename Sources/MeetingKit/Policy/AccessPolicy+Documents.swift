/// Who may attach files to agenda items and minutes (R41, R43).
extension AccessPolicy {
    /// An item's papers come from its departments and the office: the heads of its lead and
    /// related departments, the supervising vice mayor, office staff and administrators.
    /// Minutes take files while they are being drafted and reviewed, from the drafter and the
    /// office; signed minutes are immutable and take none (R43).
    func refusalToAttach(to target: AttachmentTarget, by actor: Actor) -> Refusal? {
        let p = actor.principal
        let office = p.isAdmin || p.role == .secretary || p.role == .officeDirector
        switch target {
        case .item(let item):
            if office { return nil }
            let departments = [item.leadCode] + item.relatedCodes
            if departments.contains(where: { org.department($0)?.headLogin == p.login }) { return nil }
            if org.department(item.leadCode)?.supervisorLogin == p.login { return nil }
            return .forbidden("attachment.notItemParty",
                              "议题材料由主办、相关部门负责人，分管副区长或区政府办公室添加（\(p.name)不是）",
                              "an item's papers are attached by the heads of its lead and related departments, its vice mayor or the office (\(p.name) is none of them)")
        case .minutes(let minutes):
            if minutes.state == .signed {
                return .rule("R43", "attachment.minutesSigned",
                             "纪要已签发，不可更改，不能再添加附件；请附在更正件上",
                             "the minutes are signed and immutable: no attachment can be added; attach it to a correction")
            }
            if office || p.login == minutes.drafterLogin { return nil }
            return .forbidden("attachment.notMinutesDrafter", "纪要附件由起草人或区政府办公室添加（\(p.name)不是）",
                              "attachments to minutes are added by their drafter or the office (\(p.name) is neither)")
        }
    }
}

/// What a file is being attached to, as the policy sees it.
public enum AttachmentTarget: Hashable, Sendable {
    case item(AgendaItem)
    case minutes(Minutes)
}
