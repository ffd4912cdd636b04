"""Intent rules and the small closed-class slots that go with them: kind, stage and scope.

Rules are ordered from the most specific question to the most general report; each is a readable
regular expression over the message, plus a few facts found by the other extractors (a company,
a person, a catalog word).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from nlp.followup import Plans
from nlp.lexicon import Screened
from nlp.shorthand import shorthand_kind
from nlp.types import Intent, Stage

HELP = Screened(
    r"^\s*/?help\b|^\s*[?？]*\s*帮助\s*$|怎么用|咋个?用|如何使用|使用说明(?!书)|你能做什么|能做什么|能干嘛|都能干|能干什么"
    # ...with what kind of command between: "支持哪些查询命令"
    r"|支持(?:哪些|什么)(?:查询|统计|快捷|常用|文字|语音|录入|提醒)?(?:指令|命令|功能)|快捷(?:指令|命令|方式|用法|操作)|有(?:哪些|什么|啥)(?:指令|命令|功能)|(?:指令|命令)列表|教我|教一下"
    r"|^\s*(?:你的|这个)?(?:指令|命令|功能)(?:都)?有(?:哪些|什么|啥)"  # "指令有哪些"
    # ...asked of the bot by name or as 你 (not 你们, a customer's offer): "你都支持哪些查询", "这个bot能干啥"
    r"|^\s*你(?:都|还)?支持(?:哪些|什么|啥)(?:查询|统计|操作|功能|指令|命令)?\s*[?？吗呢]*\s*$"
    r"|(?:机器人|助手|bot)(?:都|还)?(?:能|可以|会)(?:干|做)(?:啥|什么|嘛|哪些)"
    # ...asked in English: "which commands does it take", "what can you do", "how do I use this"
    r"|(?<![A-Za-z])(?i:(?:what|which)\s+(?:commands|features)|what\s+can\s+(?:you|it|this\s+bot)\s+do"
    r"|how\s+(?:do\s+i|to|can\s+i)\s+use)(?![A-Za-z])"
    # ...with 可以 or what it looks up: "你可以帮我做什么", "你能查哪些东西" (not a day looked up:
    # "你能查什么时候…")
    r"|你(?:都|还)?(?:能|可以)(?:帮我|替我|给我|为我)?(?:做|干|查|记)(?:些)?(?:什么|啥|哪些)(?!时候)"
    r"|你能干啥|你会干啥|你会什么|你都会|能帮我干|能帮我做(?:些)?(?:什么|啥|哪些)|(?:怎么|咋个?)(?:批量|一键)?(?:录|补录|登记|记录|改|查|添加|新建|建|操作|发|设置|更新|修改|让|问|提醒|用|输|填|删|撤销|撤回|作废|导入|导出)"
    # the bot's own vocabulary asked: "客户阶段有哪几种", "状态分哪些"
    r"|(?:阶段|状态)(?:都|一共|总共|分别)?(?:有|分|包括)(?:哪几种|哪几个|哪些|几种|什么)[?？]?\s*$"
    # ...asked after the change at the end, the spoken way: "想改一下怎么弄", "删掉咋办？" (read from the
    # question word back, so the screen starts no search at every 改 or 更)
    r"|(?:(?<=[改删])|(?<=改一下|删一下)|(?<=更正|撤销|撤回|删掉))\s?(?:怎么|咋|如何)(?:弄|办|搞|操作)(?:呢|啊|呀)?\s?[?？]*\s*$"
    # "怎么把客户阶段改成签约": how to make the bot change a record
    r"|(?:怎么|如何|咋)把.{0,12}(?:改|设|录|加|删|转|导|分配|移|标)"
    # ...with 设 said short for 设置, or a record handed on: "咋设跟进提醒", "线索咋转给别人"
    r"|(?:怎么|如何|咋个?)设(?:个|一个|一下)?(?:跟进|回访|提醒|下次|待办)"
    r"|(?:客户|线索|商机|单子)(?:要|该|能)?(?:怎么|如何|咋个?)(?:转|转交|移交|分配|分)(?:给|到)"
    # ...asked formally, with what is changed after: "请问如何删除录错的跟进记录", "怎样修改客户的联系人"
    # (not the customer's own work: "问我们如何修改合同条款")
    r"|(?:怎样|如何)(?:才能)?(?:修改|更改|录入|删除|添加|新建|导入|导出|撤销|撤回)"
    r"(?=[^，,。？?]{0,12}?(?:客户|线索|跟进|记录|联系人|商机|阶段|提醒))"
    # ...or done for a record: "如何给客户设置下次跟进提醒", "怎样给线索打标签"
    r"|(?:怎么|如何|怎样|咋)(?:给|为)(?:客户|线索|商机|联系人|单子|订单)(?:设置|设定|添加|加|打|标记|标|修改|改|分配|转)"
    r"|教程|操作指南|使用指南|帮助文档|新手指引"
    # a 手册 is the bot's only when asked for, or named as the bot's or the user's; not one a customer has
    # written, printed or translated ("设备的操作手册要翻成英文", "手册翻译的报价单", "员工手册印刷")
    r"|(?:你的|机器人的?|助手的?|bot的?)(?:使用|操作|用户)?手册|有没有(?:使用|操作|用户|新手)?手册|(?:用户|新手|帮助)手册"
    r"|(?:使用|操作)手册\s*(?:吗|呢|在哪[里儿]?|发我|给我|有吗|有没有)"
    r"|^\s*(?:有|给我|发我|发一下|看看|看下)?\s*(?:使用|操作)?手册\s*(?:吗|呢|在哪[里儿]?|发我|给我)?\s*[?？]*\s*$"
    # the bot's own manual asked for, not one printed or shipped for a customer ("说明书+彩盒", "要做彩盒、
    # 使用说明书": a 使用说明书 is asked for only with the question)
    r"|(?:你的|机器人的?|助手的?|bot的?)说明书|有没有(?:使用|操作)?说明书"
    r"|(?:使用|操作)说明书\s*(?:吗|呢|在哪[里儿]?|发我|给我|有吗|有没有)"
    r"|^\s*(?:有|给我|发我|发一下|看看|看下)?\s*说明书\s*(?:吗|呢|在哪[里儿]?|发我|给我)?\s*[?？]*\s*$"
    # "机器人能帮我查团队数据吗": what the bot itself can do for the asker
    r"|^\s*(?:这个)?(?:机器人|助手|小助手|bot)(?:都|还)?(?:能|可以|会)(?:不能|不)?帮(?:我|忙|我们)?"
    # ...or what it does by itself: "bot能自动提醒我跟进吗", "助手会不会自动汇总周报"
    r"|^\s*(?:这个)?(?:机器人|助手|小助手|bot)(?:都|还)?(?:能不能|可不可以|能否|可以|能|会不会|会)"
    r"自动(?:提醒|推送|通知|汇总|统计|生成|发)"
    r"|按什么格式|什么格式|用法(?=\s*$|[?？吗呢是有：:，,])|功能介绍|用你(?:做|干)|(?:能|可以)拿你"
    # what the bot itself can take or give: "支持语音吗", "可以导出excel吗", "能发图片吗"
    # (also in English: "how to 改跟进时间", "how do I add a lead")
    r"|^\s*how\s+(?:to|do\s+i|can\s+i)\s*(?:改|录|记|查|设置|添加|加|删|导|add|log|change|set|edit|update|delete|export)"
    # (the bot named with 这个 before: "这个助手支持语音输入吗")
    r"|^\s*(?:这个)?\s*(?:你|机器人|小?助手|这个|bot)?\s*(?:支持|能不能|能|可以|可不可以)\s*"
    r"(?:批量|一键|直接|自动)?(?:语音|图片|照片|截图|文件|excel|表格|导出|导入|识别|发语音|发图片|发文件|撤回|群里用|在群里)"
    # a setting of the bot asked for: "能不能设置每天自动提醒我", "可以开启提醒吗"
    r"|^\s*(?:你|机器人|助手|这个)?\s*(?:能不能|可不可以|能否|可以|能)\s?(?:帮我)?(?:设置|设定|开启|打开|关闭|关掉)"
    # the bot asked to export the rep's own records: "能不能把我的客户导出成Excel"
    r"|(?:能不能|可不可以|能否|可以|能)把我的?[^，,。？?\s]{0,8}导(?:出|成)"
    # a slip in what was entered, asked whether the bot lets it be mended: "电话录错了可以改吗",
    # "客户名字写错了怎么改" (not a report: "报价单写错了 重新发了一版")
    r"|(?:写|录|记|填|输)错了?[^，,。？?]{0,6}?(?:能|可以|怎么|咋|如何)(?:不能)?(?:改|修改|更正|删|撤回?)"
    r"(?=吗|么|嘛|不|呢|[?？]|\s*$)"
    # what the bot itself can make out: "照片你认得出吗", "截图你看得懂吗"
    r"|(?:你|机器人|助手)(?:能|可以|会)(?:不能)?(?:识别|看懂|听懂|读懂|认出|认得)"
    r"|(?:你|机器人|助手)(?:看|听|读)得懂"
    # ...asked of the kind of message first: "图片能识别吗", "截图可以直接发吗", "还是只能打字"
    r"|^\s*(?:发)?(?:语音|图片|照片|截图)(?:消息)?\s?(?:你|机器人|助手)?(?:能|可以)(?:不能)?(?:识别|认|看懂|听懂|直接发|发)"
    r"(?=吗|么|嘛|不|[?？])|还是只能(?:打字|手打|文字)"
    # ...or how to enter a record by it: "我可以用语音记跟进吗", "可以用截图建客户吗"
    r"|^\s*(?:请问)?\s?(?:我|这里|这儿|在这)?(?:能不能|可不可以|能否|可以|能)\s?(?:直接)?用(?:语音|图片|照片|截图)(?:来)?(?:录|记|输入|登记|建|新建|加|添加|报)",
    re.IGNORECASE,
)
# How a thing is used, shown to a customer ("给X演示了提货卡怎么用"): a demo told, no question to the bot.
SHOWN_HOW = re.compile(
    r"(?:演示|讲解|讲了|示范|教了|培训了?"
    # ...or talked over with a customer's person, told as done: "跟主任聊了半天滴灌带咋用", "和他们沟通了
    # 一下软件怎么用" (not the rep's own "聊了半天到底咋用", asked of the bot)
    r"|(?:跟|和|与|同)[^，,。？?\s]{1,8}?(?:聊|谈|沟通|交流|介绍)了(?:半天|一下|一阵子?|一会儿?|好久|很久|半个?小时)?"
    # ...or told to a customer's people: "给物业的保洁员讲洗地机咋用"
    r"|给[^，,。？?\s]{1,12}?讲(?!了))"
    r"[^，,。？?]{0,12}(?:怎么用|咋个?用|如何使用|怎么操作|如何操作)(?![?？吗])"
)
OVERDUE = Screened(
    r"超时|逾期|超期|过期|timeout|overdue"
    # the day set for the follow-up gone by: "过了跟进时间", "超过跟进日期了", "错过了回访时间"
    r"|(?:过了|超过了?|超出了?|错过了?)(?:约定的?|计划的?|预定的?)?(?:跟进|回访|联系|拜访)(?:的)?(?:时间|日期|期限|节点)"
    # "我还有哪些没跟的": the leads left without a contact
    r"|(?:哪些|哪几个|哪几家|哪个|谁)(?:客户)?(?:还)?(?:没|未)(?:跟|联系|拜访|回访)"
    r"|该(?:跟|联系|拜访|回访)(?:进)?的?(?:还)?(?:没|未)(?:跟|联系|拜访|回访)"
    r"|(?:超过|快|已经|有)\s?(?:\d+|[一二两三四五六七八九十半]+)\s?(?:个)?(?:天|周|星期|礼拜|月)(?:都)?(?:没|未)(?:有)?人?(?:跟|联系|拜访|回访|动|碰|管|更新|处理)",
    re.IGNORECASE,
)
# "有哪些客户很久没跟进了": asked, not told ("王总说好久没联系了").
# (also said as put off too long: "哪些客户拖了太久没联系", "拖好久没跟的")
LONG_UNTOUCHED = re.compile(
    r"(?:很久|好久|一直|长时间|好长时间|拖(?:了|得)?(?:太久|很久|好久|太长时间))(?:都)?(?:没|未)(?:跟|联系|拜访|回访)"
)
STATS = re.compile(
    r"多少|排名|排行|排个名|排一下名|排下名|排个序|转化率|漏斗|统计|业绩|成交额|签约额|金额|总额|销售额|回款额|合同额|数据|谁的成交|谁.{0,8}最多|汇总一下"
    r"|(?:单子|线索|客户|订单|来源|阶段|城市|行业|产品)(?:的)?(?:数量|分布|占比)|各阶段"
    # split by a dimension: "这个月新增线索按产品线分一下", "按城市统计"
    r"|按(?:产品线|产品|城市|行业|阶段|来源|销售|区域|地区|月份?)(?:分|统计|汇总|拆|排)"
    # a period's figures: "上月回款", "团队这个季度的签约情况", and whose after ("这个月新增客户 全部门")
    r"|(?:月|周|季度|年)(?:度)?的?(?:回款|成交|签约|签单|销售|新增|业绩)(?:情况|额|量|线索|客户|商机)?"
    r"(?:\s?(?:全组|全队|全部门|团队|大家|我的|我自己))?[?？]?$"
    # two figures of a period asked together: "上个月我的新增线索和成交"
    r"|^\s*(?:上个?月|这个月|本月|上周|本周|这周|今年|去年|本季度|上季度|这季度)(?:份)?(?:我|我们|团队|大家|全组)?的?"
    r"(?:新增|成交|签单|回款|业绩)[^，,。！!]{0,8}(?:和|跟|与|及|、)[^，,。！!]{0,6}[?？]?\s*$"
    # a rate or a count named as a noun: "我的赢单率", "3月份的新增线索数", "本周的跟进次数"
    r"|(?:赢单|输单|成交|签约|签单|转化|回款|完成|达成|跟进|拜访|回访|中标|复购|续约)率"
    r"|(?:线索|客户|跟进|拜访|回访|签约|签单|成交|订单|单子|商机|新增)(?:的)?(?:数|次数|个数|总数|数量|量)"
    # ...ending the words, or joined to another figure or to the asking: "新增客户数和签约数拉一下",
    # or ranked: "每个人的签单数排一下"
    r"(?:(?![\u4e00-\u9fff])|(?=[和跟与及、]|(?:出|拉|发|报|给|排)(?:一下|下|我|个)))"
)
# A count asked in English by the rep, of no one named: "how many leads this week?"
# (the period may come first: "last month how many deals")
HOW_MANY = re.compile(
    r"^\s*(?:(?:this|last|next)\s+(?:week|month|quarter|year)|today|yesterday)?[\s,]*how\s+(?:many|much)(?![A-Za-z])",
    re.IGNORECASE,
)
# "签了几台", "新增了几所学校": a count asked...
# ("哪几个" asks which; "好几家" tells many)
COUNT = re.compile(r"(?<![哪好])几[单个条次家笔位台套所辆件批份场间户名只组]")
# ...unless the number is what a customer wants: "他们还想顺便配几台隔膜泵" is a report of a few.
# (上 is no purchase in a past period: "上周新增了几个线索")
# (nor a few things the rep is to bring or send them: "让我下次带几个样品", "周五寄几份样本过去"; not a
# count of what was done, "这周带看了几组客户", "送了几单")
WANTS_SOME = re.compile(
    r"(?:想|要|需要|配|买|采购|订|加|换|(?:带|寄|送)(?![看了过])|上(?![周月季年次回个午]))"
    r"[^，,。？?\s]{0,4}几[台套个件批只辆组份]"
)
QUESTION = Screened(r"[?？]|哪些|哪个|哪家|谁|什么|啥|吗|多少|几|清单|列一下|列个|看看|看一下|看下|查")
TODAY = Screened(
    # (not the last contact's content asked: "X上回跟的啥子" is its record, not the day's list)
    r"(?<!上[次回])(?:跟进|拜访|回访|联系|跑|见|跟|找)(?:的|哪些|谁|什么|啥)|(?:要|待|该|需要|得)(?:跟进|跟|拜访|回访|联系|跑|见|找)"
    r"|(?:要|待|该|需要|得)\s?follow(?![A-Za-z])"
    # the follow-ups named in English after the question word: "明天我有哪些follow up？"
    r"|有(?:哪些|哪几个|什么|啥|几个)\s?follow[\s-]?ups?(?![A-Za-z])"
    r"|(?:跟进|拜访|回访)(?:计划|安排|任务|清单)|待办|安排了?(?:哪些|什么)"
    # "明天有哪些跟进": the follow-ups named after the question word
    r"|有(?:哪些|哪几个|哪几家|什么|啥)(?:客户)?(?:要|需要|待)?(?:跟进|拜访|回访)(?:的|任务|计划)?[?？]?\s*$"
    # appointments on a day: "周五排了哪些客户", "明早有约的客户有哪些"
    r"|排了(?:谁|哪些|哪几|几|什么|啥)|有约"
    # what there is to do: "今天有什么要做的吗"
    r"|(?:什么|啥|哪些)(?:事|事情|活)?(?:要|该|得|需要)(?:做|干|办|忙)|(?:要|该|得)(?:做|干|办)(?:什么|啥|哪些)"
    r"|(?<![A-Za-z])(?:to-?do|to\sdo(?!\s*(?!list)[A-Za-z])|todos|agenda)(?![A-Za-z])",  # "todo today?"
    re.IGNORECASE,
)
# The day's plans asked in English, a question with or without its mark: "what have I got on Friday",
# "what's on for tomorrow".
TODAY_EN = re.compile(
    r"(?<![A-Za-z])what\s+(?:do|have)\s+(?:i|we)\s+(?:have|got)\s+(?:on|planned|scheduled|lined\s+up)(?![A-Za-z])"
    r"|(?<![A-Za-z])what(?:'s|\s+is)\s+on\s+(?:for\s+)?(?:today|tomorrow|my\s+(?:list|plate|schedule|calendar))",
    re.IGNORECASE,
)
# A day's plans or appointments asked about: "周四的拜访计划", "明天大家都有啥安排", "后天有啥约".
DAY = re.compile(
    r"今天|今日|今早|今晚|明天|明儿|明早|明晚|后天|大后天|(?:这|本|下下?)?(?:周|星期|礼拜)[一二三四五六日天1-7]|下周|这周|本周"
    r"|\d{1,2}[号日]|[一二三四五六七八九十]{1,3}[号日]|(?<![A-Za-z])(?:today|tomorrow)(?![A-Za-z])",
    re.IGNORECASE,
)
DAY_PLANS = re.compile(
    r"(?:拜访|回访|跟进|出差|行程|客户)?(?:计划|安排|日程|行程|任务)|有(?:啥|什么|哪些|几个)(?:约|安排|计划)"
    r"|(?:哪些|哪几家|几家|几个|哪个)客户要(?:去|见|拜访|跟进|回访|联系)|约了(?:谁|哪些|哪几家|几家|几个|几位)"
)
# The writer's own plan for a day, said without a question ("周三安排师傅上门调试，我陪着过去"):
# they go themselves, or 安排 is followed by what is arranged. It tells a plan, asks for none.
OWN_PLAN = re.compile(
    r"我们?[^，,。；;\s?？]{0,6}?(?:过去|过来|去|跟着|陪着|带着|到场)|安排(?![了的表好吗呢如怎])[\u4E00-\u9FD5]"
)
# "今天要跑哪几家", "下周一我要去哪几家客户": which customers to visit on a day, not a count.
TODAY_WHICH = re.compile(
    r"(?:要|该|得)(?:去|跑|见|找|约|拜访|跟进|联系|回访)(?:哪|几家)|(?:去|跑|拜访|见|找)哪(?:家|些|几|个|位)"
    # the calls of a day: "今天要打哪些电话", "明天该回哪几个客户的电话", "周五得给谁打电话"
    r"|(?:要|该|得|需要)(?:打|回)哪[些几个通位家]{1,2}(?:客户)?的?电话|(?:要|该|得|需要)(?:打|回)的电话(?:有|是)(?:哪些|哪几)|(?:要|该|得|需要)给(?:谁|哪[些几个位家]{1,2}客户?)(?:打|回)电话"
)
# One's customers asked for as a list, on no day and not as late ones: "何丽手上现在一共有哪些客户",
# "我名下有哪些客户", "王强在跟的客户有哪些": the book of the one named (or the asker's own).
# (the deals said as 单子 as well: "谈判阶段的单子有哪些 跟我列哈", "单子有几家 是哪几家"; asked to be listed
# after it)
# (or those in hand, or at a stage or two, said after them: "我名下有哪些客户在跟", "组里有哪些单子在报价
# 或者谈判阶段"; or counted in one's hands, "王强手上有几个客户")
STAGE_NAMES = "|".join(s.value for s in Stage)
# One stage or several joined: "报价", "报价或者谈判", "报价、谈判".
STAGES_SAID = rf"(?:{STAGE_NAMES})(?:(?:或者|或是|还是|或|和|跟|与|及|、)(?:{STAGE_NAMES}))*"
STAGES_ASKED = rf"在{STAGES_SAID}(?:阶段)?(?:的)?"
# The kinds of customer a book is asked by ("彭伟在跟的医院单子", "还有哪几个学校在跟"), each with the words
# a customer's name of that kind holds (a 学校 asked is a 小学 or a 中学 as well): the list is cut to them.
CUSTOMER_KINDS: dict[str, tuple[str, ...]] = {
    "医院": ("医院", "卫生院", "保健院", "附院", "诊所", "门诊", "医疗中心", "卫生服务中心"),
    "诊所": ("诊所", "门诊"),
    "学校": ("学校", "小学", "中学", "大学", "学院", "职校", "附中", "附小", "高中", "初中", "幼儿园"),
    "幼儿园": ("幼儿园",),
    "工厂": ("厂",),
    "厂": ("厂",),
    "厂子": ("厂",),
    "酒店": ("酒店", "宾馆", "饭店", "度假村"),
    "宾馆": ("酒店", "宾馆", "饭店"),
    "商场": ("商场", "购物中心", "百货", "商城", "广场"),
    "超市": ("超市", "商超"),
    "小区": ("小区", "花园", "家园", "公寓"),
    "物业": ("物业",),
    "园区": ("园区", "产业园", "科技园", "工业园", "软件园", "开发区"),
    "银行": ("银行",),
    "药店": ("药店", "药房"),
    "药房": ("药店", "药房"),
    "餐厅": ("餐厅", "饭店", "酒楼", "餐饮"),
    "养老院": ("养老院", "敬老院", "养老"),
    "写字楼": ("写字楼", "大厦", "商务中心"),
}
# (the longest first: 幼儿园 before 园区 would never be tried wrongly, 厂子 before 厂)
_KIND_WORDS = "|".join(sorted(CUSTOMER_KINDS, key=len, reverse=True))
# What a book's customers are called in a question: 客户 or 单子, maybe after their kind ("医院单子",
# "学校的客户"), or the kind alone ("哪几个学校").
_BOOK_NOUN = rf"(?:(?:{_KIND_WORDS})的?)?(?:客户|单子)|(?:{_KIND_WORDS})"
# How far the customers listed all are, asked after them: "都到哪一步了", "各自到哪个阶段了".
_HOW_FAR = r"(?:走|进行|推进|跟)?到?了?(?:哪一步|哪步|什么阶段|啥阶段|哪个阶段|什么进度|啥进度)了?"
# What may follow a book asked: listed ("列一下"), how they are getting on ("进展怎么样了"), how far each is
# ("各自到哪个阶段了"), in any order.
_BOOK_TAIL = (
    r"(?:[\s，,]?(?:(?:麻烦|请)?(?:跟|给|帮)?我?列(?:一下|一哈|下|哈|出来)?[?？呢吧哈]?"
    r"|(?:都|各自)?(?:进展|进度|情况)(?:咋样|怎么样|怎样|如何)了?[?？呢]?"
    rf"|(?:都|各自|分别){{1,2}}{_HOW_FAR}[?？呢]?)){{0,3}}\s*$"
)
BOOK_ASKED = re.compile(
    rf"(?:(?:有|是)(?:哪些|哪几个|哪几家|什么)(?:客户|单子)"
    rf"(?:(?:正|还|都)?在(?:跟进|跟|谈|推|做)(?:着|的)?|{STAGES_ASKED})?[?？吗呢]?"
    # (or their kind asked, by the question word only: "还有哪几个学校在跟", "有哪几家医院")
    rf"|(?:有|是)(?:哪些|哪几个|哪几家)(?:{_BOOK_NOUN})"
    rf"(?:(?:正|还|都)?在(?:跟进|跟|谈|推|做)(?:着|的)?|{STAGES_ASKED})?[?？吗呢]?"
    r"|(?:手上|手里|名下)[^，,。；;？?\s]{0,4}?有(?:几|多少)(?:个|家)(?:客户|单子)[?？吗呢]?"
    rf"|(?:客户|单子|{_KIND_WORDS})(?:都|一共)?(?:有|是)?(?:几[家个单]\s?(?:都|分别)?(?:是|有)?)?"
    r"(?:哪些|哪几个|哪几家)[啊呀]?[?？呢]?"
    # (or those at a stage, in hand or in a place, with no noun: "谈判阶段的有哪几家", "在跟的有哪些")
    rf"|(?:{STAGES_SAID}(?:阶段)?中?|在跟进?|在谈|跟进中|手上|手里|名下|那边|这边)的(?:有|是)(?:哪些|哪几个|哪几家)"
    r"[?？呢]?"
    # (or the customers in someone's hands asked to be listed: "王强手上的单子列一下", "我名下的客户都列出来";
    # or those at a stage: "把组里在谈判阶段的单子列一下")
    rf"|(?:手上|手里|名下|那边|在跟|负责|{STAGES_SAID}阶段)的?(?:{_BOOK_NOUN})(?:都|全部|全)?(?=\s?(?:跟|给|帮)?我?列)"
    # (or the listing asked first, the customers after: "列一下王强手上谈判阶段的单子", "帮我列下组里在
    # 跟的医院")
    rf"|^(?:麻烦|请)?(?:跟|给|帮)?我?列(?:一下|一哈|下|个|出)[^，,。；;？?]{{0,12}}?"
    rf"(?:手上|手里|名下|组里|那边|在跟|负责|{STAGES_SAID}阶段)的?(?:{_BOOK_NOUN})[?？吧呢哈]?\s*$)"
    # (and listed, how they are getting on or how far each is, asked after: "王强在跟的客户有哪些 进展
    # 怎么样了", "医院单子有哪些？各自到哪个阶段了，列一下")
    rf"{_BOOK_TAIL}"
    # ...or how far they all are asked: "何丽手上的客户现在都到哪一步了", "我那几个客户都啥阶段了"
    rf"|客户们?[^，,。；;？?\s]{{0,4}}?都{_HOW_FAR}"
    # (the deals or customers of a kind said as several: "王强常州那几个单子现在都到什么阶段了")
    rf"|(?:几个|几家|那些|这些)(?:{_BOOK_NOUN})[^，,。；;？?\s]{{0,4}}?(?:都|各自|分别){_HOW_FAR}"
    # (or how those several are getting on, the noun left out: "李明无锡那几家现在都啥情况",
    # "我苏州那几个客户最近都什么进展")
    rf"|(?:那|这)几(?:个|家)(?:{_BOOK_NOUN})?[^，,。；;？?\s]{{0,4}}?(?:都|各自|分别)"
    r"(?:是|有)?(?:什么|啥|怎么个)(?:情况|进展|进度|状况)[?？呢啊]?\s*$"
    # ...or which are at a stage, the question word first: "我手上还有哪些客户在报价阶段？", "哪几家卡在谈判"
    # (or still in hand: "哪几个学校还在跟？")
    rf"|(?:哪些|哪几个|哪几家)(?:{_BOOK_NOUN})?(?:现在|目前|还|都)*"
    r"(?:(?:在|处于|停在|卡在)(?:初筛|需求确认|方案演示|报价|谈判|签约|交付)(?:阶段)?"
    r"|正?在(?:跟进|跟|谈|推)(?:着)?)[?？呢吗]?"
    rf"{_BOOK_TAIL}"
)
# The kind of customer a book question asks for: before 客户 or 单子 ("医院单子", "学校的客户"), after the
# question word or a count ("哪几个学校", "那几家医院"), or before the question ("在跟的医院有哪些").
_KIND_ASKED = re.compile(
    rf"(?P<a>{_KIND_WORDS})的?(?:客户|单子)"
    rf"|(?:哪些|哪几个|哪几家|几个|几家|那些|这些)(?P<b>{_KIND_WORDS})"
    rf"|(?P<c>{_KIND_WORDS})(?:都|一共)?(?:有|是)(?:哪些|哪几个|哪几家)"
)


def kind_asked(text: str) -> tuple[str, str] | None:
    """The kind of customer a book question asks for ("医院"), and the pattern of the words one of
    that kind has in its name (`CUSTOMER_KINDS`); None when it names none."""
    m = _KIND_ASKED.search(text)
    if m is None:
        return None
    kind = m["a"] or m["b"] or m["c"]
    return kind, "|".join(CUSTOMER_KINDS[kind])


def asks_for_book(text: str) -> bool:
    """Whether the message asks which customers someone has (`BOOK_ASKED`), not a day's or the late ones."""
    t = text.strip()
    return BOOK_ASKED.search(t) is not None and DAY.search(t) is None and OVERDUE.search(t) is None


