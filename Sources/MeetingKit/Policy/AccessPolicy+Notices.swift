/// Meeting notices and their receipts: who may answer for a unit.
extension AccessPolicy {
    /// The person answers their own receipt; a colleague of the same unit may answer for the
    /// unit (the unit's office usually does); office staff record an answer given by telephone.
    func refusalToAnswerReceipt(for person: Person, by actor: Actor) -> Refusal? {
        let me = actor.principal
        if me.login == person.login || AccessPolicy.isOfficeStaff(actor.person) { return nil }
        if let unit = person.departmentCode, me.departmentCode == unit { return nil }
        return .forbidden("receipt.notYourUnit",
                          "只能签收本人或本单位的会议通知（\(me.name) 不属于 \(person.name) 所在单位）",
                          "you may answer only your own or your unit's notice (\(me.name) is not in \(person.name)'s unit)")
    }
}
