/// One person per role whose first screen the bench measures: what each of them sees first
/// every working day (issue 20). The mayor's first screen is the signature queue; the others'
/// the home screen.
struct BenchRole {
    let role: String
    /// The demo org chart's login, shown through `--as`; nil for the administrator who ran
    /// `init` (the bench's own OS user).
    let login: String?
    /// What the first screen draws last: its footer's last hint.
    let marker: String

    static let all: [BenchRole] = [
        BenchRole(role: "mayor", login: "zhoulixin", marker: "返回"),
        BenchRole(role: "executive vice mayor", login: "chenhaifeng", marker: "机构"),
        BenchRole(role: "vice mayor", login: "wangxiaoyan", marker: "机构"),
        BenchRole(role: "office director", login: "yangwentao", marker: "机构"),
        BenchRole(role: "secretary", login: "lijing", marker: "机构"),
        BenchRole(role: "department head", login: "xuwenbo", marker: "机构"),
        BenchRole(role: "street director", login: "fangweiguo", marker: "机构"),
        BenchRole(role: "administrator", login: nil, marker: "机构"),
    ]

    /// The command line that opens this person's first screen.
    func command(_ huiwu: String) -> [String] { [huiwu] + (login.map { ["--as", $0] } ?? []) }
}
