import Testing
@testable import MeetingKit

@Suite("Audit hash chain")
struct AuditChainTests {
    /// A stand-in keyed MAC: the chain logic must work with any MAC, and a chain sealed with
    /// one must not verify with another (the store's key is HMAC-SHA256).
    static let mac: AuditMAC = { AuditChain.plainSHA256("key-1" + $0) }

    func chain(_ n: Int) -> [AuditEvent] {
        var events: [AuditEvent] = []
        var prev = AuditEvent.genesisHash
        for i in 1...n {
            let e = AuditEvent(seq: Int64(i), at: "2026-03-02T09:00:0\(i % 10)+08:00", osUser: "root", actor: "lijing",
                               onBehalfOf: i == 2 ? "zhoulixin" : nil, action: "meeting.create", entity: "meeting",
                               entityId: String(i), before: "", after: "{\"n\":\(i)}", prevHash: prev).sealed(with: Self.mac)
            prev = e.hash
            events.append(e)
        }
        return events
    }

    @Test("an untouched chain verifies")
    func intact() { #expect(AuditChain.firstBreak(in: chain(5), mac: Self.mac) == nil) }

    @Test("an altered field is found at its event")
    func altered() {
        var events = chain(5)
        events[2].after = "{\"n\":99}"
        #expect(AuditChain.firstBreak(in: events, mac: Self.mac) == .alteredEvent(seq: 3))
    }

    @Test("a re-sealed altered event breaks the next link")
    func resealed() {
        var events = chain(5)
        events[2].actor = "someone"
        events[2] = events[2].sealed(with: Self.mac)
        #expect(AuditChain.firstBreak(in: events, mac: Self.mac) == .brokenLink(seq: 4))
    }

    @Test("a deleted event leaves a gap")
    func deleted() {
        var events = chain(5)
        events.remove(at: 1)
        #expect(AuditChain.firstBreak(in: events, mac: Self.mac) == .gap(afterSeq: 1, nextSeq: 3))
    }

    @Test("a chain sealed with another MAC (plain SHA-256, another key) fails at its first event")
    func otherMAC() {
        let events = chain(3)
        #expect(AuditChain.firstBreak(in: events, mac: AuditChain.plainSHA256) == .alteredEvent(seq: 1))
        #expect(AuditChain.firstBreak(in: events, mac: { AuditChain.plainSHA256("key-2" + $0) }) == .alteredEvent(seq: 1))
    }

    @Test("verification continues from a previous batch")
    func batches() {
        let events = chain(6)
        #expect(AuditChain.firstBreak(in: events[3...], after: events[2], mac: Self.mac) == nil)
    }
}
