"""The contact person: surname or full name with a title (王主任, 采购经理刘芳, 钱伟科长, 姓孙的老板).

Titles come from a lexicon (nlp/data/titles.txt) with optional function prefixes (采购经理, IT负责人);
names are told from the words around them by a surname list and by what may stand before a name.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from nlp.cities import PROVINCES, districts, gazetteer
from nlp.lexicon import (
    COMMON_SURNAMES,
    OWN_PARTS,
    RARE_SURNAME_FREQ,
    Screened,
    WordTrie,
    literal_re,
    minority_names,
    org_suffixes,
    surnames,
    title_prefixes,
    titles,
)

# The one a pasted message opens on, before a pause or a comma, is whom it greets: the rep, not the
# contact ("转发:「陈工 我们车间…」", "「小周，麻烦…」").
_PASTE_OPENS = re.compile(r"(?:[「『“\"]|(?:转发|fwd?)[:：]\s?)$", re.IGNORECASE)
_GREETING_PAUSE = re.compile(r"[，,:：!！\s]|你好|您好")


# The reader a message opens on, maybe after an apology, then a pause and a greeting or the apology's
# errand: "马经理，您好！", "不好意思马经理，更正一下", "抱歉王总，刚才…" (the rep's boss, no contact).
_OPENING_APOLOGY = re.compile(r"\s*(?:(?:非常|十分|实在|真是?)?(?:不好意思|抱歉|对不起)\s?)?$")
_GREETING_AFTER_PAUSE = re.compile(r"[，,！!、\s]\s?(?:[您你]好|早上好|下午好)")
_APOLOGY_AFTER = re.compile(r"[，,！!、\s]")


def _greeted_first(text: str, start: int, end: int) -> bool:
    opening = _OPENING_APOLOGY.match(text[:start])
    if opening is None:
        return False
    if _GREETING_AFTER_PAUSE.match(text, end):
        return True
    return bool(text[:start].strip()) and _APOLOGY_AFTER.match(text, end) is not None


# The reader a message opens on, then a comma ("周姐，今天又去了X…"): the rep answering a colleague or
# the boss, not the contact, when another person is named with a title after it ("…给叶主管演示了").
_READER_PAUSE = re.compile(r"\s?[，,]")


def _reader_first(text: str, p: Person, named: list[Person]) -> bool:
    if text[: p.start].strip() or _READER_PAUSE.match(text, p.end) is None:
        return False
    return any(q.start >= p.end and q.title for q in named)


def _addressed(text: str, start: int, end: int) -> bool:
    return _PASTE_OPENS.search(text, max(0, start - 6), start) is not None and bool(
        _GREETING_PAUSE.match(text, end)
    )


_CJK = re.compile(r"[\u4e00-\u9fff]")
# Characters that may stand right before a name: particles, verbs of meeting, department endings.
_BEFORE_NAME = frozenset(
    "的了是找见给跟和与同向让叫为请对到约跟科部处办室组队院司店厂局社堂所厅人里来个：:，,。、 \t\n（("
    "但"  # a clause turned: "虽然X丢了 但符经理又打电话说…"
    "等催"  # whom the rep waits for or chases: "等朱总回复", "催王经理付款"
    "站场馆"  # a station, a farm or a hall of theirs, as 所 or 局: "植保站邹站长", "农场范场长"
)
# The last character of a unit of the customer's, as in _BEFORE_NAME.
_UNIT_ENDS = frozenset("科部处办室组队院司店厂局社堂所厅站场馆")
# Characters that do not continue a given name (verbs, adverbs, particles).
_NOT_NAME = frozenset(
    "说很也在要和跟带加打做聊通走喝对看觉说都是的了就还又已让把被给想会能请来去过见问讲"
    "发送回答接表认比挺亲反确沟演吃一二三四五六七八九十两这那啥呢吗吧啊"
    "丢输"  # a deal lost: "X的单子丢了" holds no name 单子丢
)
_DEPARTMENT_END = frozenset("部科处办室组")
# Surnames that are also everyday words, so left out of surnames.txt ("过两天", "和他", "来过"): they
# are one only right before a one-character title, opening the note or a clause and ending where
# a word can't go on ("过总电话 …", "… 和总说了"; not "和总经理聊了", "来总公司开会").
_WORD_SURNAMES = frozenset("过和由但都来时在")
# The contact's role said right before the name, with nothing between: "联系人马晓燕", "对接人马强".
_ROLE_WORDS = ("联系人", "对接人", "负责人")
# What names the one met or the contact right before a surname that is also a word ("见了和主任").
_MET_WORD_BEFORE = re.compile(rf"(?:见了|见到了?|拜访了?|约了|{'|'.join(_ROLE_WORDS)})\s?$")
# 总 followed by these is a word (总部, 总预算), not the title 李总.
_ZONG_WORDS = frozenset("部预共是体结务计额价量数店院台包代算之裁监经工")
# 工 after a surname is a title only when the next character does not make a word (员工, 工地).
# (an adverb, a pronoun or a verb of meeting after 王工 ends it: "蒋工挺满意", "陈工他们", "杨工碰了下")
_GONG_NEXT_OK = frozenset("说打的那这来去也都在觉让问讲聊发接回主，。 挺很他她碰反表认确还已又刚对跟和给全亲")
_GONG_THEN = frozenset("了提要想看带加叫")  # "贺工加了微信", "罗工叫罗俊"
_FURNITURE = frozenset("台桌椅柜")
_GREETING = re.compile(r"[你您]好|们好")
# What labels a way to reach the person, and the digits said in words: "手机一八九 五五五" names nobody.
_CONTACT_LABELS = ("手机", "电话", "座机", "微信", "邮箱", "号码", "联系")
_HAN_DIGITS = frozenset("零〇一二三四五六七八九幺两")
# A full name glued after a title and given with the number to reach them ("老板时长青，电话139…"): read
# even when its surname and the first given character make a word (时长, 文明, 安全) or the surname is an
# everyday word too (_WORD_SURNAMES: 时), the number saying a person was just named.
# The full name said after a surname and its title: "罗工叫罗俊", "邹站长，全名叫邹国平", "X总名字叫X…".
_CALLED_AFTER = re.compile(r"[，,\s]?(?:全名|大名|名字)?(?:叫|是)\s?")
_NAME_THEN_NUMBER = re.compile(r"[，,、\s]?(?:(?:联系)?(?:电话|手机|手机号|座机)\s?(?:是|[:：])?\s?)?[\d+]")
# A given name after a title is no common word: "跟老板商量" holds no 商量 (a name like 高峰 is rarer).
_GIVEN_WORD_FREQ = 2000
# A title whose last character and the next make a very common word ("长期", "任务") is no title there;
# rarer pairs ("长发", "理应") stay a title with its name.
_TAIL_WORD_FREQ = 5000
# Titles that are also the tail of a word ("施工长度", "员工长期"): read only after a boundary.
_TAIL_TITLES = frozenset({"工长", "库管"})
# A nickname of 阿 and one character ("阿明", "阿杰"), kept as written; not a word like 阿姨 or 阿里.
_A_NAME_WORD_FREQ = 100
# "沙龙上", "车展上", "包间里": a dictionary word and a locative is a place where people met; a given
# name seldom ends in 上/里 after a word (and "高峰上周" goes on into a word, 上周, so is kept).
_LOCATIVE = frozenset("上里")
# A given name starting with 一 ("一鸣", "一帆") is no word of 一 and a measure or an adverb (一批, 一直).
_YI_GIVEN_FREQ = 100
_EVENT_WORD_FREQ = 10
_A_NAME = re.compile(r"阿(?=[\u4e00-\u9fff])")
# Roles that only say who to deal with; an office written after the name says more ("负责人龙飞 总经理").
_GENERIC_ROLES = frozenset({"负责人", "联络人", "总负责人"})
# ...whose holder is asked for, as 联系人 and 对接人 are ("X的负责人叫什么", "X负责人是谁"): no one named.
_WHO_ASKED = re.compile(r"\s?(?:是谁|是哪位|是哪个|叫什么|叫啥|姓什么|姓啥)")
# What tells a person is someone who referred the customer, not its contact: "王总那边介绍的", "王总还帮忙
# 介绍了个新客户", or whose acquaintance the customer is ("王总的朋友 … 对接人隋红").
_REFERRER_AFTER = re.compile(
    r"(?:那边|那里)?(?:还|也|又|顺便|主动|特意|特地)?(?:帮忙|帮我们?|给我们?)?(?:介绍|推荐|转介绍|引荐)"
    r"|的(?:朋友|熟人|老乡|同学|老同学|亲戚)"
)
# One who tells the rep of another rather than being met: "钱总说…让…对接", "王总让我找…",
# "严主任把采购的事交给梁倩了".
_TOLD = re.compile(r"\s?(?:说|让|叫|安排了?|介绍|推荐|(?:把[^，。,；;\s]{0,8}?)?(?:交给|转给))")
# The person named first said away or busy ("何经理出差了", "周总今天不在", "董主任没空"): someone else
# named after them is the one the rep saw.
_AWAY = re.compile(
    r"\s?(?:今天|那天|刚好|正好|刚巧|又|也)?(?:不在(?![意乎于])|没空|没得?闲|没时间|出差|休假|请假|没来|走不开|在开会)"
)
# A person said not to be the one ("是韩科长 不是包科长").
_DENIED = re.compile(r"不是\s?(?:跟|和|找)?\s?$")
# The person handed to the rep, said right after them: "韩总让店长孔晓东跟我对接", "叫小徐以后和我联系".
_HANDED_AFTER = re.compile(r"\s?(?:以后|之后|后面|直接|来)?(?:跟|和|与|同)我们?(?:直接)?(?:对接|联系|沟通)")
# What stands before a person the rep met or called: "跟庞经理通了个电话", "见了李工".
_MET_BEFORE = re.compile(r"(?:跟|和|同|与|见了|见到|拜访了?)\s?$")
# A full name written right after a nickname, surname or English name: "小蔡 蔡晴", "Kelly（卞佳琪）".
_FULL_NAME_NEXT = re.compile(r" ?[（(] ?|，?(?:全名|大名|中文名字?)(?:叫|是)?\s?| |[，,、] ?")
# "Kelly通了电话 中文名叫卞佳琪": the Chinese name of an English-named person said a little later.
_CN_NAME_CUE = re.compile(r"(?:中文名字?|全名|大名)(?:叫|是)?\s?")
_CN_NAME_REACH = 16
# A full name written alone before a phone number, a card of its own apart from where the person was named
# ("电话是他们文副校长打的 文建华 139…", "，邵志伟，手机139…").
_NAME_ON_CARD = re.compile(
    r"(?:^|(?<=[\s，,、:：]))([\u4e00-\u9fff]{2,4}?)[\s，,]?(?:电话|手机号?|联系方式)?[:：]?\s?"
    r"(?=(?:\+?86)?1\d{10}(?!\d))"
)
_CLAUSE_END = re.compile(r"[。！!？?；;]")
# How the writer asks to be called, and what ends it: "叫我阿琳就行", "称呼我小林就好", "叫我Amy".
_CALL_ME = re.compile(r"(?:叫|喊|称呼)我\s?")
_CALL_ME_END = re.compile(r"\s?(?:就行|就好|就可以|好了|即可|吧|$|[\s，,。！!~～])")
# What introduces a full name: "叫庞志勇，", "名字叫…", a department's person "工程部的邬家豪".
_CALLED_OR_OF_DEPT = Screened(r"(?:名字|名)?叫做?\s?(?=[\u4e00-\u9fff])|[部科处室组]的(?=[\u4e00-\u9fff])")
# An English organisation's legal or trade word after a capitalised name: "Atlas Energy Co., Ltd.".
# "…那边物流的刘工": a person with a title follows within the clause.
_TITLED_SOON = re.compile(
    r"[^\s，,。；;！!？?]{0,8}?的(?:[A-Z][a-z]|[\u4e00-\u9fff]{1,2}(?=[总工经主科部处院老小]))"
)
_EN_ORG_AFTER = re.compile(
    r"\s?(?:Co\b|Co\.|Ltd|Inc\b|Corp|LLC|GmbH|Group|Trading|Technology|Technologies|Company)"
)
# (an honorific is no name: "联系 Mr. 黄")
_EN_NAME = re.compile(r"(?!(?:Mr|Ms|Mrs|Miss|Dr)\b)[A-Z][a-z]+(?: [A-Z][a-z]+)?")
# 刚 ends a name only before a verb or a word ("马丽刚到", "王伟刚才"); "周永刚很满意" is a full name.
_GANG_THEN = frozenset("才刚到来去走说打开把给跟和发回从在让要想见")
# What ends a name written after a title without a Han surname ("站长助理 拉毛 电话…").
_HARD_END = re.compile(r"[\s,，。;；:：、(（]|电话|手机|座机|微信|邮箱|☎|\d|$")
# What a person named right after a department or a role then did ("行政部张敏沟通了", "采购徐丽丽对了一下").
_ACT_AFTER = re.compile(
    r"沟通|确认|对接|对了|聊了|说|讲|通了|打了|回了|回复|发了|见了|回电|回话|来电|打电话|打来"
    # (or wrote, handed over, let out: "X的采购刘莉发邮件来", "X王涛给了座机", "X刘莉开视频会议")
    r"|发(?:邮件|微信|消息|信息|短信|来|过来)|给了|开了?(?:个|一个)?(?:会|视频|线上)|透露|表示|反馈|提到"
    # (the day said first: "X孙丽今天又见了一面", "X王芳昨天回了电话")
    r"|(?:今天|昨天|上午|下午|刚才?)(?:又|也|再)?(?:见了|见面|聊了|谈了|来了|打了|约了|说|回了|回电|发了)"
    # (or the one it was done with, said with 是…的: "电话是跟采购刘莉打的", "跟行政周敏谈的电话")
    r"|(?:打|通|聊|谈|见|约|沟通|对接)的(?=$|[\s，,。；;！!]|电话)"
)
# What a full name glued after the organisation was shown, made or sent ("带X物流周倩看了新仓库",
# "给X牙科邓凯做了演示", "收到X物流曹国华的需求清单"): the name ends there.
_SHOWN_AFTER = re.compile(
    r"(?:看|做|试|选|定|订|改|签|收)了|的(?:需求|要求|清单|方案|意见|反馈|邮件|订单|资料)"
)
# ...or was handed something, the clause closed after the name ("参数表发给技术部郑伟了").
_GIVEN_DONE = re.compile(r"了(?=$|[\s，,。；;！!])")
_DEPT_CHARS = "部科处室办"
# (a space may part them on a card: "行政部 钟晓梅 180…")
_DEPT_THEN_NAME = Screened(r"[\u4e00-\u9fff]{1,4}[部科处办] ?(?=[\u4e00-\u9fff])")
_DEPT_WORDS = ("办公室", "中心", "部", "科", "处", "室", "办")
# Words that start right after a name and are missing from the segmenter's dictionary ("高峰微信聊了").
_NOT_GIVEN_WORDS = frozenset(
    {
        "微信",
        "电话",
        "邮件",
        "短信",
        "视频",
        "开会",
        "开了",
        "约了",
        "签了",
        "发了",
        "打了",
        "聊了",
        "回复",
        "回电",
        "来电",
        "下午",
        "上午",
        "晚上",
        "中午",
        "明天",
        "今天",
        "昨天",
        "后天",
        "那边",
        "这边",
        "那个",
        "这个",
        # who went along or showed round ("主管王军陪着看的", "李强领着转了一圈"): not a given name
        "陪着",
        "陪同",
        "领着",
        "带着",
    }
)
# A one-character verb right after a two-character name, marked done ("林峰谈了", "何丽留了电话"): the
# verb, not a second given character.
_VERB_AFTER_NAME = frozenset("谈留说讲问聊打发回给带看加送签报答约提")
_DONE = frozenset("了过完")
# Verbs of talking that a name may be followed by with 的, telling with whom it was ("跟X谈的").
_TALKED_WITH = frozenset("谈聊打约讲说问")
_LONG_DEPT_WORDS = tuple(w for w in _DEPT_WORDS if len(w) > 1)


# Words a name may follow with no pause: who or where the person is, or the look-up that asks about them
# ("查下周建国的联系方式").
_OPENS_NAME = (
    *("拜访", "回访", "走访", "见到", "后勤", "总务", "中心", "同事", "那边", "对方", "他们", "她们"),
    *("委会", "办公室"),
    *("车间", "工段", "班组"),  # the shop floor the person runs: "车间王立群王主任"
    *("查下", "查一下", "查查"),
    *("看下", "看一下", "问下", "问一下"),  # "帮我看下蔡老板那家", "问下钟经理那边"
)


def _inside_dept_word(text: str, s: int) -> bool:
    """s falls inside a department word ("办公室王主任": not 公室王)."""
    return any(text.startswith(w, s - j) for w in _LONG_DEPT_WORDS for j in range(1, len(w)) if s - j >= 0)


# A full name said as a clause of its own, between pauses (see PersonFinder._lone_full_name).
_NAME_ALONE = re.compile(
    r"(?:(?<=[，,、])|(?<=[\u4e00-\u9fff的] ))(?P<name>[\u4e00-\u9fff]{3})(?=[，,、]|\s+[\d+]|$)"
)
# The last character of a place's name, not of a person's ("柳荫湖", "沙坪坝", "大学城"), after a verb of
# going or being there.
_PLACE_LAST = frozenset("湖路街村镇湾港岛桥坡坝塘寨堡屯庄园城区县乡")
_GONE_TO = re.compile(r"(?:去了?|到了?|在|从|跑了?)$")
# A road or a street ("季X路", "X大道"): a place wherever it is said, never a person.
_STREET = re.compile(r"[\u4e00-\u9fff]{1,4}(?:路|街|大道)")
# A surname and a given name that the rep refers to as a place: "张伟那边现在什么进度".
_PERSON_THERE = Screened(
    r"(?:^|(?<=[\s,，。:：、跟和找给问嗯呃额]))(?![嗯呃额])(?P<name>[\u4e00-\u9fff]{2,3}?)"
    # (or who showed the rep round, said at a clause's start: "，曹国华带着转了一圈")
    r"(?=那边|那个客户|(?:带着|陪着)(?:转|看|走|参观))"
)
_EN_AFTER = re.compile(r"(?:的|给|找|联系)\s?(?=[A-Z][a-z])")
# Voice input restating who, after a pause and a filler: "刘总 嗯就是刘国栋", "老吴聊了会儿 就是吴海涛",
# "X的老板打了个电话 那个许文斌 …": the full name of the one just named or titled.
_RESTATED = re.compile(r"(?:^|(?<=[\s，,。]))(?:嗯+|呃|额)?\s?(?:就是|也就是|那个)\s?(?=[\u4e00-\u9fff])")
# Who holds a title, said with 是 and maybe a filler: "理事长是那个许文斌", "场长就是何立群".
_TITLE_IS = re.compile(r"\s?(?:就是|是)\s?(?:那个\s?)?(?=[\u4e00-\u9fff])")
# How near before a restated name the title it restates stands ("X的老板打了个电话 那个许文斌").
_RESTATED_REACH = 12
# (哥 as 姐 is: "钟哥" is 钟, unless the pair is a word, "帅哥", "表哥"; nor "哥们")
_HONORIFIC = re.compile(r"(先生|女士|小姐|阿姨|叔叔|大姐|大哥|姐|哥(?![哥们俩]))")
# ...of which these two follow a surname alone after a verb of going, being or doing for someone: the
# surname and 先生/女士 are a person there, whatever the verb ("去张先生家", "在王先生家", "帮赵女士").
_SIR_MADAM = frozenset({"先生", "女士"})
# ...and these, said of an older customer ("顾阿姨", "何叔叔", "胡大姐"), only ever follow the surname alone.
_AUNT_UNCLE = frozenset({"阿姨", "叔叔", "大姐", "大哥"})
_VERB_BEFORE_SIR = frozenset("去在从帮替陪问")
# Cantonese "梁生" / "冯生" is 先生: an honorific when a pause, a verb of speaking or a contact word follows.
# (or what they did or wanted: "梁生带着看了车间", "冯生觉得贵", "陈生那边要发票")
_SANG = re.compile(
    r"生(?=$|[\s,，。、;；:：!！?？(（\d]|说|讲|电话|手机|微信|发|回"
    r"|带|陪|领|问|让|要|想|觉得|认为|同意|认可|那边|这边|也|又|还|都)"
)
_XING = re.compile(r"姓\s?([\u4e00-\u9fff]{1,2})")
# A rare surname after 姓 stands alone: "老板娘姓綦，…".
_XING_ALONE = re.compile(r"姓\s?([\u4e00-\u9fff])(?=$|[\s,，。、的])")
# An English name after what introduces a person ("跟Lily聊了", "市场部Coco", "I'm Sophie from").
_EN_CUE = Screened(
    r"(?:跟|和|部|叫|是|采购|见了|见到|拜访了?|称呼[:：]|(?:I'm|I am|this is|name is|contact:?|from)\s"
    # ...or pointed at with 那个 and asked after: "X置业那个Amy现在啥进度了", "那个Kevin最近怎么样"
    r"|那个(?=\s?[A-Z][a-z]+\s?(?:现在|最近|目前|那边)?(?:啥|什么|的)?(?:进度|情况|怎么样|咋样|到哪))"
    # ...or the office the person works in, as a form is signed: "X有限公司 行政 Lisa 邮箱…"
    r"|(?<![\u4e00-\u9fff])(?:行政|人事|前台|财务|总务)"
    # met, called or addressed in English: "Call with Jason from X", "Met Jason (采购总监)", "Dr. Sarah Klein"
    r"|(?<![A-Za-z])(?:with|[Mm]et|Dr\.?)\s"
    # ...or signed at the end after a dash or a tilde: "… 电话136… ~ Amy", "—— Kevin"
    r"|(?<=\s)[~～—-]{1,2}(?=\s?[A-Z][a-z]+\s*$))\s?(?=[A-Z][a-z])"
)
# What a name before a question is asked about: "魏红梅是哪个医院的", "孙立军的手机号多少".
_ASKED_AFTER = Screened(
    r"是哪|是谁|的电话|的手机|的联系方式|的微信|的邮箱|电话多少|手机号|那边|说|的跟进|的记录|最近(?:一次|有没有|怎么样|咋样|情况)"
    r"|那个线索"  # "Kevin Wang那个线索是谁录的" (a customer is asked after as "X那个客户")
    r"|透露|表示"  # "，刘莉透露他们预算卡在250万": what the person let out, as 说
    # ...or decided, or led the rep round: "刘长贵确定要1200亩", "孙建华领我看了车间"
    r"|(?:确定|决定|答应|同意)(?:要|了)|(?:领|带)着?(?:我|我们)(?![的们])"
)
# A title alone at the start or end of a chat line addresses the reader ("谢谢老板", "老板 你们…").
_VOCATIVE = frozenset({"老板", "老师", "领导", "老总", "经理"})
# Who the contact is, said before the name: "联系人：吴海", "对接人叫马晓燕", "联系人设备部赵立新",
# "新对接人是环保部的单志刚", "对接人换成了设备科的冯涛",
# "姓名：谢婉清", "老板叫孔德明".
_CONTACT_ROLE = Screened(
    r"(?:联系人|对接人|负责人|姓名|联系|对接(?:的是|(?=\s|[:：]))"
    r"|(?<![A-Za-z])[Cc]ontact(?: person)?(?![A-Za-z]))"
    r"\s?(?:叫|是|为|换成了?)?\s?[:：]?\s?(?:[\u4e00-\u9fff]{1,4}?[部科处]的?(?=[\u4e00-\u9fff]))?"
    r"|(?:老板娘|老板|老总|店长|厂长|采购|经理|主管|主任|科长|院长)(?:叫|姓名是?)"
)
# A title said before the name with 叫 ("老板叫孔德明", "行政负责人叫Mandy").
_ROLE_BEFORE = re.compile(
    r"(?P<title>(?:老板娘|老板|老总|店长|厂长|经理|主管|主任|科长|院长|负责人|总监))叫$"
)
# What the person is, said in the next clause: "跟Lily聊了 她是上海X的店长", "Amy视频了一下 她是X的品牌经理".
_IS_THE = re.compile(r"[^，,。；;！!？?\n]{0,12}?[\s，,]+(?:[他她]|此人)是[^，,。；;！!？?\n]{0,24}?的")
_IS_A = re.compile(r"[^，,。；;！!？?\n]{0,12}?[\s，,]+(?:[他她]|此人)是")  # ...with no 的: "她是餐厅经理"
# The person's office and its head said after the name: "于文涛 是装备股股长", "是设备科科长".
_IS_OFFICE = re.compile(
    r"\s*[，,]?\s*是[\u4e00-\u9fff]{1,4}?[科股处部室队](?P<title>(?:副)?[科股处部室队]长)(?=$|[\s，,。；;！!])"
)
# A form's job field: "职务：护理部主任", "职位：采购主管".
_TITLE_FIELD = re.compile(r"(?:职务|职位|岗位)\s?[:：]\s?([A-Za-z\u4e00-\u9fff]{2,8}?)(?=$|[\s,，。;；|｜/])")
_ACRONYM_BEFORE = re.compile(r"(?<![A-Za-z])[A-Z]{2,5} ?$")
_LOOSE_BOUNDARY = frozenset("的了们 ，,。:：、;；")
# Characters no function word before a title holds: pronouns, time words, and verbs of whom the rep waits
# for, chases or meets ("等王经理回复" is 王, no function 等王).
_NOT_FUNCTION = frozenset("我你他她们这那个天年月日号点午晚早位等催找约请让陪")
# Roles said before a title, not functions of it: "分管副镇长" is a 副镇长.
# Nor the body the office is of, as 居委会主任 is a 主任: "社区书记", "村委主任", "街道主任".
_NOT_FUNCTION_WORDS = frozenset(
    {"分管", "负责", "兼任", "担任", "现任", "新任"} | {"社区", "小区", "街道", "村委", "居委", "业委"}
)
# People named in shapes no title rule reads: "Mr. Lam", "邱采购的电话", "采购的于丽娟", "采购办 陶 主任".
_SPOKEN_TO = Screened(
    r"(?<![A-Za-z])(?:Mr|Ms|Mrs|Miss)\.?\s?(?:(?P<en>[A-Z][a-z]+)|(?P<cn>[\u4e00-\u9fff])(?![\u4e00-\u9fff]))"
    r"|(?P<buyer>[\u4e00-\u9fff])采购(?!员|经理|主管|总监|部|办|中心|专员|[一\d])"
    r"|(?:^|(?<=[\s，,]))(?P<spaced>[\u4e00-\u9fff]) "
    r"(?P<title>主任|经理|总|工|老师|院长|科长|处长)(?![\u4e00-\u9fff])"
)
# A full name after a function and 的 ("采购的于丽娟", "他们门店运营的卢佳", "品牌市场的贺敏"): the
# function (maybe after the part of the customer where it is done) is what the person does there.
_OF_BEFORE_NAME = re.compile(r"的(?=[\u4e00-\u9fff])")
_OWN_PART_BEFORE = re.compile(OWN_PARTS + "$")
# A job said right before the person's full name, with nothing between, a space or 叫 ("新来的采购姚佳，
# 电话…", "采购叫戴琳", "前台小刘说", "行政陈姐说", a form's "联系人：采购 吴敏"). The name must end the
# phrase, so "采购计划" or "销售方案说完了" stay words.
_ROLE_THEN_NAME = Screened(
    r"(?P<role>采购|销售|财务|出纳|会计|前台|行政|人事)(?:\s?名?叫\s?|\s)?(?=[\u4e00-\u9fff])"
)
# A surname alone between a role (a title or a contact word) and a phone number, as a form or a sign-off
# writes it: "采购 罗 18985124473", "联系人：罗 138…".
_SURNAME_BEFORE_NUMBER = re.compile(
    r"(?:^|(?<=[\s，,。]))(?P<role>[\u4e00-\u9fff]{2,4})(?:\s?[:：]\s*|\s+)(?P<s>[\u4e00-\u9fff])\s*[:：]?\s*(?=\+?\d{3}[\s-]?\d{4})"
)
_CONTACT_WORDS = frozenset({"联系人", "对接人", "负责人", "姓名"})
# A surname alone after the writer's shop or place and a pause, the message's last word: "…，X五金 林".
_SURNAME_SIGNED = re.compile(r"(?<=[\u4e00-\u9fff][\s，,])(?P<s>[\u4e00-\u9fff])[\s。.!！~～]*$")
# (what may close the message after that surname: the surname is the character right before it, so the
# scan starts there instead of trying every position of the message)
_SIGNED_TAIL = re.compile(r"[\s。.!！~～]*$")
# (a number needs three digits in a row: a message without them, most, skips the scan for it)
_THREE_DIGITS = re.compile(r"\d{3}")
# A surname alone closing the message after a space, right after its phone number: who signs an
# inquiry ("…怎么收费 电话18973213560 刘").
_SIGNED_AFTER_NUMBER = re.compile(r"\s+(?P<s>[\u4e00-\u9fff])\s*[。.!！~～]?\s*$")


def signed_after_number(text: str, number_end: int) -> Person | None:
    """The surname that signs the message right after the phone number ending at `number_end`."""
    m = _SIGNED_AFTER_NUMBER.search(text, number_end)
    if m is None or m.start() != number_end or m.group("s") not in surnames():
        return None
    return Person(m.group("s"), None, m.start("s"), m.end("s"))


# A person new at the customer introduced with their job, whatever it is, then their full name
# ("新来的车管屈红梅刚打电话过来", "新上任的店总魏敏说"): the job is the title.
_CJK_ONLY = re.compile(r"[\u4e00-\u9fff]+")
_NEW_ONE = re.compile(r"(?:新来的|新上任的|新任的?|新换的|新调来的)")
_WHEN_BEFORE_ACT = re.compile(r"(?:刚才?|刚刚|今天|昨天|上午|下午|早上|晚上|中午)?(?:又|也|就)?")
# (as _ROLE_THEN_NAME reads them)
_WORK_ROLES = frozenset({"采购", "销售", "财务", "出纳", "会计", "前台", "行政", "人事"})
# When something happened, read right after a spaced surname, is no given name ("Ryan 邹今天").
_WHEN_WORDS = frozenset(
    {"今天", "昨天", "明天", "前天", "后天", "刚才", "刚刚", "上午", "下午", "早上", "晚上", "中午"}
)
# A surname called by 小/老 (大 only right after a title: "会长大刘"): "瑞德的小谭", "理事长老宋", "… 小符".
_NICK = re.compile(r"[小老大](?=[\u4e00-\u9fff])")
# A nickname that is a common word ("老乡", "小米", "大王") is read as the word.
_NICK_WORD_FREQ = 300
# A nickname signed at the very end of a message, after a pause: "… 电话177… 小符".
# (or asked for there: "… 电话139… 找小万")
_NICK_SIGNED = Screened(r"(?:^|(?<=\s)|(?<=\s找)|(?<=\s联系))[小老](?=[\u4e00-\u9fff]\s*$)")
# 老周 / 小蒋 written between pauses, or after 的 and before a verb of meeting: a person called by surname
# ("宏力焊接 电话 老周 混合气", "茶城的老许见了面").
_NICK_PAUSED = Screened(
    r"(?<=[\s，,。、:：])[小老](?=[\u4e00-\u9fff](?:$|[\s，,。、]))|(?<=的)[小老](?=[\u4e00-\u9fff](?:$|[\s，,。、]|见|说|聊|讲|碰))"
    # (老X saying the customer's answer after a pause, past the note's opening: "X的货 老韩说老板同意了")
    r"|(?<=[\s，,])老(?=[\u4e00-\u9fff](?:说|讲)(?:领导|老板|上面|他们|她们|公司)[^，,。；;\s]{0,4}?(?:点头|同意|批|定|签))"
)  # (not "小王说…" opening a note: a colleague)
# 小邬 / 老葛 after a pause asking the rep out or over ("…，小邬上午找我过去喝茶"), or opening the note
# with where they work in brackets ("老葛（X）说…"): the customer's person, where a bare 小X opening a
# note is rather a colleague.
_NICK_TO_ME = Screened(
    r"(?<=[\s，,。、:：])[小老](?=[\u4e00-\u9fff](?:今天|昨天|刚才?|刚刚|上午|下午|早上|晚上|中午)?(?:又|也|还)?"
    r"(?:约|找|请|叫|带|问|喊)我)"
    r"|(?:^|(?<=[\s，,。、:：]))[小老](?=[\u4e00-\u9fff][（(][\u4e00-\u9fffA-Za-z]{2,12}[)）])"
)
# A nickname handed to the rep by the one who told them ("郑总叫小邬以后和我联系"): after 让/叫, with
# the handing-over words right after it (_HANDED_AFTER), so "叫小王拿过来" names no contact.
_NICK_TOLD = Screened(r"(?<=[让叫])[小老](?=[\u4e00-\u9fff])")
# 老钱 / 老邵 as the one met or called with no title: right after meeting or calling ("见了老钱", "打给老邵"),
# or opening a note with the call itself ("老邵电话里说…"; 小X opening a note is rather a colleague);
# or the one to ask for ("找老耿就行").
_NICK_MET = re.compile(
    r"(?:见了|见到|约了|碰到|碰了|拜访了?|打给|电话给|找了?)(?=老[\u4e00-\u9fff])|^\s*(?=老[\u4e00-\u9fff](?:电话|微信|那边(?!转|介绍|推|帮)))"
    # (or the one a call or a meal was had with, maybe described before: "跟做会展的老周打了电话")
    r"|(?<=[跟和的])(?=老[\u4e00-\u9fff](?:打了?个?电话|通了?个?电话|通话|视频|吃了?个?饭|聊了|见了面))"
)
# 小梁 / 老周 said as the customer's, by "theirs" and maybe their department before it, as the one called
# or met or opening a clause ("打给他们IT小梁", "对方技术老周说"): their person, where a bare 小X is rather
# a colleague. (one brought along, "跟X经理还有他们IT的小伍一起", is not the one reported)
_NICK_THEIRS = Screened(
    r"(?:(?<=打给|见了|见到|约了|碰到|找了|问了|联系)|(?<=电话给)|(?<=[跟和问])|^|(?<=[\s，,。；;]))"
    r"(?:他们|她们|对方|客户)(?:那边|公司|厂里)?的?"
    r"(?:IT|[A-Z]{2,3}|技术|财务|行政|采购|设备|信息|网管|运维|工程|生产|人事|后勤|仓库|质量|品质)?(?:部|科)?的?"
    r"(?=[小老][\u4e00-\u9fff])"
)
# 老孙 of a department named right before, opening a clause and doing or saying something ("工程部老孙
# 试了说OK", "，设备科老周说下周定"): the customer's person (小X there is rather a colleague).
# (or the department said as theirs with 的, the person met: "X公司的财务室老邓见了个面")
_NICK_OF_DEPT = Screened(
    r"(?:^|(?<=[\s，,。；;的]))[\u4e00-\u9fff]{1,4}?(?:部|科|处|室)的?"
    r"(?=老[\u4e00-\u9fff](?:也|又|还|刚|今天)?(?:试|说|讲|聊|问|看|签|觉得|表示|反馈|答应|同意|见))"
)
# An official called by surname and the first character of the office's title ("王局" for 王局长, "李处",
# "张院", "刘队" for a team's or a fleet's 队长): said where a person is, not inside a word ("公安局",
# "税务局" have no boundary before).
_OFFICE_SHORT = {"局": "局长", "处": "处长", "厅": "厅长", "院": "院长", "所": "所长", "队": "队长"}
_OFFICE_CALLED = Screened(
    r"(?<=[\u4e00-\u9fff])[局处厅院所队]"
    # (or talked with: "跟王处聊了俩钟头", "和李局谈妥了")
    r"(?=那边|那里|那儿|说|讲|一起|也|都|他们|她们|的|让|跟|和|今天|昨天|刚才|[聊谈][了过完妥]|[\s，,。！!？?]|$)"
)
# The buyer alone as the one spoken with: after an organisation's 的, or after a pause and before what
# they said ("X的采购 电话聊了", "另一家 采购说…"); "采购一批", "集中采购" are the verb.
_BUYER_ALONE = re.compile(
    r"(?<=的)采购(?=$|[\s，,。]|说|讲|电话|聊|那边|反馈)|(?<=[\s，,])采购(?=说|讲|电话里|反馈)"
)
# What joins a full name to the organisation before it: "的" or a space.
_AFTER_ORG = re.compile(r"的|\s+|")  # (glued: "丰瑞药业周敏，")
# A full name met, called or eaten with: "跟张晓峰吃了个饭", "和钟雨桐吃饭", "给钟雨桐试做了".
# (or sent to: "报价都发周婷邮箱了")
_WITH_PERSON = re.compile(
    r"(?:跟|和|给|约了?|见了|见完|见到了|碰到|陪)(?=[\u4e00-\u9fff])|发(?=[\u4e00-\u9fff]{2,3}(?:邮箱|微信))"
)
# How the contact went as a card's first field, then a pause: "电话 郑丽 样品收到了", "微信 何建国 …".
_FIELD_THEN_NAME = re.compile(r"^\s*(?:电话|微信|视频|拜访|上门|见面|来电)\s+(?=[\u4e00-\u9fff])")
# (or shown, sent or trained: "给张丹demo了", "给刘晓燕演示了样机", "给王强发了报价")
_MET_AFTER = re.compile(
    r"吃|聊|说|通|见|开|打|碰|试|讲|确认|沟通|谈|喝|对接|视频|电话|微信|邮箱|演示|展示|介绍|培训|发了|送了|(?i:demo)|[，,。\s]"
    # (or met face to face: "跟邓凯当面过了一遍合同")
    r"|当面"
)
# An English name ending right where a question about it starts ("Jerry Xu是哪家公司的").
_EN_NAME_BEFORE = re.compile(r"(?:^|(?<=[^A-Za-z]))([A-Z][a-z]+(?: [A-Z][a-z]+)?)\s?$")
# An English given name as the one who called or wrote ("Amber刚打电话过来", "Ryan 邹今天加了我微信"),
# maybe with a Han surname spaced after it.
_EN_NAME_ACTED = Screened(
    r"(?<![A-Za-z])(?P<n>[A-Z][a-z]+)(?: (?P<s>[\u4e00-\u9fff]))?"
    r"(?:今天|刚才?|刚刚|昨天|上午|下午|早上|晚上|中午)?(?:又|也)?"
    r"(?:打电话|打了电话|打了个电话|打来|来电|回电|加了我|给我打|发了?(?:微信|邮件|消息))"
)
# Capitalised words that are not people's names, also the everyday software a customer "is on"
# ("还是Excel记账的", "用的是Word").
_EN_NOT_NAMES = frozenset(
    {"Hi", "Hello", "Dear", "Demo", "Thanks", "The", "We", "Our", "Please", "Sales", "Lead"}
    | {"Excel", "Word", "Office", "Outlook", "Windows", "Linux", "Android", "Access", "Teams", "Zoom"}
)
# A deal's status or step in English, capitalised as a word of a CRM ("X Lost 😭", "Won", "Next：…").
_STATUS_WORDS = frozenset({"Lost", "Won", "Win", "Signed", "Done", "Next"})
# Bare titles (no name) that are reported as the contact's title on their own.
_BARE_OK_MIN_LEN = 2
# Kinds of staff that are a contact's title only with a name or a function before them ("马管家",
# "行政管家"); alone they are a kind of staff ("前台和管家的制服").
_STAFF_KINDS = frozenset({"管家"})
# A bare title whose relative is spoken of ("他们老板的亲戚自己做", "会长的小舅子开厂") names no contact:
# the story is about the relative, who is nobody the rep deals with.
_KIN_AFTER = re.compile(
    r"的(?:亲戚|亲属|家人|家里人|儿子|女儿|老婆|老公|媳妇|爱人|太太|丈夫|妻子|父亲|母亲|侄子|侄女|外甥|"
    r"表哥|表弟|表姐|表妹|堂哥|堂弟|小舅子|大舅子|连襟|亲家|同学|发小|朋友|哥们)"
)
# A bare title waited on for the decision ("等他们老板拍板", "等领导签字"): the one who decides, over the head
# of the person the rep deals with, is no contact.
_WAITED_ON_BEFORE = re.compile(r"等(?:他们|她们|对方|客户|人家)?的?$")
_DECIDES_AFTER = re.compile(r"(?:拍板|签字|决定|点头|审批|批复|定夺|表态)")
# A title that names people counted before it ("有15个左右新提的经理", "三位主任"): a group, no contact.
_COUNTED_BEFORE = re.compile(
    r"(?<!\d)(?:[2-9]|[1-9]\d+|[二两三四五六七八九十百几][一二两三四五六七八九十百几]*)(?:多|来)?\s?(?:个|位|名)"
    r"(?:左右|以上|多|来)?"
    r"[^，,。；;！!？?\s\d]{0,8}$"
)
# ...right before a surname read with its title: a count of people ("80个班组长"), not one named.
_COUNT_RIGHT_BEFORE = re.compile(
    r"(?<!\d)(?:[2-9]|[1-9]\d+|[二两三四五六七八九十百几][一二两三四五六七八九十百几]*)(?:多|来)?\s?(?:个|位|名)$"
)
# How common a word must be in the segmenter's dictionary to be read as that word (董事会 2461, 经理人
# 508) rather than as a title and a character after it.
_WORD_FREQ = 100
# "沙龙上", "车展上", "包间里": a dictionary word and a locative is a place where people met; a given
# name seldom ends in 上/里 after a word (and "高峰上周" goes on into a word, 上周, so is kept).
_LOCATIVE = frozenset("上里")
# A given name starting with 一 ("一鸣", "一帆") is no word of 一 and a measure or an adverb (一批, 一直).
_YI_GIVEN_FREQ = 100
_EVENT_WORD_FREQ = 10


@dataclass(frozen=True, slots=True)
class Person:
    name: str | None
    title: str | None
    start: int
    end: int


def _city_ends(text: str, i: int) -> bool:
    """Whether a prefecture-level city of two or more characters ends right before `i`."""
    g = gazetteer()
    for n in (2, 3):
        if i >= n and text[i - n : i] in g.cities and g.pattern.fullmatch(text, i - n, i) is not None:
            return True
    return False


def _city_then_surname(text: str, i: int) -> bool:
    """Whether a prefecture-level city, or a county or district of one ("柯桥", "萧山"), starts at `i`
    and a surname and a title or honorific follow it: the place, not a person called by its characters."""
    m = gazetteer().pattern.match(text, i)
    if m is not None and m.group() in gazetteer().cities:
        return _surname_then_title(text, m.end())
    return any(text[i : i + n] in districts().anywhere and _surname_then_title(text, i + n) for n in (2, 3))


def _place_at(text: str, i: int) -> bool:
    """Whether a province, a city or a county starts at `i` ("江西人", "周口那边"): where, not a name."""
    return (
        text.startswith(PROVINCES, i)
        or gazetteer().pattern.match(text, i) is not None
        or any(text[i : i + n] in districts().anywhere for n in (2, 3))
    )


def _city_ends_at(text: str, e: int) -> bool:
    """Whether a city or a county, written whole, ends right before `e` ("长沙|X湖那边")."""
    return any(_is_place_name(text[e - n : e]) for n in (2, 3, 4) if e - n >= 0)


def _is_place_name(word: str) -> bool:
    """Whether `word` is a city or a county, whole ("周口", "兰考")."""
    return gazetteer().pattern.fullmatch(word) is not None or word in districts().anywhere


def _surname_then_title(text: str, e: int) -> bool:
    return text[e : e + 1] in surnames() and (
        _HONORIFIC.match(text, e + 1) is not None or _base_title_re().match(text, e + 1) is not None
    )


# A surname and 先生 / 女士 starting at a position (read after a city's quarter: "海口观澜湖张先生").
_SIR_MADAM_AT = re.compile(r"[\u4e00-\u9fff](?:先生|女士)")


def _district_ends(text: str, i: int) -> bool:
    """Whether a county or district ends right before `i` and a person with a title or honorific starts
    there ("绍兴柯桥陈先生", "萧山王女士"): where the person is, then the person."""
    return _surname_then_title(text, i) and any(
        i >= n and text[i - n : i] in districts().anywhere for n in (2, 3)
    )


def _same_person(a: Person, b: Person) -> bool:
    """One name, or a surname alone and a full name of that surname said apart ("王总 … 王伟")."""
    if a.name is None or b.name is None:
        return False
    if a.name == b.name:
        return True
    short, full = sorted((a.name, b.name), key=len)
    return len(short) == 1 and full.startswith(short)


# Endings of Uyghur and Kazakh given names after a listed syllable ("买买提" + 江, "努尔" + 兰, "+ 汗").
_MINORITY_ENDINGS = frozenset("江兰汗罕")
_MINORITY_ENDING_WORD_FREQ = 50  # "兰州", "江边": the next word, not the name's ending
# Characters of transliterated names: after a middle dot, the family part of a minority full name.
_TRANSLIT = "阿艾巴布德迪尔尼克卡拉力丽买麦木穆米努帕热萨沙斯提吐托乌吾西亚伊依玉孜扎曼汗罕江兰古洪合曼夫甫"
_TRANSLIT_AFTER_DOT = re.compile(f"[·•・][{_TRANSLIT}]{{2,5}}")
_DOT_NAME = re.compile(f"(?<![{_TRANSLIT}])[{_TRANSLIT}]{{2,5}}[·•・][{_TRANSLIT}]{{2,5}}")


@cache
def _minority_re() -> re.Pattern[str]:
    return re.compile("(?:" + "|".join(map(re.escape, minority_names())) + ")+")


@cache
def _minority_starts() -> frozenset[str]:
    return frozenset(name[0] for name in minority_names())


@cache
def _minority_alone_re() -> Screened:
    """A minority name standing alone at a boundary (start, punctuation, 的, 跟 ...)."""
    return Screened(r"(?:^|(?<=[\s,，。:：、的和跟找给见]))" + _minority_re().pattern)


@dataclass(frozen=True, slots=True)
class _TitleHit:
    """A title in the text with its optional function prefix (采购 + 经理, 生技部 + 主任)."""

    start: int  # where the prefix (or the title) starts
    title_start: int
    end: int
    title: str
    prefix: str


@cache
def _title_set() -> frozenset[str]:
    return frozenset(titles())


@cache
def _base_title_re() -> WordTrie:
    return literal_re(titles())  # the longest title at each position


@cache
def _prefix_words() -> tuple[frozenset[str], tuple[int, ...]]:
    words = frozenset(title_prefixes())
    return words, tuple(sorted({len(w) for w in words}, reverse=True))


def _prefix_end_at(text: str, end: int) -> int:
    """Start of the longest prefix word that ends at `end`, else `end`."""
    words, lengths = _prefix_words()
    for n in lengths:
        if n <= end and text[end - n : end] in words:
            return end - n
    return end


def _titles(text: str) -> list[_TitleHit]:
    """Every title with its prefix: one or two function words, maybe closed by a department word.

    Same result as one regex with the prefix alternation in front, but the titles are found first and
    the prefixes read backwards from them, which is several times faster.
    """
    out: list[_TitleHit] = []
    for m in _base_title_re().finditer(text):
        ts = m.start()
        spaced = ts >= 2 and text[ts - 1] == " " and text[ts - 2].isascii() and text[ts - 2].isalpha()
        end = ts - 1 if spaced else ts  # "IT Manager"
        start = end
        p2 = _prefix_end_at(text, end)
        if p2 < end:
            p1 = _prefix_end_at(text, p2)
            start = p1 if p1 < p2 else p2
        else:
            dept = next((d for d in _DEPT_WORDS if text.startswith(d, end - len(d)) and end >= len(d)), None)
            if dept is not None:
                p1 = _prefix_end_at(text, end - len(dept))
                if p1 < end - len(dept):
                    start = p1
        if start == end:
            start = ts
        prefix = text[start:end] if start < ts else ""
        out.append(_TitleHit(start, ts, m.end(), m.group(), prefix))
    return out


@cache
def _title_re() -> re.Pattern[str]:
    one = "|".join(map(re.escape, title_prefixes()))
    # One or two function words, maybe closed by a department word: 生技部主任, 储能项目经理, 采购中心副主任.
    prefixes = rf"(?:{one})(?:{one}|中心|部|科|处|室)?"
    base = "|".join(map(re.escape, titles()))
    return re.compile(rf"(?:(?P<prefix>{prefixes})(?:(?<=[A-Za-z]) (?=[A-Z]))?)?(?P<title>{base})")


class PersonFinder:
    """Finds the contact; `freq(word)` is the segmenter's word frequency, used to tell names from words."""

    def __init__(self, freq: Callable[[str], int], namesakes: frozenset[str] = frozenset()) -> None:
        self._freq = freq
        self._namesakes = namesakes  # two-character names the dictionary holds as a famous person's
        self._surnames = surnames()
        self._org_ends: frozenset[int] = frozenset()

    def _surname_len(self, text: str, i: int) -> int:
        """Length of the surname starting at i (2 for 欧阳), 0 if none."""
        pair = text[i : i + 2]
        if len(pair) == 2 and pair in self._surnames:
            return 2
        return 1 if text[i : i + 1] in self._surnames else 0

    def _boundary_before(self, text: str, i: int) -> bool:
        if i == 0 or i in self._org_ends:
            return True
        ch = text[i - 1]
        if not _CJK.match(ch):
            return True
        if ch in _BEFORE_NAME:
            return True
        if _city_ends(text, i) or _district_ends(text, i):
            return True  # "眉山何老板", "徐州宋先生": where the person is, then the person
        if _SIR_MADAM_AT.match(text, i) and any(_city_ends(text, i - n) for n in (2, 3, 4)):
            return True  # "海口观澜湖张先生": a city, the quarter in it, then the person
        return text[:i].endswith(title_prefixes()) or text[:i].endswith(_OPENS_NAME)

    def _new_one(self, text: str, at: int) -> Person | None:
        """The job (two or three characters) and the full name after 新来的 at `at`; the job is read
        two characters long first, as most are ("车管", "店总"). A name with a title after it is no
        name ("新来的工程副总 叫X": the title's reading finds X)."""
        if _title_re().match(text, at):
            return None  # "新来的副主任邓凯": a title, read as titles are
        for size in (2, 3):
            role = text[at : at + size]
            if len(role) < size or not _CJK_ONLY.fullmatch(role):
                continue
            full = self._name_after(text, at + size)
            if not full or len(full) < 2 or self._freq(full) >= 100:
                continue
            end = at + size + len(full)
            if _title_re().match(text, end):
                continue
            act = _WHEN_BEFORE_ACT.match(text, end).end()
            if _HARD_END.match(text, end) or _ACT_AFTER.match(text, act):
                return Person(full, role, at, end)
        return None

    def _name_after(self, text: str, i: int) -> str | None:
        """A full name starting at i (surname + one or two characters), or an English name."""
        m = _EN_NAME.match(text, i)
        if m:
            nxt = text[m.end() : m.end() + 1]
            if m.group() in _STATUS_WORDS:
                return None  # "X Lost 😭": the deal's status, no one's name
            return None if nxt.isascii() and nxt.isalnum() else m.group()
        minority = self._minority_at(text, i)
        if minority:
            return minority
        sl = self._surname_len(text, i)
        if not sl or _city_then_surname(text, i):
            return None
        g = i + sl
        sir = _HONORIFIC.match(text, g)
        if sir is not None and sir.group() == "哥" and self._freq(text[i : g + 1]) > 0:
            sir = None  # "帅哥", "表哥": a word
        if sir or text.startswith("师傅", g) or (sl == 1 and _SANG.match(text, g)):
            return text[i:g]  # "林女士", "陈先生", "彭师傅": the surname, not the honorific
        if g >= len(text) or not _CJK.match(text[g]):
            return None
        if text[g] in _NOT_NAME:
            return self._yi_name(text, i, g)
        first = text[i : g + 1]
        if text[g : g + 2] in _WHEN_WORDS:
            return None  # "Ryan 邹今天加了我": the surname, then when; no given name
        if self._freq(first) > 3000 or text[g] in _DEPARTMENT_END:
            return None  # "应该", "马上": a word, not a name
        g2 = g + 1
        if g2 < len(text) and text[g2] in _DEPARTMENT_END:
            return None  # "安保部": a department, not a person
        if (
            text[g2 : g2 + 1] in _LOCATIVE
            and self._freq(first) >= _EVENT_WORD_FREQ
            and self._freq(text[g2 : g2 + 2]) <= 50
        ):
            return None  # "沙龙上认识了", "包间里聊": where the rep met someone (a word and 上/里), no name
        # A second given character, unless it starts a word ("马丽沟通了": 沟通) or is "just" (刚).
        if (
            g2 < len(text)
            and _CJK.match(text[g2])
            and text[g2] not in _NOT_NAME
            and text[g2 : g2 + 2] not in _NOT_GIVEN_WORDS
            and (text[g2] != "刚" or (g2 + 1 < len(text) and text[g2 + 1] not in _GANG_THEN))
            and (self._freq(text[g2 : g2 + 2]) <= 50 or g2 + 1 >= len(text))
            and not (text[g2] in _VERB_AFTER_NAME and text[g2 + 1 : g2 + 2] in _DONE)
            # (nor said with 是…的: "跟采购周敏谈的", "和行政李娜约的"; not 发 or 送, names' characters)
            and not (text[g2] in _TALKED_WITH and text[g2 + 1 : g2 + 2] == "的")
        ):
            return text[i : g2 + 1]
        return first

    def _yi_name(self, text: str, i: int, g: int) -> str | None:
        """A full name whose given name starts with 一 ("骆一鸣", "陈一帆"): the surname and 一 make no
        word (周一, 万一, 统一), nor 一 and the next character (一直, 一批, 一趟), and the name ends there."""
        k = g + 2
        if (
            text[g] != "一"
            or k > len(text)
            or not _CJK.match(text[g + 1])
            or text[g + 1] in _NOT_NAME
            or self._freq(text[i : g + 1]) > 0
            or self._freq(text[g:k]) > _YI_GIVEN_FREQ
            or not self._name_ends(text, k)
        ):
            return None
        return text[i:k]

    def _nickname_at(self, text: str, i: int, big: bool, said_a_person: bool = False) -> str | None:
        """The surname of 小谭 / 老宋 (and 大刘 when `big`) at i, when what follows ends the name and the
        pair is no common word (or, `said_a_person` after "对接人是", whatever word it also is: 小贝); else
        None."""
        if not _NICK.match(text, i) or (text[i] == "大" and not big):
            return None
        surname, k = text[i + 1 : i + 2], i + 2
        word = text[i:k]
        if self._surname_len(text, i + 1) != 1 or word in _title_set():
            return None
        if not said_a_person and self._freq(word) > _NICK_WORD_FREQ:
            return None
        return surname if self._name_ends(text, k) else None

    def _nick_handed(self, text: str, i: int) -> str | None:
        """The surname of 小邬 / 老宋 at i when the pair is no common word or title (the handing-over
        words after it end the name, so `_name_ends` is not asked)."""
        word = text[i : i + 2]
        if self._surname_len(text, i + 1) != 1 or word in _title_set() or self._freq(word) > _NICK_WORD_FREQ:
            return None
        return text[i + 1]

    def _name_ends(self, text: str, k: int) -> bool:
        """What stands at k ends a short name: a pause, a verb or particle, a word for how they met, or
        a word on the person ("老刘人挺实在")."""
        return (
            k >= len(text)
            or not _CJK.match(text[k])
            or text[k] in _NOT_NAME
            or text[k : k + 2] in _NOT_GIVEN_WORDS
            or text[k : k + 1] in "带呢"
            or (text[k] == "人" and text[k + 1 : k + 2] in ("挺", "很", "不", "还", "蛮", "真", "特"))
        )

    def _a_name_at(self, text: str, i: int) -> str | None:
        """A nickname of 阿 and one character at i ("阿明聊了", "采购 阿杰 说"), kept as written."""
        if text[i : i + 1] != "阿" or not _CJK.match(text[i + 1 : i + 2] or "x") or text[i + 1] in _NOT_NAME:
            return None
        word = text[i : i + 2]
        if self._freq(word) > _A_NAME_WORD_FREQ or not self._name_ends(text, i + 2):
            return None
        return word

    def _minority_at(self, text: str, i: int) -> str | None:
        """A run of minority given-name syllables starting at i ("乌云其其格", "买买提"), else None."""
        if text[i : i + 1] not in _minority_starts():  # most characters start none (a match is 12x dearer)
            return None
        m = _minority_re().match(text, i)
        return text[i : self._minority_end(text, m.end())] if m else None

    def _minority_end(self, text: str, e: int) -> int:
        """The end of a minority name whose listed syllables end at e: a name ending that makes no word
        with the next character ("…江", "…兰": Jan, Lan), then a surname after a middle dot ("…·卡德尔")."""
        if text[e : e + 1] in _MINORITY_ENDINGS and self._freq(text[e : e + 2]) < _MINORITY_ENDING_WORD_FREQ:
            e += 1
        dot = _TRANSLIT_AFTER_DOT.match(text, e)
        return dot.end() if dot else e

    def _word_goes_on(self, text: str, m: _TitleHit) -> bool:
        """A title with no name that the next character turns into another word: a body or a trade
        ("开董事会", "监事会", "职业经理人", "书记处"), not a person."""
        word = text[m.title_start : m.end + 1]
        return len(word) > len(m.title) and self._freq(word) >= _WORD_FREQ and not _title_re().fullmatch(word)

    def _title_ok(self, text: str, m: _TitleHit) -> bool:
        title = m.title
        e = m.end
        nxt = text[e : e + 1]
        if nxt and nxt in _FURNITURE:
            return False  # "经理台", "老板桌": furniture named after a title
        if title == "总" and nxt in _ZONG_WORDS:
            return False
        if text.startswith(("好", "您好", "你好"), e) and not text[: m.start].strip():
            return False  # "老师好，我是…": the reader greeted, no contact's title
        if title == "工" and nxt and _CJK.match(nxt) and nxt not in _GONG_NEXT_OK:
            # "打给X蒋工了": 了 after a surname and 工 that make no word ("施工了", "开工了" are work).
            pair = text[m.title_start - 1 : e] if m.title_start else ""
            # (nor a verb the person does: "周工提了好多问题", "陈工要图纸"; "施工要求" is a word)
            if not (nxt in _GONG_THEN and pair[:1] in self._surnames and self._freq(pair) < _WORD_FREQ):
                return False
        if len(title) >= 2 and nxt and _CJK.match(nxt) and self._freq(title[-1] + nxt) >= _TAIL_WORD_FREQ:
            return False  # "车队长期", "主任务": the title's last character starts the next word
        if title in _TAIL_TITLES and m.start == m.title_start and not self._boundary_before(text, m.start):
            return False  # "施工长度": no 工长 there
        if title.isascii():
            s = m.start
            if (s > 0 and text[s - 1].isascii() and text[s - 1].isalpha()) or (
                nxt.isascii() and nxt.isalpha()
            ):
                return False
        return True

    def find(
        self,
        text: str,
        company_end: int | None = None,
        company_start: int | None = None,
        blocked: list[tuple[int, int]] | None = None,
    ) -> Person | None:
        """The first named contact (with its title), else the first bare title; `company_end` is
        where the recognised company ends, since "X公司的张三" names a person without a title, and no
        title is read inside the company ("东莞市长安镇" holds no 市长)."""
        return self.find_all(text, company_end, company_start, blocked)[0]

    @staticmethod
    def _in_blocked(p: Person, text: str, blocked: list[tuple[int, int]] | None, bare: list[Person]) -> bool:
        """Whether a named person overlaps a blocked span (a product's name); a title written first and
        clear of it stays a title alone ("见了仓储主管 冷干机要两台": 冷干 is no name)."""
        hits = [(bs, be) for bs, be in blocked or () if bs < p.end and p.start < be]
        if not hits:
            return False
        clear = all(bs >= p.start + len(p.title or "") for bs, _ in hits)
        if p.title and text.startswith(p.title, p.start) and clear:
            at = next((k for k, q in enumerate(bare) if q.start > p.start), len(bare))
            bare.insert(at, Person(None, p.title, p.start, p.start + len(p.title)))  # (in the order said)
        return True

    def find_all(
        self,
        text: str,
        company_end: int | None = None,
        company_start: int | None = None,
        blocked: list[tuple[int, int]] | None = None,
    ) -> tuple[Person | None, list[Person], list[Person]]:
        """(the contact as `find` reads it, the other people named with a name in text order, every
        named mention with its span): a message often names a colleague brought in or a person
        referred besides the one met."""
        named, bare = self._candidates(text, company_end, company_start, blocked)
        # One @-mentioned is a colleague in the group the note is addressed to ("转给@阿杰"), not the contact.
        named = [p for p in named if p.start == 0 or text[p.start - 1] not in "@＠"]
        if not named:
            return (bare[0] if bare else None), [], []
        main = self._fuller(text, self._with_title(text, self._split_title(self._main(text, named))))
        others: list[Person] = []
        if main.name is not None and len(main.name) == 1:
            # "跟庞经理通了个电话" after "叫庞志勇": the surname met is the full name given
            full = next((p.name for p in named if self._full_name_of(p, main)), None)
            full = full or self._full_name_on_card(text, main)
            main = Person(full, main.title, main.start, main.end) if full else main
        for p in sorted(named, key=lambda p: (p.start, p.title is None)):
            p = self._split_title(p)
            if (
                p.name is None
                or _REFERRER_AFTER.match(text, p.end)
                or (p.start < main.end and main.start < p.end)
                or _DENIED.search(text, max(0, p.start - 4), p.start)
            ):
                continue  # (one said not to be the person met is no one to keep)
            p = self._fuller(text, self._with_title(text, p))
            if len(p.name) == 1:
                # "他们研发的罗工也拉进来了，罗工叫罗俊": the surname first met is the full name said later,
                # for a person besides the contact as for the contact
                full = next((q.name for q in named if self._full_name_of(q, p)), None)
                p = Person(full, p.title, p.start, p.end) if full else p
            if not any(_same_person(p, q) or q.start <= p.start < q.end for q in (main, *others)):
                others.append(p)
        return main, others, [self._split_title(p) for p in named]

    @staticmethod
    def _waited_on(text: str, ts: int, te: int) -> bool:
        """Whether the title at ts..te is waited on for the decision ("等他们老板拍板")."""
        return bool(_WAITED_ON_BEFORE.search(text, max(0, ts - 4), ts) and _DECIDES_AFTER.match(text, te))

    def _full_name_of(self, p: Person, main: Person) -> bool:
        """`p` is the full name, said elsewhere, of the surname `main` was named by."""
        if p.name is None or len(p.name) < 2 or (p.start < main.end and main.start < p.end):
            return False
        return _same_person(p, main) and _title_re().search(p.name) is None and self._freq(p.name) < 100

    def _full_name_on_card(self, text: str, main: Person) -> str | None:
        """The full name, written alone before a phone elsewhere in the message, of the surname `main`
        was named by ("文副校长打的 文建华 139…")."""
        for m in _NAME_ON_CARD.finditer(text):
            name = m.group(1)
            if main.start < m.end(1) and m.start(1) < main.end:
                continue
            if (
                name.startswith(main.name or "")
                and self._name_after(text, m.start(1)) == name
                and self._freq(name) < _WORD_FREQ
                and _title_re().search(name) is None
            ):
                return name
        return None

    def _main(self, text: str, named: list[Person]) -> Person:
        """The first person named, but not one who referred the customer ("王总那边介绍的 … 对接人
        Kelly"), nor one who only told the rep of another ("钱总说让新来的经理对接 … 我跟庞经理通了个
        电话"), nor one said not to be the one: the contact is the one the rep reports meeting or calling."""
        kept = [p for p in named if not _REFERRER_AFTER.match(text, p.end)] if len(named) > 1 else named
        # Nor one said not to be the person when another is named ("不是邹主任，是周主任"), in either order.
        kept = [p for p in kept if not _DENIED.search(text, max(0, p.start - 4), p.start)] or kept
        ordered = sorted(kept or named, key=lambda p: (p.start, p.title is None))
        first = ordered[0]
        if _AWAY.match(text, first.end):
            # "何经理出差了，副经理邵敏接待的我": the one named away was not met; the next one named was
            seen = next(
                (p for p in ordered[1:] if p.name and p.start >= first.end and p.name != first.name), None
            )
            if seen is not None:
                return seen
        if _TOLD.match(text, first.end):
            met = next(
                (
                    p
                    for p in ordered
                    if p.name != first.name and (self._met(text, p) or _HANDED_AFTER.match(text, p.end))
                ),
                None,
            )
            if met is not None:
                return met
        return first

    @staticmethod
    def _met(text: str, p: Person) -> bool:
        """The rep reports contact with `p`: "跟庞经理通了个电话", "见了李工"."""
        return bool(_MET_BEFORE.search(text, max(0, p.start - 3), p.start)) and (
            bool(_MET_AFTER.match(text, p.end)) or text[max(0, p.start - 2) : p.start] in ("见了", "见到")
        )

    def _fuller(self, text: str, p: Person) -> Person:
        """A nickname, surname or English name followed by the full name is that one person with the
        full name: "小蔡 蔡晴", "Kelly（卞佳琪）", "Kelly通了电话 中文名叫卞佳琪"."""
        if p.name is None or not (p.name.isascii() or len(p.name) == 1):
            return p
        starts = []
        if (m := _FULL_NAME_NEXT.match(text, p.end)) is not None:
            starts.append(m.end())
        if p.name.isascii():
            cue = _CN_NAME_CUE.search(text, p.end, p.end + _CN_NAME_REACH)
            if cue is not None and not _CLAUSE_END.search(text, p.end, cue.start()):
                starts.append(cue.end())
        for at in starts:
            full = self._name_after(text, at)
            if full is None or len(full) < 2 or full.isascii() or self._freq(full) >= 100:
                continue
            if _title_re().search(full):
                continue  # "姓滕 滕经理": the surname with a title, no full name
            if not p.name.isascii() and not full.startswith(p.name):
                continue
            return Person(full, p.title, p.start, max(p.end, at + len(full)))
        return p

    def _candidates(
        self,
        text: str,
        company_end: int | None,
        company_start: int | None,
        blocked: list[tuple[int, int]] | None,
    ) -> tuple[list[Person], list[Person]]:
        """Every named person and every bare title the rules read, before choosing one."""
        named: list[Person] = []
        bare: list[Person] = []
        inside = range(company_start, company_end) if company_start is not None and company_end else range(0)
        self._org_ends = frozenset() if company_end is None else frozenset({company_end})
        self._inside = inside
        joint = _AFTER_ORG.match(text, company_end) if company_end is not None else None
        if joint is not None:
            # "X公司的张三", "襄阳楚风纺织 付晓东 151…": a full name right after the organisation
            # (also one a famous person bore: "琨睿精密李娜微信回复了")
            at = joint.end()
            name = self._name_after(text, at)
            if (
                name
                and len(name) >= 2
                and (self._freq(name) < 100 or name in self._namesakes)
                and not _title_re().match(text, at + len(name))
                and (
                    joint.group() == "的"
                    or name.isascii()  # "青禾电商Amy和她老板": an English name glued after the organisation
                    or _HARD_END.match(text, at + len(name))
                    or _ACT_AFTER.match(text, at + len(name))
                    or _SHOWN_AFTER.match(text, at + len(name))
                )
            ):
                named.append(Person(name, None, at, at + len(name)))
            elif (
                name is None
                and (nick := self._nickname_at(text, at, big=False) or self._a_name_at(text, at))
                # (with no 的, a pause or what they did ends it: "X街道办 老楼加梯" is the old blocks' lifts)
                and (joint.group() == "的" or _HARD_END.match(text, at + 2) or _ACT_AFTER.match(text, at + 2))
            ):
                named.append(Person(nick, None, at, at + 2))  # "瑞德生物的小谭聊了下", "X的阿明"
        # (the nickname patterns below all need 小 or 老, and start with lookbehinds that defeat the
        # regex engine's first-character scan: a character test skips them for most messages, and
        # in the others they are Screened, so each scan jumps from one 小 or 老 to the next in C)
        nick_old = "老" in text
        nicks = nick_old or "小" in text
        for m in _NICK_SIGNED.finditer(text) if nicks else ():
            if (nick := self._nickname_at(text, m.start(), big=False)) is not None:
                named.append(Person(nick, None, m.start(), m.start() + 2))
        for m in _NICK_MET.finditer(text) if nick_old else ():
            if (nick := self._nickname_at(text, m.end(), big=False)) is not None and not any(
                p.start == m.end() for p in named
            ):
                named.append(Person(nick, None, m.end(), m.end() + 2))
        for m in _OFFICE_CALLED.finditer(text):
            i = m.start() - 1
            if (
                self._surname_len(text, i) == 1
                and self._boundary_before(text, i)
                # 队 ends many words of a surname's character (车队, 梯队): those of any use are no person
                and self._freq(text[i : i + 2]) <= (0 if text[i + 1] == "队" else _NICK_WORD_FREQ)
            ):
                named.append(Person(text[i], _OFFICE_SHORT[text[i + 1]], i, i + 2))
        for m in _NICK_THEIRS.finditer(text) if nicks else ():
            if (nick := self._nickname_at(text, m.end(), big=False)) is not None and not any(
                p.start == m.end() for p in named
            ):
                named.append(Person(nick, None, m.end(), m.end() + 2))
        for m in _NICK_OF_DEPT.finditer(text) if nick_old else ():
            # (the verb after it, read by the pattern, ends the name)
            if (nick := self._nick_handed(text, m.end())) is not None and not any(
                p.start == m.end() for p in named
            ):
                named.append(Person(nick, None, m.end(), m.end() + 2))
        for m in _NICK_PAUSED.finditer(text) if nicks else ():
            if (nick := self._nickname_at(text, m.start(), big=False)) is not None and not any(
                p.start == m.start() for p in named
            ):
                named.append(Person(nick, None, m.start(), m.start() + 2))
        for m in _NICK_TO_ME.finditer(text) if nicks else ():
            if (nick := self._nick_handed(text, m.start())) is not None and not any(
                p.start == m.start() for p in named
            ):
                named.append(Person(nick, None, m.start(), m.start() + 2))
        for m in _NICK_TOLD.finditer(text) if nicks else ():
            if _HANDED_AFTER.match(text, m.start() + 2) and (nick := self._nick_handed(text, m.start())):
                named.append(Person(nick, None, m.start(), m.start() + 2))
        for m in _WITH_PERSON.finditer(text):
            # "跟张晓峰吃了个饭", "给钟雨桐试做了": a full name met, called or eaten with
            name = self._name_after(text, m.end())
            if (
                name
                and len(name) >= 2
                and name[0] in self._surnames
                and self._freq(name) < 100
                # (not "和冷干机，": a pause after 和 or 给 ends no meeting; the meeting closed on 了 is one,
                # "X见完吴娜了", "见到了周婷了")
                and (
                    (
                        (after := _MET_AFTER.match(text, m.end() + len(name))) is not None
                        and (after.group()[0] not in "，,。 \t\n" or m.group()[0] not in "和给")
                    )
                    or (m.group()[0] == "见" and text.startswith("了", m.end() + len(name)))
                )
            ):
                named.append(Person(name, None, m.end(), m.end() + len(name)))
        for m in _FIELD_THEN_NAME.finditer(text):
            # "电话 郑丽 样品收到了", "拜访 何建国 …": a terse card names how the contact went, then whom
            name = self._name_after(text, m.end())
            if (
                name
                and 2 <= len(name) <= 3
                and not name.isascii()
                and self._freq(name) < 100
                and _HARD_END.match(text, m.end() + len(name))
                and not _title_re().match(text, m.end() + len(name))
            ):
                named.append(Person(name, None, m.end(), m.end() + len(name)))
        for m in _EN_CUE.finditer(text):
            name = _EN_NAME.match(text, m.end())
            nxt = text[name.end() : name.end() + 1] if name is not None else ""
            if (
                name is None
                # (a name ending the text has nothing after it: "'' in s" would hold)
                or (nxt != "" and nxt.isascii() and (nxt.isalnum() or nxt in "+&-_@.'"))
                or nxt == "的"
                or _EN_ORG_AFTER.match(text, name.end())
            ):
                continue  # ("跟Lumi Fitness的founder": a name with 的 after it is the organisation)
            if not _title_re().match(text, name.end()) and name.group() not in _EN_NOT_NAMES:
                named.append(Person(name.group(), None, m.end(), name.end()))
        for m in _SPOKEN_TO.finditer(text):
            # "Mr. Lam", "邱采购的电话", "采购的于丽娟", "陶 主任"
            name = m.group("en") or m.group("cn") or m.group("buyer") or m.group("spaced")
            title = (
                None if m.group("en") or m.group("cn") else ("采购" if m.group("buyer") else m.group("title"))
            )
            if m.group("buyer") and (
                not self._boundary_before(text, m.start())
                or self._freq(text[max(0, m.start() - 1) : m.start() + 1]) > 1000
            ):
                continue  # "集中采购", "对方采购": no surname there
            if name and (self._surname_len(name, 0) or name.isascii()):
                named.append(Person(name, title, m.start(), m.end()))
        for m in _OF_BEFORE_NAME.finditer(text):
            if (person := self._of_function(text, m.start())) is not None:
                named.append(person)
        for m in _ROLE_THEN_NAME.finditer(text):
            role = m.group("role")
            if self._boundary_before(text, m.start()) and (
                nick := self._nickname_at(text, m.end(), big=False)
            ):
                named.append(Person(nick, role, m.start(), m.end() + 2))  # "采购小蒋说"
                continue
            full = self._name_after(text, m.end())
            end = m.end() + len(full or "")
            sir = _HONORIFIC.match(text, end) if full and len(full) == 1 else None
            if sir is not None and self._boundary_before(text, m.start()):
                named.append(Person(full, role, m.start(), sir.end()))  # "行政陈姐说": the surname
                continue
            if (
                full
                and len(full) >= 2
                and self._freq(full) < 100
                and (_HARD_END.match(text, end) or _ACT_AFTER.match(text, end))
            ):
                named.append(Person(full, role, m.start(), end))
        for m in _NEW_ONE.finditer(text):
            if (person := self._new_one(text, m.end())) is not None:
                named.append(person)
        for m in _SURNAME_BEFORE_NUMBER.finditer(text) if _THREE_DIGITS.search(text) else ():
            role = m.group("role")
            if m.group("s") not in self._surnames:
                continue
            if role in _title_set() or role in _WORK_ROLES:  # "采购 罗 189…": a role, the surname, the number
                named.append(Person(m.group("s"), role, m.start("role"), m.end("s")))
            elif role in _CONTACT_WORDS or m.group("s") in COMMON_SURNAMES:
                # "联系人 罗 189…"; or a message signed with the place or the shop, the surname and the
                # number ("长沙 刘 177…")
                named.append(Person(m.group("s"), None, m.start("s"), m.end("s")))
        for m in _SURNAME_SIGNED.finditer(text, max(0, _SIGNED_TAIL.search(text).start() - 1)):
            if m.group("s") in COMMON_SURNAMES:  # "…麻烦尽快处理，X五金 林": signed with the surname
                named.append(Person(m.group("s"), None, m.start("s"), m.end("s")))
        for m in _ASKED_AFTER.finditer(text):
            person = self._asked(text, m.start())
            if person is not None:
                named.append(person)
        for m in _EN_AFTER.finditer(text):
            name = self._name_after(text, m.end())
            if name and text.startswith(("的", "那边", "那里"), m.end() + len(name)):
                continue  # "给Jolly那边的Tom": the organisation, its person follows
            if name and any(_title_re().fullmatch(w) for w in name.split()):
                continue  # "新来的Office Manager Lucy": an English title, its person follows
            if name and name.isascii() and not _title_re().match(text, m.end() + len(name)):
                named.append(Person(name, None, m.end(), m.end() + len(name)))
        for m in _EN_NAME_ACTED.finditer(text):
            if m.group("n") in _EN_NOT_NAMES or m.group("n") in _STATUS_WORDS:
                continue
            sur = m.group("s")
            name = m.group("n") + (" " + sur if sur and sur in COMMON_SURNAMES else "")
            named.append(Person(name, None, m.start("n"), m.start("n") + len(name)))
        for m in _titles(text):
            if not self._title_ok(text, m) or m.title_start in inside:
                continue
            ts, te = m.start, m.end
            title = m.title
            prefix = m.prefix
            if ts in inside:  # "X数据中心运维主管": the function starts where the organisation ends
                ts = inside.stop
                prefix = text[ts : m.title_start]
            before = self._parted_name_before(text, ts)
            if before is not None and not self._named_after_title(text, te):
                # "王磊 GM 说", "柏文斌 purchasing manager 回复了", "Lily GM说": the name, then its title
                named.append(Person(before[0], text[ts:te], before[1], te))
                continue
            if prefix and prefix[-1] in _DEPT_CHARS and prefix[-1] in title[:2]:
                # "设备科科长", "实训处副处长": the department word repeats, only the title counts.
                ts = m.title_start
                j = te
                while j < len(text) and text[j] in " :：":
                    j += 1
                after = self._name_after(text, j)
                if after is not None:
                    named.append(Person(after, title, ts, j + len(after)))
                else:
                    bare.append(Person(None, title, ts, te))
                continue
            written = text[ts:te]  # "IT Manager" keeps its space
            # Surname (or full name) right before the title: 王主任, 钱伟科长, 孙晓燕主任.
            if not prefix and self._nick_titled(text, ts):
                named.append(Person(text[ts - 1], title, ts - 2, te))  # "小黎老师", "老郑经理"
                continue
            if not prefix:
                full = self._full_then_surname(text, ts)
                if full is not None:
                    named.append(Person(full, title, ts - len(full) - 1, te))
                    continue
                hit = self._name_before(text, ts)
                if hit is not None and len(hit) == 1:
                    # "黄总黄志伟", "阎主任（阎立群，…）": the full name follows the surname and title
                    # (or is said to be his name: "罗工叫罗俊", "邹站长，全名叫邹国平")
                    called_at = _CALLED_AFTER.match(text, te)
                    at = te + 1 if text[te : te + 1] in ("（", "(") else called_at.end() if called_at else te
                    again = self._name_after(text, at) if text.startswith(hit, at) else None
                    if again is not None and len(again) > 1:
                        named.append(Person(again, title, ts - 1, at + len(again)))
                        continue
                if hit is not None and len(title) == 1 and (len(hit) > 1 or self._freq(hit + title) > 500):
                    continue  # "华森化工", "施工": a word, not 王工
                spaced = self._spaced_name_after(text, te) if hit is not None and len(hit) == 2 else None
                if spaced is not None:
                    # "关务主管 谭姐": 关务 is the function, the person follows the title
                    named.append(Person(spaced[0], hit + title, ts - 2, spaced[1]))
                    continue
                full_after = self._full_name_closing(text, te) if hit is not None and len(hit) == 2 else None
                if full_after is not None and len(title) > 1:
                    # "房务总监刘凯 139…": a full name closes the title, so the two characters before
                    # it are a function no list holds, not a second person written against the first
                    named.append(Person(full_after, hit + title, ts - 2, te + len(full_after)))
                    continue
                if (
                    hit is not None
                    and len(hit) == 1
                    and _COUNT_RIGHT_BEFORE.search(text, max(0, ts - 9), ts - 1)
                ):
                    continue  # "80个班组长", "十几位车间主任": people counted, a word of a role, no surname
                if hit is not None:
                    named.append(Person(hit, title, ts - len(hit), te))
                    continue
                en = _EN_NAME_BEFORE.search(text, max(0, ts - 20), ts) if not title.isascii() else None
                if en is not None and en.group(1) not in _EN_NOT_NAMES and not _EN_ORG_AFTER.match(text, ts):
                    # "BioNova的Klein博士": an English name written glued to a Chinese title
                    named.append(Person(en.group(1), title, en.start(1), te))
                    continue
            elif len(title) == 1:
                # "采购部王总" is handled from the surname; a prefix with a one-char title is noise.
                hit = self._name_before(text, m.title_start)
                if hit is not None:
                    named.append(Person(hit, title, m.title_start - len(hit), te))
                continue
            # A function word no list holds, between a clear boundary and the title: "的厨务经理", "BD总监".
            loose = self._loose_prefix(text, ts, self._org_ends)
            if loose < ts:
                ts = loose
                written = text[ts:te]
            # Title then name: 采购经理刘芳, 总经理方振华, VP Kevin.
            j = te
            while j < len(text) and text[j] in " :：":
                j += 1
            called = text.startswith(("叫", "名叫"), j)
            if called:
                j += (
                    1 if text[j] == "叫" else 2
                )  # "工程副总 叫卞永刚", "运营总监叫X": 叫 is no part of the name
                while j < len(text) and text[j] == " ":
                    j += 1
            elif (said := _TITLE_IS.match(text, j)) is not None and (
                full := self._name_after(text, said.end())
            ):
                # "理事长是那个许文斌 电话…", "场长就是何立群": who holds the title, said with 是 (a full
                # name that ends there, not "经理是新来的")
                k = said.end() + len(full)
                if (
                    len(full) >= 2
                    and not full.isascii()
                    and self._freq(full) < 100
                    and not _place_at(text, said.end())
                    and not _title_re().match(text, k)
                    and (_HARD_END.match(text, k) or _ACT_AFTER.match(text, k))
                ):
                    named.append(Person(full, written, ts, k))
                    continue
            if (nick := self._nickname_at(text, j, big=True) or self._a_name_at(text, j)) is not None:
                named.append(Person(nick, written, ts, j + 2))  # "理事长老宋", "会长大刘", "采购 阿杰"
                continue
            after = self._name_after(text, j) if len(title) > 1 or prefix else None
            if after is not None and len(after) == 2 and self._freq(after) > _GIVEN_WORD_FREQ:
                after = None  # "跟老板商量": a word after the title
            if after is None and (len(title) > 1 or prefix) and (j > te or called):
                after = self._written_name(text, j)
            if after is None and (len(title) > 1 or prefix) and j == te:
                after = self._carded_name(text, j)
            lone = after is None and (len(title) > 1 or prefix) and self._surname_len(text, j) == 1
            # (the title and the character glued after it may make a word: "教练车", "校长室" hold no surname)
            lone = lone and not (j == te and self._freq(title + text[j]) > 0)
            if lone and j + 1 < len(text) and _HARD_END.match(text, j + 1):
                after = text[j]  # "采购经理刘 要…": the surname alone
            if after is not None and not _title_re().match(text, j + len(after)):
                named.append(Person(after, written, ts, j + len(after)))
                continue
            vocative = written in _VOCATIVE and (
                (ts == 0 and not _CJK.match(text[te : te + 1] or "x"))
                or not text[te:].strip(" !！~～。.🙏👍😊")
                or text[:ts].endswith(("谢谢", "辛苦", "在不在 ", "在吗 "))
            )
            if (
                len(written) >= _BARE_OK_MIN_LEN
                and written not in _STAFF_KINDS
                and not vocative
                and not _GREETING.match(text, te)
                and not text[max(0, ts - 2) : ts].endswith(("我们", "我是", "你们"))
                and not self._word_goes_on(text, m)
                and not _KIN_AFTER.match(text, te)
                and not self._waited_on(text, ts, te)
                and not _COUNTED_BEFORE.search(text, max(0, ts - 16), ts)
                and not (written in _GENERIC_ROLES and _WHO_ASKED.match(text, te))
            ):
                bare.append(Person(None, written, ts, te))
        for m in _HONORIFIC.finditer(text):
            s = m.start()
            # "胡桂兰胡大姐", "邱建华邱大哥": the full name, then its surname and the kin word
            full = self._full_then_surname(text, s) if m.group() in _AUNT_UNCLE else None
            if full is not None:
                named.append(Person(full, None, s - 1 - len(full), m.end()))
                continue
            # (阿姨/叔叔 follow the surname alone: "办公室邬阿姨" is 邬, never a full name before it)
            for n in (1,) if m.group() in _AUNT_UNCLE else (3, 2, 1):
                cand = text[s - n : s] if s - n >= 0 else ""
                if (
                    cand
                    and self._surname_len(cand, 0)
                    and _CJK.fullmatch(cand[-1])
                    # (哥 after a surname alone: "浩哥" after "谢谢" is a given name called, no full name)
                    and not (m.group() == "哥" and (n > 1 or self._freq(cand + "哥") > 0))
                    and not (n >= 2 and _city_then_surname(text, s - n))
                    and (
                        self._boundary_before(text, s - n)
                        # "老客户顾阿姨": a surname alone before 阿姨 needs no boundary, unless it ends a word
                        or (m.group() in _AUNT_UNCLE and self._freq(text[s - 2 : s]) < 100)
                        # "去张先生家", "帮赵女士改了": a surname alone and 先生/女士 after a bare verb
                        or (
                            m.group() in _SIR_MADAM
                            and len(cand) == self._surname_len(cand, 0)
                            and text[s - n - 1 : s - n] in _VERB_BEFORE_SIR
                        )
                    )
                ):
                    named.append(Person(cand, None, s - n, m.end()))
                    break
        for m in _SANG.finditer(text):
            s = m.start()
            cand = text[s - 1 : s] if s >= 1 else ""
            if (
                cand in self._surnames
                and self._boundary_before(text, s - 1)
                and self._freq(cand + "生") < 100  # "搞卫生": a word, no 卫生 (卫先生)
            ):
                named.append(Person(cand, None, s - 1, m.end()))
        for m in _CONTACT_ROLE.finditer(text):
            at = m.end()
            nick = self._nickname_at(text, at, big=False, said_a_person=True) or self._a_name_at(text, at)
            if nick is not None:  # "对接人 老谭 139…", "对接人是小贝"
                named.append(Person(nick, None, m.end(), m.end() + 2))
                continue
            name = self._name_after(text, m.end())
            if name and not _title_re().match(text, m.end() + len(name)):  # "联系李女士": 李
                named.append(Person(name, None, m.end(), m.end() + len(name)))
        for m in _DEPT_THEN_NAME.finditer(text):
            # "采购部翟晓燕 137…": a full name right after a department, ending where the name must end.
            d = m.end() - 1 if text[m.end() - 1] != " " else m.end() - 2
            if text[m.end() - 1] != " " and self._freq(text[d : d + 2]) >= _WORD_FREQ:
                continue  # "新办公室", "大部分": the department's character starts a word, no name after
            name = self._name_after(text, m.end())
            if (
                name
                and len(name) >= 2
                and (
                    _HARD_END.match(text, m.end() + len(name))
                    or _ACT_AFTER.match(text, m.end() + len(name))
                    # (handed to them: not "采购部李明白了")
                    or (
                        _GIVEN_DONE.match(text, m.end() + len(name))
                        and "给" in text[max(0, m.start() - 2) : m.end()]
                    )
                )
                and self._freq(name) < 100
            ):
                named.append(Person(name, None, m.end(), m.end() + len(name)))
        for m in _CALLED_OR_OF_DEPT.finditer(text):
            # "新来的厂务经理对接，叫庞志勇，", "他们工程部的邬家豪也要参与": a full name introduced
            name = self._name_after(text, m.end())
            if (
                name
                and len(name) >= 2
                and not name.isascii()
                and self._freq(name) < 100
                and (m.group()[-1] == "的" or _HARD_END.match(text, m.end() + len(name)))
                and not _title_re().match(text, m.end() + len(name))
            ):
                named.append(Person(name, None, m.end(), m.end() + len(name)))
        for m in _CALL_ME.finditer(text):
            # "叫我阿琳就行", "喊我小林就好": how the writer asks to be called
            at = m.end()
            name = (
                self._a_name_at(text, at)
                or self._nickname_at(text, at, big=False)
                or self._name_after(text, at)
            )
            if name and _CALL_ME_END.match(text, at + len(name)):
                named.append(Person(name, None, at, at + len(name)))
        for m in _A_NAME.finditer(text):
            if self._boundary_before(text, m.start()) and (a_name := self._a_name_at(text, m.start())):
                named.append(Person(a_name, None, m.start(), m.start() + 2))  # "见了他们采购 阿杰 聊了聊"
        for m in _minority_alone_re().finditer(text):
            end = self._minority_end(text, m.end())
            if end - m.start() >= 3:
                named.append(Person(text[m.start() : end], None, m.start(), end))  # "乌云其其格那个客户"
        for m in _DOT_NAME.finditer(text) if "·" in text or "•" in text or "・" in text else ():
            named.append(Person(m.group(), None, m.start(), m.end()))  # "卡德尔·沙吾提": a full name
        for m in _PERSON_THERE.finditer(text):
            name = self._name_after(text, m.start("name"))
            if (
                name is not None
                and name[0] in COMMON_SURNAMES
                and name == m.group("name")
                and self._freq(name) < 100
                and not _is_place_name(name)
            ):
                named.append(Person(name, None, m.start(), m.end()))
        for m in _RESTATED.finditer(text) if "就是" in text or "那个" in text else ():
            name = self._name_after(text, m.end())
            end = m.end() + len(name or "")
            if (
                name
                and len(name) >= 2
                and not name.isascii()
                and name[0] in COMMON_SURNAMES
                and self._freq(name) < 100
                and not _place_at(text, m.end())
                and not _title_re().match(text, end)
                and (
                    _HARD_END.match(text, end)
                    or _ACT_AFTER.match(text, end)
                    or text.startswith(("嗯", "呃"), end)
                )
                and not any(p.start <= m.end() < p.end for p in named)
            ):
                # the title said of them just before, no one else named between ("…的老板打了个电话 那个X")
                said = [p for p in bare if p.end <= m.start() and m.start() - p.end <= _RESTATED_REACH]
                between = any(said[-1].end <= p.start < m.start() for p in named) if said else True
                named.append(Person(name, None if between else said[-1].title, m.end(), end))
        for m in _NAME_ALONE.finditer(text):
            # "X酒店，郑国平，就是老郑", "做民宿的，易文斌，在…", "那边的 钱志远 135…": a full name said as
            # a clause of its own
            name = m.group("name")
            if self._lone_full_name(text, m.start(), name):
                named.append(Person(name, None, m.start(), m.end()))
        # (a title read inside a longer one read too is that one's part: "HR经理姓唐" holds HR, HR经理)
        bare = [
            p
            for p in bare
            if not any(
                q.start <= p.start <= p.end <= q.end and q.end - q.start > p.end - p.start for q in bare
            )
        ]
        xing = _XING.search(text)
        if xing is not None:
            surname = xing.group(1)
            sl = self._surname_len(surname, 0)
            alone = _XING_ALONE.match(text, xing.start())
            if not sl and alone is not None:
                surname, sl = alone.group(1), 1
            if sl:
                # "姓何 何经理": the title said with the surname again, unless a bare one says it in full
                # ("车队长姓程 程队说")
                title = bare[0].title if bare else None
                again = next(
                    (p.title for p in named if p.name == surname[:sl] and p.title and p.start > xing.start()),
                    None,
                )
                if again is not None and not (title and title.endswith(again)):
                    title = again
                named.append(Person(surname[:sl], title, xing.start(), xing.end()))
        # "周总好，我们是…", "王经理您好": the forwarded message greets our rep, not the contact.
        # (nor one the customer's pasted words open on, before a pause: "转发:「陈工 我们车间…」")
        named = [
            p
            for p in named
            if not text.startswith(("好", "你好", "您好"), p.end)
            and not _greeted_first(text, p.start, p.end)
            and not _addressed(text, p.start, p.end)
            and not _reader_first(text, p, named)
            and p.start not in inside
            and p.name != "谢谢"
            and not self._in_blocked(p, text, blocked, bare)  # "冷干机" is a product
        ]
        # (nor a title inside a product's name: "新经理转身课程")
        bare = [p for p in bare if not any(bs < p.end and p.start < be for bs, be in blocked or ())]
        if "采购" in text:
            for m in _BUYER_ALONE.finditer(text):
                if text[m.start() - 1] == "的" and m.start() - 1 != company_end:
                    continue  # "公司的采购流程": 的 after no organisation named
                bare.append(Person(None, "采购", m.start(), m.end()))  # "X的采购 电话聊了"
        return named, bare

    def _of_function(self, text: str, at: int) -> Person | None:
        """The full name after the 的 at `at` when a function stands before it ("采购的于丽娟", "门店运营
        的卢佳"), the function its title; a department's person ("工程部的邬家豪") is read elsewhere."""
        if text[at - 1 : at] in _DEPARTMENT_END:
            return None
        start = _prefix_end_at(text, at)
        if start == at:
            return None
        start = _prefix_end_at(text, start)  # "品牌市场"
        part = _OWN_PART_BEFORE.search(text, 0, start)
        start = part.start() if part is not None else start
        full = self._name_after(text, at + 1)
        if full is None or len(full) < 2 or (self._freq(full) >= 100 and full not in self._namesakes):
            return None  # (a name a famous person bore is still a name here: "行政的李娜")
        if self._split_title(Person(full, None, at + 1, at + 1 + len(full))).title is not None:
            return None  # "车队的吴经理吴立强": a surname and its title, the titles read it with the name
        if _title_re().match(text, at + 1 + self._surname_len(text, at + 1)):
            return None  # "分管后勤的黎副院长": a surname and its title, not a full name "黎副"
        return Person(full, text[start:at], start, at + 1 + len(full))

    @staticmethod
    def _said_to_be(text: str, end: int) -> str | None:
        """The title said of the person named before `end` with 他是/她是 and no 的, maybe after a
        function no list holds ("她是餐厅经理", "他是店长"), when the clause ends there."""
        role = _IS_A.match(text, end)
        if role is None:
            return None
        at = role.end()
        t = _title_re().match(text, at)
        cand = text[at : at + 2]
        if t is None and _CJK_ONLY.fullmatch(cand) and not set(cand) & _NOT_FUNCTION:
            t = _title_re().match(text, at + 2)
            if t is not None and t.group("prefix") is not None:
                t = None
        if t is None or (
            _CJK.match(text[t.end() : t.end() + 1] or "x") and not _HARD_END.match(text, t.end())
        ):
            return None
        return text[at : t.end()]

    def _with_title(self, text: str, p: Person) -> Person:
        """A named contact without a title takes the one written around it: "采购Lucy", "杨丽萍 后勤副总",
        "老板叫孔德明", "职务：护理部主任"."""
        if p.name is None:
            return p
        if p.title is not None:
            if p.title not in _GENERIC_ROLES:
                return p
            # "负责人龙飞 总经理": the office written after the name says more than the role before it
            after = self._title_after(text, p)
            return p if after is None else Person(p.name, after[0], p.start, p.end)
        before = text[: p.start].rstrip(" ")
        for word in ("采购员", "采购"):
            if before.endswith(word):
                return Person(p.name, word, len(before) - len(word), p.end)
        role = _ROLE_BEFORE.search(before)
        if role is not None:
            start = _prefix_end_at(before, role.start("title"))  # "采购经理叫…": the function too
            return Person(p.name, before[start : role.end("title")], start, p.end)
        after_title = self._title_after(text, p)
        if after_title is not None:
            return Person(p.name, after_title[0], p.start, after_title[1])
        field = _TITLE_FIELD.search(text)
        if field is not None:
            return Person(p.name, field.group(1), p.start, p.end)
        office = _IS_OFFICE.match(text, p.end)
        if office is not None:
            # "对接人叫方志强 是设备科科长": the office's head named after the name; the title is the
            # base one, the office (科, 股, 处…) only says where
            base = _base_title_re().fullmatch(office.group("title"))
            if base is not None:
                return Person(p.name, base.group(), p.start, p.end)
        said = self._said_to_be(text, p.end)
        if said is not None:
            return Person(p.name, said, p.start, p.end)  # "跟Amy聊了 她是餐厅经理", "他是店长"
        role = _IS_THE.match(text, p.end)
        t = _title_re().match(text, role.end()) if role is not None else None
        # "跟Lily聊了 她是X的店长": the role said of the person right after
        if t is not None and (
            _HARD_END.match(text, t.end()) or not _CJK.match(text[t.end() : t.end() + 1] or "x")
        ):
            return Person(p.name, t.group(), p.start, p.end)
        return p

    @staticmethod
    def _title_after(text: str, p: Person) -> tuple[str, int] | None:
        """A title written after the full name and a pause, maybe after the surname again, closing its
        clause: "杨丽萍 后勤副总", "于波 于经理", "杨丽萍，后勤副总，电话…" (title, end)."""
        assert p.name is not None
        j = p.end
        if text.startswith("，", j) and _CJK.match(text[j + 1 : j + 2] or "x"):
            # "联系人甘某，仓储经理，电话…": the title a clause of its own after the name (not a card's
            # English "Anna Weber, Head of Lab": a part of a title)
            j += 1
        while j < len(text) and text[j] == " ":
            j += 1
        if j == p.end:
            return None
        if len(p.name) >= 2 and text.startswith(p.name[0], j) and _CJK.match(p.name[0]):
            j += 1  # "联系人于波 于经理": the surname said again with the title
        after = _title_re().match(text, j)
        if after is not None and _HARD_END.match(text, after.end()):
            return after.group(), after.end()
        return None

    @staticmethod
    def _loose_prefix(text: str, ts: int, org_ends: frozenset[int] = frozenset()) -> int:
        """Start of a two-character function word or a Latin acronym right before the title at `ts`,
        when a clear boundary (or the end of the organisation's name: "X数据中心运维主管") stands
        before it; else `ts`."""
        acronym = _ACRONYM_BEFORE.search(text, max(0, ts - 7), ts)
        if acronym is not None and acronym.group().rstrip() not in org_suffixes():
            return acronym.start()  # ("KTV 主管": the venue's kind ends its name, no function)
        s = ts - 2
        if s < 0 or (s > 0 and text[s - 1] not in _LOOSE_BOUNDARY and s not in org_ends):
            return ts
        if ts in org_ends:
            return ts  # the end of the organisation's name ("鸿福老板娘"): its person, no function
        cand = text[s:ts]
        if cand[-1] == "科":
            return ts  # "眼科主任", "儿科护士长": a hospital's department says where, not the function
        if cand not in _NOT_FUNCTION_WORDS and all(
            _CJK.match(c) and c not in _NOT_NAME and c not in _NOT_FUNCTION for c in cand
        ):
            return s
        return ts

    def _asked(self, text: str, end: int) -> Person | None:
        """A full name (or an English one) standing right before what is asked about it."""
        if text.startswith("那边", end) and (
            _TITLED_SOON.match(text, end + 2) or self._titled_at(text, end + 2)
        ):
            return None  # "富士康那边物流的刘工", "给Jolly那边的Tom": the place where that person works
        en = _EN_NAME_BEFORE.search(text[max(0, end - 20) : end])
        if en is not None:
            name = en.group(1)
            return Person(name, None, end - len(en.group(0)), end) if name not in _EN_NOT_NAMES else None
        for n in (3, 2):
            s = end - n
            if s < 0 or (not self._boundary_before(text, s) and s not in self._org_ends):
                continue
            cand = text[s:end]
            if text.startswith("那边", end) and (
                (n == 2 and cand[0] not in COMMON_SURNAMES)
                or (cand[1] == "之" and cand[0] not in COMMON_SURNAMES)
            ):
                # "明泰那边": a brand named as a place, as is one made with 之 ("海之味那边", "X之星");
                # "覃立新那边" is a full name
                continue
            if text.startswith(("说", "透露", "表示"), end) and s > 0 and _CJK.match(text[s - 1]):
                continue
            if _is_place_name(cand):
                continue  # "我是周口那边的": a place, however like a surname it starts
            if _STREET.fullmatch(cand) is not None:
                continue  # "季X路那边的展厅": a road or a street, wherever said
            if (
                text.startswith("那边", end)
                and cand[-1] in _PLACE_LAST
                and (
                    _GONE_TO.search(text, max(0, s - 3), s) is not None
                    or _city_ends_at(text, s)
                    or _is_place_name(cand[:-1])
                )
            ):
                # "去了柳荫湖那边", "株洲荷塘湖那边": a place gone to or in a city, not a person;
                # "龙口港那边": a county's port
                continue
            if (
                _CJK.fullmatch(cand[0])
                and self._surname_len(cand, 0)
                and self._name_after(text, s) == cand
                and self._freq(cand) < 100
                and not _title_re().search(cand)
            ):
                return Person(cand, None, s, end)
        return None

    def _lone_full_name(self, text: str, s: int, name: str) -> bool:
        """Whether a word of three Han characters standing alone between pauses is a person's full name:
        a surname and a given name that make no word of the dictionary, no place, no title."""
        sl = self._surname_len(name, 0)
        return (
            sl == 1
            and self._name_after(text, s) == name
            and self._freq(name) == 0
            and self._freq(name[1:]) < _GIVEN_WORD_FREQ
            and self._freq(name[:2]) < _WORD_FREQ  # (not a word and a character: "谢谢哈")
            and not _title_re().search(name)
            and not _city_then_surname(text, s)
            and (name[0] in COMMON_SURNAMES or self._freq(name[0]) < RARE_SURNAME_FREQ)
            and name[-1] not in _PLACE_LAST
        )

    def _nick_titled(self, text: str, ts: int) -> bool:
        """小/老 and a surname right before the title at `ts`: the person called by the surname, with
        the title ("小黎老师" is 黎, a 老师), unless the pair is a word ("小区经理")."""
        return (
            ts >= 2
            and text[ts - 2] in "小老"
            and self._surname_len(text, ts - 1) == 1
            and self._freq(text[ts - 2 : ts]) <= _NICK_WORD_FREQ
            and self._boundary_before(text, ts - 2)
        )

    def _titled_at(self, text: str, i: int) -> bool:
        """A surname and a title start at `i`, maybe after a pause ("… 那边 雒总"): someone of the place
        named before, as in "星河湾那边邵总来看了"."""
        i += text.startswith(" ", i)
        n = self._surname_len(text, i)
        return n > 0 and _base_title_re().match(text, i + n) is not None

    def _split_title(self, p: Person) -> Person:
        """A "name" that is a surname and a title ("罗总", "刘博士", "王工") is the surname and the title."""
        if p.name is None:
            return p
        sl = self._surname_len(p.name, 0)
        rest = p.name[sl:]
        if sl and rest and rest in _title_set():
            return Person(p.name[:sl], rest, p.start, p.end)
        return p

    def _full_then_surname(self, text: str, ts: int) -> str | None:
        """ "金哲金总", "王伟王总": a full name, then its surname with the title."""
        if ts < 3 or not self._surname_len(text, ts - 1):
            return None
        surname = text[ts - 1]
        for n in (3, 2):
            s = ts - 1 - n
            if s >= 0 and text[s] == surname and self._boundary_before(text, s):
                cand = self._name_after(text, s)
                if cand is not None and len(cand) >= n:
                    return text[s : ts - 1]
        return None

    def _full_name_closing(self, text: str, te: int) -> str | None:
        """A full Han name (surname and given name, no word of the language) written right after the
        title at `te` and ending where a name must end (a space, punctuation, a phone), else None."""
        name = self._name_after(text, te)
        if name is None or len(name) < 2 or not _CJK.match(name) or self._freq(name) >= _WORD_FREQ:
            return None
        end = te + len(name)
        if not _HARD_END.match(text, end) or _title_re().match(text, end):
            return None
        return name

    def _spaced_name_after(self, text: str, te: int) -> tuple[str, int] | None:
        """A surname with an honorific ("谭姐", "林女士") or a nickname written after the title at `te`
        and a space: (name, end), else None."""
        j = te
        while j < len(text) and text[j] == " ":
            j += 1
        if j == te:
            return None
        nick = self._nickname_at(text, j, big=False) or self._a_name_at(text, j)
        if nick is not None:
            return nick, j + 2
        sl = self._surname_len(text, j)
        m = _HONORIFIC.match(text, j + sl) if sl else None
        return (text[j : j + sl], m.end()) if m is not None else None

    def _carded_name(self, text: str, j: int) -> str | None:
        """A full name of three Han characters glued after a title, then the number to reach them
        ("老板时长青，电话139…", "经理文明华 139…"), which `_name_after` refuses as a word's start."""
        name = text[j : j + 3]
        if (
            len(name) < 3
            or not _CJK_ONLY.fullmatch(name)
            or not (name[0] in self._surnames or name[0] in _WORD_SURNAMES)
            or any(c in _NOT_NAME for c in name[1:])
            or self._freq(name) > 0
            or self._freq(name[1:]) > _GIVEN_WORD_FREQ
            or _title_re().search(name, 1) is not None  # "对接人和经理 186…": a surname and its title
            or _NAME_THEN_NUMBER.match(text, j + 3) is None
        ):
            return None
        return name

    def _written_name(self, text: str, j: int) -> str | None:
        """2-5 Han characters after a title and a space, up to a hard end ("站长助理 拉毛 电话")."""
        k = j
        while k < len(text) and k - j < 5 and _CJK.match(text[k]):
            k += 1
        if not 2 <= k - j <= 5 or not _HARD_END.match(text, k):
            return None
        name = text[j:k]
        if self._freq(name) > 0 or name[-1] in _DEPARTMENT_END or name[0] == "姓" or _title_re().search(name):
            return None
        if name[0] in _NOT_NAME or any(c in "我你他她们" for c in name):
            return None  # "经理叫我明天去": no name
        if name.startswith(_CONTACT_LABELS) or sum(c in _HAN_DIGITS for c in name) >= 2:
            return None  # "馆长 手机一八九 五五五…": the number said in words, no name
        return name

    _inside: range = range(0)

    def _glued_to_word_before(self, text: str, s: int) -> bool:
        """Whether the character at `s` ends a common word with the one before it ("对方", "双方"), and no
        word ends right before `s` ("负责人马国强" is 负责人 then a name, not 人马; so does a contact's
        role, however rarely the dictionary holds it: "联系人马晓燕科长")."""
        if s < 1 or self._freq(text[s - 1 : s + 1]) <= 3000:
            return False
        if text.endswith(_ROLE_WORDS, 0, s):
            return False
        return not any(s >= k and self._freq(text[s - k : s]) > 1000 for k in (2, 3))

    def _word_ends_before(self, text: str, s: int) -> bool:
        """Whether a common word of two characters ends right before `s` and its last character makes no
        word with the one at `s`: a surname and title glued to a brand said short ("远帆龚总")."""
        return (
            s >= 2
            and _CJK.match(text[s - 2]) is not None
            and self._freq(text[s - 2 : s]) >= 100
            and self._freq(text[s - 1 : s + 1]) == 0
        )

    def _parted_name_before(self, text: str, ts: int) -> tuple[str, int] | None:
        """A full name or an English name standing before the title at `ts`, parted from it by a space
        or by a change of script ("王磊 经理", "柏文斌purchasing manager", "Lily GM"), and its start. A
        name of two characters has a common surname: "华锐 经理" is a brand and its manager."""
        j = ts
        while j > 0 and text[j - 1] == " ":
            j -= 1
        if j == ts and not (ts > 0 and text[ts].isascii() != text[ts - 1].isascii()):
            return None
        en = _EN_NAME_BEFORE.search(text, max(0, j - 20), j)
        if en is not None and j < ts and en.group(1) not in _EN_NOT_NAMES and " " not in en.group(1):
            s = en.start(1)
            return (en.group(1), s) if s == 0 or not text[s - 1].isascii() or text[s - 1] == " " else None
        for n in (3, 2):
            s = j - n
            if s < 0 or s in self._inside or not all(_CJK.match(c) for c in text[s:j]):
                continue
            cand = text[s:j]
            if (
                self._name_after(text, s) == cand
                and (n == 3 or cand[0] in COMMON_SURNAMES or cand in self._namesakes)  # "华锐 经理": a brand
                and (self._freq(cand) < 100 or cand in self._namesakes)
                and (s == 0 or not _CJK.match(text[s - 1]))  # (a name on its own: "温州印象城 物业经理")
            ):
                return cand, s
        # a surname alone, spaced on both sides as voice input writes it: "X管委会的 汤 副主任"
        s = j - 1
        if (
            j < ts
            and s >= 1
            and (text[s] in COMMON_SURNAMES or text[s] in self._surnames)
            and text[s - 1] == " "
            and s not in self._inside
        ):
            return text[s], s
        return None

    def _named_after_title(self, text: str, te: int) -> bool:
        """Whether a name follows the title ending at `te`, maybe after a space or 叫 ("物业经理叫包建国",
        "Ops Director Jason Lee"): the title is that person's, not the one before it."""
        j = te
        while j < len(text) and text[j] in " :：":
            j += 1
        if text.startswith("叫", j):
            return True
        name = self._name_after(text, j)
        return name is not None and (name.isascii() or (len(name) >= 2 and self._freq(name) < 100))

    def _name_before(self, text: str, ts: int) -> str | None:
        for n in range(min(ts, 9), 1, -1):
            s = ts - n
            if s >= 0 and self._minority_at(text[s:ts], 0) == text[s:ts] and self._boundary_before(text, s):
                return text[s:ts]  # "买买提科长"
        for n in (3, 2, 1):
            s = ts - n
            if s < 0:
                continue
            cand = text[s:ts]
            if s in self._inside or not _CJK.fullmatch(cand[-1]) or any(not _CJK.match(c) for c in cand):
                continue  # "海蓝宋主任": the name starts after the company, not inside it
            sl = self._surname_len(cand, 0)
            if n >= 2 and _city_then_surname(text, s):
                continue  # "苏州何老板": 苏州 is where he is, 何 his surname
            if (
                n == 1
                and cand in _WORD_SURNAMES
                and (s in self._org_ends or _MET_WORD_BEFORE.search(text, max(0, s - 4), s) is not None)
            ):
                # "见了和主任", "联系人和总", "X物流和总的电话": met, named the contact, or right after
                # the organisation, such a character joins nothing: it is the surname (the Naxi 和)
                title = _base_title_re().match(text, ts)
                after = text[title.end() : title.end() + 1] if title is not None else ""
                ends = not _CJK.match(after or " ") or after in "的电微说聊"  # (not "联系人和经理都在")
                sl = 1 if title is not None and ends else 0
            elif n == 1 and cand in _WORD_SURNAMES and (s == 0 or not _CJK.match(text[s - 1])):
                # (a one-character title ending where a word can't go on: not "和总经理", "来总公司")
                title = _base_title_re().match(text, ts)
                after = text[ts + 1 : ts + 2]
                ends = not _CJK.match(after or " ") or after in _GONG_NEXT_OK or after in "电微"
                sl = 1 if title is not None and len(title.group()) == 1 and ends else 0
            if not sl or (n == 3 and sl == 1 and cand[1] in _NOT_NAME) or (n >= 2 and cand[-1] in _NOT_NAME):
                continue
            if (n == 1 and sl == 2) or (n >= 2 and cand[-1] in _DEPARTMENT_END):
                continue  # "办公室主任": 公室 is not a name
            if not (self._boundary_before(text, s) or (n == 1 and self._word_ends_before(text, s))):
                continue
            if _inside_dept_word(text, s):
                continue
            if n >= 2 and self._freq(cand) > 3000 and not (n == sl == 2):
                continue  # (a compound surname alone is one however common a word: "体育中心东方主任")
            if n == 3 and cand[1] in _UNIT_ENDS and cand[2] in self._surnames and self._freq(cand[:2]) > 0:
                continue  # "农场范场长", "林场何场长": the farm (opening with a surname), then the person
            if self._glued_to_word_before(text, s):
                continue  # "对方副总", "对方王工": the character ends a word, it is no surname
            return cand
        return None
