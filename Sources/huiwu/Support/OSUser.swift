import Foundation

/// The login of the real user id: over SSH, who the user logged in as.
enum OSUser {
    static func login() -> String {
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return String(getuid())
    }
}