# The day of the last contact asked: "上次拜访是什么时候", "我上次约的啥时候" (see _Report.told too).
_WHEN_LAST = r"(?:上次|上回)[^，,。；;\s]{0,6}?(?:是)?(?:哪天|哪一天|什么时候|啥时候|几号)"
# ...or the last or latest one's ("X最近一次是什么时候跟的", "X最后一次拜访是哪天"): a past contact asked,
# never the day's list of those to follow up
_WHEN_LATEST = re.compile(
    rf"{_WHEN_LAST}|(?:最近|最后)一次[^，,。；;\s]{{0,6}}?(?:是)?(?:哪天|哪一天|什么时候|啥时候|几号)"
)
LEAD_QUERY = Screened(
    r"^\s*(?:帮我)?(?:查|看下|看看|看一下)|最近怎么样|最近如何|怎么样了|咋样了?$|怎样了|近况|跟进情况|跟得怎么样"
    # how it stands now, asked last: "X那单现在怎么样", "X而家点样" (Cantonese, read 现在怎样)
    r"|(?:现在|目前)(?:怎么?样|如何)[?？]?\s*$"
    r"|有(?:没有)?(?:进展|进度|动静|消息|更新)(?:吗|没|没有|了吗)?[?？]?$|最新(?:进展|进度|情况|动态)[?？]?$"
    r"|最后一次.{0,6}(?:哪天|什么时候|啥时候|几号)"
    # ...or the last contact's day asked: "X上次拜访是什么时候", "我上次约的啥时候"
    rf"|{_WHEN_LAST}"
    # ...or what was said or done then: "X上回跟的啥子", "上次聊的什么来着"
    r"|(?:上次|上回)[^，,。；;\s]{0,4}?(?:跟进?|聊|谈|沟通)的(?:是|都是)?(?:什么|啥)"
    # ...or what the customer took then: "X的王工上次要的轴承是什么型号", "他们上回订的是哪款"
    r"|(?:上次|上回|之前)(?:要|买|订|定|采购|拿|用|选)的[^，,。；;\s]{0,8}?(?:是|用的是)?(?:什么|啥|哪个|哪款|哪种|哪一款|多少)"
    r"|(?:电话|手机|手机号|联系方式|邮箱|微信号?)(?:号码)?(?:是多少|多少|呢[?？]?$|有吗|有没有)|有人(?:在)?跟吗|有没有人跟"
    r"|查一下|查下|查询|查查|调出来|调一下|什么阶段|哪个阶段|(?:什么|啥)状态|到哪了|聊到哪|跟到哪|哪一步|什么进度|啥进度|进度如何|进度怎么?样|进展如何|有什么进展|啥进展|啥情况"
    r"|的(?:电话|手机号?|联系方式|邮箱|微信号?|地址)(?:号码)?[?？。]?$"  # "X王总的联系方式": asked as a noun
    r"|是谁在跟|谁在跟|谁跟的|跟进记录|跟进历史|最近一次|是哪个客户|是哪家|哪家的|谁的客户|是谁的|有没有人联系"
    # one of its facts asked: "X的预算是多少来着", "X上次报价多少", "X现在谁负责"
    r"|(?:预算|报价|价格|地址|需求|用量)(?:是|大概|一共)?(?:多少|多大|啥|什么)|(?<!几点)来着[?？]?$|谁(?:在)?(?:负责|对接)"
    # ...who handles it, asked by 哪位 and a role: "X由哪位销售对接？", "X是哪个同事在跟"
    r"|(?:哪位|哪个|哪一位)[^，,。？?\s]{0,6}?(?:在)?(?:负责|对接|跟进?)(?![了过])"
    # its records under other names, or brought up: "调出X的全部联系记录"
    r"|(?:沟通|联系|拜访|通话|往来)(?:记录|历史)|^\s*(?:请|麻烦|帮我)?调出"
    r"|(?:查|看).{0,12}(?:资料|信息|情况)|(?:资料|信息|情况).{0,4}(?:查|看)"
    # sent to the asker, or asked in a word: "X的情况发我一下", "X 历史记录", "X info"
    r"|(?:资料|信息|情况|记录)(?:发|给)我|历史记录|(?<![A-Za-z])info[?？]?\s*$"
    # ...or a contact's number asked for again: "X张经理的手机再发我一下" (not "他的电话发我了")
    r"|的(?:电话|手机号?|联系方式|邮箱|微信号?)(?:号码)?(?:再|重新)?(?:发|给|推)(?:我|一下)(?!了)"
    r"|(?:联系人|对接人|负责人)(?:是)?(?:谁|哪位|叫什么|叫啥)"
    # a step of its deal asked about: "X那边合同签了没", "X货发了吗"
    r"|(?:签|定|签约|中标|发|到|交付|付款|回款|打款)了?(?:没|吗|没有)[?？]?\s*$"
    # any step asked done or not, in the words of a question: "X那单尾款结了没", "样机退回来了没有"
    r"|[\u4e00-\u9fff]了(?:没|没有)[?？]?\s*$"
    r"|有(?:没有)?(?:回复|回音|回信|答复)(?:吗|没|没有|了吗)?[?？]?$"
    # its record asked made, 么 the question's word as 吗 in the south: "X那个建好了么？", "X录进去了没"
    r"|(?:建|录|录入|登记|建档)(?:好|上|进去|进系统)?了?(?:吗|么|没|没有)[?？]?\s*$"
)
ONE_CUSTOMER_QUESTION = Screened(
    r"(?:是)?谁(?:在)?跟的?(?![\u4e00-\u9fff])"  # "这个邮箱是谁跟的": whose customer, not a day's list
    # who made its last contact ("X上次是谁去的"; "明天谁去" asks the colleagues)
    r"|谁(?:去|跑|拜访|联系|见|打)的(?![\u4e00-\u9fff])"
    # ...or who was in touch lately: "X那边最近谁联系过"
    r"|谁(?:去|跑|拜访|联系|见|打|跟)过[?？]?\s*$"
    # ...or who entered it: "X那个线索是谁录的"
    r"|谁(?:录|录入|建|报备|登记)的(?![\u4e00-\u9fff])"
    r"|(?:单子|项目|客户)?(?:现在)?(?:在|归)谁(?:手上|手里|那)|是哪(?:家|个|位)[^\s，。,]{0,4}的|哪(?:家|个)[^\s，。,]{0,4}的来着"
    r"|(?:电话|手机|手机号|联系方式|邮箱)(?:号码)?(?:是)?多少|最近怎么样|有人(?:在)?跟吗"
)
# An inquiry the customer sent us, with the channel it came by ("采购微信发了个询价过来", "邮件发来询盘"):
# their message, not a contact of the rep's.
INQUIRY_SENT = re.compile(
    r"(?:微信|邮件|邮箱|QQ|短信|钉钉)?上?(?:发了|发来了?|发过来了?)(?:一)?(?:个|份|条)?"
    r"(?:询价|询盘|咨询)(?:单|函)?(?:过来|来)?"
    # ...or said by where it came from: "网上来的咨询", "官网进来的询盘"
    r"|(?:网上|线上|官网|网站|平台|微信|邮件|邮箱|QQ|短信|钉钉)上?(?:进|过)?来的(?:询价|询盘|咨询)(?:单|函)?"
)
NEW_LEAD = Screened(
    r"新线索|新客户|新增线索|新lead|(?<![A-Za-z])new\s?(?:lead|customer|client|prospect)(?![A-Za-z])|新单|新询盘|新来的(?:询盘|线索|客户|lead)|转个线索|转介绍|推荐个客户|推荐一个|推荐的|介绍的|录个|建个线索|登记|线索[:：]"
    r"|有个新|(?:接到|拿到|收到|搞到)(?:了)?(?:个|一个)?(?:新|好|大)?的?(?:lead|线索|客户|询盘)|(?:朋友|客户|老客户|同行|熟人|同学|亲戚)(?:介绍|推荐|推过来|推了?(?:个|一个))"
    # "开学季来了个新的 X…": a new one has come in
    r"|来了(?:一)?个新的(?=[\s，,:：])"
    # a customer the rep has just won over: "新开发了一家客户", "新谈下来一个客户", "开发了个新客户"
    r"|新(?:开发|谈下来?|拓展|开拓)了?(?:一|1)?[个家位]客户|(?:开发|拓展|开拓)了?(?:一|1)?[个家位]新客户"
    r"|拿到的?(?:名片|联系方式)|换了名片|收的名片|^\s*(?:展会|会议|活动|论坛|饭局)?\s?名片(?:[:：]|\s)"
    # a customer passed on by a colleague: "转一个客户过来：…", "转个客户给你"
    r"|转(?:了)?(?:一|1)?(?:个|家)(?:新的?)?客户(?:过来|给)"
    # (also for someone else: "帮同事录一个 X …", "录一家")
    r"|帮我录|帮忙录|帮忙建|帮[\u4e00-\u9fff]{1,3}录(?:一下|一个|个|入)|录(?:一|1)(?:个|家|条)|介绍[:：]|介绍了?(?:一个|个|一家|家)|建个客户|建一个客户|新建客户|加个客户|添加客户|录入客户|转过来的|录一下|录个"
    # "给X建条线索", "建一条：…"; a prospect not yet reached: "还没联系人 先挂我名下"
    r"|建(?:一|1)?(?:个|条)(?:新的?)?(?:线索|lead|商机)|建(?:一|1)?(?:个|条)\s*[:：]"
    r"|(?:还|暂时|目前)没(?:有)?(?:联系人|对接人)|挂(?:在)?我名下"
    # a prospect handed over: "加个线索", "要了个线索", "周六加个lead", "同事推的线索"
    r"|(?:加|添|新增|新加|要了|转|收到|接到|来了|搞到|挖到|分享?)(?:了)?(?:一|1)?(?:个|条)[^，,。！!\s]{0,3}?(?:线索|lead|商机|询盘)"
    # ...or as the note's heading, with no count: "加线索 X公司 …", "帮我添加商机：…"
    r"|^\s*(?:帮我|帮忙|麻烦)?(?:加|添加|新建|新加|录入?|建)\s?(?:新的?)?(?:线索|lead|商机)"
    # one handed out to the team: "给大家派个线索", "派单：…"
    r"|派(?:了)?(?:一|1)?(?:个|条)?(?:新的?)?(?:线索|lead|商机|单)"
    # one passed on by whoever found it, headed by a colon: "渠道推过来一个：X", "市场部转来一家：X";
    # a partner's registration of a prospect: "代理商报备：X"
    r"|(?:推|转|介绍|派|分)(?:过来|来|给我)了?(?:一|1)?(?:个|家|条)\s*[:：]|报备\s*[:：]"
    r"|(?<![这那哪每几])(?:一|1)?(?:个|条)(?:新的?)?lead|lead\s*[:：]"
    r"|(?:推|给|转|介绍|发|送)(?:过来|来)?的(?:线索|lead|商机)"
    # ...or headed as one: "新增 X公司 …", "线索 深圳一家游戏公司 …"
    r"|^\s*(?:新增|新加|线索|lead|商机|新客)\s*(?:[:：]|\s)|^\s*新\s*[:：]"
    # an inquiry that came in: "客户来电咨询", "官网来了个询价", "扫到一个意向客户"
    r"|(?:来电|打来)(?:咨询|询价)(?![^，,。\s]{0,6}(?:售后|维修|发货|物流|进度|投诉|退货|开票|发票|付款|安装))"
    r"|(?:来了|收到|接到|有)(?:一)?个?(?:询价|询盘|咨询)|(?:官网|网站|平台|400)(?:留言|询价|咨询|来的)"
    # ...told as a customer unknown asking on some channel: "有个客户在公众号问X多少钱", "有个老板抖音上咨询Y"
    r"|^\s*有(?:一)?个(?:新的?)?(?:客户|老板|买家)[^，,。；;\s]{0,8}?(?:问|咨询|询价|想买|要买)"
    r"(?![^，,。\s]{0,6}(?:售后|维修|发货|物流|进度|投诉|退货|开票|发票|付款|安装))"
    r"|(?:个|家)(?:新的?)?意向客户|新的(?:意向)?客户"
    # the prospect reaching out by adding the rep: "客户wx加我的：…", "有个客户主动加了我微信"
    r"|(?:客户|有人)(?:主动)?\s?(?:wx|vx|微信|企微)?\s?加了?我(?:的|微信|wx|vx|好友)"
    # ...said of a person of some kind: "有个店老板加我微信了", "有一个采购主动加了我好友"
    r"|有(?:一)?个[^，,。；;\s]{1,8}?(?:主动)?\s?(?:wx|vx|微信|企微)?\s?加了?我(?:的|微信|wx|vx|好友)"
    # ...or the rep adding one, someone unknown (个): "刚加了个客户微信", "加了一个采购的微信"
    r"|加了(?:一)?个(?:新的?)?(?:客户|老板|采购|买家)的?\s?(?:wx|vx|微信|企微|好友)"
    # a first meeting: "饭局上认识了X的老板", "展会上认识的", "展会上加了个微信"
    r"|(?:认识了|认识的|刚认识|新认识|结识|(?<![不没])认识(?:一)?个(?!人))(?!很久|多年|好久|[一二两三四五六七八九十几半多\d]+(?:年|个月))"
    r"|初次(?:见面|接触)|第一次(?:见面|接触)|首次接触"
    # "展会上刚加的 X": a first contact at an event; "线索来源：官网" heads a lead form
    r"|(?:展会|展位|会议|饭局|酒局|活动|论坛|峰会|沙龙)上?(?:刚|新)?加(?:的|了)|(?:线索|客户)来源\s?[:：]"
    # ...or a customer come across there: "展会上碰到个客户", "论坛上遇到一个采购"
    r"|(?:展会|展位|会议|饭局|酒局|活动|论坛|峰会|沙龙|交流会|博览会)上?(?:刚|刚刚)?(?:碰到|遇到|遇见)了?(?:一)?(?:个|位)"
    r"(?:新的?)?(?:客户|老板|采购|买家)",
    re.IGNORECASE,
)
# A buyer's public notice of a purchase to come: "X发布采购意向公告，拟采购…", "X的招标公告挂网了"
# (a tender the rep is in, "我们报价已提交", is read before as a stage).
PURCHASE_NOTICE = re.compile(
    r"(?:采购意向|招标|采购|询价|比选|遴选|需求)(?:公告|公示)|(?<![不没])拟(?:采购|招标|购置|购买)"
)
# A prospect handed to the bot to keep, in the rep's words: "记一下 X 要…", "帮我加一个 X", "… 先记上".
# Beside a contact told it asks to log that contact ("记一下 今天拜访了X"), so it counts only without one
# (so does a heading "记一下：" later on: "今天跑X，记一下：1. 见了…" notes the round's visits).
HAND_OVER = re.compile(
    r"^\s*(?:帮我|帮忙|麻烦)?(?:记一下|记下|记个|加一个|加个|添一个|添个)(?![^\s，,:：]{0,2}(?:跟进|拜访|日程|提醒))"
    r"|记一下[:：]"
    r"|先(?:记|录)(?:上|下|一下|着|进去)(?:吧|哈|啊)?[。！!~～\s]*$"
)
# A customer's own words pasted by the rep: a forwarded message, or one that greets and introduces
# its writer ("王经理您好，我是X的采购…"). They are read as the customer channel's messages are.
FORWARDED = re.compile(
    r"^\s*(?:【转发[^】]{0,6}】|\[转发\]|转发[:：]|fwd?[:：]|(?:客户|网站|官网|平台)?(?:留言|询盘|来信|私信)[:：])",
    re.IGNORECASE,
)
# The rep's own note after the pasted words, saying how they answered ("——客户发的邮件，我回他周一给报价",
# "——送货时当面问的 我说明天补上"): a contact with a known customer, reported.
# (or saying it was answered or where it came: "—— X 符老板。已回复，明天…", "微信上收到的，我下周三过去")
ANSWERED_AFTER = re.compile(
    r"(?:——|--)[^—]*?(?:我(?:回了?|说|答复|答应|告诉|跟(?:他|她|对方)说)|已(?:经)?回复?(?![\u4e00-\u9fff])|回复了"
    r"|(?:微信|邮件|邮箱|短信|钉钉|QQ)上?收到的)"
    # ...or after the pasted words' closing mark and a pause, the rep speaking of themself:
    # "【转发】…快来看看！ 我已经回了电话 明早过去" (not the customer's own "我想…")
    r"|(?<=[。！!？?~])\s+我(?:已经?|刚|刚才|刚刚)?(?:回了|回过|答复了|答应了|跟(?:他|她|对方)说了)"
)


def pasted_note(text: str) -> tuple[int, int] | None:
    """The rep's note after a customer's forwarded words ("【转发】… —— X 符老板。已回复，…"): where the
    note starts and where its answer word is, or None when the message is no such paste."""
    if FORWARDED.search(text) is None:
        return None
    m = ANSWERED_AFTER.search(text)
    return None if m is None else (m.start(), m.end())


# Contact details swapped with someone no contact is reported with ("展会上加了个微信 X 陈经理"):
# a first contact. Beside a reported contact it is part of that contact ("演示完 店长加了微信").
SWAPPED = re.compile(
    r"加了(?:个|他|她|对方|好多|很多|不少|一堆|几个|一圈)?的?微信|(?:交换|换)了?(?:个|好多|很多|不少)?(?:名片|微信)"
)
# A call that came in ("刚接到一个电话，X的应总打过来的"): with the caller's number and what they
# want, an inquiry like 来电咨询.
INBOUND = re.compile(
    r"接到(?:了)?(?:一个|个|一通|通)?(?:陌生)?电话|打(?:过来|进来)的|(?:客户|有人|陌生)来电|电话(?:打)?进来的"
)
# ...and what tells it comes from a customer already in touch ("上次送的", "又打来").
KNOWN_BEFORE = re.compile(r"上次|上回|之前|又|还是|再")
SELF_INTRO = re.compile(r"(?:您好|你好)[，,！!。\s]*(?:我是|我们是|我们公司|我司|我们单位|我们医院|我们学校)")
# ...and a greeting the rep wrote to a customer ("王总您好，我是华锐的小张，报价发您了") asks nothing.
ASKS_US = re.compile(r"想|需要|打算|计划|准备|能否|可否|能不能|麻烦|请(?:尽快|联系|安排|回电)|咨询|询")
# A customer asks us out ("X的王总说请我们吃饭 哈哈"): small talk unless it carries business.
INVITED = re.compile(r"请(?:我们|咱们|大家|我)(?:去)?[^，,。]{0,8}(?:吃|喝|玩|唱|钓鱼|打球|旅游|聚)")
# ...or gives us a present ("X的刘经理送了我们两箱脐橙 哈哈"): small talk too, unless a contact is told
# with it or the thing given is business ("送了咱们几包样品").
GIFTED = re.compile(
    r"(?:送|寄)(?:了|给)?(?:我们|咱们|大家|我)?(?:[一两几三每人]{1,3})(?:盒|箱|些|点|瓶|袋|份|包|筐|篮|提|罐|斤|只|条)"
    r"(?![^，,。！!？?]{0,4}(?:样|资料|图纸|合同|报价|标书|清单|货|产品|配件))"
    r"|送(?:给)?(?:我们|咱们|大家|我)(?:尝尝|尝一下|喝|吃|试吃|品尝)"
)
BUY_INTEREST = re.compile(
    r"想代理|想采购|要采购|想了解|想咨询|想上|想要|想进|想换|想做|想用|想买|需要|有需求|报个价|多少钱|什么价"
    # the customer turning to us for what a rival sells: "想找我们报X", "想找咱们做"
    r"|想找(?:我们|咱们|我司|咱家)(?:报|做|买|订|采购|合作)"
)
# ...or what they will replace or have made, said with 要 ("血凝仪要换", "要定做一批工装"): a prospect's need
# unless the customer was heard saying it ("护士长说要换款" tells a contact).
WANTS_CHANGED = re.compile(r"要(?:换|更换|定做|订做|买|订购)")
# ...or a product of the catalog wanted: "要纸箱", "要做彩盒" (not "还要X": more of what they have).
_WANTS_BEFORE = re.compile(r"(?<![还也再])要(?:做|订|买|换)?\s?$")


def _wants_goods(text: str, facts: Facts) -> bool:
    return any(_WANTS_BEFORE.search(text, max(0, s - 3), s) is not None for s, _ in facts.goods)


