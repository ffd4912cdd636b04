"""Which mentioned day is the rep's own next contact (`next_followup`)."""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from nlp.dates import TIME_RE, DayMention, find_days, find_time
from nlp.lexicon import TAKEN_BACK, Screened, titles

# (a pause before a word or a figure ends a clause in voice input: "她说老板还在考虑 12月23号我再打")
# (a tilde of tone between words ends one too: "能不能一起装～后天我把图纸发他"; not one between two
# days or figures, a range: "周一～周三", "3～5天")
_CLAUSE_END = re.compile(
    r"[，,。；;！!？?\n]|\s{1,}(?=[\u4e00-\u9fff0-9])"
    r"|(?<=[\u4e00-\u9fff])[～~]+(?=[\u4e00-\u9fff])(?!周|星期|礼拜)"
)
# What the rep will do at that time: go, call, send, meet ...
_ACTION = Screened(
    r"去|过去|再|拜访|打|电话|发|送|见|约|谈|过来|跟进|联系|回复|确认|演示|找|签|带|看|讲|汇报|开会|面谈|聊|上门|给他|给她"
    r"|交|试|踩点|投标|拿|考察|继续|视频|微信|回访|对量|勘察|量尺寸|出差|碰|走访|培训|参观|跟车|回他|回她|回个|回电"
    r"|答复[他她]|回收|装机|安装|调试|验收|吃饭|喝茶|饭局|坐坐|聚一下|聚聚|寄|踏勘|复勘|勘测|勘查"
    # met on the line, as 视频 is, or the papers gone through together: "下周一下午2点线上过一遍"
    # (not what is held or sold online: "线上开标", "线上直播")
    r"|线上(?!开标|直播|活动|课|展|发布|商城|店|销售|报名)|过一遍"
    # 再来 typed as its homophone 在 ("周五上午十点在来"; not 现在 / 正在 / 实在 / 好在)
    r"|(?<![现正实存好])在(?:来|过来)(?!的路)"
    # a meeting resumed or held in the formal words: "下周五下午复会", "周三上午会谈"
    r"|复会|会谈|会商|碰头"
    # their meeting the rep attends: "下周三参加他们的论证会", "周五出席招标答疑会"
    r"|参加|出席"
    # flying there: "我下周二飞哈尔滨"
    r"|飞(?:过去|去|到|往)?(?=[\u4e00-\u9fff])"
    # the rep sending someone of theirs: "周四我安排工程师上门", "下周一我派个师傅过去" (not their own
    # arrangements: "他们安排了验收")
    r"|(?<=我)(?:安排|派)(?:了|个|一个|两个)?(?:技术|工程师|师傅|同事|售后|人)"
    # being there: "我下周二上午九点到酒店", "周三到他们厂里" (not goods: "下周二到货")
    r"|到(?:[他她]们|对方|客户)?(?:那边|那儿|那里|店里|门店|酒店|宾馆|厂里|工厂|公司|现场|工地|医院|学校|仓库)"
    # what the rep owes by then: "下周三前我出新报价", "下周五之前给新版"
    # (not an answer the customer owes: "月底前给答复", "下周前出结果", "月底前给我答复", "之前给最终答复")
    r"|现场|(?:之|以)?前(?:我)?(?:给|出)"
    r"(?!来|我|你们?的?(?:答复|回复|结果|消息|通知|反馈|意见|说法|准信)|个?(?:最终|正式|明确|书面|确切)?的?(?:答复|回复|结果|消息|通知|反馈|意见|说法|准信))"
    r"|出(?:个|一版|份)?(?:新|正式|最终|初步)?(?:报价|方案|合同|图纸|图|标书)"
    r"|给(?:个|一版|份)?(?:新版|新的|正式|最终|初步|初版)(?!的?(?:答复|回复|结果|消息|通知|反馈|意见|说法|准信))"
    r"|(?<![A-Za-z])(?i:follow|ping|call|visit|meet|send|demo|on ?site|quot|proposal)"
)
# The rep's own plan said in English before its day: "I'll send the proposal on Friday", "Will follow
# up next Tuesday", "Next meeting 下周三".
# (or headed as the next step: "next step: visit on 12/16 10am", "next steps - send quote on 12/18")
_EN_PLAN_BEFORE = Screened(
    # (the thing named may be in Chinese: "I'll send the 报价 the day after tomorrow")
    r"(?<![A-Za-z])(?:I'll|I will|will|we'll|we will|next)\s+[A-Za-z\u4e00-\u9fff ]{0,30}$"
    # ...or going again without a will: "Going back next Wed 3pm", "Meeting again the day after tomorrow",
    # "back there on Friday", "Next: dinner with the owner the day after tomorrow"
    r"|(?<![A-Za-z])(?:going|go|coming|come|be|heading)\s+back(?:\s+(?:there|to\s+them))?\s+(?:on\s+|the\s+)?$"
    r"|(?<![A-Za-z])(?:meeting|meet|visiting|visit|calling|call|seeing|see)\s+(?:them\s+|him\s+|her\s+)?again"
    r"\s+(?:on\s+|the\s+)?$"
    r"|(?<![A-Za-z])next\s?[:：]\s?[A-Za-z\u4e00-\u9fff ]{0,30}$"
    r"|(?<![A-Za-z])next\s?steps?\s?[:：\-–]\s?[A-Za-z ]{0,30}$"
    # ...or as a report's field: "Next：11月5号下午2点复勘"
    r"|(?<![A-Za-z])next\s?[:：]\s?$"
    # ...or the follow-up itself named before its day: "follow up 下周一上午11点", "f/u: 周三"
    r"|(?<![A-Za-z])(?:follow[\s-]?up|f/u)(?:\s+(?:on|at))?\s?[:：]?\s?$",
    re.IGNORECASE,
)
# The rep as the subject of what is planned: "我下周一再打", "我那天下午再问他" (after someone's words
# before it, "他说要跟老板汇报一下我下周一再打电话问问": the rep's plan all the same).
# (asked by them to come again that day, "下个礼拜一 上午十点 让我带方案再过去一趟", is the rep's plan too;
# "今天下午让我们过去演示" may be done already)
# (nor is being asked to come over on a later day, "他说下周二让我过去一趟")
_I_PLAN_AFTER = re.compile(
    r"^\s?(?:就|也|会|那天|当天)?\s?(?:我|(?:让|叫|请)我(?=[^，,。；;\s]{0,10}再|(?!们)(?:过去|过来|去)))"
)
# ...or names that day again as its own: "大概下周四能定 我那天下午再问他".
_I_THAT_DAY = re.compile(r"我(?:就|也)?(?:那天|当天)|(?:那天|当天)我")
# ...or refers back to it in the next clause, with no day of its own: "下个月6号他们开协调会 我到时候去参加",
# "周四他们验收，到时候我过去".
_I_BACK = re.compile(r"我们?(?:就|也|会)?(?:到时候?|届时|那天|当天)|(?:到时候?|届时|那天|当天)\s?我们?")
_BACK_REACH = 20
# ...or, after their meeting that day, says they go to it with no word for "then": "下周二上午十点他们开会定，
# 我过去给讲讲", "周四厂里开会讨论，我也去" (not "我过去的报价", "我去年…", nor gone already: "我去了").
_THEIR_MEETING = re.compile(
    r"^\s?(?:他|她|对方|客户|厂里|院里|领导)们?\s?(?:内部|自己|那边)?\s?(?:开会|碰头|讨论|研究|商量|论证|评审)"
)
_I_JOIN = re.compile(r"我们?(?:就|也|再)?(?:过去|去|到场|参加|列席|旁听)(?![了的过年])")
# (not when someone has us do it: "齐主任让我们月底前出报价" is their deadline, beside which the rep's own
# "我下周一先发个预算版" is the plan)
# ("我这边计划下周三…": the rep's side, as in 我这边)
_I_PLAN_BEFORE = re.compile(r"(?<![让叫要请求])我(?:们)?\s?(?:这边)?\s?(?:就|也|会|打算|准备|计划)?\s?$")
# Someone else as the subject right after the day: "下周三他把标书发过来" is their step, and so is their own
# meeting to decide, "周五他们内部开会定", "月底她们自己商量".
_THEIR_AFTER = re.compile(
    r"^\s?(?:他|她|对方|客户|厂里|领导)们?\s?(?:内部|自己|那边)?\s?"
    r"(?:把|会|要|再|来|给|发|出|回|安排|开会|商量|讨论|研究|决定|参加|出席)"
)
# An answer owed to us by that day, said with no one before it: "周五给回复", "月底前给个准信", or in the
# customer's own words pasted, "下周前给你答复" (the rep answering names whom: "周五给他回复").
# (or the answer said as their verb, us after it: "下周五之前回复我们", "月底前答复我")
_OWED_TO_US = re.compile(
    r"^\s?(?:前|之前|以前)?\s?(?:给|出)(?:个|我们?|你们?)?(?:最终|正式|明确|书面|确切)?的?"
    r"(?:答复|回复|回音|结果|消息|准信|反馈|说法)"
    r"|^\s?(?:前|之前|以前)?\s?(?:会|再|就)?(?:答复|回复|回话|反馈)(?:给)?(?:我|咱)们?"
)
# A day said again to correct the one before: "约了下周二 哦不对 下周三上午", "说错了 是周四".
_CORRECTED = re.compile(rf"{TAKEN_BACK}[\s，,。！!：:]*(?:是|改)?\s?$")
_CORRECT_REACH = 8
_HARD_END = re.compile(r"[，,。；;！!？?\n]")
_FOLLOWING_REACH = 16
# ...unless he is the one of ours who went to the customer earlier in the message, as when a rep writes
# for a colleague: "帮老何记一下 他今天去X见了王总 … 下周二他再过去" is the colleague's own next visit.
_OURS_WENT = re.compile(r"([他她])(?:今天|昨天|上午|下午|早上|中午|刚才?|刚刚){0,2}(?:去(?!年)|跑了|拜访)")
_OURS_AGAIN = re.compile(r"^\s?([他她])\s?再(?:过去|去|跑|拜访|上门)")
# A third party as the subject right before the day: "他们月底前开会给答复" is their timeline.
# (or what they want by then: "对方要月底之前拿到方案", "客户希望下周三前到货")
# (not one the rep acts on, promises, tells or answers: "我约了她周五…", "我答应他下周五带方案再过去",
# "我回他后天带样品过去")
_THEIR_SUBJECT = re.compile(
    r"(?<![约找跟和给陪请叫让回])(?<!约了)(?<!约好)(?<!答应)(?<!告诉)(?<!承诺)"
    r"(?:他|她|他们|她们|对方|客户|厂里|院里|领导)\s?(?:要求?|希望|想|需要|得)?\s?$"
    # ...what they require of the goods or the work by then, named between ("对方要求首批货月底前到仓库",
    # "客户希望样机下周五之前装好"; not of us: "客户要求我们月底前出方案")
    r"|(?<![约找跟和给陪请叫让回])(?:他|她|他们|她们|对方|客户|厂里|院里|领导)\s?(?:要求|希望|需要)"
    r"[^我咱，,。；;！!？?\s]{1,6}$"
    # ...or their board or head office deciding then ("他们董事会下周五开会定", "对方集团月底前批"): a body
    # of theirs, no contact of ours
    r"|(?:(?:他|她|他们|她们|对方|客户)(?:的|那边的?)?)?(?:董事会|股东会|股东大会|党委会|领导班子|班子|高层|总部|集团|上级)"
    r"\s?(?:要求?|希望|想|需要|得|会|要)?\s?$"
)
# The rep only as the one things are sent to ("材料他们下周二之前发给我", "报价单月底前寄给我们",
# "对方周四给我发样品"): the rep does nothing then; not "我" doing it.
_SENT_TO_ME = re.compile(
    r"(?:发|寄|传|交|递|送|转|报|拿)(?:过来|回来|来)?给?(?:我|咱)们?|给(?:我|咱)们?(?:发|寄|传|送|转|报|回)"
)


