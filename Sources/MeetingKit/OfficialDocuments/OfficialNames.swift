/// Names official documents print for the government's own bodies: one place for each.
public enum OfficialNames {
    /// The office that issues and prints the government's documents: 北京市西城区人民政府办公室.
    public static func office(of issuer: String) -> String { issuer + "办公室" }

    /// The issuer printed when the office has no name stored.
    public static let defaultIssuer = "区人民政府"

    /// The unit of the mayor and vice mayors on sign-in sheets.
    public static let government = "区政府"

    /// The mayor and vice mayors as recipients and as a unit answering a notice.
    public static let leaders = "区政府领导"
}