# A customer's complaint about what we supplied ("你们上个月装的X老是误报", "你们发的货坏了两箱"):
# after-sales, not a purchase, unless they buy more in it ("你们去年装的X挺好 想再加两台").
AFTER_SALES = re.compile(
    r"你们[^，,。？?！!]{0,10}?(?:装|卖|发|送|供|做|修|换|调试|安装|印)(?:来|过来|到)?的[^，,。？?！!]{0,16}?"
    r"(?:误报|坏|故障|漏|不(?:制冷|工作|好用|灵|亮|响|行|转)|失灵|问题|毛病|异响|报警|停机|色差|破损|受潮|发霉|错了|少了)"
    # the invoice for what they bought asked after: "上个月那批X的发票什么时候开过来", "发票还没收到"
    r"|(?:发票|专票|普票)[^，,。？?！!]{0,8}?(?:什么时候|啥时候|何时|还没|怎么还|开过来|寄过来|在催)"
    r"|(?:催|补开|重开)[^，,。？?！!]{0,4}?(?:发票|专票|普票)"
    # bought from us before and someone asked to come and look: "去年在你们这买的X 现在…派人来看看"
    r"|(?:在|从)你们(?:这|那|家|这边|那边|店里|公司)?(?:买|订|采购|装)的[^？?]{0,30}?(?:派(?:个)?人|上门|维修|修一下|售后)"
)
BUYS_AGAIN = re.compile(r"(?:再|还|多)(?:买|要|订|采购|加|上|做)|报(?:个)?价|多少钱|价格|新(?:项目|店|厂|仓)")
CUSTOMER_BUY = Screened(
    r"想|要|需要|采购|咨询|了解|报价|价格|多少钱|多钱|代理|批发|合作|进货|订|买|联系|电话|手机|预算|卖不卖|有没有"
    # in English: "We'd like 120 hoodies", "looking for a quote"
    r"|(?<![A-Za-z])(?:we'd like|we would like|we need|we want|looking for|interested in|quote|quotation"
    r"|price|budget)(?![A-Za-z])",
    re.IGNORECASE,
)
# Gone to the customer on a day already come, a part of it between or not ("今天下午去X把合同签了"), said
# in the north too ("今儿后晌去X了", "昨儿晌午到的X"); goods that arrived are no visit ("货今天到了").
_WENT_ON_A_DAY = (
    r"(?:(?:今天|今儿|昨天|昨儿|前天|前儿|刚才?|上个?(?:周|星期|礼拜)[一二三四五六日天])"
    r"(?:一?早|早上|上午|中午|下午|晚上|傍晚|前晌|晌午|后晌|头午|过晌)?"
    # (a past day with the hour said too: "昨天上午10点去X送了报价", "前天下午三点半到的X")
    r"|(?:昨天|昨儿|前天|前儿|上个?(?:周|星期|礼拜)[一二三四五六日天])"
    r"(?:一?早|早上|上午|中午|下午|晚上|傍晚)?"
    r"(?:\d{1,2}(?:[:：]\d{2}|点(?:半|\d{1,2}分?)?)|[一二三四五六七八九十两]{1,3}点(?:半|[一二三四五]十分?)?)"
    r"(?:多|左右)?"
    # the part of the day alone, opening the note ("上午去X 见了…", "早上到X"); said later it is rather
    # the plan ("华茂签了，下午去他们公司"), as is one to look around ("下午去X看看")
    r"|^(?:一早|早上|上午|中午|下午|晚上|傍晚|前晌|晌午|后晌)"
    r"(?=[去到](?![^，,。；;\s]*(?:看看|一趟|一下|瞧瞧|聊聊|坐坐|转转|拜访|再说))))"
    # (or asked over by them that day: "王总今天上午约我去他们厂里，把合同签了")
    r"(?:(?:约|叫|请|喊|邀请?)我们?(?=去))?"
    # (nor goods in: "第一车昨天到的"; nor a place told by when it was once gone to, before the contact:
    # "上周五去过的那家X，今天微信聊了")
    r"(?:去了?|到(?!了?的?(?:[\s，,。！!；;]|$))了?)(?![年月天点号周不])(?!过的)"
)
# Gone round their place, said with 上 for 去 as in the north: "上X溜达了一圈", "上他们厂转了一趟" (not a
# time before it: 上午, 上周, 上次转了).
_WENT_ROUND = (
    r"(?<![要想备算再得会])上(?![午周个次回月礼星半年面边头班级线网传报去来])[^，,。；;\s]{1,12}?"
    r"(?:(?:溜达|转悠|逛)了?|(?:转|走)了(?:一圈|一趟|一大圈|两圈))"
)
# Gone somewhere, not a thing sent on its way ("报价单已经发过去了", "样品寄过去了").
# nor handed up ("报价单交上去了") nor sent out ("报价发出去了")
# At their place, as a visit ("今天上门了"), not a service of that kind offered ("我们的上门校准服务").
_AT_DOOR = r"(?<!的)上门(?![^\s，,。；;]{0,4}服务)"
# A call the rep placed, said with 打过去 ("我刚打过去了"): not money sent ("尾款打过去了") nor a visit.
# ...or said with no one before it, a clause of its own after the person ("王工 打过去了").
_CALLED_OVER = r"(?:(?:我|刚|刚才|刚刚)打(?:过去|回去)|(?:^|(?<=[\s，,。；;]))打(?:过去|回去)了)"
# (nor gone off to a meal or a rest of one's own: "我先吃饭去了", "开会去了")
_GONE = (
    r"(?<![发寄传邮递转汇交送打报]过)(?<![交递送报]上)(?<![发寄传邮递转交送报]出)"
    r"(?<!吃饭)(?<!开会)(?<!午休)(?<!休息)(?<!睡觉)去了"
)
# A line that got through ("电话打通了", "打通了他手机"), not systems joined ("订单要跟商城打通").
_GOT_THROUGH = (
    r"(?:电话|手机|座机)[^，,。；;\s]{0,4}?打通|打通了?[^，,。；;\s]{0,16}?(?:电话|手机|座机)"
    r"|(?:终于|总算|才|没)打通"
)
# Something done at their place, said as done: "在他们办公室签的字", "在对方公司聊了一上午".
_AT_THEIRS = (
    # (or their hotel, hospital, school, works or site: "在他们酒店签了试用协议"); a works, a shop or a
    # site said alone is theirs too ("今天在厂里签的字", "在工地谈完了"), unlike 公司 or 办公室 (ours)
    r"在(?:(?:他们|她们|他|她|对方|客户)的?(?:公司|厂里?|办公室|单位|会议室|门店|店里|酒店|宾馆|医院|学校|工厂|车间|仓库|工地|食堂)"
    r"|厂里|车间|工地|店里|门店)"
    r"(?:里|那边)?"
    r"(?:签|谈|聊|盖|开|坐|待)(?:的|了|完)"
    # (or what was settled there said with 把: "在他们单位把合同签了", "在对方厂里把章盖完了", also with
    # whom, said between: "在他们公司财务那边把协议签了")
    r"|在(?:他们|她们|他|她|对方|客户)的?(?:公司|厂里?|办公室|单位|会议室|门店|店里|酒店|医院|学校|工厂)(?:里|那边)?"
    r"(?:[^，,。；;\s把]{1,6}?(?:那边|那儿|这边))?把[^，,。；;\s]{1,8}?(?:签|盖|定|敲)[^，,。；;\s]{0,4}?(?:了|完|好)"
    # (or in the office of their person, called by surname and title: "在龚部长办公室盖的章")
    r"|在[\u4e00-\u9fff]{1,2}(?:总|总工|部长|经理|主任|处长|科长|局长|院长|校长|书记|老板|董事长)的?办公室里?"
    r"(?:签|谈|聊|盖|开|坐|待)(?:的|了|完)"
)
# Done at the person's place, said with 的: "下午去潘总那盖的章", "去他们那边签的合同" (not "去那边的路上",
# "去X那签的话").
_DONE_AT_THEIRS = (
    r"去[^，,。；;\s]{1,12}?(?:那边|那里|那儿|那)"
    r"[盖签谈看聊拿交坐吃装调测量试验][^，,。；;\s]{0,3}?的(?!话|时候|路)"
)
# An English word for a contact (meeting, call, con-call, demo) said held: by when it was, with 的 before
# it ("今天下午的meeting", "上午的con-call"), or by how it went after it ("meeting很顺利", "demo挺成功"); one
# to come is neither ("下周约个meeting", "明天有个call", "希望明天的meeting顺利").
_HELD_WHEN = r"(?:今天|今早|昨天|前天|上午|下午|早上|中午|晚上|刚才?|刚刚)[^，,。；;\s]{0,4}?的\s?"
_WENT_WELL = (
    r"\s?(?:(?:很|挺|非常|特别|比较|还算|还挺|蛮|都)(?:顺利|成功|圆满|愉快)"
    r"|(?:顺利|成功|圆满)(?:了|结束|完成))"
)
_EN_MEETING = r"(?<![A-Za-z])(?i:meeting)(?![A-Za-z])"
_EN_CALL = r"(?<![A-Za-z-])(?i:con-?call|conf(?:erence)?\s?call|call)(?![A-Za-z])"
_EN_CONCALL = r"(?<![A-Za-z])(?i:con-?call|conf(?:erence)?\s?call)(?![A-Za-z])"
_EN_DEMO = r"(?<![A-Za-z0-9_.@/-])(?i:demo)(?![A-Za-z0-9_.@/-])"
_MEETING_HELD = (
    rf"{_HELD_WHEN}{_EN_MEETING}|{_EN_MEETING}(?={_WENT_WELL}|\s?(?:开完|结束))"
    rf"|(?:开|参加)(?:了|完)(?:个|一个|一场|场|次|一次)?\s?{_EN_MEETING}"
)
_CALL_HELD = (
    rf"{_HELD_WHEN}{_EN_CALL}|{_EN_CALL}(?={_WENT_WELL})|{_EN_CONCALL}(?=\s?(?:了|完|过|开完|结束))"
    rf"|(?:开|参加|打)(?:了|完)(?:个|一个|一通|通|次|一次)?\s?{_EN_CONCALL}"
)
_DEMO_HELD = rf"{_HELD_WHEN}{_EN_DEMO}|{_EN_DEMO}(?={_WENT_WELL})"
# Received by them ("接待我的是…", "他们接待了我们"), not the word for a place or a purpose of
# receiving guests ("新盖的接待中心", "接待室", "接待用的水", "接待标准"), which tells no contact.
_RECEIVED = r"接待(?![楼室处厅区台用费餐量]|中心|标准|工作|任务|规格|能力|酒店|宾馆|茶)"
# Gone over with them ("跟他把数量对了一下"), not the "by the way" that opens a message or a clause
# ("对了 X那单黄了"), which tells no contact.
_WENT_OVER = r"(?<=[^\s，,。；;！!~])对了"
# Met, said the spoken way ("总算见着了", "见着面了", "见着他们厂长了"), not missed ("没见着").
_MET_AT_LAST = r"(?<![没未看])见着(?:了|面|[^，,。；;！!？?]{1,14}?了(?![吗么没?？]))"
# ...or met just now or on a day said, the person after: "昨天下午刚见过X科长", "上午见过他们总工" (not met
# some time before, "以前见过", nor asked: "今天见过吗").
_MET_WHEN = r"(?:刚|刚刚|刚才|今天|昨天|前天|上午|下午|中午|晚上|早上)见过(?![吗么没?？])"
# A place of theirs looked over, said done: "X屋顶看完了", "场地看过了", "Y主任那边看完了" (not "看完了吗").
# A visit and a report of one, read apart from REPORTED and KIND_VISIT: a first character of theirs that
# comes early in many messages would have their long patterns tried from there.
SEEN_THERE = Screened(
    r"(?<=场地|现场|屋顶|楼顶|厂房|车间|教室|机房|仓库|工地|房子|店面|门店|园区|校区|那边|那里|那儿)"
    r"看(?:完|过)了(?![吗么没?？])"
    # ...or the place said after it ("看完现场了", "看过车间了"), or surveyed ("勘察完了", "踏勘过了")
    r"|看(?:完|过)了?(?:现场|场地|厂房|车间|工地|机房|仓库)(?!了?[吗么没?？])"
    r"|(?:勘察|勘查|勘测|踏勘|复勘)(?:完|过)(?!了?[吗么没?？])"
)
# At a place with the person, talking: "在X教育局装备中心跟孔主任聊了两个小时" (not on a line: "在微信上跟
# 他聊了", nor a rival talked to: "在跟X谈了").
_TALKED_THERE = (
    # (the place may hold 和 or 与 of its name: "在仁和跟周主任聊了"; not one to come: "明天在X跟他
    # 把合同签了")
    r"(?<![要想备算划会将])(?<!明天)(?<!后天)(?<!下周)(?<!下周.)在(?!线上|网上|微信|电话|视频|群|腾讯|钉钉|飞书|路上|车上|高铁|飞机|跟|与)[^，,。；;\s]{2,24}?"
    r"(?:跟|和|与)[^，,。；;\s]{1,8}?(?:(?:聊|谈|坐|对接|碰|聊天)了"
    # (or till late, "在X跟卢矿长聊到九点多", or a thing gone over with them, "在X跟甘部长把价格过了一遍")
    r"|(?:聊天|聊|谈)到(?=[一二两三四五六七八九十\d]{1,3}点|半夜|深夜|很晚|天黑)"
    r"|把[^，,。；;\s]{1,20}?(?:过|对|捋|核|理|讲)了一?遍"
    # (or the deal settled there with them, "在X跟Y院长把合同签了", "在X和周总签的字": signed in person)
    r"|把[^，,。；;\s]{1,8}?(?:签|盖|定|敲)[^，,。；;\s]{0,4}?(?:了|完|好)|签(?:了|的|完))"
    # (or with no one named, for a while: "在X的Y厂聊了一个钟头", "在他们店里谈了一上午")
    r"|在(?!线上|网上|微信|电话|视频|群|腾讯|钉钉|飞书|路上|车上|高铁|飞机)[^，,。；;\s跟和与]{2,24}?(?:聊|谈|坐)了"
    r"(?=(?:一|两|半|几|好几)(?:个)?(?:钟头|小时|上午|下午|晚上|天)|半天|一会儿?|好久|很久)"
)
# A meal with the customer, not the writer gone off to eat ("我先吃饭去了 晚点补"): 吃饭去了 tells the
# writer away unless someone is eaten with ("跟王总吃饭去了").
_MEAL = (
    r"吃饭(?!去了)|(?:跟|和|与|陪|请)[^，,。；;\s]{1,10}?吃饭去了"
    # ...said in English, held: "had dinner with the owner", "Lunch with 杜总监 today" (not one to come:
    # "Next: dinner with the owner tomorrow")
    # (found from "with", so that few messages are searched for it)
    r"|(?<![A-Za-z])with(?![A-Za-z])(?:(?<=[Ll]unch with)|(?<=[Dd]inner with)|(?<=[Bb]reakfast with))"
    r"(?:(?<=[Hh]ad lunch with)|(?<=[Hh]ad dinner with)|(?<=[Hh]ad breakfast with)"
    r"|[^,.;!?\n]{1,30}?(?<![A-Za-z])(?i:today|yesterday|just\s+now|earlier|this\s+(?:morning|afternoon|noon))"
    r"(?![A-Za-z]))"
)
# Gone to their place and talked with their person, said done: "去X门店跟店长谈了", "去厂里和李工聊过了"
# (not "明天去X跟他谈", a plan).
# (or with no one named: "去县卫健委谈了监护仪的项目", not one still to come: "想去X谈了再说")
_WENT_AND_TALKED = (
    r"去(?![年])[^，,。；;\s]{1,16}?(?:跟|和|与)[^，,。；;\s]{1,10}?(?:聊|谈|坐|商量|沟通|对接)(?:了|过)"
    r"|(?<![要想再准备算得])去(?![年])[^，,。；;\s跟和与]{2,12}?(?:谈|聊)了(?![吗么没?？])"
)
# Gone to their place to find their person, said done: "先到X找了Y科长", "到X找Y聊了会儿", "去X那边找李总对了
# 下方案" (not a plan, "明天到X找王总", nor a place that is no place: "到时候找他", "去年找了X", "收到X找了",
# "到网上找了")
_WENT_TO_FIND = (
    r"(?<![要想备算得该打收做找达遇碰拿见听看等送直报迟签轮])(?:到|去|跑了?一?趟)(?![年底时处现期手货账位网])"
    r"(?!百度|平台|系统|群里|朋友圈)[^，,。；;\s找]{2,16}?(?:那边|那儿|那里)?找"
    # (someone found, not something: "去仓库找了样品", "到网上找了资料")
    r"(?:了(?![几一两三四五六七八九十\d个家些点下]|资料|样|东西|材料|文件|图纸|案例|信息|数据|货|发票|合同"
    r"|地方|位置|房|店面|工作|人手)"
    r"|[^，,。；;\s]{1,10}?(?:聊|谈|坐|商量|沟通|对接|对|问)(?:了(?!解)|过))"
)
# Looked something over together with their person: "和X的钱主任一起看了图纸" (not on a line).
_LOOKED_WITH = (
    r"(?:跟|和|与)(?![^，,。；;\s]{0,20}?(?:视频|线上|网上|电话|腾讯|远程|网络|钉钉|飞书|语音|微信|(?i:zoom|teams)))"
    r"[^，,。；;\s]{1,20}?(?:一起)?看了(?![吗么没?？])"  # (two of them: "跟X的李主任还有小段一起看了")
)
# The rep reports a contact that happened.
REPORTED = Screened(
    rf"{_DONE_AT_THEIRS}|拜访|{_AT_DOOR}|见面|见了|见到|{_MET_AT_LAST}|{_MET_WHEN}|通了|通完|打了|打电话|打[我他她你]的?电话|电话里|电话跟|电话沟通|电话联系|电话回访|微信上|微信跟|微信聊|微信(?:沟通|联系|回访)|视频|演示"
    rf"|试用|讲了|聊了|沟通了|(?:方案|产品|技术)(?:汇报|宣讲|介绍)(?:完|了|过)|确认了|{_MEAL}|吃了|吃(?:完|过)饭|喝了|回访|发了|发给|邮件|{_GONE}|{_WENT_OVER}|约了|跟进[:：]|跟进记录[:：]|通话|来电话|给.{{0,20}}打"
    rf"|当面|面谈|{_WENT_ON_A_DAY}|谈了(?:一|半|两|几)|开完.{{0,4}}会"
    r"|发(?:到|至)了?[^，,。；;]{0,20}(?:邮箱|微信|手机|QQ)"  # "把报价发到了沈经理邮箱"
    r"|发[^，,。；;\s]{1,8}?(?:邮箱|微信|QQ)(?:里|上)?了"  # "报价单已经发他邮箱了" (done, not "明天发他邮箱")
    # "报价单微信发过去了" (not "明天微信发过去")
    r"|(?:微信|邮件|QQ)(?:上|里)?(?:已经?)?发(?:过去|出去|出)了"
    r"|去[^，,。；;\s]{0,12}(?:看了|走了|转了)"  # "上周六去X现场看了"
    rf"|{_WENT_ROUND}"
    r"|打完|聊完|谈完|见完|刚从|从[^，,。；;\s]{1,20}出来|走访"
    rf"|{_WENT_AND_TALKED}|{_LOOKED_WITH}|{_WENT_TO_FIND}"
    rf"|{_GOT_THROUGH}"
    r"|拨通|📞|☎|电话(?:没人?接|没通|打不通)"
    rf"|{_CALLED_OVER}|{_TALKED_THERE}"
    # the customer sent the rep a picture or a file: "把设备清单拍给我了", "图纸传过来给我了"
    r"|(?:拍|传|甩)(?:过来)?给我(?:了|的)"
    r"|(?:碰到|遇到|碰见|遇见|偶遇)(?!.{0,2}(?:问题|困难|麻烦|情况|故障|bug))"
    r"|(?<![A-Za-z])(?:call|phone)(?:了|过|完)|(?<![A-Za-z])phone(?=\s?follow)"
    rf"|{_RECEIVED}|待了|(?<![法能])跑了|开了.{{0,6}}会|参观了|考察了|带我(?:看|参观|转|逛|去)"
    rf"|{_AT_THEIRS}"
    r"|(?<![A-Za-z])(?:visited|met|called|had a (?:call|meeting))(?![A-Za-z])"  # "today visited X"
    # a terse card names how the contact went as a field: "X 李主任 电话 合同续签了"
    # (a number after it is the contact's: "电话 0411-…")
    r"|(?:^|\s)(?:电话|微信|视频|邮件|上门|拜访)(?=\s+[^\d\s+（(])(?!\s+[A-Za-z][\w.-]*[\d_])"
    r"|致电|接的电话|接了电话|打给|回了?电话|来电|接(?:到|了)[^，,。；;]{1,30}?电话(?![号是:：\d])"
    # "X主管微信回了", "X电话回我了": they wrote or called back
    r"|电话问|(?:微信上?|电话)(?:说|讲|告诉|通知|回复|回了|回过|回我)"
    # they called to press for something (not one to press them later: "明天电话催一下")
    r"|(?<![天周后再])电话催(?![一下个])"
    r"|(?<![A-Za-z])(?:meeting with|met with|call with)(?![A-Za-z])"
    r"|开完[^，,。；;]{0,10}?(?<![A-Za-z])(?i:meeting|call)(?![A-Za-z])"  # "刚开完online meeting"
    r"|(?<![A-Za-z])visit(?=\s?(?:了|过|完|✅|✔|☑))"
    r"|现场(?:勘察|勘查|勘测|踏勘|考察|测量|量了|看了|查看|调研)|来了?(?:个|一个|一通|通)电话"
    r"|电话(?:打了|打过|回了|回过)"
    rf"|{_CALLED_OVER}"
    # 电话 said as the verb after the day ("X今天电话 …"), the customer come to us ("来我们公司了",
    # "到我司看了样品"), a meeting or a call in English ("meeting today", "call我了")
    r"|(?:昨天|今天|前天|早上|上午|中午|下午|晚上|刚才?)电话(?![号是:：\d])"
    r"|(?<![轮等])(?:来|到)(?:了|过)?(?:我们|咱们|我司|本公司)(?:公司|厂|厂里|工厂|展厅|门店|店里|办公室|这边)?"
    r"(?:来)?(?:了|过|看|参观|考察|谈|聊|坐|试|验)(?![吗么没])"
    r"|(?<![A-Za-z])(?i:meeting|met|call(?:ed)?)\s?(?:today|yesterday|this (?:morning|afternoon))(?![A-Za-z])"
    r"|(?<![A-Za-z])(?i:call)\s?我"
    rf"|{_MEETING_HELD}|{_CALL_HELD}|{_DEMO_HELD}"
    # in touch, said done: "已联系X", "联系了王总" (not "没联系过", "再联系")
    r"|(?<![没未不再要人谁])(?:已经?联系|联系(?:了|过))"
)
# What the customer said or thought: "王总说预算批了" tells a contact even with no word for it.
# (not what the customer heard from others, "听说", nor a thing left unsaid, "预算没说")
TOLD = re.compile(r"(?<![听没])说|表示|反馈|答应|同意|觉得|认为|嫌|回复|确认(?:好|过)了")
# A contact planned again ("下周再联系") follows one that happened.
AGAIN = re.compile(r"再(?:去|来|联系|约|打|谈|跟|拜访|过去|沟通|聊|看|见)")
# "那个要60个球机的物流园 现在什么进度": the progress or the owner of whatever stands before it.
PROGRESS = Screened(
    r"到?哪一?步|(?:什么|啥|哪个|哪一个)阶段|(?:什么|啥)状态|状态(?:如何|怎么样)|什么进度|啥进度|进度如何|进度怎么?样|进展如何|什么进展|啥进展|有什么进展|什么情况|啥情况|怎么样了|咋样了?|怎样了"
    r"|有(?:没有)?(?:进展|进度|动静|消息|更新)(?:吗|没|没有|了吗)?[?？]?$|最新(?:进展|进度|情况|动态)[?？]?$"
    r"|有没有人跟|有人(?:在)?跟吗|谁在跟|(?:是)?谁跟的|跟(?:进)?到哪|聊到哪|谈到哪|(?:进展|进度|推进|做)到哪"
    r"|(?:联系人|对接人|负责人)(?:是)?(?:谁|哪位|叫什么|叫啥)"  # "X那个项目对接人是谁"
    r"|(?:单子|项目|订单|合同|案子)(?:现在|目前)?(?:走|推进|进行|谈)?到哪"  # a deal's, not a parcel's
    r"|的(?:电话|手机号?|联系方式|邮箱|微信号?|地址)(?:号码)?[?？。]?$"  # "X钱总的联系方式"
    r"|(?:签|定|签约|中标|交付|付款|回款|打款)了?(?:没|吗|没有)[?？]?\s*$"  # "X那边合同签了没"
    + "|"
    + _WHEN_LATEST.pattern  # "X最近一次是什么时候跟的"
)
LOOK_UP = re.compile(r"^\s*(?:帮我|帮忙|麻烦)?(?:查一下|查下|查查|查询|查|搜一下|搜下|找一下|找下)")
# A look asked for before the customer ("帮我看下X到哪一步了", "看一下X的进度"): where its name starts; not
# a look-up for the intent ("看看明天的安排" asks for no customer).
_LOOK_AT = re.compile(r"^\s*(?:帮我|帮忙|麻烦|给我)?(?:看一下|看下|看看)")
# ...what is looked at, last: "帮我看下X那个客户的情况", "看一下X的进度"
_LOOK_AT_WHAT = re.compile(
    r"(?:那个客户|那家|那边|那个单子)?的?(?:情况|进度|进展|资料|信息|跟进记录)\s*[?？。.!！~～]*$"
)
# ...or asked for last, after what is wanted of it: "X的客户信息查一下", "X的资料帮我调一下"
LOOK_UP_LAST = re.compile(
    r"(?:资料|信息|情况|记录|档案|电话|联系方式)\s*(?:帮我|帮忙|麻烦)?"
    r"(?:查一下|查下|查查|查询|调一下|调出来|看一下|看下)\s*[?？。.!！~～]*$"
)
# What may stand before a progress question without naming anything.
_PROGRESS_FILLER = re.compile(
    r"现在|目前|最近|眼下|那个|这个|那家|这家|帮我|帮忙|给我|查查|查下|查一下|看看|看下|请问|问下|问一下"
    r"|[你我他她]们?|那边|这边"
    r"|(?:今天|明天|昨天|本周|这周|上周|本月|这个月)|[\s，,。？?！!的了呢啊呀吗哈~～]"
)
# A note to the team ("大家注意安全", "新闻大家看到没"): small talk when it names no customer or product.
TO_THE_TEAM = re.compile(
    r"(?:大家|各位)(?:都|有)?(?:看到|看了|知道|听说)(?:了)?(?:没|吗|么)"
    r"|(?:大家|各位)(?:都|出门|路上)?(?:注意|小心)"
    # ...or greeted first, the care asked later: "各位早，今天有暴雨，出门注意安全"
    r"|^\s*(?:大家|各位)[^?？]{0,40}?(?:注意|小心)(?:安全|身体|防暑|保暖|路滑)"
)
# (also "周末有人一起去看展吗")
ASKS_COLLEAGUES = re.compile(
    r"谁知道|谁一起|谁有空|有人知道|谁能|谁有|谁去|有(?:没有)?人(?:要)?(?:一起|有空|顺路)"
)
# The writer asking for time off ("下午我能请个假吗", "想请半天假"): a word to the boss, no customer's deal
# (not the customer away: "王总请假了").
ASKS_LEAVE = re.compile(r"(?:我(?:能|可以|想|要|得)?|能|可以)(?:请|休)(?:个|一天|半天|两天|几天|年)?假")
# Small talk about a customer ("王总说谢谢", "X的王总人不错"): a courtesy or a word on the person.
PLEASANTRY = re.compile(
    r"谢谢|感谢|多谢|人(?:挺|很|真|还|蛮|特别)?(?:不错|好|靠谱|实在|爽快|热情|客气|nice)|(?:挺|很|真|蛮)(?:客气|热情|好相处)"
    r"|哈哈|😂|🤣"
)
KIND_DEMO = Screened(
    r"演示|试机|试切|试吃|(?<!调)试完|试做|品鉴|讲了.{0,20}(?:方案|框架)|讲方案|讲解|做了.{0,12}培训"
    # a finish tried on their parts or their line ("做了试涂板", "试喷了两块", "上线试粉了"), not one asked
    # for or still to come ("想试喷", "先试涂一块"), nor samples sent for them to try ("寄过去试喷")
    r"|(?<![要想能请先备算去来])试(?:涂|喷|刷|铺|贴|印|染|焊)(?![剂料液])|(?<![想要能先])上线试[\u4e00-\u9fff]{0,2}?了"
    # ...or a drink brought by the rep and tasted, or a machine run by them, said done: "带了两款去X给
    # 他们领导试饮", "试运行了一个钟" (not one still to come: "想试喝", "先试开一下"; nor a sample left for
    # them to taste later: "她拿去给副行长试喝"; a sample only looked at, "看了样车", is the visit's)
    r"|带[^。；;！!？?]{0,30}?(?<![要想能请先备算去来再])试(?:喝|饮)(?!杯|装|品)"
    r"|(?<![要想能请先备算去来再])试(?:开|运行|运转)了"
    # ...or handed to someone there to taste, said done: "给何老板试喝了两款", "让店长试吃了新品"
    r"|(?:给|让|请)[^，,。；;\s]{0,8}?试(?:喝|饮|尝|吃)了"
    # a consultant's findings presented to them: "做了诊断汇报", "做了调研报告解读"
    r"|做了[^，,。；;\s]{0,6}?(?:诊断|调研|评估|测评|审计)(?:报告)?(?:汇报|解读)"
    r"|(?:方案|产品|技术)(?:汇报|宣讲|介绍)(?:完|了|过)"
    # ...or told by how it went: "今天下午的方案汇报很顺利", "产品宣讲挺成功" (one to come is not said so)
    r"|(?:方案|产品|技术)(?:汇报|宣讲|讲解)(?:会)?(?:很|挺|非常|特别|比较|还算|还挺|蛮|都)?(?:顺利|成功|圆满)"
    # the proposal presented, said done ("讲完方案了", "方案讲了一个小时"), or a technical exchange held
    # ...to a person named between: "方案给张理事长讲了一遍", "方案跟他们介绍完了"
    # (when between too: "方案今天给总工X讲完了")
    r"|方案(?:今天|昨天|前天|刚才?|刚刚|已经|上午|下午|早上|晚上){0,2}(?:给|跟|和|向)[^，,。；;\s]{1,10}?(?:讲|介绍|汇报)(?:了|完|过)"
    r"|讲完[^，,。；;\s]{0,8}?方案"
    # ...or gone through with them: "把整套方案给他们过了一遍" (not one still to go: "明天把方案过一遍")
    r"|方案(?:今天|昨天|前天|刚才?|刚刚|已经|上午|下午|早上|晚上){0,2}(?:给|跟|和|向)[^，,。；;\s]{1,10}?过了(?:一)?遍"
    # (when it was said between: "方案今天讲完了", "方案上午已经介绍过了"; or how thoroughly: "把方案从头
    # 讲了一遍", "方案详细介绍了")
    r"|方案(?:今天|昨天|前天|刚才?|刚刚|已经|都|也|上午|下午|早上|晚上|从头到尾|从头|完整|详细|仔细|重新){0,2}(?:讲|介绍)(?:了|完|过)|(?:做|搞|开)了?(?:个|一个|一场|一次|次)?[^，,。；;\s]{0,10}?技术交流"
    # the machine handed to them to try, done ("给他们试了一下", "让操作手试了一把")
    r"|(?:给|让)[^，,。；;\s]{0,8}?试了(?:一下|下|一把|一圈|一遍)"
    r"|试乘|试驾|试车(?!间|场)|试穿|试戴|试听|试睡|试躺|试坐"  # the customer tries the thing itself
    # ...played or ridden: "让学员试弹了两台", "试骑了一圈", "试玩了半小时" (not one asked for: "想试骑")
    r"|(?<![要想能请先备算去来再])试(?:弹|奏|骑|玩)(?!具|品|卷|题)"
    # ...at our place: "来店里试了新款", "来我们展厅试了样机" (a visit to us to try it is a demo)
    r"|来(?:了|过)?(?:我们|咱们|我司)?(?:店里|门店|展厅|公司|厂里|场里|这边)[^，,。；;\s]{0,4}?试[睡躺坐穿戴用]?了"
    # the machine tried by the rep on the customer's own ground ("去老乡棉田里试了下采棉机", "去他们船上试了
    # 一下"), not one to come ("明天去地里试一下")
    r"|(?<![要想再会能准备打算])去[^，,。；;\s]{1,12}?(?:里|上|边|现场)(?:给[他她]们?)?试了(?:一)?下(?![午])"
    # the English word for one held ("现场demo了", "做了个demo", "Demo做完了"), not one planned ("next
    # week demo") or wished for ("想看demo"), nor a part of an address
    r"|(?<![A-Za-z0-9_.@/-])demo(?=\s?(?:了|完|过|做完|做了|结束))"
    # ...said done in English: "Did the IPTV demo at X", "demo'd the app", "demoed"
    r"|(?<![A-Za-z])did\s+(?:them\s+|him\s+|her\s+)?(?:the|a|an|our)\s+"
    r"(?:[A-Za-z0-9\u4e00-\u9fff-]+\s+){0,3}?demo(?![A-Za-z])"
    r"|(?<![A-Za-z])demo(?:'d|ed)(?![A-Za-z])"
    # ...or said held by when or how it went: "上午的demo", "demo很顺利"
    rf"|{_DEMO_HELD}"
    # held on the line too ("做了线上demo", "搞了个远程demo"): the demo, not the channel, is the kind;
    # watched by the customer is held as well ("来公司看了demo")
    r"|(?:做了|做过|现场|搞了|看了|看过)(?:个|一个|一场|场|一次)?\s?(?:线上|在线|远程|视频)?\s?demo(?![A-Za-z0-9_.@/-])"
    # ...or of a named thing ("做了SLS的demo", "看了排班系统的demo"): what was shown, then 的
    r"|(?:做了|做过|搞了|看了|看过)(?:个|一个|一场|场|一次)?[A-Za-z0-9\u4e00-\u9fff]{1,10}?的\s?demo(?![A-Za-z0-9_.@/-])"
    # ...or of a thing named right before it, with no 的: "做了配方demo", "做了打样demo" (not a plan said
    # between: "做了准备下周demo")
    r"|(?:做了|做过|搞了)(?:个|一个|一场|场|一次)?(?!准备|下周|明天|后天|下次)[\u4e00-\u9fff]{1,4}?\s?demo"
    r"(?![A-Za-z0-9_.@/-])"
    # ...or of a thing named in English: "做了spinning demo", "搞了个rowing demo"
    r"|(?:做了|做过|搞了)(?:个|一个|一场|场|一次)?\s?[A-Za-z][A-Za-z0-9 -]{0,15}?\s?demo(?![A-Za-z0-9_.@/-])"
    r"|做了.{0,12}(?<![A-Za-z])POC(?![A-Za-z])|(?<![A-Za-z])POC(?:测试)?(?:做完|做了|结束|完成|通过)"
    # a trial held, not one wished for ("说要试用", "想试用", "先试用20盏") nor the machine on trial
    # ("试用的PCS")
    # (nor one someone else is running: "中牧也在做试用")
    # (nor a trial account or licence handed over, no showing: "试用账号给开了", "开了个试用版")
    r"|(?<!要)(?<!想)(?<!能)(?<!以)(?<!请)(?<!费)(?<!备)(?<!算)(?<!意)(?<!先)(?<!在做)(?<!在)试用"
    r"(?![的期]|协议|合同|账号|帐号|账户|版|码|名额|license)"
    # (how a trial went, told on a call: "试用反馈不错", "试用一个月效果不错" is no demo held now)
    r"(?!反馈|效果|情况|结果|报告|下来|通过|合格"
    # (a trial's length then its verdict: "试用两周 没问题", "试用一个月 挺好")
    r"|了?\s?[一两三四五六七八九十几半多](?:个)?(?:周|天|月|礼拜|星期|段时间)\s?(?:的)?"
    r"(?:效果|反馈|下来|后|以来|没问题|没啥问题|挺好|不错|可以))"
    # our product shown or tried in front of them: "做了样品展示", "现场做了分散性测试", "看了我们的样机"
    r"|(?:样品|产品|现场)展示|展示了|现场(?:做|搞)了?[^，,。；;\s]{0,12}(?:测试|试验|实验)"
    r"|看了?(?:我们|我司|咱们)的[^，,。；;\s]{0,12}(?:样机|样品|演示)|讲了(?:我们|我司|咱们)"
    # a machine run on site for them: "现场飞了一趟", "现场跑了一遍"
    r"|现场(?![看量走转查勘聊谈等坐待盯问催])[\u4e00-\u9fff]了(?:一趟|一遍|一次|一圈|几[趟遍圈次])"
    # ...or for the person shown: "现场给他跑了一下", "现场给客户开了一遍"
    r"|现场给(?:他|她|客户|对方)们?(?![看量走转查勘聊谈等坐待盯问催])[\u4e00-\u9fff]了(?:一趟|一遍|一次|一圈|一下|几[趟遍圈次])"
    # a sample or a trial run made on site for them, said as done: "做了胶水的现场试胶", "现场打样了"
    # (not one to come, "下周去现场打样", nor "现场试试看")
    r"|(?:做了|搞了)[^，,。；;\s]{0,8}?现场(?:试(?![试一着下看过用])[\u4e00-\u9fff]|打样)"
    r"|现场(?:试(?![试一着下看过用])[\u4e00-\u9fff]|打样)了"
    # a showing held for the customer's people on the ground: "搞了个现场观摩会", "开了一场示范会"
    r"|(?:搞|办|开|组织|举办)了(?:个|一个|一场|场|一次)?[^，,。；;\s]{0,6}?(?:观摩会|现场会|示范会|演示会)"
    # the machine run in front of them, said with whom it was shown to: "现场试运行给他看了", "开起来跑给
    # 客户看过" (not a file passed on: "转给他看了")
    r"|(?:运行|运转|跑|操作|试|演|飞)[^，,。；;\s]{0,6}?给(?:他|她|客户|对方|人家|老板|领导)们?看(?:了|过)",
    re.IGNORECASE,
)
# How long a call went, said between the verb and the call: "打了半个小时电话", "通了十来分钟的电话".
_HOW_LONG = (
    r"(?:[一两二三四五六七八九十几半\d]+(?:多|来)?(?:分钟|个(?:多)?(?:小时|钟头?)|小时|钟头?)(?:多)?的?)"
)
KIND_CALL = Screened(
    # said in English: "confirmed on the phone", "talked over the phone", "phoned 钟总"
    # (found from "phone", so that few messages are searched for it)
    r"(?<![A-Za-z])(?i:phone)(?:d|(?<=[Tt]he phone)|(?<=[Bb]y phone))(?![A-Za-z])|"
    rf"(?:打|通)了{_HOW_LONG}电话|"
    # (打过 as well: "邬科长那边刚打过电话"; not one never made: "还没打过电话")
    r"(?<![没未])打过(?:个|一个|一通|通)?电话|"
    r"打了?个?电话|通了?个?电话|通完电话|电话(?:里|跟|和|与|搭|沟通|联系|回访|跟进|中|上|确认了|聊|谈|商量|过去|过来)|来电话|来电|通话"
    r"|打电话|打[我他她你]的?电话|电话里|语音|打完电话|电话回访"
    r"|(?<![A-Za-z])(?i:called|had a call)(?![A-Za-z])"
    # a call that came in or what was said on it: "来了个电话", "昨晚电话说…"
    r"|来了?(?:个|一个|一通|通)电话|(?<!的)电话(?:说|讲|告诉|通知|答复)|(?<![天周后再的])电话催(?![一下个])"
    # a call come in, said with 打来 ("段主任刚又打来 说…", "陈生打来咨询"; not money: "尾款打来了")
    r"|打来(?=\s|[，,。说问咨找讲])"
    # 电话 said as the verb: "昨天电话 X", "电话了"
    r"|电话了|(?:昨天|今天|前天|早上|上午|中午|下午|晚上|刚才?)电话(?![号是:：\d])|打给|回了?个?电话|回电"
    r"|(?<!的)电话(?=\s+[^\d\s+（(])"  # "曾总电话 想要…", "电话 ok" (a number after it is the phone)
    r"|(?<!的)电话(?=[\U0001F300-\U0001FAFF\u2600-\u27BF\uFE0F]+)"  # "胡总电话👌 移动冷库要三台"
    rf"|致电|接的电话|接了电话|{_GOT_THROUGH}|拨通|打(?:过来|进来|来)的|📞|☎|电话问"
    # a call taken from someone named in between: "刚接到X公司行政部陈薇的电话"
    r"|接(?:到|了)[^，,。；;]{1,30}?电话(?![号是:：\d])"
    r"|(?<![A-Za-z])(?i:call with|call w/)(?![A-Za-z])|打了[^，,。；;\s]{0,20}(?:座机|手机|的电话)"
    # the customer called in: "刚打过来 说…" (not money sent: "尾款打过来了")
    r"|(?:刚|刚才|刚刚|今天|早上|上午|中午|下午|晚上)打(?:过来|进来)"
    # ...again, said of them: "下午他又打过来 X要50箱" (not money: "他又打过来两万")
    r"|(?:[他她]们?|对方|客户)(?:刚|刚才|刚刚|今天|早上|上午|中午|下午|晚上)?(?:又|也)打(?:过来|进来)"
    r"(?![\d一二两三四五六七八九十几万]|的?(?:钱|款))"
    # a call that did not get through is still the call ("电话没人接 发了短信")
    r"|电话(?:没人?接|没通|不通|打不通|占线|关机|无人接听)"
    # the call said as going over it once: "跟X电话过了一遍", "电话对了一下" (not "电话过去": planned)
    r"|电话(?:过|对|捋|碰|理)了?(?:一遍|一下|一轮|一次)"
    r"|(?<![A-Za-z])(?:call|phone)(?:了|过|完)|(?<![A-Za-z])phone(?=\s?follow)|(?<![A-Za-z])(?i:call)\s?我"
    # ...said done in English: "X call done", "call finished"
    r"|(?<![A-Za-z])(?i:call)\s?(?i:done|finished|over)(?![A-Za-z])"
    # the English noun after a Chinese verb: "通了个call", "打了个call", "开了个call"
    r"|(?:(?:通|开)了?|打了)(?:个|一个|一通)\s?(?i:call)(?![A-Za-z])"  # not "给新品打个call": cheering
    # the phone said first, the call done after it: "电话打了两次才接", "电话回了X"
    r"|电话(?:打了|打过|回了|回过)"
    # a time set on a call: "王主任电话约好了", "电话定了下周去"
    r"|电话(?:约|定|敲定)(?:好|了)"
    rf"|{_CALLED_OVER}|{_CALL_HELD}"
)
KIND_ONLINE = Screened(
    # (not the label of an address: "邮箱 leo@…", "微信号 wx123", "微信同手机" give a way to reach them,
    # no contact; but the message pasted after it, "转发X微信：「…」", came by WeChat)
    r"(?:邮箱|email|e-mail)(?![:：\s]*[\w.+-]+@)|微信(?!号|\s*[:：](?!\s*[「『“\"])|同(?:手机|电话|号))|QQ(?![:：\s]*\d)"
    r"|邮件|视频|腾讯会议|飞书|线上会|远程会|钉钉|企业微信|video|zoom|teams|webex|skype"
    # the English words for a meeting held on the line ("开完online meeting", "online聊了", "had a virtual
    # call"), not a shop or a place ("online store", "remote area")
    r"|(?<![A-Za-z])online(?=\s?(?:meeting|call|chat|session|会|聊|沟通|开|了|过))"
    r"|(?<![A-Za-z])(?:virtual|remote)\s?(?:meeting|call|chat|session)(?![A-Za-z])"
    # online as the channel, not as what the customer wants held or sold online ("想搞个线上直播")
    r"|(?:线上|网上)(?!直播|活动|培训|课|展|发布|年会|签到|抽奖|商城|店|销售|渠道|推广|营销|报名|投票)"
    # WeChat as reps type it ("wx 技术标收到了"), not the label of an id ("wx: abc123"), and a chat group
    r"|(?<![A-Za-z])(?:wx|vx|wechat|weixin)(?![A-Za-z])(?![:：\s]*[A-Za-z0-9_-]*\d)"
    # LINE, the chat app of Taiwan and Japan, said before what was done on it ("LINE聊了一下", "用LINE传了
    # 报价"), not an English line ("production line")
    r"|(?<![A-Za-z])line(?![A-Za-z])(?=\s?(?:上|里)?(?:聊|跟|和|沟通|联系|通话|视频|语音|说|讲|传|发|问|回))"
    r"|(?<=[用在])\s?line(?![A-Za-z])"
    r"|(?:在|拉了?个?|建了?个?)群里?|群里(?:跟|和|聊|沟通|说|发)"
    r"|发(?:到|至|去)了?[^，,。；;]{0,20}邮箱",  # "报价单发到了许院长邮箱 x@…": sent by e-mail
    re.IGNORECASE,
)
KIND_VISIT = Screened(
    rf"拜访|陌拜|扫街|{_AT_DOOR}|见面|见了|见到|{_MET_AT_LAST}|当面|{_MEAL}|吃了|吃的饭|吃(?:完|过)饭|喝了|{_GONE}|去.{{0,12}}(?:看了|走了|转了|换了|装了|修了|量了)|陪|{_WENT_ROUND}"
    # a round of the customers' places, counted: "连走两个盘", "上午跑了三家工地", "走了四个门店"
    r"|(?:走|跑)(?:了|完)?[两三四五六七八几\d](?:家|个|处)(?:客户|盘|楼盘|项目|工地|小区|门店|店|厂|现场|学校|医院)?"
    r"(?![^，,。；;\s]{0,2}(?:流程|手续|步|遍|单|分钟|小时|公里))"
    # (or gone there and the deal signed, said done: "去他们那边把协议签了", "我过去签了"; not one to come,
    # "明天过去把合同签了", nor "过去签了很多年")
    r"|(?<![要想备算再会准将回出失上下进过])(?<!明天)(?<!后天)(?<!下周)(?<!到时)(?<!明天我)"
    r"(?:去(?![年])[^，,。；;\s]{0,12}?|过去)(?:把[^，,。；;\s]{1,8}?)?(?:签|盖)(?:了|完|好)(?![吗么没?？])"
    # (or gone there and the job done: "去X量完房了", "去X送完样了")
    r"|去(?![年])[^，,。；;\s]{1,12}?(?:量|送|装|调|测|签|谈|聊|看)完"
    # (or into their place and talked there, said done: "去所里谈了", "去厂里聊了一上午"; not "谈了解")
    r"|(?<![要想备算再])去[^，,。；;\s]{0,6}?(?:里|那边|那儿)(?:谈|聊|坐)了(?!解)"
    # (or gone, said the Taiwanese way with 有 for the past: "礼拜三有去X找王董", "上午有去工地看")
    r"|(?<![没还要想])有去[^，,。；;\s]{1,12}?(?:找|见|看|拜访|谈|聊)"
    # (or gone there and a job of ours done once: "带师傅去X做了一次保养", "去X做了个检测")
    r"|(?<![要想备算再])去(?![年])[^，,。；;\s]{1,14}?做了(?:一次|一下|个|一个|一回)"
    # (or gone there to fetch something, said done: "去X拿到了招标文件", "去X取了样")
    r"|(?<![过回出失])去(?![年])[^，,。；;\s]{1,12}?(?:拿到|拿了|取了|取到|领了|领到)"
    # measured up on site, said done: "X家量好尺寸了", "量了一下尺寸", "房子量完了"
    r"|量(?:好|完|了)(?:了|一下|下)?(?:尺寸|房)|(?:尺寸|房子?)(?:都|也|已经)?量(?:好|完)了"
    # (or out of it when done: "X刚开完会出来", "谈完合同出来")
    r"|(?:开|谈|聊|签|见)完[^，,。；;\s]{0,4}?出来"
    r"|刚从|从[^，,。；;\s]{1,20}出来|到访|来访|走访|在.{2,12}见(?!过)|午饭跟|饭桌上|饭局上|(?<![顺附连捎])带看"
    # a survey made at their place, in the formal words: "在X调研", "赴X实地调研" (not "做了调研报告")
    r"|(?:在|赴|到)[^，,。；;\s]{2,20}?(?:实地|现场)?调研(?!报告|问卷|表)"
    # met, said done, or arrived in a rush ("见完X的王总", "上午杀到X"); a site visit or survey in English
    # (or sat there for hours: "在他们店里坐了一个多小时"; not a ride, "坐了两个小时的高铁")
    r"|坐了(?:[一两三四五六七八九十几半]个(?:多|半)?(?:小时|钟头?)|半个?(?:多)?(?:小时|钟头?))"
    r"(?!的?(?:车|高铁|动车|火车|飞机|大巴|地铁|公交|船|班车))"
    r"|坐了(?:一?会儿?|一下(?!午)|半天)|见完|杀到|杀过去了|(?<![A-Za-z])(?i:site\s?(?:visit|survey|walk))(?![A-Za-z])"
    # shown round their place or ours, said done: "带X看了展厅", "看了会场", "客户到店看了", "新人来看样板间"
    r"|看了[^，,。；;\s]{0,6}?(?:场地|宴会厅|大厅|会场|展厅|样板间|样板房|厂房|车间|门店|店面|工地|现场)"
    r"|(?<![要想再会能准备打算])(?:到店|到场|来)看(?![看下过])(?:了|过)?(?![吗么没?？])"
    # gone over there to deal with it, said done: "下午已经过去处理了", "刚过去换了" (not "明天过去处理")
    r"|(?:已经?|刚刚?|刚才)(?:过去|到现场|去现场)(?:处理|解决|看|修|换|调|排查)(?:了|过|完)(?![吗么没?？])"
    # gone over and talked there, said done: "下午过去聊了一阵", "过去跟他们谈了半天" (not "过去聊了解一下"
    # nor wished: "想过去聊了再说")
    r"|(?<![要想备算再会准])过去(?:跟|和)?[^，,。；;\s]{0,10}?(?:聊|谈|坐)了(?!解)(?![吗么没?？])"
    # gone as planned, which tells it done: "按计划去X确认图纸", "按约定上门核对了数据"
    # (not a week or a month ahead: "下周按计划上门")
    r"|(?<![要会再将想])(?<!下周)(?<!下个月)(?<!下月)(?<!改天)(?<!到时)(?<!过几天)(?<!过两天)"
    r"按(?:计划|原计划|约定|约好的(?:时间)?|之前约的)(?:的时间)?(?:去|到|上门|过去|前往|赴)"
    # dropped in on the way: "顺路进去聊了下", "顺道过去看了看"
    r"|顺(?:路|道|便)(?:进去|过去|去|到|拐)"
    # met by chance ("展会上碰到X的张总"), not trouble met ("遇到点问题")
    r"|(?:碰到|遇到|碰见|遇见|偶遇)(?!.{0,2}(?:问题|困难|麻烦|情况|故障|bug))"
    # met at a show or an event ("展会上认识了X的采购", "在行业论坛上加了微信"): a meeting in person
    r"|(?:展会|展上|展台|会上|论坛|峰会|博览会|交流会|沙龙|酒会|年会|活动上|聚会)[^，,。；;\s]{0,8}?"
    r"(?:认识|结识|加了?(?:个)?微信|加了?好友|交换了?名片|换了?名片)"
    # the customer taken somewhere to see ("带X主任去Y参观了两个项目"), or come to our place
    # ("带着老板来公司了")
    r"|带[^，,。；;]{0,30}?(?:去|到)[^，,。；;\s]{0,8}?(?:参观|考察|看)了"
    r"|(?<![我要想])来(?:公司|厂里|工厂|展厅)(?:了|过)(?![吗么没])"
    # ...to look at or pick the goods there, said done: "今天来苗圃看苗了", "来基地挑了一批" (not to come)
    r"|(?<![我要想再会能准备打算])来(?:苗圃|基地|仓库|园区|厂里|工厂|展厅|门店|店里|公司|车间|样板间|库房)"
    r"(?:看|挑|选|参观|考察|验)[^，,。；;\s]{0,4}?了(?![吗么没?？])"
    # met at last, said done: "X汪主任终于见上了", "总算见上面了"
    r"|见上(?:面|了)(?![吗么没?？])"
    # ...named ours, where: "来了我们宁波展厅", "来我们总部参观过"
    r"|来了(?:我们|咱们|我司)的?[^，,。；;\s]{0,4}?(?:公司|厂|展厅|门店|店|办公室|总部)"
    r"|(?<![我要想])来(?:我们|咱们|我司)的?[^，,。；;\s]{0,4}?(?:公司|厂|展厅|门店|店|办公室|总部)[^，,。；;\s]{0,2}?(?:了|过)(?![吗么没])"
    # shown the place: "带X的吴总监看房"
    r"|带[^，,。；;]{0,30}?看(?:房|铺|楼|盘|厂|现场|场地|样板|展厅)"
    # ...said done, the place after: "带X的周总看了两个园区的厂房" (not goods taken back: "样品带回去看了")
    r"|带(?![回走])[^，,。；;]{0,30}?看(?:了|过)[^，,。；;\s]{0,12}?"
    r"(?:楼|盘|房|铺|厂|仓库|现场|场地|样板|展厅|园区|工位|办公室|门店|店面|车间|工地)"
    rf"|{_WENT_ON_A_DAY}"
    # gone there, said done after where or when: "X那边今天上午去过了" (not asked: "去过了吗")
    r"|(?:那边|那里|那儿|午|天|晚|刚|已经)[^，,。；;\s]{0,4}?(?<![没未])去过了(?![吗么没?？解])"
    # ...or right after the place named, then a pause: "城南小学去过了，校长挺满意" (not asked, not not gone)
    r"|(?<=[\u4e00-\u9fff]{2})(?<![没未还])去过了(?=[\s，,。；;！!]|$)"
    # asked over by the customer that day, and gone: "王处长今天又约我过去" (not a day ahead: "约我下周过去")
    r"|(?:今天|今儿|上午|下午|刚才)又?约(?:了)?我(?:们)?过去(?![^，,。；;\s]{0,2}(?:吗|么|时候|再))"
    # at their place: "在他们公司跟庄经理谈了一下午", "在X厂里待了一整天" (or a station or a yard of
    # theirs: "在X路站跟周站长把单子定了", "在X堆场和调度碰的"; not a website)
    r"|在[^，,。；;\s]{0,24}(?:公司|厂|厂里|店|店里|办公室|现场|车间|工地|会议室|门店|仓库|园区|展厅|项目部"
    r"|(?<!网)站|(?<!市)场)(?:里|那边)?"
    r"(?:跟|和|与|待|谈|开|聊|看|坐|对接)"
    rf"|{_AT_THEIRS}"
    # where a meeting was held, said after it: "开了个会 在他们公司"
    r"|在(?:他们|她们|对方|客户)的?(?:公司|厂里?|办公室|单位|会议室)(?![\u4e00-\u9fff])"
    # (not kept away: "下午没法跑了", "不能跑了")
    rf"|{_RECEIVED}|(?<![法能])跑了(?![一两三几半整]?(?:天|上午|下午|晚上|整天))|带我们?(?:看|参观|转|逛|兜)|(?<![A-Za-z])(?i:visited|met)(?![A-Za-z])"
    # (said as a step done: "X visit done", "site visit finished")
    r"|(?<![A-Za-z])(?i:visit)(?=\s?(?i:done|finished|completed)(?![A-Za-z]))"
    # in English as reps type it: "visit了X", "X visit ✅", "meeting with X today"
    r"|(?<![A-Za-z])(?i:visit)(?=\s?(?:了|过|完|✅|✔|☑))|(?<![A-Za-z])(?i:meeting with|met with)(?![A-Za-z])"
    # a meeting said held on a day: "meeting today", "met yesterday"
    r"|(?<![A-Za-z])(?i:meeting|met)\s?(?:today|yesterday|this (?:morning|afternoon))(?![A-Za-z])"
    # ...or held, said by when or how it went: "上午的meeting挺成功", "开了个meeting"
    rf"|{_MEETING_HELD}"
    # took something there: "去X送样"; done at their place (_DONE_AT_THEIRS)
    rf"|{_DONE_AT_THEIRS}"
    r"|去[^，,。；;\s]{1,12}送(?:样|货|合同|资料)"
    # papers delivered, said done: "把报价送过去了", "合同今天送到他们办公室了" (the goods delivered,
    # "货送过去了", is the delivery, no contact; one still to take, "下周一把报价送过去", is a plan)
    r"|(?:报价单?|方案|合同|协议|标书|投标文件|资料|材料|文件|图纸|清单)[^，,。；;\s]{0,6}?"
    r"送(?:过去|到[^，,。；;\s]{0,12}?)了(?![吗么没?？])"
    # went to them to talk, done: "下午去X找王经理聊了", "去厂里找老周谈过了" (not "明天去找他聊聊")
    r"|去[^，,。；;\s]{1,12}?找[^，,。；;\s]{1,10}?(?:聊|谈|坐|商量|沟通|对接)(?:了|过)"
    rf"|{_WENT_AND_TALKED}|{_LOOKED_WITH}|{_WENT_TO_FIND}"
    # talked at their home: "跟周先生在他家聊到很晚", "在客户家里谈了一下午"
    r"|在(?:[他她]们?|客户|对方|人家|[\u4e00-\u9fff]{1,3}(?:总|先生|女士|姐|哥))家里?(?:一直|又|先)?(?:聊|谈|坐|喝|吃|看|量|待)"
    # shown around by them: "李主任带我把几个车间走了一遍", "领着我们转了一圈" (not "带我们的人")
    # (or with no one said: "刘主任带着看了车间"; not taken home to look at: "样品带回去看了")
    r"|(?:带|领)(?:着我们?|着|我们?)(?![们的回])[^，,。；;\s]{0,14}?(?:走了|转了|看了|逛了|跑了)"
    # a meeting held with their people ("上午和检验科俞主任开了个会"), not one on the line
    # ("和他们开了个视频会")
    r"|(?:跟|和|与)(?![^，,。；;\s]{0,20}?(?:视频|线上|网上|电话|腾讯|远程|网络|钉钉|飞书|语音|(?i:zoom|teams)))"
    r"[^，,。；;\s]{1,12}?开(?:了|完)(?:个|一个|场|一场|次|一次)?[^，,。；;\s]{0,6}?会"
    # a meeting held at their place: "在X局开了项目启动会", "在X跟他们开完会" (not one online)
    r"|在(?!线上|网上|腾讯|钉钉|飞书|视频|群|电话)[^，,。；;\s]{1,30}?开(?:了|完)(?:个|一个|场|一场)?[^，,。；;\s]{0,12}会"
    r""
    # met face to face: "碰了个头", "碰了个面", "面对面聊了", "面谈"
    r"|碰(?:了|过)?(?:个|一)?(?:头|面)|碰了一?下(?!价)|面对面|面谈"
    # over tea or a meal: "约我喝茶", "喝了个茶", "喝了两泡茶" (a brewing of gongfu tea)
    r"|喝茶|喝了?(?:[一两几]?(?:个|杯|顿|泡|壶))?茶|约我.{0,4}(?:吃|喝|坐坐|聊)"
    # asked over to their place to talk: "张总今天约我过去谈合同", "约我们到厂里看样"
    r"|约我们?(?:过去|去|到[^，,。；;\s]{1,8}?)(?:谈|聊|看|坐|商量)"
    # where the rep was, said first: "上午在盛丰，潘社长说…" (not "在开会", "在路上")
    r"|^(?:今天|今儿|今早|昨天|昨儿|前天|上午|下午|中午|晚上|刚才?)?在(?!开会|路上|家|公司|办公室|外面|出差)[^，,。；;\s]{2,12}(?=[，,。；;\s])"
    rf"|{_TALKED_THERE}"
    # on site: "现场勘察完了", "现场看了冷库"
    r"|现场(?:勘察|勘查|勘测|踏勘|考察|测量|量了|看了|看完|查看|调研)"
    # met, said as done after the person: "X向经理见过了" (not "没见过", "见过吗")
    r"|(?<![没未])见过(?:了|面)(?![吗么没?？])"
    rf"|{_MET_WHEN}"
    # the customer came to us: "来我们公司看样", "到我司考察", "来厂里参观" (not "轮到我们")
    # (any place of ours, named or not: "来我们库里参观了", "到我们基地看样")
    r"|(?<![轮等想要])(?:来|到)(?:了|过)?(?:我们|咱们|我司|本公司)[^，,。；;\s的]{0,4}?"
    r"(?:看|参观|考察|谈|聊|坐|试|验)"
    r"|来(?:了|过)?(?:公司|厂里|工厂|展厅)(?:看|参观|考察|谈|聊|坐|试|验)"
    # ...said as done with no errand: "王总今天来我们公司了", "到我们厂里来过" (not "来我们公司吗")
    r"|(?<![轮等])(?:来|到)(?:我们|咱们|我司|本公司)(?:公司|厂|厂里|工厂|展厅|门店|店里|办公室|这边)?(?:来)?(?:了|过)(?![吗么没])"
    # gone there, said the spoken way with 的: "上午先去的X农场", "八点到的 去的那个X" (not "去的话",
    # "要去的地方")
    r"|(?<=[\s，,。先是又刚天午上早])(?:去|过去)的(?!话|时候|时|地方|人|路)(?=[\u4e00-\u9fff])"
    # gone with someone, said as done: "今天我跟老李一块去的X", "上午和他一起去的" (not "去的话")
    r"|(?:一块|一块儿|一起|一同|一道)(?:去|过去)的(?!话|时候|时|地方|人)"
    # gone in a colleague's place, said as done: "我替他去的X", "代老周跑的" (not "替他去的话")
    r"|(?:替|代)[^，,。；;\s]{1,4}?(?:去|过去|跑)的(?!话|时候|时|地方|人)"
)
# A day and a part of it said before how a quote went over: "报价今天上午当面交给X了", "报价单刚才当场给了".
_DAY_AND_PART = r"(?:今天|昨天|今早|刚才?|刚刚|上午|中午|下午|晚上|早上){0,2}"

