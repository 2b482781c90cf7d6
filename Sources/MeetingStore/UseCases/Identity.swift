import MeetingKit

/// Who is acting: the OS login of the real user, optionally an administrator's `--as`
/// target, optionally a leader a secretary records for (`--on-behalf-of`).
enum Identity {
    static func resolve(_ db: any SQLConnection, osUser: String, asLogin: String?, onBehalfOf: String?) throws -> Actor {
        let org = try OrgRepository.load(db)
        let policy = AccessPolicy(org: org)
        guard let me = org.person(osUser) else { throw unknownLogin(osUser, isSelf: true) }
        var actor = Actor(osUser: osUser, person: me)
        if let asLogin, asLogin != osUser {
            guard let target = org.person(asLogin) else { throw unknownLogin(asLogin, isSelf: false) }
            try policy.require(.actAs(target), by: actor)
            actor = Actor(osUser: osUser, person: target)
        }
        if let onBehalfOf {
            guard let leader = org.person(onBehalfOf) else { throw unknownLogin(onBehalfOf, isSelf: false) }
            try policy.require(.recordOnBehalfOf(leader), by: actor)
            actor = Actor(osUser: osUser, person: actor.person, onBehalfOf: leader)
        }
        if let refusal = policy.refusal(for: .readAuditLog, by: actor) { throw refusal }  // retired people stop here
        return actor
    }

    static func unknownLogin(_ login: String, isSelf: Bool) -> Refusal {
        let safe = TextSafety.inert(login)
        if isSelf {
            return .notFound("identity.unknownLogin",
                             "登录名 “\(safe)” 不在本办公室的人员名单中。请管理员添加：huiwu people add --login \(safe) --name 姓名 --role 角色",
                             "the login '\(safe)' is not in this office's people. An administrator can add it: huiwu people add --login \(safe) --name NAME --role ROLE")
        }
        return RefusalCatalog.unknownPerson(login)
    }
}
