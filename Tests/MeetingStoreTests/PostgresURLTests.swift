import MeetingKit
@testable import MeetingStore
import Testing

/// `--db postgresql://…` read the way libpq reads it.
@Suite("PostgreSQL URLs")
struct PostgresURLTests {
    @Test("no host means the default socket directory, the OS user and a database of the same name")
    func defaults() throws {
        let url = try PostgresURL("postgresql:///huiwu", osUser: "huiwu")
        #expect(url.endpoints == [.init(host: "/var/run/postgresql", port: 5432)])
        #expect(url.endpoints[0].socketPath == "/var/run/postgresql/.s.PGSQL.5432")
        #expect(url.user == "huiwu" && url.database == "huiwu" && !url.requiresWritable)
        #expect(try PostgresURL("postgres://", osUser: "lijing").database == "lijing")
    }

    @Test("a socket directory and port as parameters")
    func socket() throws {
        let url = try PostgresURL("postgresql://svc@/office?host=/run/huiwu-pg&port=6543", osUser: "root")
        #expect(url.endpoints.map(\.socketPath) == ["/run/huiwu-pg/.s.PGSQL.6543"])
        #expect(url.user == "svc" && url.database == "office")
    }

    @Test("several hosts are tried in order, and read-write skips a standby")
    func multiHost() throws {
        let url = try PostgresURL("postgresql://huiwu:s%40cret@db1.city:5433,db2.city/huiwu?target_session_attrs=read-write&connect_timeout=3",
                                  osUser: "root")
        #expect(url.endpoints == [.init(host: "db1.city", port: 5433), .init(host: "db2.city", port: 5432)])
        #expect(url.password == "s@cret" && url.requiresWritable && url.connectTimeout == 3)
        #expect(!url.description.contains("cret"))
    }

    @Test("what Huiwu does not use is refused by name, a password never shown")
    func refused() {
        #expect(throws: Refusal.self) { try PostgresURL("postgresql:///x?sslmode=require", osUser: "root") }
        #expect(throws: Refusal.self) { try PostgresURL("postgresql://a:pw@h:99999/x", osUser: "root") }
        do {
            _ = try PostgresURL("postgresql://a:topsecret@h:0/x", osUser: "root")
        } catch let refusal as Refusal {
            #expect(!refusal.message.en.contains("topsecret"))
        } catch {
            Issue.record("unexpected \(error)")
        }
        #expect(!PostgresURL.isURL("/var/lib/huiwu/huiwu.sqlite"))
    }
}