SCOPE_TEAM = re.compile(
    r"团队|大家|(?:我们|咱们|咱|本)组|全组|组里|所有人|全员|全部人|整个组|部门|我们团队|各位"
    r"|各人|每个人|每人|各个(?:销售|同事|人)|每个(?:销售|同事)|(?<![A-Za-z])(?i:team)(?![A-Za-z])"
    # everyone in sales named as a whole: "所有销售这个月的排名", "全体同事的业绩"
    r"|(?:所有|全体|全部)(?:的)?(?:销售|同事|业务员)"
    # the whole company's sales: "全公司卖了多少", "整个公司这季度签了几单"
    r"|全公司|整个公司|公司整体"
)
# (also the asker as 本人: "本人名下逾期的客户", or in English: "my overdue leads", "how many did I close";
# not a Roman numeral: "I期临床")
SCOPE_ME = re.compile(
    r"(?<![帮发给教让叫替])我(?!们)|本人(?=名下|的|负责|跟进|跟的)|(?<![A-Za-z])(?:[Mm]y|I)(?=\s+[A-Za-z])"
)

# Stage vocabulary: labels and the ways reps say a deal reached them.
STAGES: tuple[tuple[Stage, re.Pattern[str] | Screened], ...] = (
    (
        Stage.LOST,
        Screened(
            r"输单|丢单|输了|丢了|黄了|没拿下|被.{1,8}拿走|没中标|落标|失败了|单子飞了"
            # ...said with the spoken particle for 了: "丢咯😤", "输啦", "黄喽" (not asked: "丢咯？")
            r"|(?:丢|输|黄)(?:咯|啦|喽|嘞)(?![?？吗])"
            # "X没戏了" (in Hubei and the southwest 冇得戏, 莫得戏), "被人截了", "让同行截胡了"
            r"|(?<!基本)(?<!可能)(?<!估计)(?<!快)(?:没得?|莫得)戏了?(?![吗吧])|被[^，,。；;\s]{0,6}截(?:了|走|胡)|截胡"
            # a tender opened without us: "标开了 我们排第二 没中"
            r"|(?:没|未|没有)中(?:标)?(?![\u4e00-\u9fff])"
            # our bid struck out at the opening: "直接被废标了", "标书被判废标" (not the tender itself voided
            # and put out again: "这次废标了 要重新挂网")
            r"|被(?:判|判定为?|认定为?|作)?废标|(?:标书|投标文件)[^，,。；;\s]{0,4}?被废"
            r"|输给|丢给|被.{1,8}抢走|选了(?:别家|别人|同行|竞品|别的供应商)"
            # "那单没了", "单子没了"; "给了另一家", "选了X的方案" (not ours, not theirs: 我们, 他们)
            r"|(?:那|这)?单子?没了|给了(?:另一家|另外一家|别家|别人)"
            # bought from another supplier: "已经在别家买了", "从别的厂家订了", "找同行做了"
            r"|(?:在|从|找|跟|向)(?:别家|别人|同行|竞品|其他家|另一家|另外一家|别的(?:厂家?|供应商|公司|家))"
            r"(?:那里|那边|那儿)?(?:买|采购|订|定|下单|签|做|拿货)(?:了|好了|完了)"
            # ...or with the other supplier after the verb: "买了别家的", "订了其他家的" (not "别家买了吗")
            r"|(?:买|采购|订|定|选|用)了(?:别家|别人家|同行|竞品|其他家|另一家|另外一家|别的(?:厂家?|供应商|公司|家|牌子))的"
            r"|(?:选了|定了|决定用|选择了)(?!我们|我司|咱们|咱家|他们|她们|对方|客户)[^，,。；;\s]{1,8}的(?:方案|产品|设备|了)"
            # ...or in English, as a CRM's status: "X lost了", "LOST 💔" (not "lost contact", "lost?")
            r"|(?<![A-Za-z])(?i:lost)(?![A-Za-z0-9'’-]|\s?[?？]|\s[A-Za-z])"
            # the effort wasted: "白忙活了", "白忙一场"
            r"|白忙(?:活|乎)?(?:了|一场)"
            # no point going on, said plainly or in the southwest's 莫得 (没有): "莫得搞头了", "这单没搞头了"
            r"|(?:没|没有|莫得)搞头了(?![吗么?？])"
            # no chance left on the deal: "那个项目我们没希望了", "这单没机会了" (not "今天没机会了")
            r"|(?:这|那)(?:一|个)?(?:单|项目|标)[^，,。；;\s]{0,6}?(?:没|没有)(?:机会|希望)了(?![吗么?？])"
            # ours said not wanted any more: "我们的就不要了", "咱家的货也不要了" (not "我们的不要了吗")
            r"|(?:我们|咱们|咱家|我司|我家)的(?:货|产品|东西)?(?:就|也|都)?不(?:要|用)了(?![吗么?？])"
            # the deal given up: "我们这单就算了", "那个项目也就算了吧" (not asked: "这单就算了？")
            r"|(?:这|那)(?:一|个)?(?:单|项目|标)子?(?:就|也|只能|只好){0,2}算了(?!吗|么|\s?[?？])"
        ),
    ),
    (
        Stage.WON,
        Screened(
            r"已经?签约|签约了|签约(?=\s|$|[！!，。\U0001F300-\U0001FAFF\u2600-\u27BF\uFE0F])|签约(?:完成|成功)|(?:完成|成功)签约|签单了|已经?签单|以经签单|合同.{0,4}签了|签了合同"
            # finished signing, or sealed, said done: "合同签好了", "合同已盖章" (not "合同盖章了吗")
            r"|合同.{0,4}签(?:好|完)了(?![吗么没?？])|合同(?:已经?|都|也)盖(?:好|完)?章(?![吗么没?？])"
            # ...with what was mended first, then 已经: "合同改完后今天已经签好了" (not "合同改完了再签")
            r"|合同[^。；;！!？?]{0,12}?(?:已经?|都)签(?:好|完)了(?![吗么没?？])"
            # ...with the seal said first: "合同他们那边章已经盖好了", "合同的章也盖了" (not "章还没盖")
            r"|合同[^，,。；;！!？?]{0,8}?章(?:已经?|都|也|今天|昨天)?盖(?:好|完)?了(?![吗么没?？])"
            # ...or in the clause after the contract's: "合同寄回来了，公章也盖好了"
            r"|合同[^。；;！!？?]{0,20}?[，,]\s?(?:公)?章(?:已经?|都|也)盖(?:好|完)了(?![吗么没?？])"
            # (an acceptance or delivery note signed is the delivery: "签了验收单")
            # signed on a day already come, said with 的: "今天去X签的合同" (see _SIGNED_ON_A_DAY)
            r"|签的(?:合同|字)"
            # ...in the formal words: "已于昨日完成合同签订", "协议签署已完成" (not a goal:
            # "争取月底完成合同签订")
            r"|(?<![争力计预准将要能待等])(?:完成|办完)了?(?:合同|协议)(?:的)?签(?:订|署)"
            r"|(?:合同|协议)(?:的)?签(?:订|署)(?:工作)?(?:已经?|均已|都已)?(?:完成|完毕)(?![吗么没?？])"
            r"|签了(?!.{0,2}[几多]|(?:验收|收货|交接|送货|签收|确认)单?|[^，,。；;\s]{0,6}?(?:试用|技术|保密|意向)协议)"
            # the contract said signed: "那边已经签合同了", "已签合同" (not "下周签合同", "签合同了吗")
            r"|(?:已经?|都)签(?:好|完|订)?了?合同(?![吗么没?？])|签(?:好|完)?合同了(?![吗么没?？])"
            # cheered: "签啦🎉", "拿下啦", "成交咯" (not asked: "签啦？")
            r"|(?:签|签约|签单|成交|拿下|签下来)(?:啦|咯|喽)(?![?？])"
            # ...or in English: "X signed ✅", "合同signed了" (not "not signed", "to be signed", "signed?")
            r"|(?<![A-Za-z])(?<!not )(?<!be )(?i:signed)(?![A-Za-z])(?!\s?[?？])"
            # ...or a CRM's status, in capitals or as won: "X WIN 🏆", "closed won" (not "win-win", "争取win")
            r"|(?<![A-Za-z])(?:WIN|Won|won|WON)(?![A-Za-z0-9'’-])(?!\s?[?？])"
            # the contract said signed with no 了 after it: "合同已签，下周发货" (not "合同已签字吗")
            r"|合同(?:已经?|都)签(?:字|订|署)?(?=$|[\s，,。；;！!\U0001F300-\U0001FAFF\u2600-\u27BF\uFE0F])"
            r"|盖章回来|(?:已|已经)回签|回签了|(?:盖章|签字)回传|合同.{0,8}盖(?:好|完)?章(?:了|[寄送发]?回来)|合同.{0,8}盖(?:好|完)章(?:已经?|也|都)?[寄送发快]递?(?:出来|过来|出去)了(?![吗么没?？])|盖了章|盖完章"
            # (a job the customer won is theirs: "他们刚中标了两个标段" hands us a prospect)
            r"|中标了(?![一两三四五六七八九十几\d]*(?:个|批|项|家|标段|工程))|成交了|签下来了|拿下了|续约了|续签了|已续约|续约成功|续费了"
            # the signed contract back with us ("合同寄回来了"), or the customer's seal procedure done
            # ("合同走完了他们的用印流程", "盖章审批已经办完")
            r"|合同(?:已经?|也|今天|昨天)?(?:签|寄|拿|签字)?回来了"
            # ...when and how it came back said between: "合同上午邮寄回来了", "合同昨天顺丰寄回来了"
            r"|合同[^，,。；;！!？?]{0,10}?(?:快递|寄|邮寄|拿|送|签)回来了(?![吗么没?？])"
            r"|(?:走完|办完|完成)了?[^，,。；;\s]{0,6}(?:用印|盖章)(?:流程|手续|审批)?"
            r"|(?:用印|盖章)(?:流程|手续|审批)(?:已经?|也)?(?:走完|办完|完成|结束)"
            # the seal on a contract said further on in the sentence, done: "合同细节又对了一遍，双方都盖好
            # 章了", "维保合同法务审完了，章今天也盖好了" (not "等盖好章再寄", "章盖好了吗")
            # (nor waited for or asked in its clause: "合同等他们盖好章寄过来再说", "盖好章寄出来了吗")
            r"|(?:合同|协议)(?:(?!等|待|准备)[^。！!？?]){0,30}?"
            r"(?:盖(?:好|完)了?章|章(?:已经?|都|也|今天|昨天|当场)?盖(?:好|完)?了)"
            r"(?![^，,。；;！!？?]{0,10}?(?:吗|么|再|[?？]))"
            # ...or its approval procedure on their side all done: "采购合同他们几个部门都走完流程了",
            # "合同审批流程已经走完" (not "合同还在走流程", "流程走完了吗")
            # ...said with no adverb but done: "合同走完流程了" (not "等合同走完流程再发")
            r"|(?<!等)合同[^。！!？?]{0,16}?(?:走完|办完|走好)(?:审批)?流程了(?![吗么没?？])"
            r"|合同[^。！!？?]{0,16}?(?:(?:都|也|已经?)(?:走完|办完|走好)了?(?:审批)?流程|(?:审批)?流程(?:都|也|已经?)?(?:走完|办完|走好)了)(?![吗么没?？])"
            # the down payment in: "首付款30%到账了", "定金今天也到账了"
            # (not a prepaid meter or card, "预付费", nor money that did not arrive: "刷卡后不到账")
            r"|(?:首付|预付(?!费)|定金|订金)款?.{0,8}(?<![不没未])(?:到账|到了|收到|打过来|付了)"
            r"|收到了?(?:首付|预付(?!费)|定金|订金)"
            # ...said as paid by them: "今天打了定金", "订金已经交了" (not "下周打定金", "交了定金吗")
            r"|(?<![要会能想准得])(?:打|交|付)了(?:首付|预付(?!费)|定金|订金)(?![吗么没?？])"
            r"|(?:首付|预付(?!费)|定金|订金)款?(?:已经?|也|今天|昨天)?(?:打|交)了(?![吗么没?？])"
            # ...said as moved into our account: "定金昨天已经转到公司账上了", "订金转过来了" (not "转了吗")
            r"|(?:首付|预付|定金|订金)款?[^，,。；;！!？?]{0,8}?转(?:过来|到[^，,。；;\s]{0,6}?账(?:上|户|里)?)了(?![吗么没?？])"
            # a purchase order issued: "PO下来了", "收到PO了"
            r"|(?<![A-Za-z])PO(?:单)?(?:已经?|也)?(?:下了|下来了|到了|来了|收到了|拿到了)(?![吗么没?？])"
            r"|(?:收到|拿到|下了)了?PO(?![A-Za-z])"
            # the award notice in hand: "中标通知书下来了", "收到了中标通知" (not "中标通知书下来了吗")
            r"|中标通知(?:书|单)?(?:已经?|也|今天|昨天)?(?:下来了|下了|到了|来了|收到了|拿到了|发了)(?![吗么没?？])"
            r"|(?:收到|拿到)了?[^，,。；;\s]{0,16}?中标通知(?![^，,。；;\s]{0,3}[吗么没?？])"
            # the contract with their seal on it handed to us, said done: "把盖好章的协议交给我了",
            # "盖完章的合同寄回来了" (not awaited: "等盖好章的合同寄回来", "盖好章的合同给我了吗")
            r"|(?<!等)(?<!等他们)(?<!等对方)(?<!等客户)(?<!等把)盖(?:好|完)了?章的(?:合同|协议)"
            r"(?=[^，,。；;？?\s]{0,8}?(?:给|交给|递给|寄|送|拿)(?:我|我们|过来|回来)?了(?![吗么没?？]))"
        ),
    ),
    (
        Stage.DELIVERED,
        Screened(
            # installed, not only to be installed ("能不能年底前装机", "再去装机试用")
            # (not put in long ago: "空调装完半年了，有一台漏水" is after-sales)
            # (a deadline set by it is no news of it: "要赶在竣工验收前装好", "交付之前还要培训")
            r"交付(?![之以]?前)|装机(?:了|完|好|调试|验收)|已经?装机|(?<![要能得会])(?:安)?装完(?!了?(?:快|都|已经|有)?[一两三四五六七八九十几半多\d]+(?:多)?个?(?:多)?(?:月|年|周|天|星期|礼拜))|验收(?![之以]?前)|(?<!公)交车|发货完成|上线了"
            # the event we ran for them held, said done: "发布会昨天顺利办完了", "年会圆满结束了" (not a
            # meeting with them ended, "会开完了", nor asked: "活动办好了吗")
            r"|(?:会议|活动|年会|婚宴|宴会|喜宴|展会|发布会|庆典|典礼|晚会|团建|订货会|答谢会)"
            r"[^，,。；;\s]{0,6}?(?:(?:顺利|圆满)?(?:办好|办完|举办完|举行完)|(?:顺利|圆满)(?:结束|落幕|举行|举办))了"
            r"(?![吗么没?？])"
            # the made thing handed over, all of it: "全部交船了", "三栋楼都交房了"
            r"|(?:全部|都|已经?)交(?:船|房|机|车)了?|交(?:船|房)了"
            # goods on their way or in, unless an installation is still to come ("到货了 下周安装")
            r"|(?:[发出]货了(?![吗么没?？])|已经?[发出]货(?!了?[吗么没?？])|到货了|已到货)(?![^。！!]{0,10}(?:安装|装机|调试|验收))"
            # ...said of the goods sent on: "货已经发过去了", "X的货今天寄出去了" (not an order: 订货)
            r"|(?<![订进退补])货(?:今天|昨天|上午|下午|都|也|已经?){0,2}(?:发|寄|送)(?:过去|出去|出|走)了"
            r"(?![^。！!]{0,10}(?:安装|装机|调试|验收))"
            # the final payment in ("尾款今天也回来了"), not still awaited ("尾款还没到账")
            r"|尾款[^没未不能要会么？?，,。；;]{0,6}(?:到账|收到|收齐|结清|付清|打过来|回来了|回款了|付了|进账了)"
            r"|(?:收到|收齐|结清|收回)了?尾款"
            # the goods brought and set up: "已经送到装好", "制服都送到了"
            r"|(?:都|已经?|全部|全都)送到了?|送到了?[^，,。]{0,2}装好|装好了"
            # the installation visit with the users' training on it said done: "今天去X装机，操作培训也做完了"
            # (not the training still awaited: "培训做完了吗", "培训做完了再说")
            r"|(?:装机|安装)[^。！!？?]{0,30}?培训(?:也|都|已经?|今天)?(?:做完|搞完|完成|结束|做好)了"
            r"(?![吗么没?？再就才]|以后|之后)"
            # what we sent is in use there: "送过去了 已经用上了" (in use alone may be an older order's:
            # "大棚都用上了 有几条漏水")
            r"|送(?:过去|过来|到)了?[^。！!？?]{0,12}?(?:已经?|都)(?:用上|用起来)了"
            # supplying or handed over: "已经开始供货了", "第一批已经交货了", "800套都收到了"
            r"|(?:开始|已经?)供货|供货了|(?:已经?|已)交货|交货了|交完货"
            # the service's people at work there, said begun: "保洁员今天正式上岗了", "司机都到岗了",
            # "驻点的人上了岗" (not a plan or a wish: "下周上岗", "想月底前上岗" are blanked or asked)
            r"|(?:正式|已经?|都|全部|全都)(?:上|到)了?岗(?:了)?(?![吗么没?？])|上了岗|(?:上|到)岗了(?![吗么没?？])"
            # the crew on the site, building or installing: "已经在进场搭了", "施工队进场了" (not a plan:
            # "下周进场" is blanked with the plans; "等他们进场了再说" waits)
            # (or the people who set up software: "今天顾问进场了", "实施工程师已经进场了")
            r"|(?:已经?|开始|正在|在)进场|(?:队|工人|师傅|人员|顾问|工程师)(?:今天|昨天|都|也|已经?)?"
            r"进场(?:施工|安装|搭建?|布展|实施|调研)?了(?![吗么没?？])"
            # the machines or goods brought onto the site, all of them, or set in place: "8台都进场了",
            # "设备今天全部进场了", "机组吊装就位了"
            r"|(?:全部|全都|都)进场了|(?:吊装|安装|设备)?就位了|已经?(?:吊装|安装)?就位"
            # the equipment come onto the site on a day ("X的设备今天进场了"), or the fitting begun
            # ("开始布线了", "已经开始安装"; "下周开始安装" is blanked as a plan)
            r"|(?:设备|器材|材料|货)[^，,。；;\s]{0,8}?(?:今天|昨天|已经?|都)进场(?:安装|调试|施工)?了(?![吗么没?？])"
            r"|开始(?:安装|布线|施工|装机)(?:了)?(?![吗么没?？])"
            # taken away by the customer ("六台都提走了", "他们今天来提车了"), not only ready for it
            # ("可以提车了")
            r"|(?<![能以要得会该])提(?:走|车|货)了(?![吗么没?？])|(?:都|已经?|全部|全都)提(?:走|车|货)(?![吗么])"
            # dispatched to the customer ("车队今天已经发车了"), as 发货了 is
            r"|(?:已经?发车|发车了)(?![^。！!]{0,10}(?:安装|装机|调试|验收))"
            # commissioned and handed over: "调试完成交给学校了", "系统调试完毕"
            r"|调试(?:完成|完毕|好了|完了)|移交(?:给[^，,。；;\s]{1,6})?了"
            r"|(?:货|[套台件箱批])(?:都|已经?|全部)(?:收到|到齐)了"
            # the goods in and signed for: "货今天到了 已经签收", "客户签收了"
            r"|(?:已经?|都|已)签收|签收了"
            r"|(?<![发送订])货(?:今天|昨天|上午|下午|都|已经?)?到了(?![^。！!]{0,10}(?:安装|装机|调试|验收))"
            # the goods unloaded at their place, said done: "第一车昨天已经全部卸完了", "货卸好了"
            # (not asked, "卸完了吗", nor still to come: "卸完再说")
            r"|(?:全部|全都|都|已经?)卸(?:完|好)了?(?![吗么没?？])|卸(?:完|好)了(?![吗么没?？])"
            # the service's first lot on its way, said done: "第一票空运今天已经起飞了", "首批柜子昨天开船了",
            # "头一车发走了" (not samples, "首批样品发走了", nor asked: "第一票开船了吗")
            r"|(?:第一|首|头一?)(?:票|批|柜|车)(?:(?!样)[^，,。；;！!？?]){0,10}?"
            r"(?:起飞|开船|出运|发运|装船|上船|离港|出港|到港|抵港|落地|发走|运走|发出去|放行)了(?![吗么没?？])"
        ),
    ),
    (
        Stage.NEGOTIATION,
        Screened(
            # (not a stage still to be reached: "价格再降3个点就能进谈判")
            r"(?<!能进)(?<!能进入)(?<!要进)(?<!要进入)谈判|议价阶段|商务谈"
            # the contract being drawn up or passed round, not yet signed: "厂房那块在走合同了", "合同正在走"
            # (not one still to come, "下周走合同", nor its round done: "合同流程走完了"; nor the signed one
            # going through its sealing, "合同还在走用印流程", no stage of the deal)
            r"|(?:在|正在|开始)走合同(?![^，,。；;\s]{0,4}流程)|合同(?:还|正|已经)?在走(?=了|[，,。；;！!\s]|$)"
            # haggling going on: "还在谈价格", "当面砍价", "对方在压价", "在磨价格"
            # (a price only wished for is no haggling held: "想压价到十二万" names their budget; nor 讲, said,
            # of a price: "王董讲价格合适就换")
            r"|在(?:谈|磨|砍|压|议)价|(?<![想要])(?:砍价|压价)|磨价格|讲价(?![格钱位])"
            # ...with us named between: "还在跟我们磨价", "在和咱议价"
            r"|在(?:跟|和|同)(?:我|咱)们?(?:谈|磨|砍|压|议|讲)价"
            # a cut of so many points asked of us: "想让咱们再让三个点", "要我们降两个点"
            r"|(?:让|要|叫|要求)(?:我|咱)们?再?(?:让|降|优惠|便宜)(?:[一两二三四五六七八九十半几\d]+)个?点"
            # reached: "已经到谈价格这一步了", "开始谈价钱"
            # (with us named between: "开始跟我们谈价格了", "进入和咱们砍价的环节")
            r"|(?:到|开始|进入)(?:了)?(?:(?:跟|和|同)(?:我|咱)们?)?(?:谈|磨|砍|压|议|讲)价"
            # the price settled, its terms being bargained: "在谈账期", "开始谈付款方式" (not "还没谈账期")
            r"|(?<![没不要再])谈(?:账期|付款方式|付款条件|结算方式|回款方式|合同条款|合同细节)"
            r"|(?:价格|价钱|价)(?:还|正|也)?在谈"  # "价格还在谈"
            # ...said as a tug of war: "价格还在拉锯", "账期上来回拉锯" (not "拉锯吗")
            r"|(?:价格|价钱|价|条款|账期|付款方式)[^，,。；;\s]{0,4}?拉锯(?![吗么?？])"
            # the terms being discussed in the formal words: "双方就付款节点还在磋商", "正与对方商谈合同条款"
            r"|(?:还|正|仍|仍然|继续)(?:在)?(?:磋商|商谈)|(?:磋商|商谈)(?:中|阶段)"
            r"|(?:账期|付款方式|付款条件|结算方式)(?:还|正)?在谈"
            # the last round, or the contract's terms all but settled: "价格谈到最后一轮了",
            # "合同条款基本谈完 就剩付款方式", "合同条款差不多了 就差质保期"
            r"|谈到最后|最后一轮|(?:合同)?条款(?:基本|差不多)?(?:都|也)?(?:谈完|谈好|谈妥|差不多了|谈得差不多|过了)"
            # the price all but agreed, a last point or two left to give: "价格谈的差不多了",
            # "就差最后让两个点"
            r"|价(?:格|钱)?(?:基本|也|都)?谈(?:得|的)差不多|(?:就|只)(?:剩|差)(?:最后)?(?:再)?(?:让|降|砍|压)"
            r"(?:[一两二三四五六七八九十半几\d]+)个?点"
            # the price still being pressed down, said as a back-and-forth: "价格还要再压一压"
            r"|价(?:格|钱)?(?:还|也)?(?:要|得)再?(?:压|砍|磨)一(?:压|砍|磨)"
            r"|(?:就|只)(?:剩|差)(?:付款方式|付款条件|账期|质保期?|交期|价格|违约金|结算方式)"
            # ...or the one term left named with 就是 ("报价通过了 就是付款方式还要谈")
            r"|(?:就是|只是)(?:付款方式|付款条件|账期|质保期?|交期|违约金|结算方式)(?:还|也)?(?:要|得|需要)?再?(?:谈|商量|磨)"
            # ...or the term the customer wants changed: "报价认了 就是付款想改成分期"
            r"|(?:就是|只是)(?:付款方式|付款条件|付款|账期|结算方式)(?:还|也)?(?:想|要|希望)(?:改|调|换)"
            # the last price cut that will close it: "价格再让两个点就能签" (not "就能进谈判")
            r"|(?:再|还得|还要)(?:让|降|砍|压|优惠)(?:[一两二三四五六七八九十半几\d]+)个?点(?:就|才)(?:可以|能|会)?签"
            # the customer's price or terms asked down, the rep taking it back to have it approved:
            # "要求单价再降两块 我答应回去申请", "付款方式要改成3-6-1 我回去跟财务商量" (a rival's lower price
            # heard, "X比我们低两个点 我说回去申请", is no bargain of theirs)
            r"|(?:降|砍|压|让|优惠|折扣|付款方式|付款条件|账期|结算方式)[^。！!？?]{0,30}?回去"
            r"[^，,。；;\s]{0,6}?(?:申请|请示|商量|研究|报批)"
            # ...a further cut asked, the rep to ask the boss ("要每吨再降200块 我讲要请示领导")
            r"|(?:再|还要|还得)(?:降|砍|压|让)[^。！!？?]{0,30}?(?:请示|报批)"
            # the price worn down at length: "磨了半天预混料价格", "磨了一上午的价钱"
            r"|磨了(?:半天|好久|很久|一上午|一下午|一晚上|一个钟|两个钟|几轮)?[^，,。；;\s]{0,8}?价(?:格|钱)"
        ),
    ),
    (
        Stage.QUOTE,
        Screened(
            # (the price to give reached as a step: "到出价这一步了", "进入给价格阶段")
            r"(?:到|进入)了?(?:给|出)(?:个)?价(?:格|钱)?的?(?:这|那)?一?(?:步|阶段)|"
            r"报价阶段|已报价|已经报价|到报价|改成报价|改为报价|更新到报价|报价已发|报价了(?!吗)|发了报价|报价发了"
            # (the quote's kind said between: "已经发了正式报价", "给了书面报价")
            r"|(?:发|给|出)了(?:一份|一版)?(?:正式|书面|最终|最新|详细|详细的|正式的|书面的)报价"
            # ...or mailed as paper: "寄了 报价单 给X", "报价单寄过去了" (not asked: "报价单寄过去了吗")
            r"|寄了\s?报价|报价单?(?:已经?|也|都|今天|昨天|上午|下午|刚才?)?寄(?:过去|出去|出|给[^，,。；;\s]{1,8}?)了(?![吗么没?？])"
            # ...with the adverb between: "报价已经发了 等他们回复" (the sending is the stage, no contact)
            r"|报价单?(?:已经|都已经?|也已经?)发了(?![吗么没?？])"
            # ours or another's: see _QUOTE_BY_OTHERS
            r"|报了(?:个|一个)?[^，,。；;\s]{0,3}?价(?![格钱])"
            # ...with what was priced between: "给他们报了冷凝机组的价" (not its 价格: "报了X的价格区间")
            r"|报了[^，,。；;\s]{1,10}?的价(?![格钱])"
            # the quote's goods said before it, sent: "微信发了铝型材和配件的报价单" (the sending stays the
            # contact told, outside the stage's words)
            # (looked back from 的, so the screen knows the match's first character)
            r"|的(?:"
            + "|".join(rf"(?<=[发寄给]了[^，,。；;\s]{{{n}}}的)" for n in range(1, 11))
            + r")报价单(?![吗么没?？])"
            # said in passing, the price given as its figure or the quote gone over to them: "报的价是12万",
            # "价格报过去了", "价昨天报给他们了" (not up to our boss for a nod, "报上去了"; whose quote it
            # was is read in _quoted_by_others: "对手报的价比我们低")
            r"|报的价(?:格|钱)?\s?(?:是|为|在|就是)?\s?(?=(?:每[\u4e00-\u9fff]{1,2}|一[\u4e00-\u9fff])?\s?[\d一二三四五六七八九十两几])"
            r"|(?:价格|价钱|价|报价单?)\s?(?:已经?|也|都|今天|昨天|刚才?|上午|下午)*\s?报(?:过去|出去|给[他她]们?)了"
            r"(?![吗么没?？])"
            # the price given as a figure: "一包报到185", "每吨报到了3300" (not reporting for duty: "去报到")
            r"|(?<![去来])报到了?\s?\d"
            # handed in or sent, also in English: "报价已提交", "quote已发", "quotation已经发出"
            # (or sent: "报价单已发送", "报价已发，等回复")
            r"|报价单?(?:已经?)(?:提交|发出|递交|发送|发(?![\u4e00-\u9fff]))|提交了报价"
            # ...with the day said between: "报价单今天已经递交", "报价函昨日已提交" (not "明天递交")
            r"|报价(?:单|函|书)?(?:今天|昨天|今日|昨日|上午|下午|刚刚?)(?:已经?|已于)?(?:提交|发出|递交|送达)"
            r"(?:了|完毕)?(?![吗么没?？])(?<=[已了毕交出达])"
            # handed up to them, done: "报价单已经交上去了" (not "明天交上去": blanked as a plan), with when
            # and how between: "报价今天上午当面送过去了"
            r"|报价单?(?:已经?|都|也)?" + _DAY_AND_PART + r"(?:已经?)?"
            r"(?:当面|亲手|当场)?(?:交|递|送)(?:上去|过去|进去)?了(?![吗么没?？])"
            r"|(?<![A-Za-z])(?i:quote|quotation)\s?(?:已经?|也)?\s?(?:发出|发了|已发|sent)"
            # attached to a mail sent, or sent as one: "清单和报价单都附上了", "发了邮件报价" (the sending
            # stays a contact told)
            r"|报价单?(?:都|也|已经?)?附(?:上|好|在)?了|(?<=邮件|微信)报价(?![^，,。；;\s]{0,2}[吗?？])"
            # (the sending stays a contact told: "刚把报价单发到了X的邮箱")
            r"|(?:已经?|刚|刚刚|刚才)把报价单?(?=[^，,。；;]{0,8}?(?:发|邮件|寄|传)(?:过去|出去|给|到))"
            # a quote or price sent: "把报价单发到了X邮箱", "价格 发了" (the sending stays a contact told)
            # with when and how it went in between: "报价今天微信发给俞经理了", "报价刚才邮件发过去了"
            # a day and a part of it ("今天下午已经发他邮箱了"), sent straight to the person (发他, 发对方)
            # (the rep as its sender in between: "报价单我已经发过去了")
            r"|(?:报价单?|报价表|价格|价格表|(?<![A-Za-z])(?i:quote|quotation)(?![A-Za-z]))(?=\s?(?:我们?)?\s?(?:已经?|也|都)?\s?(?:今天|昨天|今早|昨晚|刚才|刚刚|刚|上午|中午|下午|晚上|早上){0,2}"
            r"\s?(?:已经?|也|都)?\s?(?:(?:用|通过|走)?(?:微信|邮件|邮箱|钉钉|QQ|短信|企微)(?:上|里)?)?"
            r"\s?发(?:到|至|给|过去|出去|了|[他她]们?|对方))"
            # sent to the person's mailbox or WeChat, said done: "报价单已经发他邮箱了", "价格表发王工微信了"
            r"|(?:报价单?|报价表|价格表)(?=[^，,。；;\s]{0,6}?发[^，,。；;\s]{1,8}?(?:邮箱|微信|QQ)(?:里|上)?了)"
            # received by them, said done: "报价她收到了", "报价单对方已经收到了" (not "还没收到", "收到了吗")
            r"|报价单?\s?(?:[他她]们?|对方|客户)?\s?(?:已经?|也|都)?收到了(?!吗|没)"
            # handed to the person, said done: "把报价单当面交给了X", "把X的报价当面交给吕科长了" (the
            # meeting stays a contact told), as a quote sent by mail is
            r"|把[^，,。；;\s]{0,8}?报价单?(?=(?:当面|亲手|直接)?(?:交给|递给|送给|交到|送到)[^，,。；;]{0,12}?了)"
            # ...or sent, said done, with more between: "微信把X和Y的报价和样品照片发给马厂长了"
            r"|把[^，,。；;\s]{0,12}?报价单?(?=[^，,。；;]{0,12}?发(?:给|到|过去)[^，,。；;]{0,12}?了(?![吗么没?？]))"
            # ...with 给 alone: "把盖章报价给谭主任了" (not to our own side: "把报价给领导审了")
            r"|把[^，,。；;\s]{0,8}?报价单?(?=给(?!领导|老板|公司|财务|技术|我们|同事)[^，,。；;\s]{1,8}?了)"
            # ...the person left out, said done: "当面把报价给了" (not "把报价给了领导", "给了吗")
            r"|把[^，,。；;\s]{0,8}?报价单?(?=给了(?![吗么没?？]|领导|老板|公司|财务|技术|我们|同事))"
            # ...said with the quote first: "X报价今天当面给曹经理了", "报价单当场交给她了"
            # (not "明天当面给他": blanked as a plan)
            # (a day and a part of it between: "报价今天上午当面交给吴科长了")
            r"|报价单?(?=" + _DAY_AND_PART + r"(?:已经?)?"
            r"(?:当面|当场|亲手)(?:交给|递给|送给|给)[^，,。；;\s]{1,8}?了(?![吗么没?？]))"
            # ...the person left out: "报价单当面给了" (not "报价单当面给了吗")
            r"|报价单?(?=" + _DAY_AND_PART + r"(?:已经?)?"
            r"(?:当面|当场|亲手)(?:交|递|送)?给了(?![吗么没?？]))"
            # the price list gone through with them, said done: "把价目表跟他们过了一遍", "报价单当面讲了一遍"
            # (not one still to go: "明天把报价单过一遍")
            r"|(?:报价单|报价表|价格单|价格表|价目表|价单)(?=(?:跟|和|给)?[^，,。；;\s]{0,6}?(?:过|讲|对)了(?:一)?遍)"
            # a bid handed in and waiting: "标书上周已经投了", "招标文件已经交了"
            r"|标书.{0,6}(?:投|交|递|提交|递交)了|(?:招标|投标)文件.{0,4}(?:交|提交|递交)了|投了标"
        ),
    ),
    (
        Stage.DEMO,
        Screened(
            r"方案演示阶段|推进到方案演示|进入方案演示|到方案演示|方案演示了"
            # the stage's own name said done, with nothing told but the wait: "X 方案演示做完了 等他们走流程"
            # (not "做完了吗", nor a report going on: "方案演示做完了，王总说…")
            r"|方案演示(?:已经?|都)?(?:做|搞|弄)?完了(?=[\s，,。!！]*(?:$|等))"
            # the proposals shown and the customer left to choose: "两个方案都给他们看过了 等他们选"
            r"|方案[^，,。；;\s没未]{0,6}(?:看过|演示过|讲过)了(?=[^。！!]{0,6}等[^，,。；;\s]{0,4}(?:选|定|决定|比))"
            # a sample left with them to try, said done: "样机已经放过去试用了", "样品送过去试装了" (not one
            # still to go, "下周把样机拉过去试用", blanked as a plan, nor one asked, "试用了吗")
            r"|(?:样机|样品|样板|样衣|试用机|小样)[^，,。；;\s]{0,8}?(?:已经?|都|也)?(?:放|送|拉|搬|装|寄|摆|挂)"
            r"(?:过去|进去|到位|上|好)?了?(?:给[他她]们?|让[他她]们?)?"
            r"试(?:用|装|穿|戴|吃|铺|挂|跑|运行|机)?(?:上)?了(?![吗么没?？])"
        ),
    ),
    (
        Stage.NEEDS,
        Screened(
            r"需求确认|确认了需求|需求已经?确认|确认需求|已经确认需求|需求.{0,3}确认(?:好|完)?了"
            # "需求这块没问题了": nothing left open in what they need
            r"|需求(?:这块|这边|方面|上)?(?:都|也)?没(?:问题|疑问)了"
            r"|需求.{0,3}(?:对清楚|理清楚|弄清楚|摸清楚|明确|敲定|定下来)了"  # "需求都对清楚了"
            # what they need asked point by point, then all settled with them: "要几台、放哪里，都跟王工
            # 确认清楚了" (the needs said without the word)
            r"|(?:多少|什么|哪些|哪里|哪儿|几[台套个种])[^。！!？?]{0,30}?都(?:跟|和|与)?[^，,。；;\s]{0,8}?"
            r"(?:对|确认|问|弄|搞|摸|理)清楚了(?![吗么没?？])"
            # settled, said short: "需求算是定了", "需求基本定了" (not "需求定了吗", "需求还没定")
            r"|需求(?:算是|基本|基本上|已经?|总算|终于|都)?(?:确)?定了(?![吗么没?？])"
            # ...or in English: "需求基本confirm了", "需求confirmed" (not "需求confirm一下", "confirm了吗")
            r"|需求[^，,。；;\s]{0,4}?(?<![A-Za-z])(?i:confirm)(?:(?i:ed)(?![A-Za-z])|\s?(?:好了|完了|了))(?![吗么没?？])"
        ),
    ),
    (Stage.SCREENING, re.compile(r"初筛")),
)


