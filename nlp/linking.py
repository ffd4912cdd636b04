"""Linking a message to the CRM: which of the writer's leads (and which of its contacts) it names.

Reps name their customers the way they speak: the full name, the short name (the brand without
place, industry word and legal form: 无锡华康医药有限公司 → 华康, 苏州市虎丘区第二人民医院 → 虎丘二院),
the contact ("雍经理那边" → the lead whose contact is 雍晓琳, 采购经理) or a phone. The caller hands
`LeadBook` what the writer's book holds as plain values (nlp does no I/O); `LeadBook.link` then
finds the candidates by looking every substring of the message up in dictionaries, so a message
costs the same whatever the size of the book. Two candidates are settled by what else the message
says about the customer (its city, a district, its contact, a product only one of them holds, then own
leads before the team's), never by a guess: what stays ambiguous is returned as several candidates for
the caller to ask about, and those a product alone set aside are returned too, for the caller to show.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache

from nlp.behalf import given_name
from nlp.cities import districts, gazetteer
from nlp.company_key import company_key, company_places, short_city
from nlp.lexicon import org_suffixes, surnames, titles
from nlp.segment import base_word_freq

# Words after a brand that a short name drops, besides the organisation suffixes of nlp/data
# (骨科医院 → 骨科 is the hospital's speciality, 第二人民医院 → 第二人民 its kind).
_KIND_WORDS = (
    "人民",
    "中医",
    "中西医结合",
    "妇幼",
    "儿童",
    "骨科",
    "康复",
    "口腔",
    "眼科",
    "专科",
    "肿瘤",
    "中心",
    "连锁",
    "便利",
    "安防",
    "工程",
    "仓储",
    "物流",
    # A farmers' cooperative or farm says its crop and that it is a specialised one before 合作社
    # (X蔬菜专业合作社, X茶叶专业合作社, X花卉种植专业合作社): reps say X合作社 or X.
    "专业",
    "蔬菜",
    "水果",
    "茶叶",
    "花卉",
    "园艺",
)
_ORDINAL = re.compile(r"第([一二三四五六七八九十]{1,3})$")
# A place inside a city that a registered name may say before the brand, written with its kind:
# a district, county, town or subdistrict (白云区, 航空港区, 曲江新区, 小榄镇, 东湖街道: two characters
# or more before 区, so 社区 and 园区 stay words), a planned new town or science city (滨江新城,
# 光明科学城), a district named by its direction (东区), or a development zone (高新, 经开). Names
# without their kind (临平, 萧山) are found in the gazetteer of districts.
_ZONE = re.compile(
    r"[\u4e00-\u9fff]{2,4}?(?:新区|区|县|镇|街道|新城|科学城|科技城)|[东西南北中]区|新区|高新|经开"
    # an Inner Mongolian banner as it is said short (土右旗, 察右中旗, 乌拉特前旗; the gazetteer has the
    # full 土默特右旗), not a flag of a brand (红旗, 旗舰)
    r"|[\u4e00-\u9fff]{1,5}?(?<!红)(?<!国)[左右前后中]?旗(?![舰下袍帜])"
    # an autonomous county or banner, its peoples' names long (长阳土家族自治县)
    r"|[\u4e00-\u9fff]{2,8}?自治[县旗]"
)
_DISTRICT = ("新区", "区", "县", "镇")
_SUBDISTRICT = "街道"
_PORT = "港"
# A bay, island or beach of the city named before the brand, written with its kind (亚龙湾, 海棠湾, 崇明岛,
# 金石滩), or a river's mouth (珠江口, 黄河口; not 口腔 of a dental clinic): where the customer is, as a
# district is, when a coined brand follows it (三亚亚龙湾金棕榈酒店 → 金棕榈); before a word of the
# language it is the brand itself (螺蛳湾商务酒店: 商务 says what it is).
_SHORE = re.compile(r"[\u4e00-\u9fff]{2}[湾岛滩]|[\u4e00-\u9fff][江河]口(?!腔)")
# Brands too generic to name one customer alone.
_GENERIC = frozenset(
    {"人民", "中医", "中心", "妇幼", "儿童", "第一", "市立", "省立", "中西医结合", "附属", "实验", "外国语"}
)
_MIN_BRAND = 2
_LONGEST_CITY = 5  # 乌鲁木齐市: the longest city said right before a customer's short name
_CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")
# Where a customer's short name stands: first, after punctuation or a verb of meeting ("跟X通了电话",
# "去了趟X"), or before "那边", "的", a verb of saying ("X那边", "X的钱经理", "X说", "X想要").
_BEFORE_NAME = re.compile(r"[\s\W_跟和给去到在找见访约趟了与同帮替问]")
_AFTER_NAME = re.compile(r"那边|那儿|这边|那个|这个|[的家说想要]|[\s\W_]")
# "刚从X出来", "从X回来": just left the customer after a visit. 从 alone stands before everyday words
# too ("从长远看", "从价格上"), so it marks a name only with the leaving after it.
_LEFT_AFTER = re.compile(r"出来|回来|离开|出发")


def _left_from(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is the place the writer says they just left ("从X出来")."""
    return start > 0 and text[start - 1] == "从" and _LEFT_AFTER.match(text, end) is not None


# Title endings a rep says for a longer stored title (采购经理 → 经理, 总经理 → 总).
_BOSS = "总"
# A board's chair or member is called by surname and 董 (陈董 for a 董事长, 副董事长 or 董事).
_BOARD, _BOARD_SHORT = "董事", "董"
# How any person is addressed whatever their title: 老/小 before the surname (老沈, 小韩), or a
# common form of address after it (沈工, 沈总 for a 设备科长). Weaker than the stored title: used
# only when no contact is named by it.
_NICKNAMES = ("老", "小")
_ADDRESS = (
    *("总监", "经理", "主任", "老师", "老板", "科长", "处长"),
    *("部长", "院长", "校长", "厂长", "主管", "师傅", "女士", "先生", "小姐", "阿姨"),
    *("总", "工", "姐", "哥"),  # 苟姐, 蒯哥: called by a kin word
)  # longest first
# A profession said after the surname (葛律师, 杭医生, 钱会计) calls a person of that trade: a contact whose
# stored title or customer's name says it (葛文静, 合伙人 of a 律师事务所), not any of the surname.
_TRADES = {
    "律师": ("律师", "律所", "法务", "法律", "知识产权", "专利"),
    "医生": ("医院", "医疗", "医生", "医师", "诊所", "卫生", "门诊", "口腔", "牙科", "中医", "保健院"),
    "大夫": ("医院", "医疗", "医生", "医师", "诊所", "卫生", "门诊", "口腔", "牙科", "中医", "保健院"),
    "会计": ("会计", "财务", "税务"),
}
# 先生 said short after the surname, the Cantonese way ("陈生", "叶生刚来电话"): not where 生 starts a
# common word of the language ("陈生产", "叶生意"); below this count in jieba's dictionary a word after
# 生 is rare enough ("生来" 285, "生还" 108: "陈生来电话", "陈生还说").
_SIR = "生"
_SIR_WORD = 300
# The head of an office called by surname and the office's first character (晁科 for a 设备科科长, 李处
# for a 处长): said only of a contact whose stored title is that head, and standing alone ("高科技" is
# no 高科长), as a pause or 那边/说/的 follows.
# So are a lawyer (顾律 for a 律师 or 法务律师) and a school's head (钱校 for a 校长), and what follows may
# be an adverb before what they did ("顾律刚在电话里说", "钱校也说"). So is a home's or a hospital's
# head (蒯院 for a 院长), and what follows may be when or what they did, short ("蒯院下午来电", "蒯院在",
# "蒯院签了").
# (a station's, an office's or a section's head too: 银站, 罗所, 马股)
_SHORT_HEADS = {
    "科": "科长", "处": "处长", "局": "局长", "律": "律师", "校": "校长", "院": "院长",
    "站": "站长", "所": "所长", "股": "股长",
}  # fmt: skip
# (讲: the South's 说; a channel may come between: "蒋科刚微信回我了")
_SHORT_HEAD_END = re.compile(
    r"$|[^\u4e00-\u9fff]|那边|[说讲]|的|(?:刚|也|又|还|就)(?:才|刚)?(?:微信|电话|短信|语音)?(?:在|[说讲]|跟|打|发|回)"
    r"|(?:今天|昨天|前天|上午|下午|中午|早上|晚上)|(?:在|签了|来电|来了|同意|答应|拍板|谈|聊)"
    # the call being theirs: "葛校打来的", "晁科打过来说"
    r"|打(?:来|的|过来|电话)"
)
# A person said to be away ("马总不在", "没见到马总") is not the one the rep dealt with.
_AWAY_WORDS = (
    r"(?:不在|没在|出差|休假|请假|外出|没来|不来|开会去了"
    # (out of the place: "钱主任出去开会了", "出门办事了", "去省里开会了")
    r"|(?:出去|出门)(?:开会|办事|培训|学习)?了|去[^，,。；;\s]{0,4}?(?:开会|培训|学习)了"
    # (called away: "被领导叫走了")
    r"|被[^，,。；;\s]{0,4}?[叫喊拉抽]走了)"
)
_AWAY_AFTER = re.compile(r"\s?(?:今天|那天|刚好|正好|恰好|刚巧|人)?" + _AWAY_WORDS)
# ...or said of them by 他/她 opening the next clause, as a turn of events ("约了庞经理，不巧她被老板拉去
# 培训了，跟她助理聊的") or as not there ("找周工，他不在"): not their words ("他说…"), nor them as a
# group ("他们不在"), nor a trip of one just met ("见了王总，他下周出差").
_AWAY_BY_PRONOUN = re.compile(
    r"[^，,。；;！!？?]{0,6}?[，,\s]\s?(?:(?:结果|可是|可|但是|但|不过|没想到|谁知道?|偏偏|不巧)[他她](?!们)"
    r"(?:今天|那天|刚好|正好|恰好|刚巧|人|临时|突然|又)*(?:被[^，,。；;\s]{0,4}?[叫喊拉抽](?=去))?"
    + _AWAY_WORDS
    + r"|[他她](?!们)(?:今天|刚好|正好|恰好|刚巧|人)?(?:不在|没在|没来))"
)
_AWAY_BEFORE = re.compile(r"(?:没见到|没见着|没碰到|没碰上|没遇到|没遇上)\s?$")
# A person said to have left the customer ("陶经理离职了", "陶经理走了，新来的…叫房立新"): whoever the rep
# dealt with, it was not them. 走了 alone may be leaving the room, so it counts only with a successor said.
_QUIT_AFTER = re.compile(r"\s?(?:已经|刚|前段时间|上个月)?(?:离职|辞职|调走|退休|跳槽|不干)")
_GONE_AFTER = re.compile(r"\s?(?:已经|刚)?走了")
_SUCCESSOR = re.compile(r"新来的|新上任|新任|接替|接手|接任|换成|换了个")


