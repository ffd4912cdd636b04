"""A customer handed to another member of the sales team: "X转给Y跟吧", "把X分给Y", "X以后由Y跟进",
"X的单子给Y", "X的负责人改成Y".

The words only say who is named (`Handover.assignee`, as written: a full name, a given name, 小王 /
老李 / 王姐 / 王总, or a user id) and which words name the customer. Whether that is a member of the
organisation, and which lead the customer is, the caller settles (handlers.reassign_lead), since nlp
knows neither the org nor the CRM. A customer's own hand-off ("他转给采购了", "王总说以后由李经理对接"),
a document sent on ("报价单转给小王了") and a forward ("转给我一下资料") are no handover.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from nlp.lexicon import surnames, titles

# Every handover says one of these; a message with none is skipped before any pattern runs.
_CUE_CHARS = frozenset("给由归让人后名")

# Where the hand-over is said. Two-character verbs first: 转交给 is one verb, not 转 + 交给. (The
# look-ahead of first characters lets the scan skip every other position, five times faster.)
_VERB = re.compile(
    r"(?=[转交分划派调拨挂放移给由归让以今往接从负跟对])"
    r"(?:(?P<to>(?:转交|移交|分配|指派|转|交|分|划|派|调|拨)给|(?:转|挂|划|放|移|调)到)"
    r"|(?P<give>给)"
    r"|(?P<by>由|归|让)"
    r"|(?P<later>以后|今后|往后|接下来|从今天起|从现在起|从明天起|从下周起)"
    # (the CRM's column, changed: "负责人是冯雪梅" and "对接人" describe the customer's person)
    r"|(?P<field>(?:负责人|跟进人)(?:改成|改为|换成|换为|调整为|设为|设成)))"
)
# What the new owner will do ("跟吧", "负责", "来跟进", "接手"), then the clause ends.
_DUTY = r"(?:来|去)?(?:跟进|跟|负责|接手|接|对接|管|维护|盯)"
_END = r"(?:吧|了|哈|啊|呀|哦|嘛|哈|啦|～|~)*(?=$|[，,。.!！;；\s…])"
_DUTY_TAIL = re.compile(_DUTY + _END)
_END_TAIL = re.compile(r"(?:的?名下)?" + _END)
_UNDER = re.compile(r"的?名下")  # "转到小王名下": 转到 says a handover only with it
_LATIN_ID = re.compile(r"[A-Za-z][A-Za-z0-9_.\-]{1,31}(?![A-Za-z0-9_.\-])")
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]{1,4}")
_MAX_NAME = 4

# A member named by a form of address: 小王, 老李 before a surname; 王姐, 李总 after one.
_BEFORE = ("小", "老")
_AFTER = ("姐", "哥", "总", "工", "经理", "主管", "总监", "老师")
# Two characters after a surname that are an everyday word, not a given name ("转给高层了").
_NOT_NAMES = frozenset(
    {"高层", "上级", "上面", "下面", "方面", "周边", "周末", "马上", "江湖", "常务", "黄页", "林业", "何时"}
)
_TRADES = ("师傅", "医生", "大夫", "律师", "会计", "司机")
# One-character verbs that follow a name in a clause ("刘伟做了", "张总看了").
_VERB_CHARS = frozenset("做看说来去试签谈弄办用拿写改发送打讲问审批定报算跑盯管跟接带找回催")
_PARTICLES = frozenset("了吧啊呀哦嘛啦哈的着过呢")
_PRONOUNS = re.compile(r"^(?:我|你|您|他|她|它|咱|大家|别人|谁|哪|自己|对方|人家)")

_CLAUSE_END = re.compile(r"[，,。；;！!？?\n]")
# Around the customer's words: how the sentence opens, and what stands between them and the verb
# ("X的单子", "X这个客户", "X以后就").
_LEAD_IN = re.compile(r"(?:那个|这个|那家|这家|帮我|帮忙|麻烦|把|将|另外|还有|对了|然后)+")
_TRAIL = re.compile(
    r"(?:的|那边|这边|这块|的单子|单子|这单|那单|这个单子|那个单子|这个客户|那个客户|客户|这家|那家|线索|项目|订单|生意"
    r"|我们|我|以后|今后|往后|后面|之后|接下来|就|先|也|都|还是|全部|直接|改|暂时|统一|整体|一起)$"
)
# What the verb's subject is when the customer's own people hand something over ("他转给采购了").
_THEIR_SIDE = frozenset(
    {"他", "她", "他们", "她们", "对方", "人家", "客户", "甲方", "老板", "领导", "厂家", "公司", "上面"}
)
# Documents and details sent on ("报价单转给小王了", "把资料交给李娜"): no customer changes hands.
_THING = re.compile(
    r"(?:资料|报价|报价单|方案|合同|材料|样品|样机|文件|名片|电话|微信|号码|联系方式|邮件|需求|发票|图纸|清单|表格|表|链接"
    r"|截图|照片|图片|信息|消息|数据|货|款|钱|单据|快递|东西|事|事情|问题|工作|任务"
    r"|安装|调试|维修|售后|培训|发货|送货|验收|对账|开票|催款|收款)$"
)
# The customer's words reported ("王总说以后由李经理对接"): their arrangement, not ours.
_THEIR_CLAUSE = re.compile(r"那边|他们|她们|对方|人家")
_SAID = re.compile(r"说|表示|讲|告诉|反馈|提到|答应|通知")
_NEGATED = re.compile(r"(?:不|别|没|未|不要|不用|不能|不会|没有)$")
_NEGATED_START = re.compile(r"(?:不要|不用|不能|不会|没有|别|没|未|不)(?:把|将)")
_ASKED_BEFORE = re.compile(r"(?:要不要|能不能|可不可以|是否|能否|要不)$")
_ASKED_AFTER = re.compile(r"[?？吗么]|好不好|行不行|可以吗|怎么样")
# Before 给 alone, a handover names the deal ("X的单子给Y"); otherwise 给 is "for" or "to"
# ("给王总打电话"), and a verb of sending before it sends something ("发给", "寄给").
_DEAL_BEFORE_GIVE = re.compile(
    r"(?:单子|这单|那单|客户|线索|项目|订单|生意)(?:的)?(?:就|以后|今后|也|都|全部|直接)?$"
)
_SENT_BEFORE_GIVE = frozenset("发送寄打带拿递还卖借写讲说传回留")


@dataclass(frozen=True, slots=True)
class Handover:
    """A handover said in a message: the new owner as written, and the customer's words (None when
    the message names none: "这个客户转给小王吧")."""

    assignee: str
    assignee_span: tuple[int, int]
    customer: str | None = None
    customer_span: tuple[int, int] | None = None


def _surname_of(name: str) -> str | None:
    """The surname a Han name starts with (two characters for 欧阳, 司马...), or None."""
    if name[:2] in surnames():
        return name[:2]
    return name[0] if name[:1] in surnames() else None


def name_shaped(words: str, *, duty: bool, titled: bool = True) -> bool:
    """Whether `words` can be how a member is named: a user id, 小王 / 老李, a full name led by a
    surname, (only before what they will do: `duty`, "海燕负责") a given name, or (when `titled`)
    王姐 / 李总."""
    if _LATIN_ID.fullmatch(words):
        return not (words.isupper() and len(words) <= 4)  # "HR", "IT", "CEO" are no one's id
    if not _HAN_RUN.fullmatch(words) or _PRONOUNS.match(words) or words in _NOT_NAMES:
        return False
    if words[-1] in _PARTICLES:  # "高层了" is 高层 and the clause's end
        return False
    if words[0] in _BEFORE and len(words) == 2:
        return words[1] in surnames()
    for after in _AFTER:
        if words.endswith(after) and len(words) > len(after):
            return titled and words[: -len(after)] in surnames()
    if words.endswith(_TRADES) or any(words.endswith(t) for t in _titles()):
        return False  # "采购经理", "李主任", "何师傅": a customer's person or a tradesman, by title
    if len(words) == 3 and words[2] in _VERB_CHARS and name_shaped(words[:2], duty=duty, titled=titled):
        return False  # "项目给刘伟做了": 刘伟 and what they did
    if 2 <= len(words) <= 3 and _surname_of(words) is not None:
        return True
    return duty and len(words) == 2


@cache
def _titles() -> tuple[str, ...]:
    return tuple(t for t in titles() if not t.isascii())


def calls(mention: str, name: str) -> bool:
    """Whether `mention` ("许婷", "婷婷"? no: "小许", "许姐", "海燕") names the member whose full name is
    `name`: the full name, the given name (two characters or more), or the surname with 小/老 before
    it or 姐/哥/总/工/经理... after it."""
    if not mention or not name:
        return False
    if mention == name:
        return True
    surname = _surname_of(name)
    if surname is None or len(name) <= len(surname):
        return False
    given = name[len(surname) :]
    if mention == given and len(given) >= 2:
        return True
    if mention[0] in _BEFORE and mention[1:] == surname:
        return True
    return any(mention.endswith(a) and mention[: -len(a)] in (surname, given) for a in _AFTER)


def _assignee(
    text: str, start: int, *, need_duty: bool, need_under: bool, titled: bool
) -> tuple[str, int, int] | None:
    """The new owner named at text[start:], with the end of what was said of them: the shortest name
    followed by what they will do (preferred) or, unless `need_duty`, by the clause's end."""
    while start < len(text) and text[start] == " ":  # "给 ZhouQing 吧"
        start += 1
    latin = _LATIN_ID.match(text, start)
    run = _HAN_RUN.match(text, start)
    lengths = [latin.end() - start] if latin else []
    if run is not None:
        lengths += range(1, min(_MAX_NAME, run.end() - start) + 1)
    for tail, duty in ((_DUTY_TAIL, True), (_END_TAIL, False)):
        if duty is False and need_duty:
            break
        for n in lengths:
            who = text[start : start + n]
            m = tail.match(text, start + n)
            if m is None or not name_shaped(who, duty=duty, titled=titled):
                continue
            if need_under and not _UNDER.match(text, start + n):
                continue
            return who, start + n, m.end()
    return None