@dataclass(frozen=True, slots=True)
class Facts:
    """What the other extractors found, used as evidence by the intent rules."""

    channel: str
    has_company: bool
    has_person: bool
    has_catalog: bool
    has_phone: bool
    has_contact_info: bool
    # Where the catalog's competitors are named (offsets in the message as given): "用友也报了价" is
    # their quote, not our stage.
    rivals: tuple[tuple[int, int], ...] = ()
    # ...and the catalog's products (same offsets): "要纸箱" wants one.
    goods: tuple[tuple[int, int], ...] = ()
    # The message's plans (nlp.followup.Plans): a report is read in its text with the clauses about
    # later days blanked, for "明天去拜访" is a plan, not a contact. None: the whole text.
    plans: Plans | None = None
    # The rep said at the named customer's place, doing something there ("在X给马经理报了价"): a visit told.
    at_customer: bool = False


_STAGE_SET = Screened(
    # "进入报价": moved into a stage (not one still to reach: "能进入谈判")
    r"(?:(?<![能要想可])(?:进入|进到|转入|转到)\s?"
    # (moved back too, when a lost deal comes back: "阶段先改回需求确认")
    r"|(?:阶段|状态|进度|^\s*(?:帮我|麻烦)?把[^，,。？?]{1,30}?)\s?(?:先|就|再)?"
    r"(?:改成|改为|改到|改回|更新为|更新成|更新到|调整为|调整到|调到|调回|退回到?|回到|推进到|推到|变成|设为|设成)\s?)"
    r"(?:了\s?)?"
    rf"(?P<label>{'|'.join(Stage)})"
)

