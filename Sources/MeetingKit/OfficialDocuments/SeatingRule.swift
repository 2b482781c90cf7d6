/// Where each rank sits in a row: the presidium rule of Chinese official protocol. Number 1
/// sits in the centre, 2 on 1's left, 3 on 1's right, and so on outwards; with an even
/// count, 1 and 2 share the centre. "Left" is the seated leader's left, so seen from the
/// audience (as the chart is drawn) 2 is to the right of 1.
public enum SeatingRule {
    /// The ranks (1-based) from left to right as seen facing the row.
    public static func centreOut(_ count: Int) -> [Int] {
        guard count > 0 else { return [] }
        let left = stride(from: 3, through: count, by: 2).reversed()
        let right = stride(from: 2, through: count, by: 2)
        return Array(left) + [1] + Array(right)
    }
}