def _rep_in(after: str) -> bool:
    """The rep is named in the clause after a day, other than as whom things are sent to."""
    return "我" in after and "我" in _SENT_TO_ME.sub("", after)


# Someone else's timeline: "他说月底前给答复", "对方表示月底前定", "让我等通知" (讲 in the South:
# "他讲下周一答复").
# ("说好…" opening the clause is agreed together: "说好周四我带样品过去")
# (the rep telling them is no report of theirs: "我跟他说明天给他报价")
# (or their side said as its place: "院里说下下周五开会讨论", "厂方表示月底前定"; not the rep going there
# to speak, "去厂里讲方案")
_REPORTED = re.compile(
    r"(?<![跟和给对向])(?:[他她]们?|对方|客户)(?:说|讲|表示)"
    r"|(?<![跟和给对向去到在回来进])(?:院里|厂里|所里|校里|院方|厂方|校方|甲方)(?:说|表示)"
    r"|说等|等他|等她|等通知|等消息|^\s*说(?!好)"
    # ...said in the formal words, its subject in the clause before: "厂方提了要求，并表示下周前定下来"
    r"|(?:^|[，,；;\s])(?:并|还|也|均|同时)?(?:表示|称)"
)
# The customer coming to us is a meeting the rep holds that day, whoever says it ("说后天上午来我们公司谈",
# "她下周二过来看样机", "说周四可以过来看设备"), and so is the rep waiting for them somewhere ("我下周三上午
# 在展厅等她").
_COMES_TO_US = re.compile(
    r"^\s?(?:[他她]们?|对方|客户)?\s?(?:会|要|想|再|就|可以|能)?(?:来|到)(?:我们|咱们|我司|本公司)(?:公司|厂|厂里|工厂|展厅|门店|店里|办公室|这边)?"
    # (on the spot: "下周一过来实地看看场地", "周四来现场看")
    r"|^\s?(?:[他她]们?|对方|客户)?\s?(?:会|要|想|再|就|可以|能)?(?:过来|来)(?:实地|现场|当面)?"
    r"(?:谈|看|参观|考察|面谈|签|试|验|聊)"
    # ...to our place named bare, for a purpose: "约了他们下周二上午十点来展厅看样", "周四来门店试驾"
    r"|^\s?(?:[他她]们?|对方|客户)?\s?(?:会|要|想|再|就|可以|能)?(?:过来|来)(?:展厅|门店|店里|体验店|样板间|工厂|厂里)"
    r"(?:看|参观|考察|谈|面谈|签|试|验|聊)"
)
# ...and so is the customer having us over that day, whoever says it: "说下周三可以安排我们去他们厂里量尺寸",
# "他说下周二请我们过去看现场", "欢迎我们周四上门" (not us sending someone: "我们安排师傅去").
_HAS_US_OVER = re.compile(
    r"^\s?(?:[他她]们?|对方|客户)?\s?(?:会|要|想|再|就|可以|能)?\s?(?:安排|让|叫|请|邀请?|欢迎)我们?"
    r"(?:的人|这边)?\s?(?:过去|去|上门|到(?:他们|她们|厂里|现场|公司))"
)
# The rep doing something with the customer that day, whatever the verb ("我下周一先跟她把人数对一下",
# "我周四和他们商量下付款"): a contact, when the rep is the subject.
_WITH_THEM = re.compile(r"^\s?(?:我们?)?\s?(?:先|再|就|也|还)?\s?(?:跟|和|同|找)\s?(?:[他她]们?|对方|客户)")
_WAITS_FOR_THEM = re.compile(r"在[^，,。；;\s]{1,8}等[他她]们?")
# A contact already made on that day ("周六电话回访了"): not a plan.
_DONE = re.compile(
    r"^\s?[\u4e00-\u9fff]{0,8}?(?:回访了|拜访了|打了|去了|见了|聊了|通了|沟通了|来了|开了|做了|谈了|电话了)"
)
_PUT_OFF = re.compile(r"\s?(?:就|先)?再说")
# Our own side's meeting that day, no customer in it: "明早九点回公司开会", "周一回杭州总部例会",
# "下周二部门内部开会" (going to the customer's, "去他们公司开会", is a visit).
_OUR_MEETING = re.compile(
    r"^\s?(?:我们?)?\s?(?:要|得|先|还要)?\s?(?:回[\u4e00-\u9fff]{0,4}?(?:总部|公司|办公室|单位)|(?:部门|组里|团队|公司)(?:内部)?)"
    r"(?:开会|例会|开例会|培训|述职|汇报|复盘)"
)
# ...or our team's outing or dinner that day: "周六团建去X岛", "周五部门聚餐", "下周三公司年会".
_OUR_OUTING = re.compile(
    r"^\s?(?:我们?|大家|咱们|全组|组里|部门|团队|公司)?\s?(?:要|去)?\s?(?:团建|聚餐|年会|春游|秋游|出游|拓展训练)"
)
# A meeting that day said to have settled something, with no one of ours in it: "8号开会定下来 两批都要",
# "周一碰头敲定了" (the customer's decision told, not the rep's next contact).
_MEETING_DECIDED = re.compile(
    r"^\s?(?:开会|开了会|开完会|碰头|碰了头|商量)\s?(?:定|决定|敲定|商定|说定)(?:下来|好|了)"
)
# The day something ongoing starts from ("3号开始我们的保洁员进场", "8月1号起接管", "下周一开始供货"):
# the start of a service, a supply or a term, no one contact; unless the rep is the one who starts then
# ("下周一开始我天天过去盯着"). 起 only after a date of the month: "下周一起过去" is "together".
# A start set at an hour of the day ("下周一上午九点开始进场施工") is an appointment on site, not a term;
# our crew entering their site then is a contact as an installation is (not so on a day alone: "下个月10号
# 进场" is when a machine or the workers arrive).
_ON_SITE = re.compile(r"^\s?(?:就|正式)?(?:开始)?进场")
_PERIOD_FROM = re.compile(r"^\s?(?:就|正式)?(开始|起)(?!\s?我(?!们))")
# A day asked about ("问…能不能月底前交货", "问月底前是否可以装完"): a question, not the rep's plan.
_ASKED = re.compile(r"问")
ASK_REACH = 12  # characters: a run-on message asks about one thing and plans another further on
# The rep answering what was asked: what follows is the rep's word, no longer the question.
_ANSWERED = re.compile(r"我(?:跟[他她]们?|和[他她]们?)?(?:说|讲|回复?|答应)")
_QUESTION = re.compile(r"能不能|可不可以|能否|是否|会不会|行不行|来不来得及|来得及吗|有没有|[吗么][?？]?\s*$")
# (改 right before the day moves it too: "周三改周五了")
_RESCHEDULED = re.compile(r"改到|改成|改在|改\s?$|推到|推迟到|约了|约好|约在|定在|说好|讲好|商量好")
# 定在 / 约在 alone may be the customer's event ("年会定在12月底"); a plan has an action or 下次 / 再 too.
_WEAK_RESCHEDULE = re.compile(r"(?:定在|约在)\s?$")