# The stage said as the field's value, all of it: "阶段应该是报价", "状态还在谈判" (not "采购阶段是报价比选").
_STAGE_SAID = re.compile(
    r"(?:阶段|状态)\s?(?:应该|其实|还|现在)?\s?(?:是|为|在)\s?"
    r"(?P<label>初筛|需求确认|方案演示|报价|谈判|签约|交付|输单)(?=\s|$|[，,。.!！?？;；了吧啊呢]|阶段)"
)


_CLAUSE_START = re.compile(r"[，,。；;！!？?\n\s）)、]")


# A competitor not in the catalog, said as one: "对手报的价比我们低", "别家报了个更低的价".
_RIVAL_GIVER = re.compile(
    r"对手|竞品|友商|同行|别家|别的(?:厂家?|供应商|公司|家)|其他(?:家|厂家?|供应商)|另一家|另外一家"
)


def _quoted_by_others(text: str, start: int, rivals: tuple[tuple[int, int], ...]) -> bool:
    """A quote whose giver, in the clause before it, is a competitor ("碧水源科技报了价") or someone
    else as well ("同行也报了价"; "我们也报了价" is ours)."""
    left = start
    while left > 0 and not _CLAUSE_START.match(text, left - 1):
        left -= 1
    if any(left <= s and e <= start for s, e in rivals):
        return True
    giver = text[left:start]
    return (giver.endswith("也") and "我" not in giver) or _RIVAL_GIVER.search(giver) is not None


