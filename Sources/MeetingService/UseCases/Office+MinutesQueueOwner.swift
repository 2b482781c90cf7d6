import MeetingKit
import MeetingStore

extension Office {
    /// Whose minutes queue "my queue" means (`huiwu minutes queue` without `--for`): a
    /// government leader's own, where documents wait for his review or signature (R43, R44);
    /// for anyone else, the mayor's signature queue, which the office tracks (R46).
    public func minutesQueueOwner() throws -> String? {
        let me = actor.principal
        if [.mayor, .executiveViceMayor, .viceMayor].contains(me.role) { return me.login }
        return try orgChart().holder(of: .mayor)?.login
    }
}
