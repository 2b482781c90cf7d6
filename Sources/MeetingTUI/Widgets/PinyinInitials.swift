/// The initials of a name written in pinyin without tones, as logins are (`zhoulixin` for
/// 周立新 gives `zlx`): pickers match what a secretary types against them, the way Chinese
/// input methods let "zlx" find 周立新. The login is split into syllables of the pinyin
/// table, preferring fewer syllables; a login that is not pinyin has no initials.
public enum PinyinInitials {
    /// Every syllable of Mandarin pinyin, without tones (ü written v).
    static let syllables: Set<String> = Set("""
        a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can cang cao ce cen ceng \
        cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui chun chuo ci cong cou cu \
        cuan cui cun cuo da dai dan dang dao de dei den deng di dia dian diao die ding diu dong dou du duan dui dun duo e \
        ei en eng er fa fan fang fei fen feng fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan \
        guang gui gun guo ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo ji jia jian \
        jiang jiao jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke kei ken keng kong kou ku kua kuai kuan \
        kuang kui kun kuo la lai lan lang lao le lei leng li lia lian liang liao lie lin ling liu lo long lou lu luan lun \
        luo lv lve ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu na nai nan nang nao ne nei \
        nen neng ni nian niang niao nie nin ning niu nong nou nu nuan nuo nv nve o ou pa pai pan pang pao pei pen peng pi \
        pian piao pie pin ping po pou pu qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun ran rang rao re ren \
        reng ri rong rou ru rua ruan rui run ruo sa sai san sang sao se sen seng sha shai shan shang shao she shei shen \
        sheng shi shou shu shua shuai shuan shuang shui shun shuo si song sou su suan sui sun suo ta tai tan tang tao te \
        teng ti tian tiao tie ting tong tou tu tuan tui tun tuo wa wai wan wang wei wen weng wo wu xi xia xian xiang xiao \
        xie xin xing xiong xiu xu xuan xue xun ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun za zai zan zang \
        zao ze zei zen zeng zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui \
        zhun zhuo zi zong zou zu zuan zui zun zuo
        """.split(separator: " ").map(String.init))

    /// The initials of `login`'s syllables, or nil when it is not pinyin.
    public static func of(_ login: String) -> String? {
        let letters = Array(login.lowercased())
        guard !letters.isEmpty, letters.allSatisfy({ $0 >= "a" && $0 <= "z" }) else { return nil }
        // best[i]: the fewest syllables that spell letters[..<i], and where the last one starts.
        var best: [(count: Int, start: Int)?] = Array(repeating: nil, count: letters.count + 1)
        best[0] = (0, 0)
        for end in 1...letters.count {
            for start in max(0, end - 6)..<end {
                guard let before = best[start], syllables.contains(String(letters[start..<end])) else { continue }
                if best[end] == nil || before.count + 1 < best[end]!.count { best[end] = (before.count + 1, start) }
            }
        }
        guard best[letters.count] != nil else { return nil }
        var initials: [Character] = []
        var end = letters.count
        while end > 0, let step = best[end] {
            initials.append(letters[step.start])
            end = step.start
        }
        return String(initials.reversed())
    }
}