def is_away(text: str, start: int, end: int) -> bool:
    """Whether the person named at text[start:end] is said to be away or gone, so was not dealt with."""
    if _AWAY_AFTER.match(text, end) is not None or _QUIT_AFTER.match(text, end) is not None:
        return True
    if _AWAY_BY_PRONOUN.match(text, end) is not None:
        return True
    gone = _GONE_AFTER.match(text, end)
    if gone is not None and _SUCCESSOR.search(text, gone.end()) is not None:
        return True
    return _AWAY_BEFORE.search(text, 0, start) is not None


# A person said as the one who sent the customer to us ("X雷店长介绍的", "钱总那边推荐过来的", "钱总给
# 介绍过来的", "钱总帮忙推荐的"): the customer of the report is another, so they link no lead (not "王总介绍
# 了一下需求": their own news).
_REFERRED_AFTER = re.compile(
    r"\s?(?:那边|那里)?(?:给|帮忙|帮我们?|给我们?)?(?:介绍|推荐|引荐|转介绍)(?:的|过来|给我|了?(?:我们|我司|咱们))"
)


def _referred(text: str, end: int) -> bool:
    return _REFERRED_AFTER.match(text, end) is not None


# What answers a colleague's message at its start ("收到邓总", "好的王经理，…"): the one addressed
# there is the reader, not a customer's person.
_ANSWERED = re.compile(r"\s*(?:收到|好的|好嘞|好滴|明白|了解|谢谢|感谢|辛苦|ok|OK|Ok)[了啦!！~，,\s]*$")


def is_colleague(text: str, start: int, name: str | None, colleagues: Iterable[str]) -> bool:
    """Whether the person named `name` at text[start:] is a member of the writer's organisation
    (`colleagues`: their full names): one of those names, or a member's surname when the message
    answers them at its start ("收到邓总 下周二我过去")."""
    if not name:
        return False
    members = [c for c in colleagues if c]
    if name in members:
        return True
    return _ANSWERED.fullmatch(text, 0, start) is not None and any(_surname(c) == name for c in members)


# How a rep names a boss of their own organisation by surname ("彭总", "周经理"), or answers them as an
# elder sister or brother ("周姐，今天下午刚去了一趟…", read as the name 周 with no title): a customer's
# person is named so too, so only a surname one boss has, opening the message, counts.
_BOSS_TITLES = frozenset(("总", "经理", "总监", "主管", "主任", "部长"))
_ELDER = re.compile(r"[姐哥](?![哥们俩])")


def opens_with_boss(
    text: str, start: int, name: str | None, title: str | None, bosses: Iterable[str]
) -> bool:
    """Whether the person named `name` and `title` at text[start:] opens the message and is, by surname
    and how one calls a boss, the one boss of the writer's organisation (`bosses`: full names) with
    that surname ("彭总昨天下午刚见过戴科长…", answering the manager 彭丽; "彭姐，…"): a colleague, not
    the customer's person."""
    if not name or text[:start].strip(" @＠"):
        return False
    elder = title is None and text.startswith(name, start) and _ELDER.match(text, start + len(name))
    if title not in _BOSS_TITLES and not elder:
        return False
    return sum(1 for boss in bosses if boss and _surname(boss) == name) == 1


# A colleague's full name that opens a message, as one addresses them: after an @ or alone, then a
# pause ("罗俊 X那单…", "@罗俊：…"), not as the subject of a report ("罗俊那个X", "罗俊说…").
_ADDRESS_END = re.compile(r"[\s,，:：、!！~]")
_LONGEST_NAME = 20  # characters of a full name as an organisation writes it ("Kevin Wang", 复姓)


def addressed_colleague(
    text: str, colleagues: Iterable[str], familiar: bool = False, bosses: Iterable[str] = ()
) -> str | None:
    """The member of the writer's organisation (`colleagues`: full names) the message opens by
    addressing ("罗俊 X那单价格我批了", or by the given name: "文涛 X那单…"): what follows is said to
    them, an instruction or a note between colleagues, not a contact with the customer. `familiar`
    and `bosses` as for `address_span`."""
    found = address_span(text, colleagues, familiar, bosses)
    return found[0] if found else None


def address_span(
    text: str, colleagues: Iterable[str], familiar: bool = False, bosses: Iterable[str] = ()
) -> tuple[str, int] | None:
    """The colleague the message opens by addressing and where the address ends in `text`.

    With `familiar`, also 小 or 老 before a colleague's surname ("小唐 X那单要是成了记得报给我": only
    where nothing else says the message reports a contact, as "小孟 今天来电话了" may be the customer's
    person); and a boss (`bosses`, colleagues too) by the surname and 总 ("段总 今天跟X电话过了一遍")."""
    head = text.lstrip().lstrip("@＠")
    skipped = len(text) - len(head)
    # The address ends at a pause: the few texts before a pause are looked up among the names, instead of
    # every colleague's name tried against the text (an organisation has thousands).
    forms = {
        head[: pause.start()]
        for pause in _ADDRESS_END.finditer(head, 0, _LONGEST_NAME + 1)
        if pause.start() >= _MIN_BRAND
    }
    if not forms:
        return None
    by_surname: dict[str, list[str]] = {}
    boss_names = frozenset(bosses)
    for name in colleagues:
        if len(name) < _MIN_BRAND:
            continue
        if name in forms:
            return name, skipped + len(name)
        if name[-2:] in forms and (given := given_name(name)) is not None and given in forms:
            return name, skipped + len(given)
        if _CJK_NAME.fullmatch(name):
            by_surname.setdefault(_surname(name), []).append(name)
    # As colleagues call each other: 小 or 老 before the surname ("小唐 X那单…"), or a boss by the
    # surname and 总 ("段总 今天跟X电话过了一遍"), when one colleague only has that surname.
    for form in sorted(forms, key=len):
        m = _FAMILIAR.fullmatch(form)
        if m is None or len(names := by_surname.get(m.group(1) or m.group(2), ())) != 1:
            continue
        if (familiar and m.group(1)) or (m.group(2) and names[0] in boss_names):
            return names[0], skipped + len(form)
    return None


_CJK_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}")
_FAMILIAR = re.compile(r"[小老]([\u4e00-\u9fff]{1,2})|([\u4e00-\u9fff]{1,2})总")


@dataclass(frozen=True, slots=True)
class BookContact:
    """A contact as the book holds it."""

    name: str | None
    title: str | None = None
    phone: str | None = None


@dataclass(frozen=True, slots=True)
class BookLead:
    """One lead the writer may see; `own` when it is the writer's own (own leads win ties)."""

    id: int
    company: str
    key: str
    city: str | None = None
    own: bool = True
    contacts: tuple[BookContact, ...] = ()
    products: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Link:
    """What a message names: the candidate lead ids (one when settled) and the contact met in each."""

    candidates: tuple[int, ...] = ()
    contacts: dict[int, BookContact] = field(default_factory=dict)
    # The other leads the name fits, set aside only because the one candidate holds a product the
    # message names: the writer is shown them, and may move the record to one.
    set_aside: tuple[int, ...] = ()

    @property
    def lead_id(self) -> int | None:
        return self.candidates[0] if len(self.candidates) == 1 else None


# A unit inside an organisation that a rep names after the customer's name (理化所, 质检科, 实验室, 设备处,
# 课题组): one to four characters of what it does, then the unit word.
_SUB_UNIT_WORDS = ("实验室", "课题组", "所", "科", "室", "处", "组")
_SUB_UNIT = re.compile(r"[\u4e00-\u9fffa-z0-9]{0,4}(?:" + "|".join(_SUB_UNIT_WORDS) + ")")


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


@cache
def _suffixes() -> tuple[str, ...]:
    words = {*org_suffixes(), *_KIND_WORDS}
    return tuple(sorted(words, key=len, reverse=True))


def _strip_suffix(name: str) -> str | None:
    """The name without its last organisation or industry word, or None when it ends in none."""
    for suffix in _suffixes():
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return None


def _in_order(short: str, name: str) -> bool:
    """Whether the characters of `short` all occur in `name`, in their order (律所 in 律师事务所)."""
    rest = iter(name)
    return all(ch in rest for ch in short)


def _has_both(company: str, brand: str, kind: str) -> bool:
    """Whether a full name holds the brand and, after it, the kind word."""
    folded = _fold(company)
    at = folded.find(_fold(brand))
    return at >= 0 and _fold(kind) in folded[at + len(brand) :]


