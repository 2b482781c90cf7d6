extension Day {
    /// The date as official documents write it (GB/T 9704 §7.3.5.4): 2026年3月5日, Arabic
    /// numerals, the year in full, no leading zeros.
    public var chinese: String { "\(year)年\(month)月\(day)日" }
}
