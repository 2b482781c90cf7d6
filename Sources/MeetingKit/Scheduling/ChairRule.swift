/// Who chairs each kind of meeting (R38–R40) and when the chair passes to the executive
/// vice mayor (R39 entrusted, R7 the mayor away from Beijing).
public enum ChairRule {
    /// Nil when `chair` may chair a meeting of `kind`: the plenary only the mayor (R38), the
    /// executive meeting the mayor or the executive vice mayor (R39), a topical meeting the
    /// mayor or a vice mayor (R40).
    public static func refusal(chair: Person, kind: MeetingKind) -> Refusal? {
        if chair.isRetired {
            return .forbidden("identity.retired", "\(chair.name)（\(chair.login)）已退出", "\(chair.name) (\(chair.login)) is retired")
        }
        switch kind {
        case .plenary where chair.role != .mayor:
            return .rule("R38", "meeting.chairNotMayor", "区政府全体会议由区长召集和主持，\(chair.name) 不能主持",
                         "the plenary meeting is convened and chaired by the mayor; \(chair.name) cannot chair it")
        case .executive where chair.role != .mayor && chair.role != .executiveViceMayor:
            return .rule("R39", "meeting.chairNotMayorOrEVM", "区政府常务会议由区长或受区长委托的常务副区长主持，\(chair.name) 不能主持",
                         "the executive meeting is chaired by the mayor or the executive vice mayor he entrusts; \(chair.name) cannot chair it")
        case .topical where chair.role != .mayor && !chair.role.supervisesPortfolio:
            return .rule("R40", "meeting.chairNotLeader", "专题会议由区长或副区长召集和主持，\(chair.name) 不能主持",
                         "a topical meeting is convened and chaired by the mayor or a vice mayor; \(chair.name) cannot chair it")
        default:
            return nil
        }
    }

    /// The chair of a meeting on `day`. An executive meeting the mayor would chair passes to
    /// the executive vice mayor when the mayor has a registered absence that day (R7);
    /// naming the executive vice mayor means the mayor entrusted him (R39).
    public static func resolve(kind: MeetingKind, requested: String?, convener: String, day: Day,
                               org: OrgChart, absences: [Absence]) -> (chair: String, delegation: ChairDelegation?) {
        let mayor = org.holder(of: .mayor)
        let evm = org.holder(of: .executiveViceMayor)
        switch kind {
        case .plenary:
            return (requested ?? mayor?.login ?? convener, nil)
        case .executive:
            if let evm, requested == evm.login { return (evm.login, .entrusted) }
            if let mayor, requested == nil || requested == mayor.login {
                if let evm, mayorAway(on: day, mayor: mayor.login, absences: absences) != nil { return (evm.login, .mayorAway) }
                return (mayor.login, nil)
            }
            return (requested ?? convener, nil)
        case .topical:
            return (requested ?? convener, nil)
        }
    }

    /// Nil when `actor` may have the executive vice mayor chair an executive meeting on
    /// `day`: the mayor entrusts him (R39), in person or recorded on his behalf, or the
    /// mayor is registered as away from Beijing that day (R7). Office staff cannot assert it.
    public static func entrustmentRefusal(day: Day, org: OrgChart, absences: [Absence], by actor: Actor) -> Refusal? {
        if let mayor = org.holder(of: .mayor), mayorAway(on: day, mayor: mayor.login, absences: absences) != nil { return nil }
        return AccessPolicy(org: org).refusal(for: .entrustChair, by: actor)
    }

    /// The mayor's registered absence covering `day`, if any.
    public static func mayorAway(on day: Day, mayor: String, absences: [Absence]) -> Absence? {
        absences.first { $0.personLogin == mayor && $0.isRegistered && $0.covers(day) }
    }
}