# A mall is called by what it is (万象广场, 万象购物中心) while the book holds the company that runs it
# (X商业管理有限公司): the venue's kind and the operator's are one customer's.
_VENUES = ("广场", "商场", "购物中心", "购物广场", "商城", "天地", "奥莱", "奥特莱斯")
_VENUE_OPERATORS = ("商业管理", "商业运营", "商业发展", "商管", "商业经营", "商业投资")


def _venue_run_by(kind: str, company: str) -> bool:
    """Whether `kind` is a mall's and `company` is a mall operator (商业管理, 商业运营...)."""
    return kind in _VENUES and any(word in company for word in _VENUE_OPERATORS)


def _kind_of(name: str) -> str | None:
    """The organisation or industry word a company name ends with (legal form aside), if any."""
    key = company_key(name)
    shorter = _strip_suffix(key)
    return key[len(shorter) :] if shorter is not None else None


@cache
def _district_cities() -> dict[str, frozenset[str]]:
    """District, county and banner forms (徐汇区, 徐汇) -> the cities they belong to (鼓楼: several)."""
    out: dict[str, set[str]] = {}
    for city, forms in districts().by_city.items():
        for form in forms:
            if len(form) >= _MIN_BRAND:
                out.setdefault(form, set()).add(city)
    return {form: frozenset(cities) for form, cities in out.items()}


def _district_before(text: str, start: int) -> tuple[int, frozenset[str]]:
    """The district written right before text[start:] ("徐汇" in 徐汇恒丰): where it starts and the
    cities it belongs to; (start, empty) when none."""
    table = _district_cities()
    for length in range(min(districts().longest, start), _MIN_BRAND - 1, -1):
        cities = table.get(text[start - length : start])
        if cities is not None:
            return start - length, cities
    return start, frozenset()


# A district or county said as where the rep went, apart from the customer's name ("今天跑了趟上虞 鼎盛
# 那边…"): after a word of going or being there, before a pause or 那边. Its short form alone is often
# a word too (路桥, 长安), so only there; its full form (上虞区) anywhere.
_WENT_TO = re.compile(r"(?:去|到|在|回|来|趟)$")
_PLACE_PAUSE = re.compile(r"$|[\s\W_]|那边|这边|那儿|那里")


def travelled_places(text: str) -> frozenset[str]:
    """The cities of the districts or counties `text` says the writer went to or was in."""
    table, longest = _district_cities(), districts().longest
    found: set[str] = set()
    i = 0
    while i < len(text):
        for length in range(min(longest, len(text) - i), _MIN_BRAND - 1, -1):
            form = text[i : i + length]
            cities = table.get(form)
            if cities is None:
                continue
            full = len(form) > _MIN_BRAND and form.endswith(("区", "县", "旗"))
            went = _WENT_TO.search(text, max(0, i - 1), i) is not None
            if full or (went and _PLACE_PAUSE.match(text, i + length) is not None):
                found |= cities
            i += length - 1
            break
        i += 1
    return frozenset(found)


_PLACE_KINDS = ("区", "县", "旗", "镇", "街道")