# What may stand between a titled person and their 说: the channel, an adverb ("电话里", "微信上也").
_SAID_BY = re.compile(r"(?:(?:在|打)?(?:电话|微信|视频|语音|会上)(?:里|中|上)?)?(?:也|又|还|刚|就|跟我们?)?$")


@cache
def _title_set() -> tuple[frozenset[str], int]:
    words = titles()
    return frozenset(words), max(map(len, words))


def _titled_says(before: str) -> bool:
    """A titled person reports it ("万厂长说…8号进场", "王总说…"): their timeline, as with "他说". Only
    in the words run on to the day: after a space the rep speaks again ("苏校长说寒假前装完 18号我去")."""
    known, longest = _title_set()
    near = re.split(r"\s", before[-12:])[-1]
    at = near.find("说")
    while at > 0:
        # (the channel or an adverb between: "柯经理电话里说下周五前定", "王总微信上也说…")
        said = at - len(m.group()) if (m := _SAID_BY.search(near, 0, at)) else at
        if any(near[max(0, said - n) : said] in known for n in range(1, min(longest, said) + 1)):
            return True
        at = near.find("说", at + 1)
    return False


def _asked(before: str, after: str) -> bool:
    """The day is what someone asked about: 问 shortly before it, a question word right around it."""
    near = before[-ASK_REACH:]
    answered = list(_ANSWERED.finditer(near))
    if answered:
        near = near[answered[-1].end() :]  # "他问能不能…我说明天给他报价": the rep's answer, not the asking
    return bool(_ASKED.search(near)) and bool(_QUESTION.search(near) or _QUESTION.search(after[:ASK_REACH]))


