/// The units a decision's text names, in the order it names them (R54: every unit a decision
/// names is responsible for it, not only the lead department).
///
/// "由区教委会同区财政局落实经费" names 区教委 and 区财政局. Names are matched whole, the
/// longest first, so 区住房城市建设委 is not also read as a shorter name inside it. Outside
/// bodies (区委, 区人大常委会 …) are not units of the government and are left out.
public enum DecisionUnits {
    public static func named(in text: String, org: OrgChart) -> [String] {
        let candidates = org.departments().filter { $0.kind != .external && !$0.name.isEmpty }
            .sorted { $0.name.count > $1.name.count }
        var taken: [Range<String.Index>] = []
        var found: [(String.Index, String)] = []
        for department in candidates {
            var searchStart = text.startIndex
            while let range = text.range(of: department.name, range: searchStart..<text.endIndex) {
                if !taken.contains(where: { $0.overlaps(range) }) {
                    taken.append(range)
                    if !found.contains(where: { $0.1 == department.code }) { found.append((range.lowerBound, department.code)) }
                }
                searchStart = range.upperBound
            }
        }
        return found.sorted { $0.0 < $1.0 }.map(\.1)
    }
}
