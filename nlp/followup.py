"""Which mentioned day is the rep's own next contact (`next_followup`)."""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from nlp.dates import DayMention, find_days
from nlp.lexicon import titles

_CLAUSE_END = re.compile(r"[，,。；;！!？?\n]|\s{1,}(?=[\u4e00-\u9fff])")
# What the rep will do at that time: go, call, send, meet ...
_ACTION = re.compile(
    r"去|过去|再|拜访|打|电话|发|送|见|约|谈|过来|跟进|联系|回复|确认|演示|找|签|带|看|讲|汇报|开会|面谈|聊|上门|给他|给她"
    r"|交|试|踩点|投标|拿|考察|视频|微信|回访|对量|勘察|量尺寸|出差|碰|走访|培训|参观|跟车|回他|回她|回个|回电"
    r"|答复[他她]|回收|装机|安装|调试|验收|吃饭|喝茶|饭局|坐坐|聚一下|聚聚|follow|ping|call|visit|meet"
)
# A third party as the subject right before the day: "他们月底前开会给答复" is their timeline.
_THEIR_SUBJECT = re.compile(r"(?:他|她|他们|她们|对方|客户|厂里|院里|领导)\s?$")
# Someone else's timeline: "他说月底前给答复", "让我等通知".
_REPORTED = re.compile(r"[他她]们?说|对方说|客户说|说等|等他|等她|等通知|等消息|^\s*说")
# A contact already made on that day ("周六电话回访了"): not a plan.
_DONE = re.compile(
    r"^\s?[\u4e00-\u9fff]{0,8}?(?:回访了|拜访了|打了|去了|见了|聊了|通了|沟通了|来了|开了|做了|谈了|电话了)"
)
# A day asked about ("问…能不能月底前交货", "问月底前是否可以装完"): a question, not the rep's plan.
_ASKED = re.compile(r"问")
ASK_REACH = 12  # characters: a run-on message asks about one thing and plans another further on
_QUESTION = re.compile(r"能不能|可不可以|能否|是否|会不会|行不行|来不来得及|来得及吗|有没有|[吗么][?？]?\s*$")
_RESCHEDULED = re.compile(r"改到|改成|改在|推到|推迟到|约了|约好|约在|定在")
# 定在 / 约在 alone may be the customer's event ("年会定在12月底"); a plan has an action or 下次 / 再 too.
_WEAK_RESCHEDULE = re.compile(r"(?:定在|约在)\s?$")


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
        if any(near[max(0, at - n) : at] in known for n in range(1, min(longest, at) + 1)):
            return True
        at = near.find("说", at + 1)
    return False


def _asked(before: str, after: str) -> bool:
    """The day is what someone asked about: 问 shortly before it, a question word right around it."""
    near = before[-ASK_REACH:]
    return bool(_ASKED.search(near)) and bool(_QUESTION.search(near) or _QUESTION.search(after[:ASK_REACH]))


def _done(after: str) -> bool:
    """The clause after a day reports what was done then ("周六电话回访了"), not a plan."""
    return _DONE.search(after) is not None and "再" not in after


def _clause(text: str, start: int, end: int) -> tuple[str, str]:
    """Text of the clause before the day expression and after it."""
    left = start
    while left > 0 and not _CLAUSE_END.match(text, left - 1):
        left -= 1
    return text[left:start], _clause_after(text, end)


def _clause_after(text: str, end: int) -> str:
    """Text of the clause after `end` (what _clause gives second, without walking back for the first)."""
    m = _CLAUSE_END.search(text, end)
    return text[end : m.start() if m else len(text)]


def _restated(planned: DayMention, again: DayMention) -> bool:
    """`again` names the planned day once more and adds the hour the plan left open."""
    return again.day == planned.day and planned.time is None and again.time is not None


def find_followup(
    text: str, today: date, days: list[DayMention] | None = None, now: str | None = None
) -> DayMention | None:
    """The rep's next planned contact among the days mentioned (`days` from find_days, if at hand);
    `now` ("HH:MM") lets a later hour today count ("今晚8点前回他")."""
    best: DayMention | None = None
    for d in find_days(text, today) if days is None else days:
        later_today = d.day == today and d.time is not None and now is not None and d.time > now
        if d.day <= today and not later_today:
            continue  # past days and today are what happened, not the next contact
        before, after = _clause(text, d.start, d.end)
        rescheduled = _RESCHEDULED.search(before) is not None
        if rescheduled and _WEAK_RESCHEDULE.search(before) and not (_ACTION.search(after) or "再" in before):
            rescheduled = False
        if (_REPORTED.search(before[-12:]) or _titled_says(before)) and not rescheduled:
            continue
        if _asked(before, after) and not rescheduled:
            continue
        if _THEIR_SUBJECT.search(before) and "我" not in after:
            continue
        if _REPORTED.search(after) or (_done(after) and not rescheduled):
            continue
        if best is not None and _restated(best, d):
            best = d  # "下周四上午我再过去 对 下周四上午十点": the same day said again, more precisely
            continue
        if not after.strip():
            # "next Monday 我再follow": the plan is said after a pause, by the rep
            nxt = _CLAUSE_END.search(text, d.end)
            if nxt is not None:
                following = _clause_after(text, nxt.end())
                if following.lstrip().startswith(("我再", "再", "我去", "我过去")):
                    after = following
        if not (_ACTION.search(after) or rescheduled or _ACTION.search(before[-4:])):
            continue
        if best is None or rescheduled:
            best = d
    return best


def mask_plans(text: str, today: date, days: list[DayMention] | None = None) -> str:
    """The text with every clause about a later day blanked out (same length, so spans still hold)."""
    chars = list(text)
    for d in find_days(text, today) if days is None else days:
        if d.day <= today or _done(_clause_after(text, d.end)):
            continue
        m = _CLAUSE_END.search(text, d.end)
        end = m.start() if m else len(text)
        chars[d.start : end] = " " * (end - d.start)
    return "".join(chars)


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


def find_bare_followup(text: str, today: date, days: list[DayMention] | None = None) -> DayMention | None:
    """The day of a message that is only a time ("周五下午", "改到下周四上午"): a follow-up answer."""
    days = find_days(text, today) if days is None else days
    if len(days) != 1 or days[0].day < today:
        return None
    d = days[0]
    rest = text[: d.start] + " " + text[d.end :]
    return d if _BARE_FILLER.fullmatch(rest) else None
