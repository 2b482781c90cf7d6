import MeetingKit

/// The things a key can ask for, each with its one key: a letter means the same on every
/// screen (calcurse and mutt keep their letters that way). A screen binds the verbs that
/// apply to what it shows (``Keymap``); it cannot give a verb's key another meaning, and
/// `VerbTests` checks that no two verbs share a key and that none takes a global key
/// (``GlobalKey``). Lower case for everyday acts, upper case for rarer or weightier ones.
public enum Verb: String, CaseIterable, Sendable {
    case approve, absences, coordinate, outcome, edit, filter, receipts, participants, late, move, new, opinion,
         present, roster, submit, today, attributes, leave, withdraw, reject, seating
    case accept, plan, cancelMeeting, draftMinutes, entrust, flags, hold, moveDown, moveUp, leaveReport, schedule,
         notify, agenda, print, precondition, sign, statement, statistics, declassify, dispatch, longer, shorter, attachments

    /// The key, as a character typed.
    public var character: Character {
        switch self {
        case .approve: return "a"
        case .absences: return "b"
        case .coordinate: return "c"
        case .outcome: return "d"
        case .edit: return "e"
        case .filter: return "f"
        case .receipts: return "h"
        case .participants: return "i"
        case .late: return "l"
        case .move: return "m"
        case .new: return "n"
        case .opinion: return "o"
        case .present: return "p"
        case .roster: return "r"
        case .submit: return "s"
        case .today: return "t"
        case .attributes: return "u"
        case .leave: return "v"
        case .withdraw: return "w"
        case .reject: return "x"
        case .seating: return "z"
        case .accept: return "A"
        case .plan: return "B"
        case .cancelMeeting: return "C"
        case .draftMinutes: return "D"
        case .entrust: return "E"
        case .flags: return "F"
        case .hold: return "H"
        case .moveDown: return "J"
        case .moveUp: return "K"
        case .leaveReport: return "L"
        case .schedule: return "M"
        case .notify: return "N"
        case .agenda: return "O"
        case .print: return "P"
        case .precondition: return "R"
        case .sign: return "S"
        case .statement: return "T"
        case .statistics: return "#"
        case .declassify: return "X"
        case .dispatch: return "Z"
        case .longer: return "+"
        case .shorter: return "-"
        case .attachments: return "V"
        }
    }

    public var key: Key { .char(character) }

    /// What the verb is called when a screen does not name it more precisely.
    public var label: Localized {
        switch self {
        case .approve: return Localized(zh: "批准", en: "approve")
        case .absences: return Localized(zh: "离京登记", en: "absences")
        case .coordinate: return Localized(zh: "协调", en: "coordinate")
        case .outcome: return Localized(zh: "会议结果", en: "outcome")
        case .edit: return Localized(zh: "修改", en: "edit")
        case .filter: return Localized(zh: "筛选", en: "filter")
        case .receipts: return Localized(zh: "回执", en: "receipts")
        case .participants: return Localized(zh: "参会人员", en: "participants")
        case .late: return Localized(zh: "迟到", en: "late")
        case .move: return Localized(zh: "改期", en: "move")
        case .new: return Localized(zh: "新建", en: "new")
        case .opinion: return Localized(zh: "意见", en: "opinion")
        case .present: return Localized(zh: "到会", en: "present")
        case .roster: return Localized(zh: "签到", en: "roster")
        case .submit: return Localized(zh: "提交", en: "submit")
        case .today: return Localized(zh: "今天", en: "today")
        case .attributes: return Localized(zh: "公开与密级", en: "disclosure")
        case .leave: return Localized(zh: "请假", en: "leave")
        case .withdraw: return Localized(zh: "撤回", en: "withdraw")
        case .reject: return Localized(zh: "退回", en: "return")
        case .seating: return Localized(zh: "座次", en: "seating")
        case .accept: return Localized(zh: "受理", en: "accept")
        case .plan: return Localized(zh: "批量安排", en: "plan")
        case .cancelMeeting: return Localized(zh: "取消会议", en: "cancel")
        case .draftMinutes: return Localized(zh: "起草纪要", en: "minutes")
        case .entrust: return Localized(zh: "委托主持", en: "entrust")
        case .flags: return Localized(zh: "更正属性", en: "flags")
        case .hold: return Localized(zh: "已召开", en: "held")
        case .moveDown: return Localized(zh: "下移", en: "down")
        case .moveUp: return Localized(zh: "上移", en: "up")
        case .leaveReport: return Localized(zh: "请假汇总", en: "leave report")
        case .schedule: return Localized(zh: "安排上会", en: "schedule")
        case .notify: return Localized(zh: "发通知", en: "notice")
        case .agenda: return Localized(zh: "议程", en: "agenda")
        case .print: return Localized(zh: "打印", en: "print")
        case .precondition: return Localized(zh: "前置程序", en: "precondition")
        case .sign: return Localized(zh: "签发", en: "sign")
        case .statement: return Localized(zh: "分歧说明", en: "statement")
        case .statistics: return Localized(zh: "出勤统计", en: "statistics")
        case .declassify: return Localized(zh: "解密", en: "declassify")
        case .dispatch: return Localized(zh: "转办", en: "send back")
        case .longer: return Localized(zh: "加5分钟", en: "+5 min")
        case .shorter: return Localized(zh: "减5分钟", en: "-5 min")
        case .attachments: return Localized(zh: "保存附件", en: "save attachment")
        }
    }
}