def _place_in_a_name(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is a district or county (or its start), written with its kind, before a
    place inside it and more of a name ("苏州市姑苏区平江街道安泰…": 姑苏 is where that other customer is,
    not a name of the book's 姑苏区…康宁); a district said bare ("鼓楼实小"), alone, or before its body
    ("嘉陵区教科局") names the customer it is the short name of."""
    table = _district_cities()
    place = 0
    for length in range(min(districts().longest, len(text) - start), end - start - 1, -1):
        if text[start : start + length] in table and text[start : start + length].endswith(_PLACE_KINDS):
            place = length
            break
    zone = _ZONE.match(text, start)
    if not place and zone is not None and zone.end() >= end and zone.group().endswith(_PLACE_KINDS):
        place = zone.end() - start
    if not place:
        return False
    # ...and then a place inside it, written with its kind (平江街道, 小榄镇): a registered name of its own;
    # a kind word or a word said short right after the district is the district's body ("嘉陵区教科局")
    inner = _ZONE.match(text, start + place)
    return inner is not None and inner.group().endswith(_PLACE_KINDS) and inner.end() < len(text)


def _is_place(word: str) -> bool:
    return gazetteer().pattern.fullmatch(word) is not None


def _district_at(name: str, own: frozenset[str]) -> int:
    """Length of the district, county, town or zone `name` starts with (0: none): one of the lead's
    city (`own`, from the gazetteer), or one written with its kind (`_ZONE`)."""
    for length in range(min(districts().longest, len(name) - _MIN_BRAND), _MIN_BRAND - 1, -1):
        if name[:length] in own and not (length == _MIN_BRAND and _SHORE.match(name)):
            return length  # (海棠 of 海棠湾 is the start of the bay's name, not the district said alone)
    m = _ZONE.match(name)
    return m.end() if m and len(name) - m.end() >= _MIN_BRAND else 0


def _after_district(lead: BookLead) -> str:
    """The lead's key without the district of its city it starts with (嘉定区松园幼儿园 → 松园幼儿园)."""
    key = _fold(lead.key)
    own: frozenset[str] = frozenset()
    for place in {*company_places(lead.company), short_city(lead.city) or ""} - {""}:
        own |= districts().by_city.get(place, frozenset())
    length = _district_at(key, own)
    return key[length:] if length and key[:length] in own else key


def _brand_of(key: str) -> str:
    name = key
    while (shorter := _strip_suffix(name)) is not None:
        name = shorter
    return name


def _without_districts(company: str, key: str, city: str | None) -> str:
    """The key without the districts, towns and zones after its city (杭州临平恒丰印染 → 恒丰印染): a
    rep names the brand, never the district (恒丰, 恒丰印染)."""
    cities = {*company_places(company), short_city(city) or ""} - {""}
    own: frozenset[str] = frozenset()
    for place in cities:
        own |= districts().by_city.get(place, frozenset())
    bare = key
    for _ in range(3):  # 顺德区容桂镇: a town in a district
        length = _district_at(bare, own)
        if not length:
            break
        if bare[:length] in own:
            # The gazetteer's districts are all of one level: none is inside another, so the one
            # after it starts the brand (柳江区三江口养殖 → 三江口养殖, not 口养殖), and only a town or a
            # zone written with its kind may follow (顺德区容桂镇).
            own = frozenset()
        bare = bare[length:]
    if (
        bare.startswith(_PORT)
        and company_places(company)
        and not base_word_freq(bare[: len(_PORT) + 1])
        and len(_brand_of(bare[len(_PORT) :])) >= _MIN_BRAND
    ):
        # The city's port said after it is a place, as a district is (唐山港旺达运输 → 旺达运输; not
        # 港口, 港务, 港湾 that start a word, nor 港华燃气 whose brand would be one character).
        bare = bare[len(_PORT) :]
    towns_only = any(c in gazetteer().cities and c not in districts().by_city for c in cities)
    if bare == key and towns_only and len(_brand_of(key)) >= 2 * _MIN_BRAND:
        # A city without districts is divided into towns (the gazetteer has none of them): a brand
        # of four characters or more after it starts with its town (东莞长安伟业电子 → 伟业电子).
        bare = key[_MIN_BRAND:]
    return bare


def _short_forms(key: str, city: str | None) -> set[str]:
    """The short forms of a key: without its industry words, ordinal and district, its brand."""
    out = {key}
    name, ordinal, institution, kind = key, None, False, None
    while (shorter := _strip_suffix(name)) is not None:
        institution = institution or name.endswith("院")
        kind = kind or name[len(shorter) :]
        name = shorter
        out.add(name)
        if (m := _ORDINAL.search(name)) and len(name) > len(m.group()):
            ordinal, name = m.group(1), name[: m.start()]
            out.add(name)
    places = [name]
    for district in _DISTRICT:
        if name.endswith(district) and len(name) - len(district) >= _MIN_BRAND:
            places.append(name[: -len(district)])
            break
    out.update(places)
    if ordinal and institution:
        out.update(f"{place}{ordinal}院" for place in places)
    brand = places[-1]
    if len(brand) >= _MIN_BRAND and brand not in _GENERIC:
        if city:
            out.add(f"{_fold(city)}{brand}")
        if kind and not ordinal:
            # The brand with what the customer is, the words between dropped (嘉禾中心小学 → 嘉禾小学).
            out.add(f"{brand}{kind}")
    # A brand is two characters or more, and the industry words after it outnumber any list of
    # them (宏远海洋科技, 鸿基文旅置业, 金港油品储运, 鲜果汇水果): reps say the brand alone, its first
    # two or three characters.
    heads = [brand]
    if (both := _TWO_SCRIPTS.fullmatch(brand)) is not None:
        # A brand in two scripts (TPK泰普康, 维立康Vitalink): reps say either half alone, and the
        # Chinese half without the industry words after it as the brand's own (BESTA贝斯塔工具 → 贝斯塔).
        out.update(half for half in both.groups() if half)
        heads += [half for half in both.groups() if half and _CJK_CHAR.match(half[0])]
    for name in heads:
        # (not the start of a subdistrict said before the brand: 文昌街道X is no customer called 文昌)
        zone = _ZONE.match(name)
        within = zone.end() if zone is not None and zone.group().endswith(_SUBDISTRICT) else 0
        for length in (_MIN_BRAND, _MIN_BRAND + 1):
            head = name[:length]
            if (
                len(name) > length
                and length > within
                and not _ORDINAL.search(head)
                and all(_CJK_CHAR.match(c) for c in head)
            ):
                out.add(head)
    return out


# A brand of a Latin word and a Chinese one, in either order; the Latin word three letters or more
# (a pair of letters alone is too often an abbreviation of something else).
_TWO_SCRIPTS = re.compile(
    r"([a-z][a-z0-9&-]{2,})([\u4e00-\u9fff]{2,})|([\u4e00-\u9fff]{2,})([a-z][a-z0-9&-]{2,})"
)


# A body of a trade (医疗器械行业协会, 家具商会, 智造产业联盟): what follows its trade words.
_ASSOCIATION = re.compile(r"(?:行业|产业)?(协会|商会|学会|联合会|促进会|研究会|委员会|联盟)$")


def _association_short(key: str) -> str | None:
    """The short form of a trade's association: the last word of its trade, two characters, and
    the organisation word, the trade qualifiers dropped (医疗器械行业协会 → 器械协会, 建筑装饰协会 →
    装饰协会): the first word of a trade is its sector, the last what it is about. Only for trade
    words of two words or more (律师协会 is its own short name)."""
    m = _ASSOCIATION.search(key)
    if m is None:
        return None
    trade = key[: m.start()]
    tail = trade[-_MIN_BRAND:]
    if len(trade) < 2 * _MIN_BRAND or not all(_CJK_CHAR.match(c) for c in tail) or _is_place(tail):
        return None
    return f"{tail}{m.group(1)}"


# A city's public hospital named by its kind alone (无锡市第二人民医院, 南京市中医院, 宁波市妇幼保健院): the
# key after the city, its ordinal and its kind.
_CITY_HOSPITAL = re.compile(
    r"(?:第(?P<n>[一二三四五六七八九十]{1,3}))?(?P<kind>人民|中医|中西医结合|妇幼保健|儿童)?(?:医院|院)"
)
# The common short forms of such a hospital's kind, after its city (杭州人医, 南京中医院, 宁波妇幼).
_HOSPITAL_KIND_SHORT = {
    "人民": ("人医", "人民医院"),
    "中医": ("中医院", "中医医院"),
    "中西医结合": ("中西医结合医院",),
    "妇幼保健": ("妇幼", "妇幼保健院"),
    "儿童": ("儿童医院", "儿院"),
}


def _city_hospital_forms(company: str, key: str, city: str | None) -> set[str]:
    """How reps call a city's public hospital named by its kind alone: the city, said with or
    without 市, then the ordinal and 院 (无锡市第二人民医院 → 无锡二院, 无锡市二院, 无锡第二医院) or the
    kind's short form (杭州市人民医院 → 杭州人医, 南京市中医院 → 南京中医院)."""
    m = _CITY_HOSPITAL.fullmatch(key)
    if m is None or not (m.group("n") or m.group("kind")):
        return set()
    cities = {*company_places(company), short_city(city) or ""} - {""}
    heads = [f"{c}{suffix}" for c in cities for suffix in ("", "市")]
    return {f"{head}{tail}" for head in heads for tail in _hospital_tails(m)}


def _hospital_tails(m: re.Match[str]) -> list[str]:
    """How a public hospital matched by `_CITY_HOSPITAL` is said after its place: the ordinal and 院
    (二院, 第二医院, 第二院, 第二中医医院), or its kind's short forms (人医, 中医院)."""
    if n := m.group("n"):
        tails = [f"{n}院", f"第{n}医院", f"第{n}院"]
        if kind := m.group("kind"):
            tails.append(f"第{n}{kind}医院")
        return tails
    return list(_HOSPITAL_KIND_SHORT[m.group("kind")])


def _district_hospital_forms(key: str) -> set[str]:
    """A district's or county's public hospital named by its kind alone, as reps call it: the district
    said with or without its kind, then the hospital as a city's is said (萧山区人民医院 → 萧山人民医院,
    萧山人医; 德清县中医院 → 德清中医院; 吴江区第一人民医院 → 吴江一院)."""
    for district in _DISTRICT:
        at = key.find(district)
        if at < _MIN_BRAND:
            continue
        m = _CITY_HOSPITAL.fullmatch(key, at + len(district))
        if m is None or not (m.group("n") or m.group("kind")):
            continue
        place = key[:at]
        return {f"{head}{tail}" for head in (place, place + district) for tail in _hospital_tails(m)}
    return set()


# A numbered school (第五中学, 第二小学校, 第三实验小学, 第一幼儿园) as people call it: its number and the
# first character of its kind (五中, 二小, 三实小, 一幼), after its district or, with none, its city.
_NUMBERED_SCHOOL = re.compile(
    r"(?P<place>.*?)第(?P<n>[一二三四五六七八九十]{1,3})(?P<kind>中学校?|实验小学校?|小学校?|幼儿园)"
)
_SCHOOL_KIND_SHORT = {"中学": "中", "实验小学": "实小", "小学": "小", "幼儿园": "幼"}
# Public bodies by their common abbreviations (重庆市永川区教育委员会 → 永川教委, 三台县教育和体育局 →
# 三台教体局), said after their district, county or city: the first characters of the words of what it does.
_BODY_SHORT = {
    "教育委员会": ("教委",),
    "教育和体育局": ("教体局",),
    "教育体育局": ("教体局",),
    "卫生健康委员会": ("卫健委",),
    "卫生健康局": ("卫健局",),
    "卫生和计划生育委员会": ("卫计委",),
    "发展和改革委员会": ("发改委",),
    "发展改革委员会": ("发改委",),
    "发展和改革局": ("发改局",),
    "经济和信息化委员会": ("经信委",),
    "经济和信息化局": ("经信局",),
    "住房和城乡建设局": ("住建局",),
    "住房和城乡建设委员会": ("住建委",),
    "人力资源和社会保障局": ("人社局",),
    "市场监督管理局": ("市监局", "市场监管局"),
    "文化和旅游局": ("文旅局",),
    "文化广电和旅游局": ("文广旅局",),
    "自然资源和规划局": ("自规局", "资规局"),
    "交通运输局": ("交通局",),
    "应急管理局": ("应急局",),
    "科学技术局": ("科技局",),
    "农业农村局": ("农业局",),
    "生态环境局": ("环保局",),
    "城市管理局": ("城管局",),
    "城市管理和综合执法局": ("城管局", "城管执法局"),
    "城市管理综合执法局": ("城管局", "城管执法局"),
    "综合行政执法局": ("执法局",),
    "公共资源交易中心": ("交易中心",),
    # a zone's or a scenic area's own administration (X经济技术开发区管理委员会 → X开发区管委会)
    "管理委员会": ("管委会",),
    # (public health and testing bodies: 成都市疾病预防控制中心 → 成都疾控, 成都市疾控中心)
    "疾病预防控制中心": ("疾控", "疾控中心"),
    "产品质量监督检验研究院": ("质检院",),
    "产品质量监督检验院": ("质检院",),
    "药品检验所": ("药检所",),
    "药品检验研究院": ("药检院",),
}
_BODY = re.compile(f"(?P<place>.*?)(?P<body>{'|'.join(sorted(_BODY_SHORT, key=len, reverse=True))})")
# A development zone as people call it (上饶经济技术开发区 → 上饶开发区, 上饶经开区; 高新技术产业开发区 →
# 高新区): its place said before the short form; the short form alone is every city's.
_ZONE_SHORT = {
    "经济技术开发区": ("经开区", "开发区", "经济开发区"),
    "经济开发区": ("经开区", "开发区"),
    "高新技术产业开发区": ("高新区", "高新开发区"),
    "高新技术开发区": ("高新区",),
}
# Every public body's abbreviation and kind said bare (城管局, 管委会, 城市管理局): one in every town,
# so no name of one lead; a span that is nothing else names the book's leads of that body (asked about
# when two are), never a new customer called 城管局.
_BARE_BODIES = frozenset({*_BODY_SHORT, *(t for tails in _BODY_SHORT.values() for t in tails)})


def _zones_said(place: str) -> set[str]:
    """A place ending with a development zone also said by the zone's short forms (`_ZONE_SHORT`)."""
    out = {place}
    for zone, shorts in _ZONE_SHORT.items():
        if place.endswith(zone):
            out.update(place[: -len(zone)] + short for short in shorts)
            break
    return out


def _places_said(company: str, place: str, city: str | None) -> set[str]:
    """How the place before a school's number or a body's kind is said: the district or county with
    or without its kind (永川区, 永川); with none written, the city with or without 市 (德阳市第五中学 →
    德阳, 德阳市)."""
    cities = {*company_places(company), short_city(city) or ""} - {""}
    if place in _DISTRICT:
        # a county of its city's name, the city dropped from the key (长沙县教育和体育局 → 县教育和体育局)
        return {f"{c}{place}" for c in cities}
    if place:
        out = set()
        for said in _zones_said(place):
            if said != place and said in {z for shorts in _ZONE_SHORT.values() for z in shorts}:
                # a zone of its city said short (经济技术开发区 → 上饶开发区): the city before it
                out.update(f"{c}{suffix}{said}" for c in cities for suffix in ("", "市"))
                continue
            out.add(said)
            for district in _DISTRICT:
                if said.endswith(district) and len(said) - len(district) >= _MIN_BRAND:
                    out.add(said[: -len(district)])
                    break
        return out
    return {f"{c}{suffix}" for c in cities for suffix in ("", "市")}


def _numbered_bare(key: str) -> set[str]:
    """A numbered school from twenty up said by its number alone (四十七中): a school of one big city,
    which its reps say bare (a suffix of the organisation words, so added past their filter)."""
    m = _NUMBERED_SCHOOL.fullmatch(key)
    if m is None or len(m.group("n")) < 2 or m.group("n").startswith("十"):
        return set()
    return {f"{m.group('n')}{_SCHOOL_KIND_SHORT[m.group('kind').removesuffix('校')]}"}


def _numbered_forms(company: str, key: str, city: str | None) -> set[str]:
    """A numbered school's and a public body's short names (德阳五中, 郫都四中, 永川教委); never the
    number or the abbreviation alone (五中, 教委 name one in every town)."""
    if m := _NUMBERED_SCHOOL.fullmatch(key):
        kind = m.group("kind").removesuffix("校")
        tails = [f"{m.group('n')}{_SCHOOL_KIND_SHORT[kind]}"]
    elif m := _BODY.fullmatch(key):
        tails = list(_BODY_SHORT[m.group("body")])
        if m.group("body") == "管理委员会" and any(m.group("place").endswith(z) for z in _ZONE_SHORT):
            tails.append("")  # (a zone's administration is called by the zone: 上饶开发区)
    else:
        return set()
    return {f"{place}{tail}" for place in _places_said(company, m.group("place"), city) for tail in tails}


def _bare_bodies(key: str) -> frozenset[str]:
    """The public body a key ends with, as said bare (城市管理局, 城管局): see `_BARE_BODIES`."""
    m = _BODY.fullmatch(key)
    return frozenset({m.group("body"), *_BODY_SHORT[m.group("body")]}) if m else frozenset()


# A university of a four-character name said by the first character of each half and 大 (华东师范大学 →
# 华师大), alone or before its school (华师大外语学院, 华师大外语): reps name a university's school so.
_UNIVERSITY = re.compile(r"(?P<name>[\u4e00-\u9fff]{4})大学(?P<school>[\u4e00-\u9fff]{2,8}?学院)?")


def _university_forms(key: str) -> set[str]:
    """A university's and its school's short names by the university's abbreviation (华师大, 华师大外语学院);
    the school alone is no name of its own (every university has an 外语学院)."""
    if (m := _UNIVERSITY.fullmatch(key)) is None:
        return set()
    short = f"{m.group('name')[0]}{m.group('name')[2]}大"
    school = m.group("school")
    return {short} if school is None else {short, f"{short}{school}", f"{short}{school.removesuffix('学院')}"}


# The office of a subdistrict, town or township itself (东湖街道办事处, 黄村街社区卫生服务中心, 石桥镇卫生院):
# the place is its name. Reps say the place bare or with its kind, alone or before the office said short
# (东湖街道, 东湖街办, 黄村社卫, 石桥卫生院); the office's short forms, longest first.
_PLACE_OFFICES = {
    "街道办事处": ("街道办事处", "街道办", "街办", "街道"),
    "办事处": ("办事处", "办"),
    "社区卫生服务中心": ("社区卫生服务中心", "卫生服务中心", "社区卫生中心", "社卫中心", "社卫", "社区医院"),
    "卫生服务中心": ("卫生服务中心", "社区卫生服务中心", "社卫中心", "社卫", "社区医院"),
    "卫生院": ("卫生院",),
    "便民服务中心": ("便民服务中心", "便民中心"),
    # a town's or township's government is its place's (溪口镇人民政府 → 溪口镇, 溪口镇政府)
    "人民政府": ("人民政府", "政府"),
    "政府": ("政府", "人民政府"),
}
_PLACE_OFFICE = re.compile(
    r"(?P<place>.*?)(?P<office>" + "|".join(sorted(_PLACE_OFFICES, key=len, reverse=True)) + ")"
)
_PLACE_OWN = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,4}?)(?P<kind>街道|街|镇|乡)")