def _ours_again(before: str, after: str) -> bool:
    """The 他/她 going again after the day is the one said before to have gone to the customer."""
    again = _OURS_AGAIN.match(after)
    return again is not None and any(m.group(1) == again.group(1) for m in _OURS_WENT.finditer(before))


def _done(after: str) -> bool:
    """The clause after a day reports what was done then ("周六电话回访了"), not a plan."""
    return _DONE.search(after) is not None and "再" not in after


# 在 typed for 再 (one pinyin, zai) right after a day that is still to come: "下周一上午在问问",
# "下周二下午3点在过去", "下学期在说" (put off): a step on a day ahead is done again, not going on now.
_AGAIN_SLIP = re.compile(
    r"^(\s?(?:我们?|就|我就|我们就)?\s?)在(?=过去|去(?!年)|来|问|打|拨|联系|跟进|约|见|拜访|上门|说|发|谈|聊)"
)


def _clause(text: str, start: int, end: int) -> tuple[str, str]:
    """Text of the clause before the day expression and after it (a slip of 在 for 再 read as 再)."""
    left = start
    while left > 0 and not _CLAUSE_END.match(text, left - 1):
        left -= 1
    return text[left:start], _AGAIN_SLIP.sub(r"\1再", _clause_after(text, end))


def _clause_after(text: str, end: int) -> str:
    """Text of the clause after `end` (what _clause gives second, without walking back for the first)."""
    m = _CLAUSE_END.search(text, end)
    return text[end : m.start() if m else len(text)]