_NOT_OURS = ("", (0, 0))


def _customer(text: str, clause_start: int, verb_start: int) -> tuple[str, tuple[int, int]] | None:
    """The customer's words before the verb: (words, span); None when the clause names none ("这个
    客户转给小王"); `_NOT_OURS` when the words say it is no handover of ours (a customer's person or a
    document is what is handed over)."""
    s, e = clause_start, verb_start
    piece = text[s:e]
    if piece.strip() and " " in piece.strip():  # "今天开会定了 X转给…": the words right before the verb
        s += piece.rstrip().rfind(" ") + 1
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if text[s:e] in _THEIR_SIDE or _NEGATED_START.match(text, s, e):
        return _NOT_OURS  # "客户转给…": theirs; "不要把X交给…": not done
    held = text.rfind("把", s, e)
    if held < 0:
        held = text.rfind("将", s, e)
    if held > s:  # "老板让我把X交给…": X is what 把 holds
        s = held
    previous = None
    while previous != (s, e):
        previous = (s, e)
        if _THING.search(text, s, e):
            return _NOT_OURS
        trail = _TRAIL.search(text, s, e)
        if trail is not None and trail.start() < e:
            e = trail.start()
        lead_in = _LEAD_IN.match(text, s, e)
        if lead_in is not None and lead_in.end() > s:
            s = lead_in.end()
    words = text[s:e]
    if not words:
        return None
    if words in _THEIR_SIDE or _PRONOUNS.match(words) or _titled_person(words):
        return _NOT_OURS  # "他转给…", "王总交给小李负责了": their side hands it over
    return words, (s, e)