# The customer asking the rep for it in the clause before: "他让我把样本和报价发到他邮箱" is still to send.
_ASKS_US_FOR = re.compile(r"(?:让|叫|要|请|要求|希望)(?:我|我们)")


def _asked_of_us(text: str, start: int) -> bool:
    left = start
    while left > 0 and not _CLAUSE_START.match(text, left - 1):
        left -= 1
    return _ASKS_US_FOR.search(text, left, start) is not None


def _rival_in_clause(text: str, start: int, rivals: tuple[tuple[int, int], ...]) -> bool:
    """A competitor named in the clause before `start` ("中庆中标了"): the news is theirs."""
    left = start
    while left > 0 and not _CLAUSE_START.match(text, left - 1):
        left -= 1
    return any(left <= s and e <= start for s, e in rivals)


def find_stage(
    text: str, rivals: tuple[tuple[int, int], ...] = (), masked: str | None = None
) -> tuple[str, tuple[int, int]] | None:
    """The stage the message says the deal reached. `masked`: the text with its plans for later days
    blanked (same length), where a stage word is only a plan ("周四上午再跟他确认需求")."""
    # (with nothing blanked the masked text says what the text says: the answer already read)
    return _find_stage(text, rivals, None if masked == text else masked)


@lru_cache(maxsize=8)  # the classifier and the extractor both ask, for the same message
def _find_stage(
    text: str, rivals: tuple[tuple[int, int], ...], masked: str | None
) -> tuple[str, tuple[int, int]] | None:
    m = _STAGE_SET.search(text) or _STAGE_SAID.search(text)
    if m is not None:
        return m.group("label"), m.span()
    # The first stage said is where the deal stands ("签了合同 验收后付款"), unless a later one is said
    # as the move to it ("报价发了 开始谈价", "样品过了 已经到谈判了").
    best: tuple[Stage, tuple[int, int]] | None = None
    moved: tuple[Stage, tuple[int, int]] | None = None
    lost_at: tuple[int, int] | None = None
    for label, pattern in STAGES:
        for m in pattern.finditer(text):
            if masked is not None and masked[m.start()] == " " and not text[m.start()].isspace():
                continue
            if label == Stage.QUOTE and (
                _quoted_by_others(text, m.start(), rivals) or _asked_of_us(text, m.start())
            ):
                continue
            if label == Stage.DELIVERED and _SAMPLE_BEFORE.search(text, max(0, m.start() - 8), m.start()):
                continue  # a sample set up to try ("样品装好了") is no delivery
            if label == Stage.DELIVERED and _AHEAD_BEFORE.search(text, max(0, m.start() - 6), m.start()):
                continue  # the work's start said for a week ahead ("下周开始进场施工") is still to come
            if label == Stage.WON and "中标" in m.group() and _rival_in_clause(text, m.start(), rivals):
                label = Stage.LOST  # "X中标了" with X a competitor: the deal is lost to it
            elif label == Stage.WON and _rival_in_clause(text, m.start(), rivals):
                continue  # "听说X刚签了Y": a competitor's signing, maybe with another customer, not ours
            elif label in (Stage.DELIVERED, Stage.NEGOTIATION) and _rival_in_clause(text, m.start(), rivals):
                continue  # "X那套装完噪音很大", "X和Y的货都压价了": a competitor's job or price, not our deal
            if (
                label == Stage.WON
                and m.group().startswith("签的")
                and not _SIGNED_ON_A_DAY.search(text, max(0, m.start() - 14), m.start())
            ):
                continue  # "去年签的合同到期了": a contract of old, no news
            if label == Stage.WON and _WISHED.search(text, max(0, m.start() - 4), m.start()):
                continue  # a signing wished, not done: "想一起签了", "希望年底前签约"
            if label == Stage.LOST and _CONCEDED.search(text, max(0, m.start() - 12), m.start()):
                continue  # "虽然浴袍丢了 但毛巾让我们试": a part lost, conceded, the deal goes on
            if label == Stage.LOST and _EARLIER_DEAL.search(text, max(0, m.start() - 8), m.start()):
                continue
            if label == Stage.LOST:
                lost_at = m.span()
            if best is None or m.start() < best[1][0]:
                best = (label, m.span())
            before = text[max(0, m.start() - 4) : m.start()]
            said_as_move = _MOVE_AT.match(m.group()) or _MOVE_BEFORE.search(before)
            if said_as_move and (moved is None or m.start() > moved[1][0]):
                moved = (label, m.span())
            break  # the first of each stage's words is enough
    if (
        best is not None
        and best[0] == Stage.WON
        and lost_at is not None
        and lost_at[0] > best[1][1]
        and (rivals or _DEAL_BEFORE.search(text, max(0, lost_at[0] - 6), lost_at[0]))
    ):
        # A signing, then the deal said lost ("人家跟别家签了两年 这单算黄了"): the signing was someone
        # else's, the verdict on the deal comes last.
        best = (Stage.LOST, lost_at)
    if (best is None or best[0] != Stage.LOST) and rivals:
        lost = _given_to_rival(text, rivals)
        if lost is not None and (best is None or lost[0] < best[1][0]):
            best = (Stage.LOST, lost)
    if (
        best is not None
        and moved is not None
        and Stage.LOST not in (best[0], moved[0])
        and _PIPELINE.index(moved[0]) > _PIPELINE.index(best[0])
    ):
        best = (moved[0], (best[1][0], moved[1][1]))  # both words tell the stage, neither a contact
    return (best[0].value, best[1]) if best is not None else None


# The deal named just before its verdict: "这单算黄了", "单子也丢了", "那个项目没拿下".
_DEAL_BEFORE = re.compile(r"(?:单|单子|项目|生意|买卖)[^，,。；;\s]{0,3}$")
# A day already come before "签的合同" in its clause: "今天去X签的合同", "刚在他们办公室签的字".
_SIGNED_ON_A_DAY = re.compile(r"(?:今天|昨天|刚才?|刚刚|上午|下午)[^，,。；;\s]{0,12}$")
# A wish said just before the stage word: the customer wants it, it has not happened.
_WISHED = re.compile(r"(?:想|希望|打算)[^，,。；;\s]{0,2}$")


# The deal, at its end, handed to a competitor named just after: "最后给了X", "单子还是给了X", "最后全都
# 用了X" (not "之前用的X", nor a part of it: "货梯那部分给了X").
# (or after our offer turned down: "说不要了 定了X", "不用我们了，改选了X")
_TO_RIVAL = re.compile(
    r"(?:(?:最后|最终|结果|还是|单子?|订单|项目)(?:还是)?|不(?:要|用|做|买)(?:我们|咱们)?了[\s，,、]{0,2}(?:已经|改|转而)?)"
    r"(?:统一|都|全|全部|全都|一律|直接)?"
    r"(?:给了|交给了?|转给了?|选了|选择了|定了|用了|签了|找了)\s?$"
)


# ...or the job, at its end, done by or bought from the competitor: "最后给X做了", "还是找X订了", "结果在X
# 买了" (not a part of it before, "之前给X做过", nor a job to come, "最后给X做吧"); the job may be the
# trade's own doing: "最后给X拍了" (auctioned), "还是让X收了", "最后找X修了", "结果在X租了".
_BY_RIVAL = re.compile(r"(?:最后|最终|结果|还是)(?:还是)?(?:给|让|找|在|从|跟|向|交给)\s?$")
_DONE_BY_RIVAL = re.compile(
    r"\s?(?:做|接|拿|买|订|定|签|采购|下单|生产|印|供货|拍|收|卖|办|包|租|装|修|运|承包|承接|代理)(?:了|走了|去了)"
)


# ...or taken by the competitor, said passive: "标被X拿走了", "单子给X抢了", "让X截了" (the south's 俾X拎咗,
# read 给X拿了); not something handed to them ("给X拿了样品看", "让X拿走一份资料": a thing after it).
_TAKEN_BY = re.compile(r"(?:被|给|让|叫)\s?$")
_TAKEN = re.compile(r"\s?(?:拿|抢|截|夺|撬|挖)(?:走|去|下)?(?:了|去了|走了)(?![\u4e00-\u9fff])")


# ...or the competitor's goods said taken up now, 的了 closing it: "今年用X的了", "改用X家的了" (not of old,
# "去年用X的了", nor asked, "用X的了吗", nor a plain "用X的" without the change).
_USES_RIVAL_BEFORE = re.compile(r"(?:改用|换成|换用|用|上|买)\s?$")
_USES_RIVAL = re.compile(r"\s?家?的(?:货|产品|牌子)?了(?![吗么?？])")
_OF_OLD = re.compile(r"(?:去年|前年|以前|之前|原来|一直|往年)[^，,。；;\s]{0,2}$")


def _given_to_rival(text: str, rivals: tuple[tuple[int, int], ...]) -> tuple[int, int] | None:
    for start, end in rivals:
        m = _USES_RIVAL_BEFORE.search(text, max(0, start - 3), start)
        if (
            m is not None
            and (used := _USES_RIVAL.match(text, end)) is not None
            and _OF_OLD.search(text, max(0, m.start() - 4), m.start()) is None
        ):
            return m.start(), used.end()
        m = _TAKEN_BY.search(text, max(0, start - 2), start)
        if m is not None and (taken := _TAKEN.match(text, end)) is not None:
            return m.start(), taken.end()
        m = _TO_RIVAL.search(text, max(0, start - 12), start)
        if m is not None:
            return m.start(), end
        m = _BY_RIVAL.search(text, max(0, start - 8), start)
        if m is not None and (done := _DONE_BY_RIVAL.match(text, end)) is not None:
            return m.start(), done.end()
    return None


# A sample or a demo unit named just before what was installed or sent: "X样品装好了", "样机到货了".
# A time still ahead said just before a start of the work: "下周开始进场", "下个月起开始安装" (a day's plan is
# blanked with the plans; a week or a month is no day).
_AHEAD_BEFORE = re.compile(r"(?:下周|下礼拜|下星期|下个?月|下半月|月底|年后|节后|过两天|过几天)[起就再才]?$")
_SAMPLE_BEFORE = re.compile(r"(?:样品|样机|样板|小样|试用品|试用机|展品)[^，,。；;\s]{0,3}$")
_PIPELINE = [s for s in Stage if s != Stage.LOST]
# A loss conceded in a clause that turns to what goes on: "虽然X丢了 但…", "尽管X没拿下".
_CONCEDED = re.compile(r"(?:虽然|虽说|尽管)[^，,。；;！!？?]{0,10}$")
# An earlier deal's loss told as the story of the customer: "上次那单输给了X，这次要…", "去年的项目丢给了同行"
# (the deal at hand goes on; the rep's news is what comes next).
_EARLIER_DEAL = re.compile(
    r"(?:上次|上回|上一次|之前|以前|去年|前年)(?:那|的)?(?:一单|单子?|个单子|个项目|项目|次招标|次投标|次的?标)"
    r"(?:也|就|都|是|被|还是)?\s?$"
)
_MOVE_AT = re.compile(r"开始|进入|到了?")
_MOVE_BEFORE = re.compile(r"(?:开始|进入|已经到|到了|到)\s?$")


# A trial still to come in the same clause: "先来20瓶试用", "要求先做50套试穿".
_TRIAL_PLANNED = re.compile(r"先[^，,。；;\s]{0,8}$")
_TRIAL = re.compile(r"试(?:用|穿|戴|吃|听|乘|驾|车|涂|喷|刷|铺|贴|印|染|焊)")