def _referred_back(text: str, end: int, starts: list[int], their_meeting: bool = False) -> str | None:
    """The next clause after a day, when the rep refers back to that day in it as their own
    ("我到时候去参加"), or joins `their_meeting` said that day ("我过去给讲讲"), naming no day of its
    own; else None."""
    m = _CLAUSE_END.search(text, end)
    if m is None:
        return None
    hard = _HARD_END.search(text, m.end())
    following = text[m.end() : hard.start() if hard else len(text)][:_BACK_REACH]
    lead = len(following) - len(following.lstrip())
    if any(m.end() <= s < m.end() + len(following) for s in starts):
        return None
    back = _I_BACK.match(following, lead) or (their_meeting and _I_JOIN.match(following, lead))
    return following[lead:] if back else None


def _restated(planned: DayMention, again: DayMention) -> bool:
    """`again` names the planned day once more and adds the hour the plan left open."""
    return again.day == planned.day and planned.time is None and again.time is not None


# A part of today said alone before the rep's own step ("下午我把单子发她", "晚上我再打给他"): later today,
# while that part of the day has not gone by (its last hour, HH:MM).
_PART_OF_TODAY = re.compile(
    r"(?:^|(?<=[\s，,。；;！!]))(?:今天)?(?P<part>中午|下午|傍晚|晚上|今晚|晚点)(?=\s?我)"
)
_PART_ENDS = {
    "中午": "13:00",
    "下午": "18:00",
    "傍晚": "19:00",
    "晚上": "23:00",
    "今晚": "23:00",
    "晚点": "23:00",
}
_PART_SAID = re.compile("|".join(_PART_ENDS))