def _place_office_forms(company: str, key: str, city: str | None) -> set[str]:
    """How reps call the office of a subdistrict, town or township (武昌区东湖街道办事处 → 东湖, 东湖街道,
    东湖街办; 雨花区黄村街社区卫生服务中心 → 黄村, 黄村街, 黄村社卫): the office is nothing but its place's,
    so the place's name is the brand, which `_without_districts` strips as a place before a name."""
    m = _PLACE_OFFICE.fullmatch(key)
    if m is None:
        return set()
    head, office = m.group("place"), m.group("office")
    if office == "街道办事处":
        head += _SUBDISTRICT
    elif office == "办事处" and head.endswith(_SUBDISTRICT):
        office = "街道办事处"
    own = _PLACE_OWN.fullmatch(_without_districts(company, head, city)) if head else None
    if own is None:
        return set()  # (an office named by a brand, 康宁社区卫生服务中心, has its brand's forms)
    name, kind = own.group("name"), own.group("kind")
    if name in _GENERIC or _is_place(name) or _ORDINAL.search(name):
        return set()
    offices = _PLACE_OFFICES[office]
    out = {name, f"{name}{kind}", *(f"{name}{said}" for said in offices)}
    if not office.startswith(_SUBDISTRICT):  # (the subdistrict's own office says its kind: 东湖街道办)
        out.update(f"{name}{kind}{said}" for said in offices)
    return out


# A chain's outlet named by the road it stands on, after its city (某油济南经十路加油站, 某超市福州五四路店):
# reps call it by the road and the outlet's kind said short (经十路站, 五四路店), the chain's brand before
# it or not; a road alone names many places.
_OUTLET = re.compile(
    r"(?P<road>[\u4e00-\u9fff]{2,4}(?:大道|大街|路|街))(?P<kind>加油站|加气站|充电站|服务站|门店|分店|店)"
)
_OUTLET_SHORT = {
    "加油站": "站", "加气站": "站", "充电站": "站", "服务站": "站", "门店": "店", "分店": "店", "店": "店",
}  # fmt: skip


def _outlet_forms(key: str, city: str | None) -> set[str]:
    """A chain's outlet said by its road (`_OUTLET`): the road with its kind, full or short, with or
    without the chain's brand before it; only when the city written between them tells brand and road
    apart."""
    place = short_city(city) if city else None
    at = key.find(place) if place else -1
    if place is None or at <= 0:
        return set()
    brand, rest = key[:at], key[at + len(place) :].removeprefix("市")
    m = _OUTLET.fullmatch(rest)
    if m is None or len(brand) < _MIN_BRAND:
        return set()
    road, kind = m.group("road"), m.group("kind")
    said = {f"{road}{kind}", f"{road}{_OUTLET_SHORT[kind]}"}
    return said | {f"{brand}{name}" for name in said}


def _after_shore(name: str) -> str | None:
    """The name after a bay, island or beach it starts with (`_SHORE`), when a coined brand follows
    (亚龙湾金棕榈酒店 → 金棕榈酒店); None otherwise."""
    m = _SHORE.match(name)
    if m is None:
        return None
    rest = name[m.end() :]
    brand = _brand_of(rest)
    if (
        len(brand) < _MIN_BRAND
        or not all(_CJK_CHAR.match(c) for c in brand)
        or brand in _GENERIC
        or brand in _suffixes()
        or _is_place(brand)
        or base_word_freq(brand) >= _COMMON
    ):
        return None
    return rest


def _district_said_short(key: str, bare: str, brand: str) -> set[str]:
    """The district before the brand said without its kind (沈阳市铁西区康宁口腔 → 铁西康宁): reps name a
    customer of a district by both, the district short as people say it; the brand also by its first
    two or three characters, as alone (和平区康宁家政 → 和平康宁)."""
    if len(brand) < _MIN_BRAND or not key.endswith(bare) or not bare.startswith(brand):
        return set()
    place = key[: len(key) - len(bare)]
    heads = {brand, *(brand[:n] for n in (_MIN_BRAND, _MIN_BRAND + 1) if len(brand) > n)}
    for district in _DISTRICT:
        if place.endswith(district) and len(place) - len(district) >= _MIN_BRAND:
            return {
                f"{place[: -len(district)]}{head}" for head in heads if all(_CJK_CHAR.match(c) for c in head)
            }
    return set()


# The last character of an estate's or a building's name (锦绣华庭, 翠湖花园, 滨江名苑, 中信广场).
_ESTATE_ENDS = frozenset("庭园苑府馆庄城村厦场湾居邸墅")


def _after_bare_town(key: str, bare: str) -> str | None:
    """The key after a town written bare after its district (顺德区容桂碧涛中学 → 碧涛中学): the gazetteer
    has no towns, so a brand of four characters or more after a district may start with one, as after a
    city divided into towns (see _without_districts); kept besides the whole, and only when what is left
    is a rare word of its own (not 新城物业 of 珠江新城物业, whose 新城 would name anyone's) and no estate's
    or building's ending (锦绣华庭, 翠湖花园: one name, its 华庭 any estate's)."""
    if bare == key or len(_brand_of(bare)) < 2 * _MIN_BRAND:
        return None
    rest = bare[_MIN_BRAND:]
    brand = _brand_of(rest)
    if len(brand) < _MIN_BRAND or brand in _GENERIC or base_word_freq(brand[:_MIN_BRAND]) >= _COMMON:
        return None
    if brand[_MIN_BRAND - 1] in _ESTATE_ENDS:
        return None
    return rest


def _after_own_county(company: str, key: str) -> str | None:
    """The key after the county of its city's own name, for a firm (新乡县X棉纺织有限公司 → X棉纺织): reps
    drop the county as they drop the city. A public body keeps it (长沙县教体局 is not the city's)."""
    if not key.startswith("县") or len(key) <= 1 + 2 * _MIN_BRAND or not _FIRM.search(company):
        return None
    return key[1:]


_FIRM = re.compile(r"(?:有限(?:责任)?公司|股份公司|公司|厂|合作社)$")


