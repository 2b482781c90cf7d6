import Testing
@testable import MeetingKit

@Suite("Identity and permissions")
struct AccessPolicyTests {
    let admin = Person(login: "root", name: "root", role: .admin, isAdmin: true)
    let secretary = Person(login: "lijing", name: "李静", role: .secretary, departmentCode: "ZFB")
    let mayor = Person(login: "zhoulixin", name: "周立新", role: .mayor)
    let head = Person(login: "xuwenbo", name: "许文博", role: .departmentHead, departmentCode: "JW")
    let retired = Person(login: "old", name: "老李", role: .viceMayor, isRetired: true)

    var policy: AccessPolicy { AccessPolicy(org: OrgChart(people: [admin, secretary, mayor, head, retired], departments: [])) }

    @Test("only administrators may act as someone else")
    func actAs() {
        #expect(policy.refusal(for: .actAs(mayor), by: Actor(osUser: "root", person: admin)) == nil)
        #expect(policy.refusal(for: .actAs(mayor), by: Actor(osUser: "lijing", person: secretary))?.code == "identity.asNotAdmin")
        #expect(policy.refusal(for: .actAs(retired), by: Actor(osUser: "root", person: admin))?.code == "identity.retired")
    }

    @Test("secretaries record on a leader's behalf; department heads may not")
    func onBehalf() {
        #expect(policy.refusal(for: .recordOnBehalfOf(mayor), by: Actor(osUser: "lijing", person: secretary)) == nil)
        #expect(policy.refusal(for: .recordOnBehalfOf(mayor), by: Actor(osUser: "xuwenbo", person: head))?.code == "identity.onBehalfNotSecretary")
    }

    @Test("the principal of an on-behalf action is the leader")
    func principal() {
        let actor = Actor(osUser: "lijing", person: secretary, onBehalfOf: mayor)
        #expect(actor.principal == mayor)
        #expect(actor.displayName(.zh) == "李静 代 周立新")
    }

    @Test("retired people cannot act at all")
    func retiredActor() {
        #expect(policy.refusal(for: .readAuditLog, by: Actor(osUser: "old", person: retired))?.code == "identity.retired")
    }

    @Test("the language comes from --lang, else the locale, else Chinese")
    func language() {
        #expect(Lang.resolve(option: "en", environment: [:]) == .en)
        #expect(Lang.resolve(option: nil, environment: ["LANG": "en_US.UTF-8"]) == .en)
        #expect(Lang.resolve(option: nil, environment: ["LANG": "C.UTF-8"]) == .zh)
        #expect(Lang.resolve(option: nil, environment: ["LANG": "zh_CN.UTF-8"]) == .zh)
    }
}