def _part_later(said: str, now: str | None) -> bool:
    """Whether a day said as today names a part of it still to come ("今天下午" at 10:30)."""
    m = _PART_SAID.search(said)
    return m is not None and now is not None and now < _PART_ENDS[m.group()]


# Later today said right after 今天 by when the work day ends: "今天下班前我把清单发她", "今天晚些时候回他".
_LATER_TODAY = re.compile(r"\s?(?:下班前|下班之前|下班以前|晚些时候|晚点)")
_WORK_DAY_ENDS = "18:00"


def _later_today(text: str, d: DayMention, today: date, now: str | None) -> bool:
    return (
        d.day == today
        and d.time is None
        and _LATER_TODAY.match(text, d.end) is not None
        and (now is None or now < _WORK_DAY_ENDS)
    )


# ...unless the same clause goes on with how the customer took it ("下午我给他打电话他也没多说啥", "晚上我
# 去他那坐了会儿她说再考虑"): the step is told as done, voice input having dropped the 了 and the pause (not
# the rep asking or telling them: "下午我打电话问他说的那批货").
_TAKEN_AFTER = re.compile(
    r"(?<![问跟给和对向诉叫让请帮找])[他她]们?(?:也|就|都|倒|还|只|又)?(?:没|说|讲|表示|答应|同意|回了|嫌|觉得)"
)
_TAKEN_REACH = 24


def _told_as_done(text: str, end: int) -> bool:
    hard = _HARD_END.search(text, end)
    clause = text[end : hard.start() if hard else len(text)]
    pause = re.search(r"\s", clause)  # a pause before the customer's words ends the step's clause
    step = re.match(r"\s?我", clause)
    if step is None:
        return False
    rest = clause[: pause.start() if pause and pause.start() > step.end() else len(clause)][:_TAKEN_REACH]
    return _TAKEN_AFTER.search(rest, step.end()) is not None


def _parts_of_today(text: str, today: date, days: list[DayMention], now: str | None) -> list[DayMention]:
    """`days` with the parts of today said alone that are still to come (none when `now` is not known)."""
    if now is None or not any(part in text for part in _PART_ENDS):
        return days
    extra = [
        DayMention(today, m.start(), m.end(), None)
        for m in _PART_OF_TODAY.finditer(text)
        if now < _PART_ENDS[m.group("part")]
        and not any(d.start <= m.start() < d.end for d in days)
        and not _told_as_done(text, m.end())
    ]
    return sorted([*days, *extra], key=lambda d: d.start) if extra else days