_NAME_BEFORE_TITLE = 3  # 王总, 王建国主任: at most a full name before the title


def _titled_person(words: str) -> bool:
    """Whether the words are a person by their title ("王总", "李经理", "采购经理"), not a customer that
    ends like one ("飞天精工")."""
    for title in (*_AFTER, *_titles()):
        if words.endswith(title):
            name = words[: -len(title)]
            if not name or (len(name) <= _NAME_BEFORE_TITLE and _surname_of(name) is not None):
                return True
    return False


def find_handover(text: str) -> Handover | None:
    """The handover the message says, or None (see the module docstring)."""
    if _CUE_CHARS.isdisjoint(text):
        return None
    for m in _VERB.finditer(text):
        kind = m.lastgroup
        verb_start, verb_end = m.span()
        if kind == "give" and verb_start > 0 and text[verb_start - 1] in _SENT_BEFORE_GIVE:
            continue
        if kind == "by" and _bad_by(text, verb_start):
            continue
        need_duty = kind in ("by", "later") and m.group() != "归"
        if kind == "give" and not _DEAL_BEFORE_GIVE.search(text, 0, verb_start):
            need_duty = True  # "X给小王跟吧"; "给王总打电话" is no handover
        need_under = kind == "to" and m.group().endswith("到")
        # "以后由张工对接", "负责人换成李总": a customer's person named by title is who they put in
        # charge on their side.
        titled = kind in ("to", "give")
        found = _assignee(text, verb_end, need_duty=need_duty, need_under=need_under, titled=titled)
        if found is None:
            continue
        who, who_end, tail_end = found
        who_start = who_end - len(who)
        if not titled and _THEIR_CLAUSE.search(text, 0, verb_start):
            continue  # "X那边以后由小刘对接": they name the one we deal with
        if _NEGATED.search(text, max(0, verb_start - 3), verb_start) or _asked(text, verb_start, tail_end):
            continue
        if _SAID.search(text, 0, verb_start):
            continue
        clause = max((c.end() for c in _CLAUSE_END.finditer(text, 0, verb_start)), default=0)
        customer = _customer(text, clause, verb_start)
        if customer is _NOT_OURS:
            continue
        if customer is None:
            return Handover(who, (who_start, who_end))
        return Handover(who, (who_start, who_end), customer[0], customer[1])
    return None