@cache
def company_aliases(company: str, key: str, city: str | None) -> tuple[str, ...]:
    """The names a rep may use for this company: full, folded key, and its short forms, also
    without the district after its city (杭州萧山新叶食品 → 新叶食品, 新叶)."""
    out = {_fold(company), key, company_key(company)}
    out |= _short_forms(key, city)
    bare = _without_districts(company, key, city)
    brand = _brand_of(bare)
    if bare != key and brand not in _GENERIC and brand not in _suffixes():
        # Only a brand of its own: 航空港区实验学校 is the 实验学校 of its district, not 实验, and
        # 万达新城商业管理 is 万达新城's, no brand 商业 after a place.
        out |= _short_forms(bare, city)
        out |= _district_said_short(key, bare, brand)
    if (town := _after_bare_town(key, bare)) is not None:
        out |= _short_forms(town, city)
    if (county := _after_own_county(company, key)) is not None:
        out |= _short_forms(county, city)
    for name in {key, bare}:
        if (rest := _after_shore(name)) is not None:
            out |= _short_forms(rest, city)
    if (association := _association_short(bare)) is not None:
        out.add(association)
    out |= _city_hospital_forms(company, key, city)
    out |= _district_hospital_forms(key)
    out |= _numbered_forms(company, key, city)
    out |= _university_forms(key)
    out |= _place_office_forms(company, key, city)
    out |= _outlet_forms(key, city)
    generic = {*_GENERIC, *_suffixes()}
    kept = {a for a in out if len(a) >= _MIN_BRAND and a not in generic and not _is_place(a)}
    return tuple(kept | _numbered_bare(key))


@cache
def _industry_words() -> frozenset[str]:
    """Industry words a brand may also be (智联, 智造, 数科): the organisation suffixes a short name
    drops (strength 1), but never the kinds a short name always drops (物流, 工程)."""
    return frozenset(w for w, s in org_suffixes().items() if s == 1 and len(w) >= _MIN_BRAND) - set(
        _KIND_WORDS
    )


# Legal forms after which a registered name says no industry (西溪云帆有限公司: the brand may be all
# four characters); anything else after the key (科技, 实业, 半导体) tells where the brand ends.
_LEGAL_ONLY = re.compile(r"(?:股份|集团|控股)?(?:有限责任公司|股份有限公司|有限公司|公司|集团)?")
# How long a named area without its kind (张江, 西溪, 中关村) may be.
_AREA = (2, 3)
# Below this count in jieba's dictionary a word is rare enough to be a brand (智联: 39; 物业: 1,000s).
_RARE = 100
# From this count a word after an area is the language's (物业 239, 明珠 686, 海洋 4,068), not a coined
# brand (星辰 116, 远航 155, 华远 13): a registered name may well use a word of the dictionary.
_COMMON = 200


def _brand_before_industry(company: str, key: str, name: str) -> str | None:
    """The brand `name` (a tail of `key`) starts with when an industry word follows it, in `name`
    or after the key in the registered name (西溪云帆 + 科技有限公司); the brand may itself be an
    industry word (智联 of 智联物流). None when no industry word follows."""
    brand = _brand_of(name)
    folded = _fold(company)
    at = folded.find(key)
    tail = folded[at + len(key) :] if at >= 0 else ""
    if brand == name and _LEGAL_ONLY.fullmatch(tail):
        return None
    return brand


@cache
def brand_words(company: str, key: str, city: str | None) -> tuple[str, ...]:
    """Brands of this company that are also industry words (北京智联科技 → 智联; 天津滨海智联物流,
    滨海 a district of its city → 智联; 太原清徐热电后勤服务 → 热电, a rare trade before what the firm does,
    see `_industry_then_work`): the aliases drop every organisation word, yet a rep names such a
    customer by it. They name it only where the word stands alone (see `LeadBook`)."""
    out = set()
    for name in {key, _without_districts(company, key, city)}:
        brand = _brand_before_industry(company, key, name)
        if brand is not None and brand in _industry_words():
            out.add(brand)
        if (head := _industry_then_work(name)) is not None:
            out.add(head)
    return tuple(sorted(out))


@cache
def place_brand(company: str, key: str, city: str | None) -> str | None:
    """The brand after a named area that is no district (上海张江芯跃半导体 → 芯跃, 杭州西溪云帆科技 →
    云帆): the name says its city, then a two-character area, then a brand of two characters, then
    an industry word; or an area of up to three characters before a brand that is itself an industry
    word (北京中关村智联科技 → 智联), or after a three-character area that is a word of its own (上海北外滩
    瑞景广场管理 → 瑞景); or a rare industry word after the area before what the firm does
    (宁波穿山港务后勤服务 → 港务). Weaker than the other aliases (东方明珠科技 reads the same way), so
    `LeadBook` never lets it settle a lead against another that has the word: both are asked about."""
    if _fold(company).find(key) <= 0 or _without_districts(company, key, city) != key:
        return None  # no city written before the key, or a district after it (handled as such)
    for area in _AREA:
        rest = key[area:]
        known = area == _AREA[0] or base_word_freq(key[:area]) > 0  # (see the longer area below)
        if known and (head := _industry_then_work(rest)) is not None:
            return head
        brand = _brand_before_industry(company, key, rest)
        if brand is None or not all(_CJK_CHAR.match(c) for c in brand):
            continue
        if brand in _industry_words():
            if brand == rest and base_word_freq(brand) < _RARE:
                return brand  # a rare word (智联), unlike 物业 or 医药 that say what it does
            continue
        if len(brand) != _MIN_BRAND or brand in _suffixes():
            continue
        if area != _AREA[0] and not base_word_freq(key[:area]):
            continue  # a longer area is one the language knows (北外滩, 中关村), not a brand's start
        if (
            brand in _GENERIC
            or _is_place(brand)
            or _ORDINAL.search(brand)
            or base_word_freq(brand) >= _COMMON
        ):
            continue  # a word of the language (物业, 海洋) is the industry, not a coined brand
        return brand
    return None


def _industry_then_work(rest: str) -> str | None:
    """The rare industry word a name after its area starts with, when a word of the language that says
    what the firm does for it follows and nothing else (穿山港务后勤 → 港务, as 港务 后勤服务): a name with
    no coined brand is called by its rare trade (港务那边), as one whose trade is all its name (智联)."""
    for length in range(len(rest) - _MIN_BRAND, _MIN_BRAND - 1, -1):
        head, work = rest[:length], rest[length:]
        if head not in _industry_words() or base_word_freq(head) >= _RARE:
            continue
        if work not in _suffixes() and base_word_freq(work) >= _COMMON:
            return head
    return None


def _surname(name: str) -> str:
    return name[:2] if name[:2] in surnames() else name[0]


_DOT = re.compile(r"[·•・]")


@cache
def contact_aliases(name: str | None, title: str | None) -> tuple[str, ...]:
    """How a rep names this contact: the full name, or the surname with the title or its ending."""
    if not name:
        return ()
    name = _fold(name)
    out = {name} if len(name) >= _MIN_BRAND else set()
    # A transliterated full name ("艾力·卡德尔") is called by its given part, before the middle dot.
    given = _DOT.split(name)[0] if _DOT.search(name) else ""
    if len(given) >= _MIN_BRAND:
        out.add(given)
    if title:
        title = _fold(title)
        surname = given if len(given) >= _MIN_BRAND else _surname(name)
        endings = {title, *(t for t in titles() if title.endswith(t))}
        if _BOSS in title:
            endings.add(_BOSS)
        if _BOARD in title:
            endings.add(_BOARD_SHORT)
        out.update(f"{surname}{ending}" for ending in endings)
        out.update(f"{name}{ending}" for ending in endings)
    return tuple(out)


def _contact_surname(name: str | None) -> str | None:
    """The surname a contact is called by, for a full Han name (not for 沈 alone or Linda)."""
    if not name or len(name) < _MIN_BRAND or not _CJK_CHAR.match(name):
        return None
    return _surname(_fold(name))


def _digits(phone: str | None) -> str | None:
    digits = "".join(ch for ch in phone or "" if ch.isdigit())
    return digits or None


def _hits(text: str, table: dict[str, set[int]], longest: int) -> list[tuple[int, int, str]]:
    """(start, end, alias) of the longest aliases in `text`, left to right, not overlapping."""
    found: list[tuple[int, int, str]] = []
    i, n = 0, len(text)
    while i < n:
        for length in range(min(longest, n - i), _MIN_BRAND - 1, -1):
            piece = text[i : i + length]
            if piece in table:
                found.append((i, i + length, piece))
                i += length
                break
        else:
            i += 1
    return found