def find_followup(
    text: str, today: date, days: list[DayMention] | None = None, now: str | None = None
) -> DayMention | None:
    """The rep's next planned contact among the days mentioned (`days` from find_days, if at hand);
    `now` ("HH:MM") lets a later hour today count ("今晚8点前回他")."""
    best: DayMention | None = None
    best_mine = False  # the rep is the subject of the plan taken so far
    days = find_days(text, today) if days is None else days
    days = _parts_of_today(text, today, days, now)
    starts = [d.start for d in days]
    for d in days:
        part_later = d.day == today and d.time is None and _part_later(text[d.start : d.end], now)
        part_later = part_later or (now is not None and _later_today(text, d, today, now))
        later_today = d.day == today and (
            part_later or (d.time is not None and now is not None and d.time > now)
        )
        if d.day <= today and not later_today:
            continue  # past days and today are what happened, not the next contact
        before, after = _clause(text, d.start, d.end)
        rescheduled = _RESCHEDULED.search(before) is not None
        if rescheduled and _WEAK_RESCHEDULE.search(before) and not (_ACTION.search(after) or "再" in before):
            rescheduled = False
        corrected = best is not None and _CORRECTED.search(text[max(0, d.start - _CORRECT_REACH) : d.start])
        rescheduled = rescheduled or bool(corrected)
        mine = bool(_I_PLAN_AFTER.match(after) or _I_PLAN_BEFORE.search(before) or _I_THAT_DAY.search(after))
        if not mine and (later := _LATER_TODAY.match(after)) is not None:
            mine = _I_PLAN_AFTER.match(after[later.end() :]) is not None  # "今天下班前我把清单发她"
        if part_later and not mine:
            continue  # "今晚跟Amy视频了一下": only the rep's own step names a later part of today
        if not after.strip():
            # "next Monday 我再follow", "下周一 我 过去一趟": the plan is said after a pause
            nxt = _CLAUSE_END.search(text, d.end)
            if nxt is not None and text[nxt.start()].isspace():
                # up to the next mark: voice input pauses inside the plan too ("下周一 我 过去一趟")
                hard = _HARD_END.search(text, nxt.end())
                following = text[nxt.end() : hard.start() if hard else len(text)][:_FOLLOWING_REACH]
                if any(nxt.end() <= s < nxt.end() + len(following) for s in starts):
                    following = ""  # it names a day of its own ("挂网大概月底 我后天把参数发他")
                if _I_PLAN_AFTER.match(following) or following.startswith(("再", "带", "去", "过去")):
                    after = following
                    mine = mine or bool(_I_PLAN_AFTER.match(following))
        said = after  # the day's own clause, before the rep's word on it is read
        if not mine:
            back = _referred_back(text, d.end, starts, _THEIR_MEETING.match(after) is not None)
            if back is not None:
                after, mine = back, True
        # (the customer's visit said in the day's clause, the rep's word after: "说周四来我们厂里看货 我到时候
        # 陪他")
        comes = any(
            p.match(clause) is not None for p in (_COMES_TO_US, _HAS_US_OVER) for clause in (after, said)
        )
        if comes:
            rescheduled = True  # the customer's visit to us is the next contact, however it was said
        if _WAITS_FOR_THEM.search(after):
            after = _WAITS_FOR_THEM.sub("见", after)  # "在展厅等她": the rep meets them, nobody's timeline
        if (_REPORTED.search(before[-12:]) or _titled_says(before)) and not (rescheduled or mine):
            continue
        if _asked(before, after) and not rescheduled:
            continue
        if _THEIR_SUBJECT.search(before) and not _rep_in(after) and not comes:
            continue
        if _THEIR_AFTER.match(after) and not _rep_in(after) and not _ours_again(text[: d.start], after):
            continue
        if _OWED_TO_US.match(after) and not (mine or rescheduled):
            continue
        if _REPORTED.search(after) or (_done(after) and not rescheduled):
            continue
        if _OUR_MEETING.match(after) or _OUR_OUTING.match(after):
            continue  # our own meeting or outing, no contact with the customer
        if _MEETING_DECIDED.match(after) and not mine:
            continue  # "8号开会定下来 都要": what their meeting that day settled, no contact of ours
        if _PUT_OFF.match(after):
            continue  # "第三家明天再说", "下周再说": put off, no contact planned
        start = _PERIOD_FROM.match(after)
        timed = d.time is not None
        on_site = timed and _ON_SITE.match(after) is not None
        if (
            start is not None
            and not (rescheduled or timed)
            and (start.group(1) == "开始" or text[d.end - 1] in "号日")
        ):
            continue  # "15号开始我们派人驻场": the start of a service, no contact
        if best is not None and _restated(best, d):
            best = d  # "下周四上午我再过去 对 下周四上午十点": the same day said again, more precisely
            continue
        english = _EN_PLAN_BEFORE.search(text, max(0, d.start - 40), d.start) is not None
        with_them = mine and _WITH_THEM.match(after) is not None
        acted = _ACTION.search(after) or _ACTION.search(before[-4:]) or on_site
        if not (acted or rescheduled or english or with_them):
            continue
        # The first plan wins, unless a later one is moved to or corrected, or is the rep's own after
        # a step that is not ("要的急 月底交货 明早九点我去协会签意向").
        if best is None or rescheduled or (mine and not best_mine):
            best, best_mine = d, mine
    return best


