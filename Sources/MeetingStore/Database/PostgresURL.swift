import Foundation
import MeetingKit

/// A libpq-style connection URL, the way `--db` names an office on PostgreSQL.
///
/// `postgresql://[user[:password]@][host[:port][,host[:port]…]]/database[?param=value&…]`, as
/// `psql` reads it: no host, or a host that is a directory (`?host=/run/postgresql`), means
/// a Unix socket in that directory (`.s.PGSQL.PORT`); several hosts are tried in order
/// (failover), and `target_session_attrs=read-write` skips a server in recovery (a standby).
/// Parameters Huiwu uses: `host`, `port`, `user`, `password`, `dbname`,
/// `target_session_attrs` (`any` or `read-write`), `connect_timeout` (seconds); others are
/// refused by name rather than ignored.
package struct PostgresURL: Hashable, Sendable, CustomStringConvertible {
    /// One server to try: a TCP host and port, or a socket directory and port.
    package struct Endpoint: Hashable, Sendable {
        package var host: String
        package var port: Int
        /// A host starting with `/` is the directory of the server's Unix socket.
        package var socketPath: String? { host.hasPrefix("/") ? host + "/.s.PGSQL.\(port)" : nil }
    }

    package var endpoints: [Endpoint]
    package var user: String
    package var password: String?
    package var database: String
    /// Connect only to a server that accepts writes (libpq's `target_session_attrs=read-write`).
    package var requiresWritable: Bool
    package var connectTimeout: Int

    /// The Debian packages' socket directory, libpq's default when no host is named.
    package static let defaultSocketDirectory = "/var/run/postgresql"

    /// Whether `--db` names a PostgreSQL database rather than a file.
    package static func isURL(_ text: String) -> Bool {
        text.hasPrefix("postgresql://") || text.hasPrefix("postgres://")
    }

    /// Parses `text`; `osUser` is the user when the URL names none (libpq's default).
    package init(_ text: String, osUser: String) throws {
        guard PostgresURL.isURL(text), let schemeEnd = text.range(of: "://") else { throw PostgresURL.invalid(text, "postgresql://…") }
        var rest = String(text[schemeEnd.upperBound...])
        var query = ""
        if let q = rest.firstIndex(of: "?") {
            query = String(rest[rest.index(after: q)...])
            rest = String(rest[..<q])
        }
        var path = ""
        if let slash = rest.firstIndex(of: "/") {
            path = String(rest[rest.index(after: slash)...])
            rest = String(rest[..<slash])
        }
        var userInfo: String?
        if let at = rest.lastIndex(of: "@") {
            userInfo = String(rest[..<at])
            rest = String(rest[rest.index(after: at)...])
        }
        var user = osUser
        var password: String?
        if let userInfo {
            let parts = userInfo.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            user = try PostgresURL.decode(String(parts[0]), in: text)
            if parts.count == 2 { password = try PostgresURL.decode(String(parts[1]), in: text) }
        }
        var hosts: [(String, Int?)] = []
        for item in rest.split(separator: ",", omittingEmptySubsequences: false) where !rest.isEmpty {
            var host = String(item)
            var port: Int?
            if let colon = host.lastIndex(of: ":"), !host.hasSuffix("]") {
                guard let p = Int(host[host.index(after: colon)...]), (1...65535).contains(p) else { throw PostgresURL.invalid(text, "host:port") }
                port = p
                host = String(host[..<colon])
            }
            hosts.append((try PostgresURL.decode(host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")), in: text), port))
        }
        var database = try PostgresURL.decode(path, in: text)
        var requiresWritable = false
        var connectTimeout = 10
        var queryPorts: [Int] = []
        for pair in query.split(separator: "&") where !pair.isEmpty {
            let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = String(kv[0])
            let value = try PostgresURL.decode(kv.count == 2 ? String(kv[1]) : "", in: text)
            switch key {
            case "host": hosts = value.split(separator: ",").map { (String($0), nil) }
            case "port":
                queryPorts = try value.split(separator: ",").map {
                    guard let p = Int($0), (1...65535).contains(p) else { throw PostgresURL.invalid(text, "port=5432") }
                    return p
                }
            case "user": user = value
            case "password": password = value
            case "dbname": database = value
            case "target_session_attrs":
                guard value == "any" || value == "read-write" else { throw PostgresURL.invalid(text, "target_session_attrs=read-write") }
                requiresWritable = value == "read-write"
            case "connect_timeout":
                guard let seconds = Int(value), seconds > 0 else { throw PostgresURL.invalid(text, "connect_timeout=10") }
                connectTimeout = seconds
            default:
                throw Refusal(.invalidInput, code: "postgres.urlParameter", Localized(
                    zh: "PostgreSQL 地址中的参数 \(key) 不受支持（支持 host、port、user、password、dbname、target_session_attrs、connect_timeout）",
                    en: "the PostgreSQL URL parameter \(key) is not supported (supported: host, port, user, password, dbname, target_session_attrs, connect_timeout)"))
            }
        }
        if hosts.isEmpty { hosts = [(PostgresURL.defaultSocketDirectory, nil)] }
        endpoints = hosts.enumerated().map { i, host in
            Endpoint(host: host.0, port: host.1 ?? (queryPorts.count == 1 ? queryPorts[0] : (i < queryPorts.count ? queryPorts[i] : 5432)))
        }
        self.user = user
        self.password = password
        self.database = database.isEmpty ? user : database
        self.requiresWritable = requiresWritable
        self.connectTimeout = connectTimeout
    }

    /// The URL without its password, for messages and logs.
    package var description: String {
        let hosts = endpoints.map { $0.host.hasPrefix("/") ? "" : "\($0.host):\($0.port)" }
        let sockets = endpoints.filter { $0.host.hasPrefix("/") }
        var text = "postgresql://\(user)@\(hosts.filter { !$0.isEmpty }.joined(separator: ","))/\(database)"
        var params: [String] = []
        if !sockets.isEmpty {
            params.append("host=" + sockets.map(\.host).joined(separator: ","))
            params.append("port=" + sockets.map { String($0.port) }.joined(separator: ","))
        }
        if requiresWritable { params.append("target_session_attrs=read-write") }
        return params.isEmpty ? text : text + "?" + params.joined(separator: "&")
    }

    private static func decode(_ part: String, in text: String) throws -> String {
        guard let decoded = part.removingPercentEncoding else { throw invalid(text, "percent-encoded text") }
        return decoded
    }

    private static func invalid(_ text: String, _ expected: String) -> Refusal {
        let shown = text.replacingOccurrences(of: #"://([^:@/]*):[^@/]*@"#, with: "://$1:***@", options: .regularExpression)
        return Refusal(.invalidInput, code: "postgres.url", Localized(
            zh: "\(shown) 不是有效的 PostgreSQL 地址（应为 \(expected)）", en: "\(shown) is not a valid PostgreSQL URL (expected \(expected))"))
    }
}