# News the customer sent by a channel, said before what it tells: "小周刚微信说…", "王工电话里跟我讲…",
# "邮件里反馈…", "打电话来说…". A trial the customer held on their own, told there ("微信说样品他们试坐
# 了"), is the news of that message, not a demo the rep held: the channel is the kind.
_TOLD_BY_CHANNEL = re.compile(
    r"(?:微信|电话|视频|邮件|短信|语音|钉钉|QQ|(?<![A-Za-z])wx)(?:里|上|中)?(?:跟我|和我|给我|同我)?"
    r"(?:说|讲|反馈|告诉|回复|提到|聊到)"
    # (or the customer's answer by it: "微信回我了", "邮件回复过来了", "钉钉回了消息")
    r"|(?:微信|邮件|短信|语音|钉钉|QQ|(?<![A-Za-z])wx)(?:上|里)?回(?:复|了|过来|我)"
    r"|来电话?(?:说|讲|反馈)|打(?:电话)?(?:来|过来)(?:说|讲|反馈)",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[。！!？?；;\n]")


def _trial_told_by_channel(text: str, start: int) -> bool:
    """Whether the customer's trial at `start` ("试坐了", "试用了") is what they told over a channel
    said before it in the same sentence."""
    told = _TOLD_BY_CHANNEL.finditer(text, 0, start)
    return any(_SENTENCE_END.search(text, m.end(), start) is None for m in told)


# The customer's words reported, up to where they are read: "聂总说…", "他们说…" (not the rep's "我说").
_THEY_SAID = re.compile(r"(?:总|工|经理|主任|长|老板|师傅|他|她|们|客户|对方)(?:说|讲)(?!了)")
# ...of a demo they looked at since, in the same clause: "演示他们过细看了", "演示的录像领导都看过了".
_LOOKED_AT = re.compile(r"[^，,。；;！!？?\s]{0,12}?看(?:了|过)")


def _said_by_them_after_contact(text: str, start: int) -> bool:
    """Whether the demo at `start`, looked at since, is in what the customer said ("跑了趟X，聂总说
    平台的演示他们过细看了") after the contact the rep made that day, said before it: the demo they
    tell of is past, the contact is the rep's own."""
    said = [
        m for m in _THEY_SAID.finditer(text, 0, start) if _SENTENCE_END.search(text, m.end(), start) is None
    ]
    if not said or _LOOKED_AT.match(text, start) is None:
        return False
    before = text[: said[-1].start()]
    return any(p.search(before) for p in (KIND_VISIT, SEEN_THERE, KIND_CALL, KIND_ONLINE))


# A meeting held over video ("开了个视频会", "视频会议", "腾讯会议上", "zoom了"), not a video as a thing
# ("安装视频", "视频监控方案").
_MET_BY_VIDEO = re.compile(
    r"视频(?:会|通话|电话|沟通|聊|里|上|中|了|过)|(?:线上|在线|远程|网络|云|腾讯|飞书|钉钉)会"
    r"|(?<![A-Za-z])(?:zoom|teams|webex)(?![A-Za-z])",
    re.IGNORECASE,
)
# What a demo match says was done: a proposal talked through ("方案讲完了", "讲了X的方案", "技术交流")...
_TALKED_THROUGH = re.compile(r"讲|介绍|汇报|交流|过了")
# ...unless the product was shown or tried there ("演示了方案", "做了试用").
_SHOWN = re.compile(r"演示|试|demo|POC|展示|看|品鉴|培训", re.IGNORECASE)


def _talked_through_on_video(text: str, m: re.Match[str]) -> bool:
    """Whether the demo match `m` is a proposal talked through at a meeting held over video said before
    it in the same sentence, and no visit said ("跟X开了个视频会，方案讲完了"): nothing was shown, so the
    meeting is online; in person, or the product shown, it stays a demo."""
    if _TALKED_THROUGH.search(m.group()) is None or _SHOWN.search(m.group()) is not None:
        return False
    video = [
        v
        for v in _MET_BY_VIDEO.finditer(text, 0, m.start())
        if not _SENTENCE_END.search(text, v.end(), m.start())
    ]
    return bool(video) and KIND_VISIT.search(text[: m.end()]) is None


def find_kind(text: str) -> tuple[str, tuple[int, int]] | None:
    """How the reported contact happened; demo wins over the channel it happened on, unless it is a
    trial the customer held on their own and told over the channel, a demo the customer tells of
    after the contact said before, or a proposal talked through at a meeting over video."""
    for m in KIND_DEMO.finditer(text):
        if _talked_through_on_video(text, m):
            continue
        if _TRIAL.match(m.group()) and _TRIAL_PLANNED.search(text, max(0, m.start() - 10), m.start()):
            continue
        if m.group().startswith("试") and _trial_told_by_channel(text, m.start()):
            continue
        if _said_by_them_after_contact(text, m.start()):
            continue
        return "demo", m.span()
    found = [
        (m.start(), kind, m.span())
        for kind, p in (
            ("call", KIND_CALL),
            ("online", KIND_ONLINE),
            ("visit", KIND_VISIT),
            ("visit", SEEN_THERE),
        )
        if (m := p.search(text))
    ]
    if (short := shorthand_kind(text)) is not None:  # "拜X王总", "X李经理 电，…"
        found.append((short[1][0], *short))
    if not found:
        return None
    _, kind, span = min(found)
    return kind, span


def find_scope(text: str) -> str | None:
    if SCOPE_TEAM.search(text):
        return "team"
    if SCOPE_ME.search(text):
        return "me"
    return None


# The rep's own boss asking the rep, said first: "PM问我这个月新增几个线索", "领导让我报一下签了几单" (the
# question is passed on to the bot; the boss is no customer's contact).
BOSS_ASKS = re.compile(
    r"\s*(?:老板|领导|主管|组长|总监|上级|上面|(?<![A-Za-z])(?:PM|boss|Boss|BOSS)(?![A-Za-z]))\s?(?:问我|让我|叫我|要我)"
)


# A step of one customer's deal asked done or not in the message's first sentence, the 没有 at its end:
# "X那边的样品定了没有？", "X上次试用完有回音没？" (a boss's question to the rep, maybe opened with the rep's
# name; what the question says was done, "试用完", is its ground, no contact told). Not a question the
# rep passes on ("王总问我合同签了没有？").
_ASKED_DONE_OR_NOT = re.compile(
    r"^(?P<ask>[^？?。！!；;\n]*?)(?:[\u4e00-\u9fff]了|有[\u4e00-\u9fff]{1,2}?)(?:没有|没)\s?[?？]"
)
_ASK_PASSED_ON = re.compile(r"问|说|讲|告诉|反馈")


def _asks_done_or_not(t: str, report: _Report) -> bool:
    """Whether the message asks whether a step of one customer's deal was done, first, with no contact
    told after the question."""
    m = _ASKED_DONE_OR_NOT.match(t)
    if m is None or _ASK_PASSED_ON.search(m.group("ask")):
        return False
    return find_kind(report.unplanned()[m.end() :]) is None


def classify(text: str, facts: Facts) -> Intent:
    t = text.strip()
    if not t:
        return Intent.OTHER
    if HELP.search(t) and not SHOWN_HOW.search(t):
        return Intent.HELP
    if facts.channel == "rep" and not (facts.has_company or facts.has_person) and HOW_MANY.search(t):
        return Intent.QUERY_STATS  # "how many deals did I close this month?"
    is_question = QUESTION.search(t) is not None
    short = len(t) <= 32
    named = facts.has_company or facts.has_person
    if (is_question or short) and OVERDUE.search(t):
        return Intent.QUERY_OVERDUE
    if is_question and not named and LONG_UNTOUCHED.search(t):
        return Intent.QUERY_OVERDUE
    pasted = FORWARDED.search(t) is not None or bool(SELF_INTRO.search(t) and ASKS_US.search(t))
    pasted = pasted and ANSWERED_AFTER.search(t) is None
    if facts.channel == "customer" or pasted:
        if facts.channel == "customer" and AFTER_SALES.search(t) and not BUYS_AGAIN.search(t):
            return Intent.OTHER
        if _customer_buys(t, facts):
            return Intent.NEW_LEAD
        if facts.channel == "customer":
            return Intent.OTHER
    if facts.channel == "rep" and (named or facts.has_contact_info) and pasted_note(t) is not None:
        return Intent.LOG_FOLLOWUP  # the customer's words answered, the rep's note after them: a contact
    lead = len(text) - len(text.lstrip())
    rivals = tuple((s - lead, e - lead) for s, e in facts.rivals)
    stage = find_stage(t, rivals)
    if stage is not None and facts.plans is not None:  # read the plans only when a stage word is there
        stage = find_stage(t, rivals, facts.plans.unplanned()[lead : lead + len(t)])
    report = _Report(text, t, stage, facts.plans)
    if not (named or facts.has_catalog or facts.has_contact_info) and TO_THE_TEAM.search(t):
        return Intent.OTHER
    if short and is_question and not facts.has_company and ASKS_COLLEAGUES.search(t):
        return Intent.OTHER  # asked of the team, not of the bot: "X的价格比我们便宜多少 有人知道吗"
    if facts.has_company and _asks_done_or_not(t, report):
        return Intent.QUERY_LEAD
    if short:
        query = _short_query(t, facts, stage, report, is_question)
        if query is not None:
            return query
    if ASKS_COLLEAGUES.search(t):
        return Intent.OTHER
    if not facts.has_company and asks_for_book(t) and not report.told():
        # (asked in many words: "X现在手上在跟的那些医院单子都有哪些啊？各自都到哪个阶段了，麻烦帮我列一下")
        return Intent.QUERY_LEAD
    if ASKS_LEAVE.search(t) and not (facts.has_catalog or facts.has_contact_info):
        return Intent.OTHER
    if not (facts.has_catalog or stage or facts.has_contact_info) and INVITED.search(t):
        return Intent.OTHER
    if (
        not (facts.has_catalog or stage or facts.has_contact_info)
        and GIFTED.search(t)
        and not report.told()
        and find_kind(report.unplanned()) is None
        and not _rep_plans(facts)
    ):
        return Intent.OTHER
    has_entity = named or facts.has_contact_info
    # (a loss said first makes a later "朋友介绍了个…" its reason: a rival brought to the customer, unless
    # the message gives a new customer's number)
    lost_at = stage[1][0] if stage is not None and stage[0] == Stage.LOST.value else None
    after = len(t) if lost_at is None or facts.has_contact_info else lost_at
    if (has_entity or facts.has_catalog) and _lead_cue(t, rivals, after):
        return Intent.NEW_LEAD
    if _inbound_inquiry(t, facts, stage):
        return Intent.NEW_LEAD
    reported = report.told() or facts.at_customer
    if not reported and HAND_OVER.search(t) and (has_entity or facts.has_catalog):
        return Intent.NEW_LEAD
    if not reported and SWAPPED.search(t) and (has_entity or facts.has_catalog):
        return Intent.NEW_LEAD
    # A number asked about ("13812345678 这个是谁"), not one given with a plan ("下周去看看").
    asks_now = is_question and ((u := report.unplanned()) == t or QUESTION.search(u) is not None)
    asks_number = facts.has_contact_info and asks_now
    if not reported and has_entity and (asks_number or LEAD_QUERY.search(t) or _stage_asked(t, stage)):
        return Intent.QUERY_LEAD
    if short and not reported and _asks_about_one(t):
        return Intent.QUERY_LEAD
    if stage is not None and not reported and not _news_told_by(t, stage, facts):
        return Intent.UPDATE_STAGE
    if not reported and (has_entity or facts.has_catalog) and PURCHASE_NOTICE.search(t):
        return Intent.NEW_LEAD  # a buyer's public notice of what it will buy: a prospect found
    # (a contact again, "下礼拜六我再去一趟", follows one that happened: a report)
    # (a contact told in words REPORTED does not hold, "在X坐了一上午", is no prospect handed over)
    if (
        not reported
        and has_entity
        and (
            BUY_INTEREST.search(t)
            or (
                (WANTS_CHANGED.search(t) or _wants_goods(text, facts)) and not TOLD.search(report.unplanned())
            )
        )
        and not AGAIN.search(t)
        and find_kind(blanked(report.unplanned(), [m.span() for m in INQUIRY_SENT.finditer(t)])) is None
    ):
        return Intent.NEW_LEAD
    # A full contact card (a customer and a number to reach them) with no stage and no contact told
    # ("刚从X出来" tells one too): a prospect handed over, whatever is planned next.
    # (an organisation described, not named, is a prospect's card too: "东莞一个五金厂 老板姓黎 139…")
    org = facts.has_company or (facts.has_person and UNNAMED_ORG.search(t) is not None)
    card = org and facts.has_contact_info and stage is None and not asks_now and not reported
    if (
        card
        and not TOLD.search(report.unplanned())
        and not AGAIN.search(t)
        and find_kind(report.unplanned()) is None
    ):
        return Intent.NEW_LEAD
    # The person to deal with introduced ("X要建一间Y，对接人是Z的雷主任"), with no contact told: a prospect
    # handed over, whatever they were heard to say ("他们说讯飞也在报").
    if (
        org
        and stage is None
        and not asks_now
        and not reported
        and INTRODUCED.search(t)
        and not AGAIN.search(t)
        and find_kind(report.unplanned()) is None
    ):
        return Intent.NEW_LEAD
    if named and _small_talk(t, facts, stage, reported):
        return Intent.OTHER
    if named and _their_occasion(t, facts, stage, report):
        return Intent.OTHER
    if named:
        return Intent.LOG_FOLLOWUP
    if (
        short
        and not (facts.has_catalog or facts.has_contact_info or stage)
        and ROUNDS.search(t)
        and report.unplanned() == t  # (no plan for a later day: "明天再去第四家" follows up)
    ):
        return Intent.OTHER  # "今天跑了三个地方 累瘫了": the day's rounds counted, no customer to log
    # (a question word inside a plan asks nothing: "下周四我把清单发过去", "下周再去看看")
    if reported and not asks_now and find_kind(_without_stage(report.unplanned(), stage)) is not None:
        return Intent.LOG_FOLLOWUP  # a contact reported without its customer: the bot asks which
    if (
        not _ENDS_ASKING.search(t)
        and facts.has_catalog
        and FOLLOW_ON.search(t)
        and (reported or AGAIN.search(t) or _rep_plans(facts))
    ):
        # "刚又跟他聊了下 他们还想要X", "对了 他们还想看看X 下周四我带过去演示": a short follow-on
        # about the customer just reported, told by a pronoun; the conversation layer knows which.
        return Intent.LOG_FOLLOWUP
    if reported and not is_question and facts.has_catalog and not short:
        # "跟那个X的那个陈工他们聊了一下 那个气质联用…": a contact told about our products, with its
        # customer in words the finders missed; the bot asks which customer.
        return Intent.LOG_FOLLOWUP
    return Intent.OTHER


# The day's rounds told as a count of places, none named: "跑了三个地方", "见了好几家客户".
ROUNDS = re.compile(
    r"(?:跑|去|见|拜访|走)了(?:[一二两三四五六七八九十几好]+|\d+)(?:个|家|处)(?:地方|客户|工地|店|门店|学校|厂)?"
)
# A follow-on told of "them" (the customer of the last report): what they want now, or a contact
# with them again.
FOLLOW_ON = re.compile(
    r"(?:^|[\s，,。；;！!])(?:对了|还有|另外|刚才?|刚刚)?\s?[他她]们?(?:那边)?(?:还|也|又)(?:想|要|需要|打算|准备|问|提)"
    r"|(?:跟|和|给)[他她]们?(?:又|再)?(?:聊|谈|说|打|通|讲|沟通|发)"
)
_ENDS_ASKING = re.compile(r"[?？吗么嘛]\s*$")
# An organisation described by what it is, not named: "一个五金厂", "有家做幕墙的公司".
UNNAMED_ORG = re.compile(
    r"(?:一个|一家|有个|有家)[\u4e00-\u9fff]{0,8}?(?:厂|公司|店|工厂|门店|医院|学校|酒店|合作社|工作室|诊所)"
)
# The customer's person to deal with, introduced: "对接人是…", "联系人为…", "负责人是…".
# (or the person in charge named as one is introduced: "老板叫王建国", "院长姓周"; met, a person is
# named with the contact, "见了王院长", and a kind of contact is told)
INTRODUCED = re.compile(
    r"(?:对接人|联系人|负责人|接口人)(?:是|为)"
    r"|(?:老板|院长|厂长|店长|园长|校长|总经理|经理|负责人)(?:叫|姓)(?=[\u4e00-\u9fff])"
)
# A named person said to tell the news: "刘佩佩说…都收到了" is a contact with the stage in it.
# (讲 is 说 in the South and in Wu speech: "他讲下周一答复", "卜总讲三天之内回音"; not a talk given,
# 演讲, 讲课, 讲解)
_SAID = re.compile(r"(?<![听据])说|(?<![演听宣开主])讲(?![解座究课台义稿])|反馈|告诉我")


# Stage news asked about rather than told: "X的设备是不是已经进场了？", "X那批货装好了吗".
_ASKED_AFTER = re.compile(r"了?\s?(?:吗|么|嘛|没有?)?\s?[?？]|了?\s?(?:吗|么|嘛|没有?)\s*$")
_ASKED_BEFORE = re.compile(r"是不是|是否|有没有")
# ...or at the end of its clause, after the rest of the step: "X那单报价发出去没有？"
_ASKED_LATER = re.compile(r"[^，,。；;！!\s?？]{1,6}?(?:(?:吗|么|嘛|没有?)?\s?[?？]|(?:吗|么|嘛|没有?)\s*$)")


def _stage_asked(t: str, stage: tuple[str, tuple[int, int]] | None) -> bool:
    """The stage word is a yes/no question: asked right after it, or with 是不是/是否 in its clause."""
    if stage is None:
        return False
    start, end = stage[1]
    if _ASKED_AFTER.match(t, end) is not None or _ASKED_LATER.match(t, end) is not None:
        return True
    left = start
    while left > 0 and not _CLAUSE_START.match(t, left - 1):
        left -= 1
    return _ASKED_BEFORE.search(t, left, start) is not None and QUESTION.search(t, end) is not None


def _news_told_by(t: str, stage: tuple[str, tuple[int, int]], facts: Facts) -> bool:
    """Stage news (other than a loss: "老板娘说最后选了X" only tells it is lost) said by the named
    customer's person before it: a contact was made, and the stage goes with it."""
    if not facts.has_person or stage[0] == Stage.LOST.value:
        return False
    if _SAID.search(t, 0, stage[1][0]) is not None:
        return True
    # ...or answering it after: "报价单今天发过去了 钟部长说下周开会定" (what they said back)
    return stage[0] == Stage.QUOTE.value and _SAID.search(t, stage[1][1]) is not None


def _rep_plans(facts: Facts) -> bool:
    return facts.plans is not None and bool(facts.plans.days())


# The customer as the subject of its own news, within the clause before it: "他们年底有个新项目",
# "对方下半年有个新厂" say what the customer reported has, not a prospect handed to us.
_THEIR_NEWS = re.compile(r"(?:[他她]们|对方|人家)[^，,。；;！!？?\s]{0,8}$")


# Us as the one recommended, right after 推荐的 / 介绍的: the customer telling who sent them to us.
_US_RECOMMENDED = re.compile(r"\s?(?:我们|我司|咱们|咱家|我)(?![\u4e00-\u9fff]?的)")
# Us as the one who recommended, right before 推荐的 / 介绍的: something we put to the customer ("讨论了我们
# 推荐的两个方案"), not "朋友给我们介绍的" (someone sending a customer to us).
_WE_RECOMMENDED = re.compile(
    r"(?<![给帮替为向跟和让叫请])(?:我们|我司|咱们|我)(?:之前|上次|前面|先前|刚才?|给(?:[他她]们?|对方|客户))?$"
)


def _lead_cue(t: str, rivals: tuple[tuple[int, int], ...], before: int | None = None) -> bool:
    """A new-lead cue, but not "有人推荐的X" where X is a competitor (a brand recommended to the
    customer, not a customer recommended to us), nor "他们有个新项目" (the customer's own news), nor
    one after `before` (a loss's reason: "X丢了 老板说朋友介绍了个搞灯的")."""
    for m in NEW_LEAD.finditer(t):
        if before is not None and m.start() > before:
            continue
        if m.group() in ("推荐的", "介绍的") and any(m.end() <= s <= m.end() + 2 for s, _ in rivals):
            continue
        if m.group() in ("推荐的", "介绍的") and _US_RECOMMENDED.match(t, m.end()) is not None:
            continue  # "他说是X的徐主任推荐的我们": who sent the customer to us, told in a report
        if m.group() in ("推荐的", "介绍的") and _WE_RECOMMENDED.search(t, 0, m.start()) is not None:
            continue  # "他们看了我们推荐的两款": what we put to the customer, no one sent to us
        if m.group() == "有个新" and _THEIR_NEWS.search(t, 0, m.start()) is not None:
            continue
        return True
    return False


def _short_query(
    t: str, facts: Facts, stage: tuple[str, tuple[int, int]] | None, report: _Report, is_question: bool
) -> Intent | None:
    """The questions asked in a few words: a day's list, a count, one customer."""
    if not facts.has_company and (TODAY_WHICH.search(t) or TODAY_EN.search(t)):
        return Intent.QUERY_TODAY
    if ONE_CUSTOMER_QUESTION.search(t) and not report.told():  # never a count: "电话是多少"
        return Intent.QUERY_LEAD
    if not facts.has_company and asks_for_book(t):
        return Intent.QUERY_LEAD  # a book is looked up as its customers' cards are
    # "拜访计划" names the plans asked for; only a report word outside it makes a report.
    plans = None if facts.has_company else DAY_PLANS.search(t)
    day_plans = False
    if plans is not None and DAY.search(t) is not None:
        outside = t[: plans.start()] + " " + t[plans.end() :]
        day_plans = not (REPORTED.search(outside) or SEEN_THERE.search(outside))
        day_plans = day_plans and (is_question or not OWN_PLAN.search(t))
    # (the rep's boss who asks through the rep names no customer: "PM问我这个月新增几个")
    named = facts.has_company or (facts.has_person and BOSS_ASKS.match(t) is None)
    if not named and (stage is None or is_question):
        # "明天有几个客户要见": the day's appointments, counted in the list
        counts = not day_plans and COUNT.search(t) is not None and not WANTS_SOME.search(t)
        # "合同签了🎉" is news; only a question makes a stage word a count ("这个月签约了多少").
        if counts or STATS.search(t):
            return Intent.QUERY_STATS
    if not facts.has_company and TODAY.search(t) and is_question_or_list(t) and not _WHEN_LATEST.search(t):
        return Intent.QUERY_TODAY
    if day_plans:
        return Intent.QUERY_TODAY
    return None


# The record of contacts named as a thing (asked for or looked at), not a contact: "拜访记录", "通话历史"
# (not a note's heading, "【拜访记录】客户：X", which tells the contact).
_RECORD_NOUN = re.compile(
    r"(?<![【\[])(?:拜访|联系|沟通|通话|跟进|回访|电话|走访)(?:记录|历史)(?![】\]:：])"
    # (nor one heading a note by its date or a line of its own: "拜访记录 8/13\n客户：X")
    r"(?!\s?(?:\d{1,2}[/.月-]\d{1,2}|\d{4}[/.年-]\d{1,2}|\n))"
)


_WHEN_LAST_RE = re.compile(_WHEN_LAST)


class _Report:
    """Whether the message tells a contact that happened, read outside its plans for later days;
    worked out only when a rule asks."""

    __slots__ = ("_lead", "_plans", "_stage", "_t", "_told")

    def __init__(
        self, text: str, t: str, stage: tuple[str, tuple[int, int]] | None, plans: Plans | None
    ) -> None:
        self._t = t
        self._lead = len(text) - len(text.lstrip())
        self._stage = stage
        self._plans = plans
        self._told: bool | None = None

    def unplanned(self) -> str:
        """The stripped text with the plans blanked (same length)."""
        if self._plans is None:
            return self._t
        return self._plans.unplanned()[self._lead : self._lead + len(self._t)]

    def told(self) -> bool:
        if self._told is None:
            # Blanking only removes words: no report word in the whole text, none outside its plans.
            t, unplanned = self._t, self.unplanned()
            if "询" in t:
                # the customer's inquiry sent to us ("微信发了个询价过来") tells no contact of the rep's
                sent = [m.span() for m in INQUIRY_SENT.finditer(t)]
                t, unplanned = blanked(t, sent), blanked(unplanned, sent)
            if "记录" in t or "历史" in t:
                # the contacts' record asked for ("X的联系方式和最近一次拜访记录") tells no contact
                kept = [m.span() for m in _RECORD_NOUN.finditer(t)]
                t, unplanned = blanked(t, kept), blanked(unplanned, kept)
            if "上" in t:
                # ...nor the last contact's day asked ("X上次拜访是什么时候")
                asked = [m.span() for m in _WHEN_LAST_RE.finditer(t)]
                t, unplanned = blanked(t, asked), blanked(unplanned, asked)
            bare = _contact_in(_without_stage(t, self._stage)) or _contact_around(t, self._stage)
            # (the same text when no plan was blanked: read once)
            self._told = bare and (
                unplanned == t
                or _reports_contact(unplanned, self._stage)
                or _contact_around(unplanned, self._stage)
            )
        return self._told


def blanked(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with the spans blanked, same length (offsets stay valid)."""
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def _without_stage(text: str, stage: tuple[str, tuple[int, int]] | None) -> str:
    """A stage word like "需求确认" or "方案演示" is not a report of a contact."""
    if stage is None:
        return text
    (start, end) = stage[1]
    return text[:start] + " " + text[end:]


def plan_alone(unplanned: str) -> bool:
    """Whether a message with a plan for a later day (`unplanned`: its words with the plans blanked)
    tells nothing that happened: no contact, no word the customer said."""
    return (
        REPORTED.search(unplanned) is None
        and SEEN_THERE.search(unplanned) is None
        and TOLD.search(unplanned) is None
    )


def _reports_contact(text: str, stage: tuple[str, tuple[int, int]] | None) -> bool:
    """A contact that happened is told (`text` has the plans blanked, same length as the message)."""
    return _contact_in(_without_stage(text, stage))


# A contact's word asked about, not told: "上次聊了啥", "见了谁", "发了什么".
_ASKED_WHAT = re.compile(
    r"\s?(?:些)?(?:啥|什么|哪些|谁|几次|多少|吗|么|没有?)(?![\u4e00-\u9fff])|\s?(?:些)?(?:啥|什么)"
)


def _contact_around(text: str, stage: tuple[str, tuple[int, int]] | None) -> bool:
    """A contact told by words that run on into the stage word: where the deal was done ("今天在他们
    办公室签的字", the stage 签的字), which blanking the stage word would cut."""
    if stage is None:
        return False
    start = stage[1][0]
    return any(m.start() < start < m.end() for m in REPORTED.finditer(text, max(0, start - 40), stage[1][1]))


def _contact_in(text: str) -> bool:
    """A contact that happened is told: a report word not asked about ("聊了啥" asks)."""
    if SEEN_THERE.search(text) is not None or shorthand_kind(text) is not None:
        return True  # (said done: "X屋顶看完了" asks nothing; or said short: "拜X王总")
    return any(_ASKED_WHAT.match(text, m.end()) is None for m in REPORTED.finditer(text))


def _inbound_inquiry(text: str, facts: Facts, stage: tuple[str, tuple[int, int]] | None) -> bool:
    """A call that came in from a customer not yet in touch, who leaves a number and says what they
    want: a new lead, as 来电咨询 is."""
    # (an organisation described, not named, calling in is one too: "东莞一家五金厂的黄小姐打电话来")
    unnamed = facts.has_person and UNNAMED_ORG.search(text) is not None
    inbound = INBOUND.search(text) is not None or (
        unnamed and (_CALLED_US.search(text) is not None or _UNNAMED_CALLER.search(text) is not None)
    )
    return (
        facts.has_phone
        and (facts.has_company or unnamed)
        and stage is None
        and inbound
        and CUSTOMER_BUY.search(text) is not None
        and KNOWN_BEFORE.search(text) is None
    )


# A call made to us: "打电话来", "打了个电话过来", "打来电话".
_CALLED_US = re.compile(r"打(?:了个?|个)?电话(?:过)?来|打来电话")
# ...or the unnamed organisation's person as the one calling, with no 来 after it: "刚一个X店的老板打电话，
# 想买…" (not "我给一家X厂的老板打电话": the rep calling out).
_UNNAMED_CALLER = re.compile(
    r"(?<![给跟和])(?:一个|一家|有个|有家)[\u4e00-\u9fff]{0,8}?(?:厂|公司|店|工厂|门店|医院|学校|酒店|诊所)"
    r"[^，,。；;\s]{0,6}?打(?:了个?|个)?电话(?![给过去问])"
)

_SMALL_TALK_MAX = 24  # a courtesy is said in a few words; a longer message carries some business


def _small_talk(text: str, facts: Facts, stage: tuple[str, tuple[int, int]] | None, reported: bool) -> bool:
    """A courtesy or a word on a customer's person with nothing of a deal: no catalog word, stage,
    number, contact reported, or plan."""
    return (
        len(text) <= _SMALL_TALK_MAX
        and PLEASANTRY.search(text) is not None
        and not (facts.has_catalog or facts.has_contact_info or stage or reported)
        and find_kind(text) is None
        and not any(c.isdigit() for c in text)
        and AGAIN.search(text) is None
        and (facts.plans is None or not facts.plans.days())
    )


# A day of the customer's person's own life ("周科长下礼拜过生日，要不要准备点啥", "X的王总嫁女儿"): what
# to do for them is asked of the team, no contact and no deal is told.
OCCASION = re.compile(r"过生日|生日|结婚|婚礼|喜酒|嫁女儿|娶儿媳|满月酒|乔迁|升学宴|寿宴|住院了|生病了")


def _their_occasion(t: str, facts: Facts, stage: tuple[str, tuple[int, int]] | None, report: _Report) -> bool:
    return (
        OCCASION.search(t) is not None
        and not (facts.has_catalog or facts.has_contact_info or stage)
        and not report.told()
        and find_kind(report.unplanned()) is None
    )


def _customer_buys(text: str, facts: Facts) -> bool:
    """A customer's own message (or one pasted by the rep) asks about buying."""
    named = facts.has_catalog or facts.has_company or facts.has_contact_info or NEW_LEAD.search(text)
    return bool(named) and (CUSTOMER_BUY.search(text) is not None or facts.has_catalog)


def _asks_about_one(text: str) -> bool:
    """A progress or owner question after something that names a customer the finders did not see
    ("X现在到哪一步了", "帮我查查做钛白粉的那个嘉兴客户最近有没有人跟"), or a look-up of one ("查下X的Y")."""
    m = PROGRESS.search(text)
    if m is not None:
        return len(_PROGRESS_FILLER.sub("", text[: m.start()])) >= 2
    m = LOOK_UP.search(text)
    if m is not None:
        return len(_PROGRESS_FILLER.sub("", text[m.end() :])) >= 2
    m, told = _LOOK_AT.match(text), _LOOK_AT_WHAT.search(text)
    if (
        m is not None
        and told is not None
        and len(_PROGRESS_FILLER.sub("", text[m.end() : told.start()])) >= 2
    ):
        return True  # "帮我看下X那个客户的情况"
    m = LOOK_UP_LAST.search(text)
    return m is not None and len(_PROGRESS_FILLER.sub("", text[: m.start()])) >= 2


# What a report opens with that is no customer's name: the one met, where or when ("跟X", "上午在X").
_NOT_FIRST = re.compile(
    r"\s*(?:跟|和|与|同|在|去|到|陪|带|约|向|给|被|把|从|对|上午|下午|中午|早上|晚上|傍晚|一早|今早|昨晚|刚"
    r"|嗯|呃|额|啊|哦|噢|那个|然后|就是"
    r"|周[一二三四五六日天末]|星期|礼拜)"
)


# A name glued to the person after it, in Han at its end ("瑞科刘总监": not "ok 费厂长", "ok费厂长").
_GLUED_TO_PERSON = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]*[\u4e00-\u9fff]")


def news_start(
    text: str, intent: Intent, person_at: int | None = None, rivals: tuple[tuple[int, int], ...] = ()
) -> tuple[int, int] | None:
    """Where a message that may name its customer first and nothing else (nlp.subject) has that
    name: before the news (a stage) or the question about one customer ("X现在到哪一步了"), or after
    the look-up that asks about it ("查下X的吴经理"). (from, to), or None. `person_at`: where the first
    person named stands, if not first ("X刘总监来电话": the customer, then its person, then the call).
    `rivals`: where the competitors are named ("X最后给Y做了" is lost to Y)."""
    if intent == Intent.UPDATE_STAGE:
        stage = find_stage(text, rivals)
        return (0, stage[1][0]) if stage is not None and stage[1][0] > 0 else None
    if intent == Intent.LOG_FOLLOWUP:  # "X演示做完了", "X拜访完了": the demo or the visit told after the name
        # (not a call: a call after a name is as often after a person's, "孟丽刚才电话回过来了"; a visit is
        # paid to a place, and a person's name before it is left out by the caller)
        kind = find_kind(text)
        if kind is None or kind[1][0] == 0 or _NOT_FIRST.match(text):
            return None
        if person_at and person_at <= kind[1][0] and _GLUED_TO_PERSON.fullmatch(text, 0, person_at):
            return 0, person_at
        # (a visit named as such: "X今天去了" is as often a place gone to for another customer)
        paid = kind[0] == "visit" and text.startswith(("拜访", "上门"), kind[1][0])
        return (0, kind[1][0]) if kind[0] == "demo" or paid else None
    if intent == Intent.QUERY_LEAD:
        if asks_for_book(text):
            # "组里有哪些单子在报价阶段": a book asked, what stands before the stage is no customer's name
            return None
        look_up = LOOK_UP.search(text) or _LOOK_AT.search(text)
        if look_up is not None:  # (up to the question, if one follows: "查下X到哪一步了")
            asked = PROGRESS.search(text, look_up.end())
            return look_up.end(), len(text) if asked is None else asked.start()
        m = ONE_CUSTOMER_QUESTION.search(text) or PROGRESS.search(text) or LEAD_QUERY.search(text)
        if m is None or m.start() == 0 or m.group().startswith(("是哪", "哪")):
            return None  # "X是哪家的": X is a person, asked where they work
        return 0, m.start()
    return None


# Several customers asked about in one question, named side by side: "X和Y这两个现在怎样了",
# "X、Y两家到哪一步了". (跟 and 还有 join a customer to its person as often: "X跟王总聊到哪了")
_AND = re.compile(r"以及|[和与及]")
# What may stand after the names and before the question: how many, when, where ("这两个现在", "两家都").
_SEVERAL_TAIL = re.compile(
    r"(?:(?:这|那)?(?:两|二|三|几)(?:个|家)(?:客户)?|现在|目前|最近|眼下|那边|这边|都|的|[\s呢啊])+$"
)
_ONE_NAME = re.compile(
    # (not what is asked of one: "X的项目和方案", "报价和合同")
    r"(?![^的]*的)(?!.*(?:项目|方案|单子|合同|报价|订单|情况|进度|预算)$)"
    r"[\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z0-9&·]{1,11}"
)


def _two_joined(words: str) -> tuple[str, ...]:
    """Two names joined by 和 / 与 / 及, at the one place that leaves two names ("仁和和慈济" is 仁和 and
    慈济; "中和化工" none); () when no place or several do."""
    cuts = [(words[: m.start()], words[m.end() :]) for m in _AND.finditer(words)]
    fits = [cut for cut in cuts if all(_ONE_NAME.fullmatch(name) for name in cut)]
    return fits[0] if len(fits) == 1 else ()


def customers_asked(text: str) -> tuple[str, ...]:
    """The customers a question about their progress names side by side, each as written ("江城置地和
    临江小学这两个现在怎样了" → 江城置地, 临江小学; "A、B和C"); () unless two or more are named so."""
    if "、" not in text and _AND.search(text) is None:
        return ()
    where = news_start(text, Intent.QUERY_LEAD)
    if where is None:
        return ()
    # (the last clause before the question: a colleague called first is no customer, "夏云，X和Y…")
    head = re.split(r"[，,：:。！!？?；;\s]", text[where[0] : where[1]].strip())[-1]
    head = _SEVERAL_TAIL.sub("", head)
    listed = head.split("、")
    names = (*listed[:-1], *(_two_joined(listed[-1]) or listed[-1:]))
    if len(names) < 2 or not all(_ONE_NAME.fullmatch(name) for name in names):
        return ()
    return names


# "这周团队要回访的学校": the customers to contact, named by what they are.
_TO_CONTACT = re.compile(r"(?:要|待|该|需要)(?:跟进|拜访|回访|联系|见|找)的[\u4e00-\u9fff]{1,6}[?？。.]?\s*$")


# "今日待跟进 团队": a day's to-do list named in a note.
_DAY_TODO = re.compile(r"^\s*(?:" + DAY.pattern + r")\s*(?:的)?\s*(?:待|要|该|需要)(?:跟进|拜访|回访|联系)")


def is_question_or_list(text: str) -> bool:
    return (
        QUESTION.search(text) is not None
        or re.search(r"客户|待办|任务|计划|安排", text) is not None
        # the to-do list asked by its English name: "今天的to do", "明天的todo list"
        or re.search(r"(?i)(?<![A-Za-z])to[-\s]?dos?(?:\s*list)?\s*[?？]?\s*$", text) is not None
        or _TO_CONTACT.search(text) is not None
        or _DAY_TODO.search(text) is not None
    )
