/// The typefaces of official documents (GB/T 9704 §5.2.2 and common practice), each with
/// the name the office's Windows/WPS fonts carry and the free font Debian offers in its place.
///
/// The DOCX names the office font first, so Word and WPS use it where it is installed; the
/// PDF conversion maps a missing one to its fallback (``FontFallback``).
public enum FontRole: String, CaseIterable, Hashable, Sendable {
    /// 仿宋: the body (3号).
    case fangsong
    /// 黑体: first-level headings, the 出席/请假/列席 labels, the classification mark.
    case heiti
    /// 楷体: second-level headings.
    case kaiti
    /// 小标宋: the red masthead (纪要标志) and titles.
    case xiaobiaosong
    /// 宋体: page numbers (4号半角宋体).
    case songti

    /// The font the office installs (the name Word and WPS know it by).
    public var officeName: String {
        switch self {
        case .fangsong: return "仿宋_GB2312"
        case .heiti: return "黑体"
        case .kaiti: return "楷体_GB2312"
        case .xiaobiaosong: return "方正小标宋简体"
        case .songti: return "宋体"
        }
    }

    /// The free replacement from Debian's packages (fonts-arphic-uming, fonts-noto-cjk,
    /// fonts-arphic-ukai), closest in weight and style.
    public var fallback: String {
        switch self {
        case .fangsong: return "AR PL UMing CN"
        case .heiti: return "Noto Sans CJK SC"
        case .kaiti: return "AR PL UKai CN"
        case .xiaobiaosong: return "Noto Serif CJK SC"
        case .songti: return "Noto Serif CJK SC"
        }
    }

    /// The fallback is set bold where the original is a heavy face (小标宋).
    public var fallbackIsBold: Bool { self == .xiaobiaosong }

    /// The CSS font stack: the office font, its common Windows and macOS names, the fallback.
    public var cssStack: String {
        let names: [String]
        switch self {
        case .fangsong: names = [officeName, "FangSong_GB2312", "仿宋", "FangSong", "STFangsong", fallback]
        case .heiti: names = [officeName, "SimHei", "STHeiti", fallback]
        case .kaiti: names = [officeName, "KaiTi_GB2312", "楷体", "KaiTi", "STKaiti", fallback]
        case .xiaobiaosong: names = [officeName, "FZXiaoBiaoSong-B05S", "宋体", "SimSun", fallback]
        case .songti: names = [officeName, "SimSun", "STSong", fallback]
        }
        return names.map { "\"\($0)\"" }.joined(separator: ", ") + (self == .heiti ? ", sans-serif" : ", serif")
    }
}
