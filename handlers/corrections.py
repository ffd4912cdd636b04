"""Quick corrections of the last record ("不对，预算是200万", "改成下周四", "联系人是钱经理不是刘经理").

A correction replaces what the record said instead of adding to it: the corrected budget
replaces the budget, corrected products replace the ones the record had brought in, a corrected
person becomes the record's contact (the lead's known one when it has them: 钱经理 → 钱建国), a
corrected phone replaces that contact's phone. What follows "不是" is the old value and is not
read as the new one ("是下周三不是下周二"). The record keeps the correction's words, and the reply
shows each changed field as old → new.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Collection, Sequence
from datetime import date, datetime, timedelta

from sqlalchemy import and_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.types import Reply
from handlers.cards import amend_button, contact_text, kind_text, next_followup_text
from handlers.clarify import candidate_lines
from handlers.context import Context
from handlers.lead_facts import (
    apply_scalars,
    card_contact,
    create_rep_lead,
    first_line,
    reached_stage,
    refresh_tags,
    save_contact,
    set_next_followup,
)
from handlers.lead_lookup import (
    TAKEN,
    Resolved,
    lead_named_by,
    link_contact,
    load_book,
    may_change,
    normalise_phone,
    resolve_lead,
)
from handlers.rights import lines_for
from handlers.tags import budget_text
from nlp import Extraction, FollowUpTime, Intent
from nlp.companies import suffix_re
from nlp.dates import find_days, find_time
from nlp.followup import find_followup
from nlp.lexicon import COMMON_SURNAMES, full_name_like, surnames, title_prefixes
from nlp.numbers import sole_amount
from nlp.segment import base_word_freq
from storage.followups import amend_followup
from storage.leads import change_stage, get_lead, restore_cleared_followup
from storage.models import CLOSED_STAGES, STAGES, Contact, FollowUp, Lead, Person, StageChange

# A field with 改一下 is the rep's own record to change ("时间改一下"); bare, it may be the customer's
# wish ("方案要改一下"). 说错 / 记错 / 听岔 / 口误 say the rep got it wrong (岔 is the north's 错:
# 写岔, 说岔; 整 its verb for any doing: 整岔了; 串 says two were mixed up: 整串了, 记串了); 打反了 /
# 写反了 say two digits or values were swapped ("预算打反了 是35万"). 讲 is 说 in the south and in
# Cantonese: 讲错, 讲反了.
_SLIP_VERB = "[说讲记写听搞弄整看打输拼]"
_MARKERS = re.compile(
    rf"不对|改成|改为|更正|纠正|错了|{_SLIP_VERB}[错岔串]|{_SLIP_VERB}反了|口误|应该是"
    r"|(?:时间|日期|日子|预算|金额|联系人|对接人|电话|手机|产品|方式|下次跟进)(?:要|得)?改(?:一)?下"
)
# The marker must come early: "客户说之前的方案不对，…" is news about the customer, not a correction.
# Early is counted after an apology, a word pointing back at the record ("不好意思刚才…说错了") or the
# rep's ask to change it ("麻烦改一下，刚才写错了").
MARKER_REACH = 8
_PREAMBLE = re.compile(
    r"(?:[\s，,。.!！~～、]|(?:非常|十分|实在|真是?)?(?:不好意思|抱歉|对不起)|sorry|哦对|噢对|哦|噢|哎呀|哎|诶|嗯|啊|嗐|嗨|唉|对了|还有|刚才|刚刚|上一条|上条"
    r"|前面那条|麻烦你?|请你?|帮(?:我|忙)|改(?:一)?下)*",
    re.IGNORECASE,
)
# A swap said from the start, bare or after the field it fixes: "联系人是钱经理不是刘经理",
# "是下周三不是下周二", "不是望江是长嘉". Only from the start: "他说不是价格问题是交期" is news. The
# field may be said with its span or scope before it: "一年预算是6万，不是5万", "总金额是…不是…".
_SWAP = re.compile(
    r"(?:(?:一年的?|全年的?|每年的?|今年的?|明年的?|年度?|总|整体的?|项目)?(?:联系人|对接人|预算|金额|客户|公司|时间|日期|下次跟进|方式|产品|电话|手机)[^，,。\s]{0,2})?"
    r"(?:是[^，,。]+?[，,\s]?不是|不是[^，,。]+?[，,\s]?是)"
)
# The one met said wrong with no marker, the swap's subject first: "今天见的不是甘部长，…是他们副部长X" (the
# one met can only be said not to be someone to fix the record).
_MET_SWAP = re.compile(
    r"(?:今天|昨天|前天|上午|下午|中午|早上|晚上|刚才|刚刚)?(?:见|拜访|碰|接待|接电话|打电话|对接)的人?不是"
)
_CUSTOMER_WORD = re.compile(r"客户|公司|单位")
# "不是Y": the old value, up to a pause or the "是" that starts the new one ("不是刘经理是钱经理").
_OLD_VALUE = re.compile(r"不是([^，,。.!！?？;；\s]+?)(?=[，,。.!！?？;；\s]|是|$)")

# The clauses of a correction, parted by punctuation or spaces: "不对 是下周四上午 周三他们开董事会".
_CLAUSE = re.compile(r"[^，,。；;！!？?\n\s]+")
# What a clause may hold besides a value: the marker, the field's name, 是 and small words.
_NOT_A_VALUE = re.compile(
    # (the one the swap is of, described before it: "今天见的不是X 是Y", "上午接电话的不是X")
    r"(?:今天|昨天|前天|上午|下午|中午|早上|晚上|刚才|刚刚)?(?:见|拜访|碰|接待|接电话|打电话|对接)的(?=$|不是)"
    r"|[说记写打输拼]错(?:别)?字|错别?字|不对|改成|改为|更正|纠正|错了|应该是|刚才|刚刚|联系人|对接人|预算|金额|客户|公司|时间|日期|日子|下次跟进|方式"
    rf"|产品|电话|手机|不好意思|抱歉|对不起|sorry|一下|口误|{_SLIP_VERB}[岔反串]|改下|名字|姓名|[打输拼]错"
    # (and the spoken particles that end a clause: "时间改下哈", "预算改下嘛")
    r"|[是了的说讲写记听看搞弄错我改下啊呢吧哦噢嗯对哎诶唉呀哈嘛呗咯喔]",
    re.IGNORECASE,
)
# A later clause that corrects something of its own: marked again, naming the field it fixes, or
# the rep's plan said outright ("不对，预算是200万，下周四再去").
_OWN_CORRECTION = re.compile(
    r"是|改成|改为|改到|换成|应该|也|再|联系人|对接人|预算|金额|日期|下次跟进|方式|产品|电话|手机|阶段"
)
# The rep going, said in a plan's clause after its day ("过去签合同", "上门", "拜访一下"): the rep's own step.
_GOING = re.compile(r"过去|去|上门|拜访|回访|再")
# A clause that names a change and ends before its value, which the next clause says.
_OPENS = re.compile(r"(?:改|改成|改为|改到|换成|应该是|是)$")
# A clause that only completes the head's value: the time of the day just named ("下周四 上午十点").
# The whole clause: "三点他那边有个会" is why the old time does not suit.
_COMPLETES = re.compile(
    r"(?:上午|下午|晚上|中午|早上|傍晚)?(?:\d{1,2}|[一二两三四五六七八九十]{1,3})(?:点|时|[:：]\d{2})"
    r"(?:半|一刻|[0-5]?\d分?)?(?:左右|前)?(?:再去|过去|见|到)?"
)

# A clause that opens on the change it makes ("改后天下午吧", "那就改到周五", "换成升降桌"): it names the
# new value, and a clause before it that says no value outright ("明天下午有会") says why the old one
# does not suit.
_CHANGE_OPENS = re.compile(r"(?:那|就|那就|还是|要不|干脆)?(?:改成|改为|改到|改在|换成|换到|挪到|推到|改)")
_STATES_VALUE = re.compile(r"是|改|换|挪|推")

AWAIT_CORRECTION = "correction"  # 改一下 was clicked: the next message corrects the record
ASK_WHAT = ("请直接说正确的内容，例如「不对，预算是200万」或「改成下周四」。",)


# The rep's own slip owned in a clause that ends the message, after the right value: "苗主任说的是四十八万
# 我记错了", "是下周四 刚才说错了". (a thing of the customer's written wrong is news: "报价单数量写错了")
_OWNED_AT_END = re.compile(
    r"(?:^|(?<=[\s，,。.!！]))(?:是我|我)?(?:刚才|刚刚|之前|前面)?我?"
    rf"(?:{_SLIP_VERB}[错岔串]|{_SLIP_VERB}反(?=了)|口误)了?(?:[啊呀哈吧呢哦嘛~～。.!！\s]|sorry|抱歉|不好意思)*$",
    re.IGNORECASE,
)


# The new value set in the last clause, then 改一下 alone ending the message: the rep asks the record be
# changed to it, "开工定在下周二上午九点 改一下" (bare, after no setting word, it may be the customer's wish:
# "方案他们不满意 改一下").
_SET_THEN_CHANGE = re.compile(
    r"(?:定在|定到|改在|改到|改成|放在|约在|约到|挪到|推到|换成)[^，,。；;！!？?\s]+[\s，,。]+(?:帮我|麻烦)?改(?:一)?下"
    r"(?:吧|哈|啊|呀)?[。.!！\s]*$"
)


def _marker_at(text: str) -> int | None:
    """Where the correction's marker starts (0 for a swap said from the start, or the start of the
    words for a slip owned at the end), None for no correction."""
    found = _MARKERS.search(text)
    if found is not None and found.start() < _PREAMBLE.match(text).end() + MARKER_REACH:
        return found.start()
    start = _PREAMBLE.match(text).end()  # "不好意思 刚才不是区经理 是…": the swap after an apology
    if _SWAP.match(text, start) or _MET_SWAP.match(text, start):
        return start
    owned = _OWNED_AT_END.search(text, start) or _SET_THEN_CHANGE.search(text, start)
    return start if owned is not None and owned.start() > start else None


def is_correction_text(text: str) -> bool:
    return _marker_at(text) is not None


def new_words(text: str) -> str:
    """The correction without its old values and without the clauses that only comment on it: what
    is read as the new values (`_head`)."""
    return _head(_without_old_before_slip(_OLD_VALUE.sub(" ", text))) if is_correction_text(text) else text


# The rep's slip said right after the old value, ending its clause: "刚说的王主任搞错了", "周三说错了".
_SLIP = re.compile(r"(?:[说记写听搞弄整看打输拼][错岔串]|口误)了?")
# The field a clause names, kept when the old value beside it is blanked ("联系人王主任写错了 是…").
_FIELD_WORD = re.compile(
    r"联系人|对接人|预算|金额|客户|公司|时间|日期|下次跟进|方式|产品|电话|手机|名字|姓名"
)


def _without_old_before_slip(words: str) -> str:
    """The words with the old value blanked when the correction names it before owning the slip and
    then says the new one in a clause of its own ("刚说的王主任搞错了 是采购部的蒋主任"): the value
    before 搞错了 is the wrong one, as what follows 不是 is. Field names stay; a slip with no value
    after it ("是四十八万 我记错了") changes nothing."""
    marker = _marker_at(words)
    slip = _SLIP.search(words)
    if marker is None or slip is None or slip.start() != marker:
        return words
    clause_start = max((m.end() for m in _CLAUSE_GAP.finditer(words, 0, slip.start())), default=0)
    after = _CLAUSE_GAP.search(words, slip.end())
    if after is None or words[slip.end() : after.start()].strip("啊呀哈吧呢哦嘛~～"):
        return words  # the slip does not end its clause
    if not any(_NOT_A_VALUE.sub("", c.group()) for c in _CLAUSE.finditer(words, after.end())):
        return words  # no new value said after it
    old = words[clause_start : slip.start()]
    if not _NOT_A_VALUE.sub("", _FIELD_WORD.sub("", old)):
        return words  # only the field before it: "联系人搞错了 是…"
    blanked = [" "] * len(old)
    for field in _FIELD_WORD.finditer(old):
        blanked[field.start() : field.end()] = field.group()
    return words[:clause_start] + "".join(blanked) + words[slip.start() :]


_CLAUSE_GAP = re.compile(r"[，,。；;！!？?\n\s]")


def _head(words: str) -> str:
    """The correction's head and what else it corrects; a later clause that only comments is blanked.

    A correction names its new value right after its marker ("不对 是下周四上午") and may go on with
    why ("周三他们开董事会"): the reason's day or person is no new value. The head runs up to the first
    clause after the marker that holds a value; a later clause stays when it corrects something of
    its own (is marked again or names its field: "预算也改成150万") or completes the head's value
    ("下周四 上午十点")."""
    marker = _marker_at(words) or 0
    chars, value, opened, kept = list(words), "", False, ""
    reason = _reason_before_change(words, marker)
    for clause in _CLAUSE.finditer(words):
        if reason is not None and clause.span() == reason:
            chars[clause.start() : clause.end()] = " " * (clause.end() - clause.start())
            continue
        if not value:
            value = _NOT_A_VALUE.sub("", clause.group()) if clause.end() > marker else ""
            kept = value
            continue
        if (
            opened
            or _OWN_CORRECTION.search(clause.group())
            or _COMPLETES.fullmatch(clause.group())
            # (only when no day is said before it: after a day corrected, a later day is the reason)
            or (not find_days(words[: clause.start()], _ANY_DAY) and _plans_next(clause.group()))
        ):
            # "预算也跟着改 280w左右": a clause that ends on its change gives the new value next
            opened = not opened and _OPENS.search(clause.group()) is not None
            kept += clause.group()
            continue
        if (
            _names_in_full(value, clause.group())
            or _completes_person(kept, clause.group())
            or _WHO_THERE.fullmatch(clause.group())
        ):
            continue
        if _MET_WITH.fullmatch(clause.group()):
            continue  # "是X，跟黎场长谈的": whom the rep met there, the record's contact on it
        chars[clause.start() : clause.end()] = " " * (clause.end() - clause.start())
    return "".join(chars)


# (a plan's day is only found, not kept: any day to count from tells a later day from a day gone)
_ANY_DAY = date(2001, 1, 1)


def _plans_next(clause: str) -> bool:
    """Whether a clause says the rep's next step on a later day ("大后天上午十点过去送合同"): after a
    correction of something else ("更正一下，是38万"), it is the plan the message adds, not a reason."""
    days = find_days(clause, _ANY_DAY)
    return (
        len(days) == 1
        and days[0].day >= _ANY_DAY
        and _GOING.search(clause, days[0].end) is not None
        and find_followup(clause, _ANY_DAY, days) is not None
    )


def _reason_before_change(words: str, marker: int) -> tuple[int, int] | None:
    """The span of the first clause after the marker that holds a value, when it states none outright
    and a later clause opens on the change it makes: "啊不对 明天下午有会 改后天下午吧" moves the plan to
    the day after tomorrow, 明天下午 is why."""
    first: re.Match[str] | None = None
    for clause in _CLAUSE.finditer(words):
        if clause.end() <= marker or not _NOT_A_VALUE.sub("", clause.group()):
            continue
        if first is None:
            if _STATES_VALUE.search(clause.group()):
                return None
            first = clause
        elif _CHANGE_OPENS.match(clause.group()) and _NOT_A_VALUE.sub("", clause.group()):
            return first.span()
    return None


# A person named by surname and title in the head ("是采购部的卢经理", "是他们文副校长"), whose full name
# and number follow in clauses of their own ("卢经理，卢卫东，139…"): they complete the new value.
_SURNAME_TITLE = re.compile(
    # (a deputy or executive said between: "文副校长", "钟常务副总")
    r"([\u4e00-\u9fff])(?:副|常务副?|执行)?(?:经理|总监|总|主任|主管|工程师|工|老师|院长|科长|处长|局长|部长|厂长|店长|校长"
    r"|医生|护士长|书记|秘书|助理|老板|女士|先生|小姐|师傅)"
)
# The person at the customer the head names, in a clause of its own: "是博X，吴主管那边".
_WHO_THERE = re.compile(_SURNAME_TITLE.pattern + r"(?:那边|这边|那里|那儿)")
# ...or by the familiar 小 / 老 before the surname ("是跟他们科里的小柯打的", then "柯立新").
_FAMILIAR = re.compile(r"[小老]([\u4e00-\u9fff])")
_DAY_WORD = re.compile(r"[周星礼][一二三四五六日天末]|星期|礼拜|[今明后昨]天|[号日]$")
_PHONE_CLAUSE = re.compile(r"(?:电话|手机|手机号)?[:：]?\+?[\d\s-]{7,}")


# ...or by title alone, the surname said in a clause of its own: "是他们设备科长 姓卞".
_SURNAME_SAID = re.compile(r"(?:[他她])?姓[\u4e00-\u9fff]{1,2}(?:的)?")
# The full name may be introduced as what the person is called: "是质检部的柏主管，叫柏文静".
_CALLED = re.compile(r"(?:[他她])?(?:全名|名字|名)?叫(?=[\u4e00-\u9fff]{2,3}$)")


def _completes_person(value: str, clause: str) -> bool:
    """Whether `clause` gives the full name or the number of the person the head names by surname and
    title (the head "是卢经理", then "卢卫东" or "叫卢卫东", "13916620587"), or the surname or full
    name of one it names by title alone (the head "是他们设备科长", then "姓卞"; "是他们的副院长", then
    "赖小平")."""
    if _SURNAME_SAID.fullmatch(clause) and _SURNAME_TITLE.search(value):
        return True
    titled = [m.group(1) for m in _SURNAME_TITLE.finditer(value)]
    named = set(titled) | {m.group(1) for m in _FAMILIAR.finditer(value)}
    if not named:
        return False
    untitled = any(char not in surnames() for char in titled)  # "他们的副院长": a title with no surname
    if _PHONE_CLAUSE.fullmatch(clause):
        return True
    if _DAY_WORD.search(clause):
        return False  # "是周经理，周四见": a day, not 周's name
    if (called := _CALLED.match(clause)) is not None:
        clause = clause[called.end() :]
    if re.fullmatch(r"[\u4e00-\u9fff]{2,3}", clause) is None:
        return False
    if clause[0] in named:
        return True
    # (a title said alone is completed by a full name: one of no words, or of a common surname and
    # no function after it; "管后勤" is what the person does)
    return untitled and (
        full_name_like(clause, base_word_freq)
        or (len(clause) == 3 and clause[0] in COMMON_SURNAMES and clause[1:] not in title_prefixes())
        or (len(clause) == 3 and clause[:2] in surnames())  # "欧阳明"
    )


def _names_in_full(value: str, clause: str) -> bool:
    """Whether `clause` is the full name of the organisation the head names by its brand ("是明光
    物流 新客户 合肥明光物流有限公司"): an organisation's name holding the head value's first two
    characters."""
    return len(value) >= 2 and value[:2] in clause and suffix_re().search(clause) is not None


# A clause saying whom the rep met, after the head names the customer ("是宾阳X，跟黎场长谈的", "和他们
# 赵总聊的"): the person of the record, told with it (not a reason: "跟财务对过了" has no 的 of who).
_MET_WITH = re.compile(r"(?:其实|是)?(?:跟|和|与|同)[\u4e00-\u9fff]{2,6}?(?:谈|聊|见|碰|坐|通)(?:了|过)?的")

# "X的是Y" ("带我看机房的是副科长韩磊", "接电话的是…"): X describes the one the correction names.
_DESCRIBES = re.compile(r"的(?:人|那位|那个)?(?:其实|应该)?是")


def head_end(text: str) -> int:
    """Where the correction's head (the clause naming its new value) ends in `text`; 0 for none."""
    marker = _marker_at(text)
    if marker is None:
        return 0
    words = _OLD_VALUE.sub(lambda m: " " * len(m.group()), text)  # positions kept
    reason = _reason_before_change(words, marker)
    for clause in _CLAUSE.finditer(words):
        if clause.end() > marker and clause.span() != reason and _NOT_A_VALUE.sub("", clause.group()):
            return clause.end()
    return 0


# A field of the customer named in the new value ("X的预算是…", "X的联系人是…"): what is corrected.
_FIELD_OF_A_CUSTOMER = re.compile(
    r"联系人|对接人|预算|金额|时间|日期|下次跟进|方式|产品|电话|手机|名字|姓名|阶段"
)


def head_value(text: str) -> str:
    """The correction's head clause from where its new value starts ("不对，是X那边薛总说的" → "X那边薛总
    说的"): a name there stands as one, as at the start of a message."""
    end = head_end(text)
    words = _OLD_VALUE.sub(lambda m: " " * len(m.group()), text)[:end]
    clauses = list(_CLAUSE.finditer(words))
    if not clauses:
        return ""
    clause, at = clauses[-1].group(), 0
    while (m := _NOT_A_VALUE.match(clause, at)) is not None and m.end() > at:
        at = m.end()
    return clause[at:]


async def names_other_customer(ctx: Context, followup: FollowUp) -> bool:
    """Whether the company the correction names is another customer than the record's: another lead
    of the writer's book, a name that says what kind of organisation it is ("恒信科技"), or an unknown
    name given as the new value in the correction's head ("不对，是金港油品"). An unknown bare name
    later on is no customer ("150万是含税含运费的总价")."""
    company, span = ctx.extraction.company, ctx.extraction.spans.get("company")
    if not company:
        return False
    named = Extraction(intent=Intent.LOG_FOLLOWUP, company=company)
    found = await resolve_lead(ctx.session, named, ctx.member, company)
    if found.lead is not None:
        return found.lead.id != followup.lead_id
    if found.candidates:
        return followup.lead_id not in {lead.id for lead in found.candidates}
    if suffix_re().search(company):
        return True
    if span is not None and _DESCRIBES.match(ctx.message.text, span[1]):
        return False  # "带我看机房的是韩磊": the name is what the new value did, not the new value
    return span is None or span[0] < head_end(ctx.message.text)


# The correction says it fixes the person ("联系人说错了 是X", "对接人记错了，应该是X"): its bare new
# value is a name, which the extractor alone may not read as one without a title beside it.
_PERSON_FIELD = re.compile(r"联系人|对接人|见的人|见的是|接电话的|名字|姓名")
# The correction fixes how the person's name is written, not who was met ("名字写错了，是X").
_NAME_FIELD = re.compile(r"名字|姓名")
# A character spelled by a word that holds it ("嘉兴的嘉", "木子李"s plain cousin): only a name is
# spelled out like this, so the clause is no city or customer, and the correction is of a name.
_SPELLED = re.compile(r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{2,3})的([\u4e00-\u9fff])(?![\u4e00-\u9fff])")


def spelled_chars(text: str) -> list[str]:
    """The characters a message spells out by a word holding them ("嘉兴的嘉" → 嘉)."""
    return [m.group(2) for m in _SPELLED.finditer(text) if m.group(2) in m.group(1)]


def fixes_a_name(text: str) -> bool:
    """Whether the correction is of how a person's name is written: it says 名字/姓名, spells a
    character out, or swaps a name for one a character apart ("是吕霆不是吕婷")."""
    return bool(_NAME_FIELD.search(text) or spelled_chars(text) or _respelled(text))


# A swap of two values: "是X不是Y" or "不是Y是X", each a run of Han characters.
_NAME_SWAP = re.compile(
    r"是([\u4e00-\u9fff]{2,4})[，,\s]?不是([\u4e00-\u9fff]{2,4})"
    r"|不是([\u4e00-\u9fff]{2,4})[，,\s]?是([\u4e00-\u9fff]{2,4})"
)


# Days and times that begin like a surname ("周五", "十号") and are swapped the same way as names.
_DAY_WORD = re.compile(
    r"周[一二三四五六七日天末]|星期|礼拜|[〇一二两三四五六七八九十]+[号日点月]|[上下中]午|晚上|早上"
)


def _respelled(text: str) -> bool:
    """Whether the message swaps a person's name for the same name with one character changed: the
    same surname and length, so the same person written again, not another person met."""
    found = _NAME_SWAP.search(text)
    if found is None:
        return False
    new, old = (found.group(1), found.group(2)) if found.group(1) else (found.group(4), found.group(3))
    if len(new) != len(old) or new[0] != old[0] or new[:1] not in surnames():
        return False
    if _DAY_WORD.search(new + " " + old):
        return False  # "是周五不是周四": a day, whose 周 is no surname
    return sum(a != b for a, b in zip(new, old, strict=True)) == 1


# The new value, bare or said as the customer's one ("是他们门店的X", "是对方新来的X").
_BARE_VALUE = re.compile(
    r"(?:联系人|对接人)?(?:其实|应该)?是?(?:(?:他们|她们|对方|客户)[\u4e00-\u9fff]{0,6}?的)?([\u4e00-\u9fff]{2,4})"
)
# An old value that is a person: a surname and a title ("不是邱总", "不是王主任"), or 老/小 and a surname.
_OLD_NICK = re.compile(r"[老小]([\u4e00-\u9fff])")


def _old_person(text: str) -> bool:
    """Whether the correction says a person was the wrong one ("不是邱总 是X"): then its new value is
    a person too, one the book may not hold yet."""
    for old in old_words(text):
        titled, nick = _SURNAME_TITLE.fullmatch(old), _OLD_NICK.fullmatch(old)
        if (titled is not None and titled.group(1) in surnames()) or (nick and nick.group(1) in surnames()):
            return True
    return False


def swaps_name(text: str, names: Collection[str]) -> bool:
    """Whether the correction's old value is one of `names`, the name of the person the record logged
    ("不是X 是Y 语音识别错了" right after a record with X): the person's name is what it fixes, even with
    no field named and another surname (a name misheard by voice input or mistyped by its sound)."""
    return any(old in names for old in old_words(text) if len(old) >= 2)


def corrected_person(text: str, names: Collection[str] = ()) -> str | None:
    """The name the correction's head gives when it says the person is what it fixes (naming the
    field, spelling a name, saying which person was wrong, or swapping one of `names`, the names the
    record logged), else None."""
    marker = _marker_at(text)
    end = head_end(text)
    spelled = spelled_chars(text)
    if (
        marker is None
        or not end
        or (
            _PERSON_FIELD.search(text[:end]) is None
            and not spelled
            and not _respelled(text)
            and not _old_person(text)
            and not swaps_name(text, names)
        )
    ):
        return None
    words = _OLD_VALUE.sub(lambda m: " " * len(m.group()), text[:end])
    clause = list(_CLAUSE.finditer(words))[-1].group()
    found = _BARE_VALUE.fullmatch(clause)
    if found is None:
        return None
    name = found.group(1)
    if spelled and not any(char in name for char in spelled):
        return None  # the spelled character is of another word than this value
    if _DAY_WORD.search(name):
        return None  # "是周四": a day, whose 周 is no surname
    if name[:1] not in surnames() and name[:2] not in surnames():
        return None
    if _SURNAME_TITLE.fullmatch(name):
        # "是他们工程部的郑师傅 郑克勤 电话…": the full name said in a clause of its own right after
        full = next(iter(_CLAUSE.finditer(text, end)), None)
        if (
            full is not None
            and _completes_person(name, full.group())
            and not _PHONE_CLAUSE.fullmatch(full.group())
        ):
            return full.group()
    return name


def old_words(text: str) -> list[str]:
    """The old values a correction names ("不是下周二" → 下周二)."""
    return _OLD_VALUE.findall(text) if is_correction_text(text) else []


async def names_last_customer(ctx: Context, followup: FollowUp) -> bool:
    """Whether the correction says the record's customer was the wrong one: its old value names
    that lead ("刚才那个不是望江 是长嘉"), or it says 客户/公司 before its marker ("客户写错了 是X")."""
    text = ctx.message.text
    marker = _marker_at(text)
    if marker is not None and _CUSTOMER_WORD.search(text[: max(marker, 2)]):
        return True  # "客户写错了 是X", "客户是X不是Y"
    lead = await get_lead(ctx.session, followup.lead_id)
    if lead is None:
        return False
    for old in old_words(ctx.message.text):
        if await lead_named_by(ctx.session, lead, old):
            return True
        if len(old) >= 2 and old in followup.text and old in lead.company:
            # the word the report named it by, in its registered name, though the book takes it for no
            # short name of its own (a brand that is also a town's name elsewhere)
            return True
    return False


def corrected_day(text: str, sent: datetime, planned: date | None = None) -> FollowUpTime | None:
    """The later day (and time) the new words name first, when the extractor read no plan in them: a
    correction says the day bare ("不对，是下周二上午十点") with no "再去" to mark it a plan, and the
    day its head names comes before any other, with the time a later clause of the head says ("是下周五
    还是上午十点"). Today counts only with a time still ahead: "今天是上门拜访的" says when the visit
    was. A time alone ("不对，是下午三点") moves the `planned` day's time."""
    words, today, now = new_words(text), sent.date(), sent.strftime("%H:%M")
    said = find_days(words, today)
    days = [d for d in said if d.day > today or (d.day == today and d.time is not None and d.time > now)]
    if days:
        # the time may be said in a clause of its own after the day ("是下周五 还是上午十点")
        first = days[0]
        clock = first.time or (find_time(words[first.end :]) if len(said) == 1 else None)
        return FollowUpTime(first.day.isoformat(), clock)
    at = find_time(words) if not said and planned is not None else None
    return FollowUpTime(planned.isoformat(), at) if planned is not None and at is not None else None


# A weekday said bare, with no week before it ("不对是周四"; not "下周四", "这周四").
_BARE_WEEKDAY = re.compile(r"(?<![下这本上])(?:周|星期|礼拜)[一二三四五六日天1-7]")
_PART_OF_DAY = re.compile(r"上午|下午|晚上|中午|早上|傍晚|凌晨")


def weekday_in_planned_week(
    text: str, said: FollowUpTime, planned: date, old_time: str | None
) -> FollowUpTime:
    """A correction that names only the weekday changes the day of the plan and nothing else:
    "下周三上午十点" then "不对是周四" is Thursday of that same week, still at ten. Any day said with
    no time nor part of the day keeps the plan's time: "不对 是下周四" moves the day only."""
    words = new_words(text)
    keeps_time = said.time is None and _PART_OF_DAY.search(words) is None  # "是周四下午": not at ten
    if _BARE_WEEKDAY.search(words) is None or len(find_days(words, planned)) != 1:
        return FollowUpTime(said.date, old_time) if keeps_time else said
    try:
        day = date.fromisoformat(said.date)
    except ValueError:
        return said
    moved = planned + timedelta(days=day.weekday() - planned.weekday())
    if day.isocalendar()[:2] == planned.isocalendar()[:2] or moved < day:
        moved = day  # the plan was in this week already, or that week's day has passed
    return FollowUpTime(moved.isoformat(), old_time if keeps_time else said.time)


def _in_spelling(text: str, span: tuple[int, int] | None) -> bool:
    """Whether a slot's words lie inside a character spelled out ("嘉兴的嘉")."""
    if span is None:
        return False
    return any(m.start() <= span[0] and span[1] <= m.end() for m in _SPELLED.finditer(text))


def _old_items(ctx: Context, kind: str) -> list[str]:
    """The catalog items the correction's old values name ("不是X 是Y"): only those are replaced, the
    record's others stay; with none named, all the record brought in are."""
    return [m.name for old in old_words(ctx.message.text) for m in ctx.catalog.find(old) if m.kind == kind]


# A catalog item said as one more in the correction's clause ("预算是18万，云存储也包进去了", "还要加一台X",
# "再加X"): it joins what the record brought in, only what is taken back is replaced. (还是 says "still".)
_JOINING = re.compile(r"也|还(?!是)|再加|加上|另外")
_CLAUSE_END = re.compile(r"[，,。；;！!？?\n]")


def _joins(ctx: Context, kind: str) -> bool:
    """Whether every clause of the correction naming an item of `kind` says it as one more (`_JOINING`)."""
    text = ctx.message.text
    found = [m for m in ctx.catalog.find(text) if m.kind == kind]
    if not found:
        return False
    for mention in found:
        starts = [e.end() for e in _CLAUSE_END.finditer(text, 0, mention.start)]
        end = _CLAUSE_END.search(text, mention.end)
        clause = text[starts[-1] if starts else 0 : end.start() if end else len(text)]
        if not _JOINING.search(clause):
            return False
    return True


def _replace(current: Sequence[str] | None, old: Sequence[str], new: Sequence[str]) -> list[str]:
    kept = [item for item in current or [] if item not in old]
    return kept + [item for item in new if item not in kept]


def _shown(lead: Lead, contact: Contact | None, followup: FollowUp, ctx: Context) -> dict[str, str]:
    """The fields a correction may change, as the follow-up card shows them."""
    return {
        "联系人": contact_text(contact),
        "方式": kind_text(followup.kind),
        "阶段": lead.stage,
        "预算": budget_text(lead.budget_min, lead.budget_max) or "未定",
        "产品": "、".join(lead.products or []) or "未定",
        "下次跟进": next_followup_text(lead, ctx.config.tz),
    }


async def _correct_contact(
    ctx: Context, lead: Lead, followup: FollowUp, ex: Extraction, contact: Contact | None
) -> Contact | None:
    """The record's contact after the correction: another person named becomes the record's contact
    (the lead's known one when the words name it), a phone or e-mail alone fixes the current one."""
    phone = normalise_phone(ex.phone)
    if not (ex.contact_name or ex.contact_title or phone or ex.email):
        return contact
    if _renames(ctx, followup, ex, contact):
        assert contact is not None and ex.contact_name
        contact.name = ex.contact_name
        await ctx.session.flush()
        return contact
    ex = await link_contact(ctx.session, lead, ex, new_words(ctx.message.text))
    same = contact is not None and (not ex.contact_name or contact.name == ex.contact_name)
    if not same:
        contact = await save_contact(ctx.session, lead, ex, ctx.clock.now())
        followup.contact_id = contact.id if contact is not None else None
        return contact
    assert contact is not None
    for attr, value in (("title", ex.contact_title), ("phone", phone), ("email", ex.email)):
        if value:
            setattr(contact, attr, value)
    await ctx.session.flush()
    return contact


def _renames(ctx: Context, followup: FollowUp, ex: Extraction, contact: Contact | None) -> bool:
    """Whether the correction only rewrites the name of the person the record itself brought
    ("名字写错了，是姚X", "不是X 是Y" of the X it logged): the same person, so no second contact; a
    person of the book keeps theirs."""
    return bool(
        ex.contact_name
        and contact is not None
        and contact.created_at >= followup.created_at
        and contact.name != ex.contact_name
        and (fixes_a_name(ctx.message.text) or swaps_name(ctx.message.text, _names_of(contact)))
    )


def _names_of(contact: Contact | None) -> tuple[str, ...]:
    """The names a record's contact was logged by: its full name (a surname alone is no name to swap)."""
    return (contact.name,) if contact is not None and contact.name and len(contact.name) >= 2 else ()


def _said(followup: FollowUp) -> Extraction:
    """What a record brought to its lead, from the slots it keeps."""
    slots = followup.extracted
    budget = slots.get("budget")
    nxt = slots.get("next_followup")
    return Extraction(
        intent=Intent.LOG_FOLLOWUP,
        products=tuple(slots.get("products", ())),
        competitors=tuple(slots.get("competitors", ())),
        budget=(budget[0], budget[1]) if budget else None,
        kind=followup.kind,
        next_followup=FollowUpTime(nxt["date"], nxt.get("time")) if nxt else None,
    )


async def _contact_brought(session: AsyncSession, followup: FollowUp, new: Lead) -> int | None:
    """The record's contact on the customer it moves to: one the record itself brought (the person
    met, "对接的是基建处龚处长") goes with it; one the wrong customer had before stays theirs."""
    contact = await session.get(Contact, followup.contact_id) if followup.contact_id else None
    if contact is None or contact.created_at < followup.created_at:
        return None
    contact.lead_id = new.id
    await session.flush()
    return contact.id


async def _contact_named(ctx: Context, new: Lead) -> Contact | None:
    """The person the correction names instead ("是顾部长 不是邬部长", which found the customer by its
    known contact): the record's contact on the customer it moves to, that customer's own when known.
    (a known contact of that customer named by surname and title counts even when the extractor read no
    person there, as with a rare surname: "是宏远的竺总" with 竺志强 on file)"""
    ex = await link_contact(ctx.session, new, ctx.extraction, new_words(ctx.message.text))
    if not (ex.contact_name or ex.contact_title):
        return await _known_contact_said(ctx, new)
    return await save_contact(ctx.session, new, ex, ctx.clock.now())


async def _known_contact_said(ctx: Context, new: Lead) -> Contact | None:
    """A known contact of the customer the record moves to, named in a clause after the new customer
    ("不是X，是Y，邹主任订的"): read as a comment, not a new value, yet it says whom the record was with.
    Only a person the customer already holds: no contact is made of a comment."""
    ex = await link_contact(ctx.session, new, ctx.extraction, ctx.message.text)
    if not ex.contact_name:
        return None
    statement = select(Contact).where(Contact.lead_id == new.id, Contact.name == ex.contact_name)
    return (await ctx.session.execute(statement)).scalars().first()


async def _stage_moved_by(session: AsyncSession, followup: FollowUp, lead: Lead) -> StageChange | None:
    """The stage change the record's message made on its lead, while the lead still stands there: its
    reason is the message, or (a lost deal whose reason was asked for, a record amended since) it was
    made by the record's writer when the record happened."""
    made_with = and_(
        StageChange.person_id == followup.person_id, StageChange.changed_at == followup.happened_at
    )
    statement = (
        select(StageChange)
        .where(StageChange.lead_id == lead.id, or_(StageChange.reason == followup.text, made_with))
        .order_by(StageChange.changed_at.desc(), StageChange.id.desc())
    )
    change = (await session.execute(statement)).scalars().first()
    return change if change is not None and change.to_stage == lead.stage else None


async def undo_stage(session: AsyncSession, lead: Lead, change: StageChange) -> None:
    """Put the lead back where it stood before a move the rep said was another customer's news: the
    move never happened, so it leaves the history too (time-in-stage counts from the earlier move)."""
    statement = (
        select(StageChange.changed_at)
        .where(StageChange.lead_id == lead.id, StageChange.id != change.id)
        .order_by(StageChange.changed_at.desc(), StageChange.id.desc())
    )
    earlier = (await session.execute(statement)).scalars().first()
    if change.to_stage in CLOSED_STAGES and change.from_stage not in CLOSED_STAGES:
        await restore_cleared_followup(session, lead)  # the plan the mistaken 输单 cleared
    lead.stage = change.from_stage or lead.stage
    lead.stage_changed_at = earlier or lead.created_at
    await session.delete(change)
    await session.flush()


async def _move_stage(ctx: Context, person: Person, followup: FollowUp, old: Lead, new: Lead) -> None:
    """A stage the record moved its wrong customer to is undone there and made on the right one
    ("动享那单黄了" then "搞错了，是易动那单黄了"): the news was the other deal's."""
    change = await _stage_moved_by(ctx.session, followup, old)
    if change is None:
        # The wrong customer stood at the stage the record told already, so nothing moved there: the
        # news is still the right customer's ("报到185" on X, then "不是X 是Y": Y got the quote).
        told = followup.extracted.get("stage") if followup.extracted else None
        stage = reached_stage(new, Extraction(intent=Intent.LOG_FOLLOWUP, stage=told)) if told else None
        if stage is not None and stage != new.stage:
            await change_stage(ctx.session, new, stage, person_id=person.id, at=followup.happened_at,
                               reason=followup.text)  # fmt: skip
        return
    await undo_stage(ctx.session, old, change)
    stage = reached_stage(new, Extraction(intent=Intent.LOG_FOLLOWUP, stage=change.to_stage))
    if stage is not None:
        await change_stage(ctx.session, new, stage, person_id=person.id, at=followup.happened_at,
                           reason=followup.text)  # fmt: skip


async def _move(ctx: Context, person: Person, followup: FollowUp, *, new: bool = False) -> list[Reply] | None:
    """The record moved to the customer the correction names instead (`new`: a customer the writer
    says is new, not looked for in the book); None when it names none."""
    session, tz = ctx.session, ctx.config.tz
    if new:
        found = Resolved(None, ctx.extraction)
    else:
        found = await resolve_lead(session, ctx.extraction, person, new_words(ctx.message.text))
    if found.candidates:
        return [Reply(to=person.id, title="是哪个客户？", lines=candidate_lines(found.candidates))]
    old, new = await get_lead(session, followup.lead_id), found.lead
    said = _said(followup)
    if old is None:
        return None
    if (
        new is not None
        and new.id == old.id
        and ctx.extraction.company
        and suffix_re().search(ctx.extraction.company)
    ):
        # The words found the record's customer again by the brand both share ("不是明达针织 是明达
        # 科技园 新客户 X明达科技园开发有限公司"): the full name said is the new customer, not it.
        new = None
    if new is None and ctx.extraction.company:  # a customer the CRM does not know yet: the rep's new lead
        facts = dataclasses.replace(ctx, extraction=dataclasses.replace(said, city=ctx.extraction.city))
        new = await create_rep_lead(facts, person, ctx.extraction.company)
    if new is None or new.id == old.id:
        return None
    if not await may_change(session, person, new, lines_for(ctx, person)):
        return [Reply(to=person.id, title="无法修改", lines=(TAKEN,))]
    if old.next_followup_at is not None and old.next_followup_at == followup.next_followup_at:
        old.next_followup_at = None  # the plan was the other customer's
    named = await _contact_named(ctx, new)
    brought = named.id if named is not None else await _contact_brought(session, followup, new)
    followup.lead_id, followup.contact_id = new.id, brought
    await _move_stage(ctx, person, followup, old, new)
    apply_scalars(new, said, ctx.catalog)
    due = set_next_followup(new, said.next_followup, tz)
    happened = followup.happened_at
    new.last_contact_at = max(new.last_contact_at or happened, happened)
    new.first_response_at = new.first_response_at or happened
    await refresh_tags(session, new, ctx.catalog, ctx.config.grading.ample_budget)
    await amend_followup(session, followup, at=ctx.clock.now(), awaiting=None if due else followup.awaiting,
                         note=ctx.message.text)  # fmt: skip
    lines = [f"客户：{old.company} → {new.company}", f"阶段：{new.stage}"]
    budget = budget_text(new.budget_min, new.budget_max)
    if budget:
        lines.append(f"预算：{budget}")
    lines.append(f"下次跟进：{next_followup_text(new, tz)}")
    return [Reply(to=person.id, title="已更正", lines=tuple(lines), buttons=(amend_button(new.id),))]


async def move_record(
    ctx: Context, person: Person, followup: FollowUp, company: str, *, new: bool = False
) -> list[Reply]:
    """The record moved to the customer named `company` (one of the writer's book by its full name,
    or with `new` a new one), as a correction naming it would: the answer to a record a product
    settled."""
    named = Extraction(intent=Intent.LOG_FOLLOWUP, company=company)
    message = dataclasses.replace(ctx.message, text=company)
    moved = await _move(
        dataclasses.replace(ctx, message=message, extraction=named), person, followup, new=new
    )
    return (
        moved if moved is not None else [Reply(to=person.id, title="没有改动", lines=(f"客户：{company}",))]
    )


async def swaps_the_customer_said(ctx: Context, followup: FollowUp) -> bool:
    """Whether the correction's old value is a word of the record's own message and its new words
    name another customer of the writer's book ("不是X 是Y宁波那家" where the report said X): the
    rep named the wrong customer, even when X was not read as the record's (a new lead made of it)."""
    said = [old for old in old_words(ctx.message.text) if old in followup.text]
    if not said or any(find_days(old, ctx.message.sent_at.date()) for old in said):
        return False
    found = await resolve_lead(ctx.session, ctx.extraction, ctx.member, new_words(ctx.message.text))
    named = [found.lead] if found.lead is not None else list(found.candidates)
    return bool(named) and all(lead.id != followup.lead_id for lead in named)


async def moves_the_stage_news(ctx: Context, followup: FollowUp) -> bool:
    """Whether the correction says again the stage the record moved its customer to, naming another
    ("…这单丢了" on X, then "搞错了，是Y那单丢了"): the news was that customer's, as with "不是X"."""
    stage, lead = ctx.extraction.stage, await get_lead(ctx.session, followup.lead_id)
    if not stage or lead is None:
        return False
    moved = await _stage_moved_by(ctx.session, followup, lead)
    return moved is not None and moved.to_stage == stage


async def names_another_as_new(ctx: Context, person: Person, followup: FollowUp) -> bool:
    """Whether the correction's new words name, by a customer's name, one customer of the writer's book
    and it is not the record's ("不对，是X那边薛总说的，Y那边今天没联系", "搞错了，是X那家"): the rep
    told the wrong customer, whose report it was. A person named alone may be the record's customer's
    own, so only a name counts; the record's customer named there ("是Y的钱经理") keeps it."""
    value = head_value(ctx.message.text)
    if not value or _FIELD_OF_A_CUSTOMER.search(value):
        return False  # "古勒巴格的预算是65万": a field of that customer corrected, not the report moved
    book = await load_book(ctx.session, person)
    named = {lead_id for _, ids in book.named_at(value) for lead_id in ids}
    return len(named) == 1 and followup.lead_id not in named


async def correct_followup(ctx: Context, person: Person, followup: FollowUp) -> list[Reply]:
    session, tz, now = ctx.session, ctx.config.tz, ctx.clock.now()
    if (
        await names_last_customer(ctx, followup)
        or await swaps_the_customer_said(ctx, followup)
        or await moves_the_stage_news(ctx, followup)
        or await names_another_as_new(ctx, person, followup)
    ):
        moved = await _move(ctx, person, followup)
        if moved is not None:
            return moved
    lead = await get_lead(session, followup.lead_id)
    assert lead is not None  # follow-ups cascade with their lead
    ex = ctx.extraction
    planned_at = lead.next_followup_at.astimezone(tz) if lead.next_followup_at else None
    if ex.next_followup is None:
        planned = planned_at.date() if planned_at else None
        day = corrected_day(ctx.message.text, ctx.message.sent_at.astimezone(tz), planned)
        if day is not None:
            ex = dataclasses.replace(ex, next_followup=day)
    elif ex.next_followup.time is None:
        # "改成下周四，还是下午三点": the day's time said in a clause of its own after the day
        day = corrected_day(ctx.message.text, ctx.message.sent_at.astimezone(tz))
        if day is not None and day.date == ex.next_followup.date and day.time is not None:
            ex = dataclasses.replace(ex, next_followup=day)
    if ex.next_followup is not None and planned_at is not None:
        old_time = planned_at.strftime("%H:%M") if lead.next_followup_has_time else None
        moved = weekday_in_planned_week(ctx.message.text, ex.next_followup, planned_at.date(), old_time)
        ex = dataclasses.replace(ex, next_followup=moved)
    if (
        ex.budget is None
        and followup.extracted.get("budget")
        and (
            amount := sole_amount(new_words(ctx.message.text))
            # (or the one its head says, when a later clause names the old one: "是四十万，45是含税的数")
            or sole_amount(ctx.message.text[: head_end(ctx.message.text)])
        )
    ):
        # "不对 是七十万" after a record that said a budget: the amount said bare is that budget
        ex = dataclasses.replace(ex, budget=amount[0])
    current = await session.get(Contact, followup.contact_id) if followup.contact_id else None
    if not (ex.contact_name or ex.contact_title) and (
        name := corrected_person(ctx.message.text, _names_of(current))
    ):
        ex = dataclasses.replace(ex, contact_name=name)
    if ex.city and _in_spelling(ctx.message.text, ex.spans.get("city")):
        ex = dataclasses.replace(ex, city=None)  # "嘉兴的嘉" spells a name, it names no city
    slots = ex.to_slots()
    slots.pop("company", None)  # the same customer, as checked before coming here
    if not slots:
        return [Reply(to=person.id, title="要改什么？", lines=ASK_WHAT)]
    before = _shown(lead, current or await card_contact(session, lead, None), followup, ctx)

    contact = await _correct_contact(ctx, lead, followup, ex, current)
    said = followup.extracted
    if ex.products:
        old = _old_items(ctx, "product") or ([] if _joins(ctx, "product") else said.get("products", []))
        lead.products = _replace(lead.products, old, ex.products)
        lead.product_line = first_line(lead.products, ctx.catalog) or lead.product_line
    if ex.competitors:
        old = _old_items(ctx, "competitor") or said.get("competitors", [])
        lead.competitors = _replace(lead.competitors, old, ex.competitors)
    if ex.budget is not None:
        lead.budget_min, lead.budget_max = ex.budget
    if ex.city:
        lead.city = ex.city
    if ex.kind:
        followup.kind = ex.kind
    if ex.stage and ex.stage in STAGES:
        moved = await _stage_moved_by(session, followup, lead)
        if moved is not None and moved.from_stage == ex.stage:
            # "不对，阶段是需求确认" after a report that lost the deal: the move never happened, so it
            # is undone (the plan it cleared comes back), not counted as a loss and a reopening
            await undo_stage(session, lead, moved)
        else:
            await change_stage(session, lead, ex.stage, person_id=person.id, at=ctx.message.sent_at,
                               reason=ctx.message.text)  # fmt: skip
    due = set_next_followup(lead, ex.next_followup, tz)
    await refresh_tags(session, lead, ctx.catalog, ctx.config.grading.ample_budget)
    await amend_followup(
        session,
        followup,
        at=now,
        # 改一下's wait ends with the fix; a "when next?" still open stays open without a time
        awaiting=None if due is not None or followup.awaiting == AWAIT_CORRECTION else followup.awaiting,
        extracted=slots,
        next_followup_at=due,
        note=ctx.message.text,
    )
    after = _shown(lead, contact or await card_contact(session, lead, followup.contact_id), followup, ctx)
    changed = [f"{name}：{before[name]} → {after[name]}" for name in before if before[name] != after[name]]
    if not changed:
        return [Reply(to=person.id, title="没有改动", lines=(f"客户：{lead.company}", *ASK_WHAT))]
    return [Reply(to=person.id, title="已更正", lines=(f"客户：{lead.company}", *changed))]