/// The keys that work on every screen that has no dialog open (calcurse's, mutt's and
/// less's conventions), read by the app before the screen; a screen never binds them.
public enum GlobalKey: CaseIterable, Sendable {
    case help, back, search, command, actAs, onBehalf, interrupt

    public var keys: [Key] {
        switch self {
        case .help: return [.char("?"), .function(1)]
        case .back: return [.char("q")]
        case .search: return [.char("/")]
        case .command: return [.char(":")]
        case .actAs: return [.char("@")]
        case .onBehalf: return [.char("&")]
        case .interrupt: return [.control("c")]
        }
    }

    public var label: String {
        switch self {
        case .help: return "? / F1"
        case .back: return "q"
        case .search: return "/"
        case .command: return ":"
        case .actAs: return "@"
        case .onBehalf: return "&"
        case .interrupt: return "Ctrl-C"
        }
    }

    public var hint: Localized {
        switch self {
        case .help: return Localized(zh: "本界面的全部按键", en: "every key of this screen")
        case .back: return Localized(zh: "返回（首页上为退出）", en: "back (quit, on the home screen)")
        case .search: return Localized(zh: "查找会议、议题、意见、纪要", en: "search meetings, items, opinions, minutes")
        case .command: return Localized(zh: "命令行：输入与 huiwu 子命令相同的命令，如 :meeting 12", en: "command line: the huiwu subcommands, e.g. :meeting 12")
        case .actAs: return Localized(zh: "以他人身份操作（管理员，同 --as）", en: "act as someone else (administrators, as --as)")
        case .onBehalf: return Localized(zh: "代录：为领导录入决定（办公室工作人员，同 --on-behalf-of）；代录中再按一次停止",
                                         en: "record for a leader (office staff, as --on-behalf-of); press again to stop")
        case .interrupt: return Localized(zh: "退出（有未保存的输入时先确认）", en: "quit (asks first when input is unsaved)")
        }
    }
}

/// The sections of the office, one digit each from any screen without a dialog (as
/// ncmpcpp's screens): the digit opens the section right above the home screen.
public enum Section: Int, CaseIterable, Sendable {
    case calendar = 1, items, leave, minutes, followUps, reports, org, absences

    public var key: Key { .char(Character(String(rawValue))) }

    public var label: Localized {
        switch self {
        case .calendar: return Localized(zh: "日历", en: "week")
        case .items: return Localized(zh: "议题", en: "items")
        case .leave: return Localized(zh: "请假", en: "leave")
        case .minutes: return Localized(zh: "纪要", en: "minutes")
        case .followUps: return Localized(zh: "督办", en: "follow")
        case .reports: return Localized(zh: "报表", en: "report")
        case .org: return Localized(zh: "机构", en: "org")
        case .absences: return Localized(zh: "离京", en: "away")
        }
    }
}