def mask_plans(text: str, today: date, days: list[DayMention] | None = None) -> str:
    """The text with every clause about a later day blanked out (same length, so spans still hold)."""
    chars = list(text)
    for d in find_days(text, today) if days is None else days:
        if (d.day <= today and not _later_today(text, d, today, None)) or _done(_clause_after(text, d.end)):
            continue
        m = _CLAUSE_END.search(text, d.end)
        end = m.start() if m else len(text)
        while (purpose := _PURPOSE_AFTER.match(text, end)) is not None and "了" not in purpose.group():
            end = purpose.end()  # "下周三再去一趟，把方案给老板讲解一下": what the plan is for is planned too
        chars[d.start : end] = " " * (end - d.start)
    return "".join(chars)


# A clause after a plan that says what it is for, with no subject or day of its own: "，把方案给老板讲解
# 一下", "，给她们做线上演示", "，顺便带样品过去" (up to the next pause).
_PURPOSE_AFTER = re.compile(
    r"[，,]\s?(?:再|顺便|顺带|好|去|过去)?(?:把|给|帮|替|为|带)[^，,。；;！!？?\n]{1,30}"
)


class Plans:
    """The days a message mentions and its text with the plans for later days blanked
    (`mask_plans`), each read once and only when asked for: most questions need neither."""

    __slots__ = ("_days", "_text", "_today", "_unplanned")

    def __init__(self, text: str, today: date) -> None:
        self._text = text
        self._today = today
        self._days: list[DayMention] | None = None
        self._unplanned: str | None = None

    def days(self) -> list[DayMention]:
        if self._days is None:
            self._days = find_days(self._text, self._today)
        return self._days

    def unplanned(self) -> str:
        if self._unplanned is None:
            self._unplanned = mask_plans(self._text, self._today, self.days())
        return self._unplanned


# What may stand around the day in a bare answer or a correction: "周五下午", "改到周五上午吧",
# "时间改成明天下午2点", "那就下周一".
_BARE_FILLER = re.compile(
    r"(?:那就|那|就|好的|好|行|嗯|ok|OK|下次|下回|跟进时间|回访时间|拜访时间|时间|日期|提醒|不对|错了"
    r"|改成|改到|改为|改在|换成|换到|推到|推迟到|挪到|延到|约在|定在|再约|再去|再联系|再跟进|再打|跟进|联系|见面?"
    r"|过去|去|拜访|上门|回访|打电话"
    r"|吧|呗|哈|啊|呢|吧|了|的|吗|[\s，,。.!！~～:：、])*"
)


# What stands between a day and the day it is moved to: "周三改周五", "明天 推到 后天".
_MOVED_BETWEEN = re.compile(r"\s?(?:的)?(?:改|改到|改成|改为|改在|换成|换到|推到|推迟到|挪到|延到)\s?")


def find_bare_followup(text: str, today: date, days: list[DayMention] | None = None) -> DayMention | None:
    """The day of a message that is only a time ("周五下午", "改到下周四上午"): a follow-up answer."""
    days = find_days(text, today) if days is None else days
    cut: int | None = None  # where the words before the day end
    if len(days) == 2 and _MOVED_BETWEEN.fullmatch(text, days[0].end, days[1].start):
        # the day left and the day moved to: "周三改周五了", "明天下午推到后天" is the later one
        cut, days = days[0].start, days[1:]
    if len(days) != 1 or days[0].day < today:
        return None
    d = days[0]
    rest = text[: d.start if cut is None else cut] + " " + text[d.end :]
    if _BARE_FILLER.fullmatch(rest):
        return d
    return _moved_to_time(text, d) if cut is None else None


# What may end the time a day is moved to before a pause and why: "周四改到下午三点吧，上午他们开会".
_THEN_WHY = re.compile(r"(?:吧|呗|了|啊)*(?:[，,。；;！!~～]|\s)")
# (the longer words first: "改到" is not "改" then "到")
_MOVED_TO = re.compile(r"\s?(?:的)?(?:改到|改成|改为|改在|换成|换到|推到|推迟到|挪到|延到|改)\s?")


def _moved_to_time(text: str, d: DayMention) -> DayMention | None:
    """A day the message opens on, moved to another time of it: "周四改到下午三点", "周五推到上午十点吧，
    下午他们开会" (what follows a pause says why)."""
    moved = _MOVED_TO.match(text, d.end)
    if d.time is not None or moved is None or not _BARE_FILLER.fullmatch(text, 0, d.start):
        return None
    tm = TIME_RE.match(text, moved.end())
    clock = find_time(tm.group()) if tm is not None else None
    if tm is None or clock is None:
        return None
    rest = text[tm.end() :]
    if not (_BARE_FILLER.fullmatch(rest) or _THEN_WHY.match(rest)):
        return None
    return DayMention(d.day, d.start, tm.end(), clock, d.deadline)
