/// The phrases the synthetic office writes: meeting and item titles, opinions, decisions,
/// withdrawals, minutes attributes and follow-up notes, as an office would word them.
enum SyntheticTexts {
    static let rooms = ["区政府第一会议室", "区政府第二会议室", "区政府第三会议室", "区政府常务会议室"]
    static let meetingTitles = ["研究部署重点工作", "听取专项工作汇报", "审议实施方案", "研究民生实事项目", "协调推进重大项目", "研究城市更新工作",
                                "审议预算调整方案", "研究营商环境优化措施", "听取安全生产情况汇报", "研究教育资源布局", "研究养老服务体系建设"]
    static let itemTitles = ["关于调整中小学课后服务收费标准的议题", "关于社区养老驿站运营补贴的议题", "关于老旧小区综合整治的议题",
                             "关于优化营商环境若干措施的议题", "关于街区更新试点项目的议题", "关于重点区域环境整治的议题",
                             "关于公共文化设施开放的议题", "关于医疗卫生资源配置的议题", "关于财政专项资金管理的议题",
                             "关于居家养老服务补贴标准的议题", "关于背街小巷环境精细化治理的议题", "关于政务服务“一网通办”改革的议题"]
    static let decisions = ["原则同意，由主办部门抓好落实。", "原则同意，请主办部门会同相关部门修改完善后按程序报批。",
                            "同意。请区财政局做好资金保障，主办部门于月底前报送实施进展。", "原则同意，请主办部门充分吸纳各方意见，细化实施方案。",
                            "同意实施方案，请相关部门按职责分工抓好推进，涉及养老服务的事项优先保障。"]
    static let disagreements = ["需进一步论证资金来源", "与现行规划存在冲突，建议调整选址", "实施主体职责划分不清", "建议补充社会稳定风险评估结论",
                                "养老服务补贴标准测算依据不足"]
    static let coordinationNotes = ["经协调，相关部门意见已统一", "已组织专题协调会，仍有分歧", "请主办部门补充说明后再议"]
    static let statements = ["主办部门与相关部门对资金分担比例仍有分歧，现如实说明，提请会议决定。",
                             "关于实施主体的意见未能统一，主办部门如实说明各方理由，提请会议研究。"]
    static let withdrawals = ["情况发生变化，暂不提请审议", "需进一步征求意见，主办部门撤回", "已并入其他议题统筹研究"]
    static let deferrals = ["会议时间不足，下次会议再议", "待补充材料后再议"]
    static let leaveReasons = ["公务外出", "参加市里会议", "出差", "病假"]
    static let absenceReason = "离京公务（已登记外出）"
    static let notPublicReason = "涉及内部管理事项，依法不予公开"
    static let returnReasons = ["请补充会议议定事项的责任单位", "文字表述需进一步规范"]
    static let doneNotes = ["已按会议决定办结，相关材料已归档。", "已完成并向区政府办公室报送落实情况。", "已印发实施方案并组织实施。"]
}