def _bad_by(text: str, at: int) -> bool:
    """由 / 让 that are not "by" or "let" someone: 由于, 理由, 自由, 转让, 让利."""
    before = text[at - 1] if at > 0 else ""
    after = text[at + 1] if at + 1 < len(text) else ""
    return (
        (before in "自理缘来" or after in "于衷此")
        if text[at] == "由"
        else before in "转出退礼谦" or after in "利步价"
    )


def _asked(text: str, verb_start: int, tail_end: int) -> bool:
    """Whether the handover is asked about, not decided ("要不要转给小王", "转给小王跟吗？")."""
    if _ASKED_BEFORE.search(text, max(0, verb_start - 4), verb_start):
        return True
    end = _CLAUSE_END.search(text, tail_end)
    rest = text[tail_end : end.end() if end is not None else len(text)]
    return _ASKED_AFTER.search(rest) is not None


# A manager reporting a new customer who says they keep it ("这个我自己跟", "我亲自对接", "不用派人"): the
# lead is theirs, not given out by the assignment rules.
_KEEPS_IT = re.compile(
    r"我(?:自己|亲自|本人)(?:来|去)?(?:跟|负责|对接|盯|接手|处理)|我来(?:跟进|负责|对接|盯|接手)"
    r"|(?:不用|不要|别|先别)(?:分配|分给|派人|安排人|转给)"
)


def keeps_it(text: str) -> bool:
    """Whether the writer says they will follow the customer themself."""
    return _KEEPS_IT.search(text) is not None