class LeadBook:
    """What one writer's book holds, indexed for linking a message to one of its leads."""

    def __init__(self, leads: Iterable[BookLead]) -> None:
        self.leads: dict[int, BookLead] = {}
        self._names: dict[str, set[int]] = {}
        self._people: dict[str, set[int]] = {}
        self._by_surname: dict[str, dict[int, BookContact]] = {}
        self._contact_of: dict[tuple[int, str], BookContact] = {}
        self._phones: dict[str, set[int]] = {}
        self._bodies: dict[str, set[int]] = {}  # a public body said bare (城管局) -> the leads of that body
        # Names that are also industry words (智联): they name a lead only where they stand alone.
        self._alone: set[str] = set()
        # Brands after an area (张江芯跃 → 芯跃): names of the lead, shared with any other lead's.
        self._weak: dict[str, set[int]] = {}
        self._table: dict[str, set[int]] | None = None
        self._sorted_names: list[str] = []  # the table's names in order, for prefix look-ups
        self._longest_name = self._longest_person = 0
        for lead in leads:
            self.add(lead)

    def add(self, lead: BookLead) -> None:
        self.leads[lead.id] = lead
        self._table = None
        for alias in company_aliases(lead.company, lead.key, lead.city):
            self._names.setdefault(alias, set()).add(lead.id)
            self._longest_name = max(self._longest_name, len(alias))
        for word in brand_words(lead.company, lead.key, lead.city):
            self._alone.add(word)
            self._names.setdefault(word, set()).add(lead.id)
            self._longest_name = max(self._longest_name, len(word))
        for body in _bare_bodies(_fold(lead.key)):
            self._bodies.setdefault(body, set()).add(lead.id)
        if (brand := place_brand(lead.company, lead.key, lead.city)) is not None:
            self._weak.setdefault(brand, set()).add(lead.id)
            self._longest_name = max(self._longest_name, len(brand))
            if brand in _industry_words():
                self._alone.add(brand)
        for contact in lead.contacts:
            for alias in contact_aliases(contact.name, contact.title):
                self._people.setdefault(alias, set()).add(lead.id)
                self._contact_of.setdefault((lead.id, alias), contact)
                self._longest_person = max(self._longest_person, len(alias))
            if surname := _contact_surname(contact.name):
                self._by_surname.setdefault(surname, {}).setdefault(lead.id, contact)
            if phone := _digits(contact.phone):
                self._phones.setdefault(phone, set()).add(lead.id)

    def link(
        self,
        text: str,
        *,
        company: str | None = None,
        city: str | None = None,
        phone: str | None = None,
        contact_name: str | None = None,
        contact_title: str | None = None,
        products: Iterable[str] = (),
    ) -> Link:
        """The leads `text` names. With `company` (the span the extractor read as a customer) only
        that span is searched for a name: a company the book does not know is a new customer, and
        another customer mentioned beside it ("照着给X做的方案") must not pull the message over.
        `products`: the catalog's products the message names, which settle two candidates when only
        one of them holds one."""
        folded = _fold(text)
        people = self._people_in(folded, contact_name, contact_title)
        by_phone = self._phones.get(_digits(phone) or "", set())
        places: set[str] = set()
        other_kind: set[int] = set()
        if company:
            names = self._names_in(_fold(company), places=places)
        else:
            names = self._names_in(folded, strict=True, places=places)
        kind = _kind_of(company) if company else None
        rejected: set[int] = set()
        other_kind: set[int] = set()
        if kind:
            # "重庆巴山冷链物流" is not 巴山医院: a span that says what kind of organisation it is must
            # say the lead's kind (去了趟无锡华康医药 → 无锡华康医药有限公司).
            # A span that is itself one of the lead's names says its kind short (永川教委: 永川区教育委员会).
            span = _fold(company)
            rejected = {
                i
                for i in names
                if kind not in _fold(self.leads[i].company)
                and not _venue_run_by(kind, self.leads[i].company)
                and not self._is_name_of(span, i)
                and not self._kind_said_short(span, kind, i)
                and not self._sub_unit_of(span, i)
            }
            names -= rejected
            # (a kind said short, 律所 for 律师事务所 or 二院 for 第二人民医院, may still be the lead's)
            other_kind = {i for i in rejected if not _in_order(kind, _fold(self.leads[i].company))}
        if by_phone:
            candidates = set(by_phone)
        elif names:
            candidates = names
        elif company and (bodies := self._bodies.get(_fold(company), set())):
            # A public body said bare (城管局那边…): the book's leads of that body, asked about when two
            # are; no new customer called by what every town has.
            candidates = set(bodies)
        elif company:
            # The span is no customer of the book; one named elsewhere counts only when its contact
            # is named too ("南山那边刁经理说照着给X做的那套配"): two words that agree are no accident.
            candidates = self._names_in(folded) & set(people)
            if kind and candidates & rejected:
                # A lead whose full name holds the span's brand and then its kind, a place between
                # ("海风民宿" for 厦门曾厝垵海风民宿管理有限公司), is the one meant rather than a lead of
                # another kind the brand names (厦门海风咖啡贸易), when its contact is named too.
                brand = company_key(company)[: -len(kind)]
                fitting = {
                    i
                    for i in people
                    if len(brand) >= _MIN_BRAND and _has_both(self.leads[i].company, brand, kind)
                }
                candidates = fitting or candidates
            if not candidates:
                span = _fold(company)
                candidates = {i for i in people if self._slip_of(span, i) or self._contracted_of(span, i)}
            if not candidates:
                # The lead's own school or unit said alone, its contact named too ("蔺处带着外语学院两个
                # 老师来了" for 某大学外语学院 whose 蔺处长 is in the book): the end of its full name.
                # Or the end of its name without the legal form, an area before it that is no
                # district the gazetteer knows ("吕总在顺达物流园" for 武汉临空港顺达物流园有限公司).
                span = _fold(company)
                candidates = {
                    i
                    for i in people
                    if len(span) >= 4
                    and any(
                        name.endswith(span) and name != span
                        for name in (_fold(self.leads[i].company), _fold(self.leads[i].key))
                    )
                }
            if not candidates and _fold(company) in _GENERIC:
                # A kind too generic to be a brand said alone (妇幼, 中医) names the one customer of the
                # book whose name holds it, when only one does: no new customer called by a kind.
                holding = {i for i, lead in self.leads.items() if _fold(company) in _fold(lead.company)}
                candidates = holding if len(holding) == 1 else candidates
            # A name of another kind than the leads of its brand ("X体检中心" beside the book's "X医院")
            # is another customer, whoever its contact is.
            candidates -= other_kind
        else:
            candidates = set(people)
        candidates, aside = self._settle(candidates, people, city, places, folded, frozenset(products))
        ordered = tuple(sorted(candidates))
        contacts = {lead_id: people[lead_id] for lead_id in ordered if lead_id in people}
        return Link(ordered, contacts, tuple(sorted(aside)))

    def _is_name_of(self, span: str, lead_id: int) -> bool:
        """Whether `span` is one of the lead's own names, not only its brand."""
        lead = self.leads[lead_id]
        return span in company_aliases(lead.company, lead.key, lead.city)

    def _kind_said_short(self, span: str, kind: str, lead_id: int) -> bool:
        """Whether `span` is one of the lead's names with its kind word said short, the short form's
        characters in order in the lead's own kind and ending alike (中衡律所 for 中衡律师事务所): the
        lead, as its full kind would name it, whoever else the message names."""
        lead = self.leads[lead_id]
        full = _kind_of(lead.company)
        if not full or len(kind) < 2 or kind[-1] != full[-1] or not _in_order(kind, full):
            return False
        return self._is_name_of(span[: -len(kind)] + _fold(full), lead_id)

    def _sub_unit_of(self, span: str, lead_id: int) -> bool:
        """Whether `span` is one of the lead's names and then a unit inside it (成都疾控理化所, 华康质检科,
        云帆大学材料学院课题组): the lead itself, the unit being where the contact works. Not a name
        and an organisation word of its own (华康律师事务所, 华康诊所, 华康牙科: another customer)."""
        lead = self.leads[lead_id]
        aliases = company_aliases(lead.company, lead.key, lead.city)
        for cut in range(len(span) - 1, _MIN_BRAND - 1, -1):
            unit = span[cut:]
            if span[:cut] not in aliases or not _SUB_UNIT.fullmatch(unit):
                continue
            own = next((s for s in _suffixes() if unit.endswith(s)), None)
            return own is None or len(own) == 1 or own in _SUB_UNIT_WORDS
        return False

    def _slip_of(self, span: str, lead_id: int) -> bool:
        """Whether `span` is one of the lead's names with one character slipped (瑞详物业 for 瑞祥物业,
        voice input or a homophone): counted only for a lead whose contact the message names too."""
        lead = self.leads[lead_id]
        if len(span) < 2 * _MIN_BRAND:
            return False
        return any(
            len(alias) == len(span) and sum(a != b for a, b in zip(alias, span, strict=True)) == 1
            for alias in company_aliases(lead.company, lead.key, lead.city)
        )

    def _contracted_of(self, span: str, lead_id: int) -> bool:
        """Whether `span` is the lead's full name contracted, as Chinese shortens a name by keeping
        characters in their order (青州农技中心 for 青州市农业技术推广中心: 农业技术 → 农技): the same
        first character (or its name's after the city), the same kind word last, four characters or more;
        counted only for a lead whose contact the message names too."""
        lead = self.leads[lead_id]
        name, kind = _fold(lead.company), _kind_of(span)
        return (
            len(span) >= 2 * _MIN_BRAND
            # (or the first of its name without the city before it: 锦江文旅投资公司 for
            # 成都市锦江文化旅游投资发展有限公司, or without its district too: 松园幼儿园 for
            # 苏州市吴中区松园新村实验幼儿园)
            and span[0] in (name[0], _fold(lead.key)[:1], _after_district(lead)[:1])
            and kind is not None
            and len(span) > len(kind)
            and _fold(lead.key).endswith(kind)
            and _in_order(span, name)
        )

    def _all_names(self) -> dict[str, set[int]]:
        """Every name of the book's leads, with the brands after an area: a lead with it that way and
        another with it for a short name (苏州甪直宏泰纺织 and 无锡惠山宏泰机械 → 宏泰), or two with it
        only that way (北京中科恒达 and 天津中科恒达 → 恒达), are all named by it, to be asked about unless
        the message settles which: never a silent guess, and the word is never taken for a new customer."""
        if self._table is None:
            # The book's own sets are shared, not copied (a team's book holds 800,000 names); a brand
            # that joins one gets a new set.
            table = dict(self._names)
            for brand, ids in self._weak.items():
                table[brand] = self._names.get(brand, set()) | ids
            self._table, self._sorted_names = table, sorted(table)
        return self._table

    def names_customer(self, word: str) -> bool:
        """Whether `word` is a name of one of the book's customers ("鲜果汇那边": no person)."""
        return _fold(word) in self._all_names()

    def contact_in(
        self, lead_id: int, text: str, contact_name: str | None = None, contact_title: str | None = None
    ) -> BookContact | None:
        """The known contact of this lead that the message names, if any."""
        return self._people_in(_fold(text), contact_name, contact_title).get(lead_id)

    def _names_in(self, text: str, *, strict: bool = False, places: set[str] | None = None) -> set[int]:
        """Leads named in `text`. `strict` (no span the extractor read as a company): a two-character
        short name is also an everyday word ("阳光" in 今天阳光很好), so it counts only where a name
        stands (`_BEFORE_NAME`, `_AFTER_NAME`, or before a known contact: "橘洲曾总"). `places`
        gets the cities of a district said right before a name (徐汇恒丰: 上海), which tell where
        the customer is as a city would."""
        found: set[int] = set()
        for _, ids, cities in self._name_hits(text, strict=strict):
            found |= ids
            if places is not None:
                places |= cities
        return found

    def named_at(self, text: str) -> list[tuple[int, frozenset[int]]]:
        """Where `text` names leads by a customer's name (as a message with no span read as a company
        does: `_names_in`'s strict reading), and the leads each names, in the order written."""
        folded = _fold(text)
        return [
            (start, self._narrowed_by_place(folded, start, ids, cities))
            for start, ids, cities in self._name_hits(folded, strict=True)
        ]

    def called_at(self, text: str) -> list[tuple[int, frozenset[int]]]:
        """Where `text` names a known contact by surname as anyone is called (韦工, 老韦), and the leads
        whose contact that may be, in the order written (not one said to be away)."""
        folded = _fold(text)
        return [
            (start, frozenset(contacts))
            for start, end, contacts in self._called(folded)
            if not (is_away(folded, start, end) or _referred(folded, end))
        ]

    def _narrowed_by_place(
        self, text: str, start: int, ids: frozenset[int], cities: frozenset[str]
    ) -> frozenset[int]:
        """A name several customers share, told apart by the city or district written right before it
        ("南京万豪…\n无锡万豪…": each the 万豪 of its city); unchanged when the place keeps none."""
        if len(ids) < 2:
            return ids
        places = set(cities)
        for length in range(min(_LONGEST_CITY, start), _MIN_BRAND - 1, -1):
            word = text[start - length : start].removesuffix("市")
            if word in gazetteer().cities:
                places.add(word)
                break
        kept = frozenset(i for i in ids if places & self._cities_of(i))
        return kept or ids

    def _name_hits(self, text: str, *, strict: bool) -> Iterator[tuple[int, frozenset[int], frozenset[str]]]:
        table = self._all_names()
        for start, end, alias in _hits(text, table, self._longest_name):
            if _place_in_a_name(text, start, end):
                continue
            at, cities = _district_before(text, start)
            if strict and len(alias) <= _MIN_BRAND and not self._stands_as_name(text, at, end):
                continue
            if alias in self._alone and not self._stands_alone(text, start, end, whole=not strict):
                continue
            yield start, frozenset(table[alias] | self._named_longer(table, alias)), cities

    def _named_longer(self, table: dict[str, set[int]], alias: str) -> set[int]:
        """Leads with a longer name that starts with `alias`: 悦汇酒店 is a name of 佛山悦汇酒店 and the
        start of 天河悦汇酒店管理's, so a rep saying it may mean either; 华康医药 is no start of
        华康医疗器械's, so it still means one."""
        names, found = self._sorted_names, set()
        for i in range(bisect.bisect_right(names, alias), len(names)):
            if not names[i].startswith(alias):
                break
            found |= table[names[i]]
        return found

    @staticmethod
    def _stands_alone(text: str, start: int, end: int, *, whole: bool) -> bool:
        """Whether a name that is also an industry word (智联) stands as a name of its own: the whole
        span read as a company (`whole`), or in a message a word with a boundary before it and
        after it ("收到 智联的合同"), not the end of another name (宏达智联)."""
        if whole:
            return start == 0 and end == len(text)
        before = start == 0 or _BEFORE_NAME.match(text, start - 1) is not None
        after = end >= len(text) or _AFTER_NAME.match(text, end) is not None
        return (before and after) or _left_from(text, start, end)

    def _stands_as_name(self, text: str, start: int, end: int) -> bool:
        if start == 0 or _BEFORE_NAME.match(text, start - 1):
            return True
        if end >= len(text) or _AFTER_NAME.match(text, end) or _left_from(text, start, end):
            return True
        return any(text[end : end + n] in self._people for n in range(_MIN_BRAND, self._longest_person + 1))

    def _people_in(self, text: str, name: str | None, title: str | None) -> dict[int, BookContact]:
        """Lead id -> the contact the message names, by the words of the text or the extractor's:
        by name or stored title first, else by surname as anyone is called (老沈, 沈工)."""
        hits = _hits(text, self._people, self._longest_person)
        aliases = [
            alias for start, end, alias in hits if not (is_away(text, start, end) or _referred(text, end))
        ]
        if name:
            aliases.append(_fold(name) + _fold(title or ""))
            aliases.append(_fold(name))
        out: dict[int, BookContact] = {}
        for alias in aliases:
            for lead_id in self._people.get(alias, ()):
                out.setdefault(lead_id, self._contact_of[(lead_id, alias)])
        if out or not self._by_surname:
            return out
        for start, end, contacts in self._called(text):
            if not (is_away(text, start, end) or _referred(text, end)):
                for lead_id, contact in contacts.items():
                    out.setdefault(lead_id, contact)
        return out

    def _called(self, text: str) -> list[tuple[int, int, dict[int, BookContact]]]:
        """(start, end, lead id -> contact) of the book's contacts called by surname as anyone is: 老沈,
        小欧阳, 沈工, 沈总; or as one of a trade is, a contact of that trade (葛律师) (a dictionary look-up
        per character, as `_hits`)."""
        found: list[tuple[int, int, dict[int, BookContact]]] = []
        for i in range(len(text)):
            for length in (2, 1):
                surname = text[i : i + length]
                if len(surname) < length or surname not in self._by_surname:
                    continue
                if i > 0 and text[i - 1] in _NICKNAMES:
                    found.append((i - 1, i + length, self._by_surname[surname]))
                    break
                trade = next((t for t in _TRADES if text.startswith(t, i + length)), None)
                if trade is not None and (of_trade := self._of_trade(surname, trade)):
                    found.append((i, i + length + len(trade), of_trade))
                    break
                address = next((a for a in _ADDRESS if text.startswith(a, i + length)), None)
                if address is not None:
                    found.append((i, i + length + len(address), self._by_surname[surname]))
                    break
                if self._sir(text, i + length) or self._short_head(text, i + length, surname):
                    found.append((i, i + length + 1, self._by_surname[surname]))
                    break
        return found

    def _of_trade(self, surname: str, trade: str) -> dict[int, BookContact]:
        """The contacts of `surname` that are of `trade` by their stored title or their customer's name."""
        words = _TRADES[trade]
        return {
            lead_id: contact
            for lead_id, contact in self._by_surname[surname].items()
            if any(w in _fold(contact.title or "") or w in _fold(self.leads[lead_id].company) for w in words)
        }

    @staticmethod
    def _sir(text: str, at: int) -> bool:
        """Whether text[at] is 先生 said short ("陈生"), not the start of a word ("陈生产")."""
        return text.startswith(_SIR, at) and base_word_freq(text[at : at + 2]) < _SIR_WORD

    def _short_head(self, text: str, at: int, surname: str) -> bool:
        """Whether text[at] is an office's head said short (晁科) of a contact of `surname` whose
        stored title is that head."""
        head = _SHORT_HEADS.get(text[at : at + 1])
        if head is None or _SHORT_HEAD_END.match(text, at + 1) is None:
            return False
        return any(head in (c.title or "") for c in self._by_surname[surname].values())

    def _settle(
        self,
        candidates: set[int],
        people: dict[int, BookContact],
        city: str | None,
        places: set[str],
        text: str,
        products: frozenset[str],
    ) -> tuple[set[int], set[int]]:
        """Narrow several candidates by what else the message says about the customer itself (its
        city, the city of a district said before its name, its contact, the city of a district the
        writer says they went to, a product only one of them holds), then whose it is; each test only
        when it keeps some. What the message says comes first: "绵阳那个华信" is the one in 绵阳 even
        when the writer's own is elsewhere, "徐汇恒丰" the 恒丰 of 上海, "华康那边聊了洗浴机" the 华康
        whose book entry holds 洗浴机 when the other's does not. A product both hold, or neither,
        settles nothing: that stays a question. Returns the candidates left and, when the product
        alone settled it, the ones it set aside (the writer is shown them: never a silent guess)."""
        travelled = travelled_places(text) if len(candidates) > 1 else frozenset()

        def by_product(i: int) -> bool:
            return bool(products.intersection(self.leads[i].products))

        tests = (
            lambda i: bool(city) and self.leads[i].city == city,
            lambda i: bool(places & self._cities_of(i)),
            lambda i: i in people,
            lambda i: bool(travelled & self._cities_of(i)),
            by_product,
            lambda i: self.leads[i].own,
        )
        aside: set[int] = set()
        for test in tests:
            if len(candidates) <= 1:
                break
            kept = {i for i in candidates if test(i)}
            if kept:
                if test is by_product and len(kept) == 1:
                    aside = candidates - kept
                candidates = kept
        return candidates, aside

    def _cities_of(self, lead_id: int) -> frozenset[str]:
        """The cities a lead is in: its city field and the places its registered name starts with."""
        lead = self.leads[lead_id]
        said = short_city(lead.city)
        return company_places(lead.company) | ({said} if said else set())
