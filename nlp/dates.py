"""Relative dates and times of day, resolved against the send time (weeks start on Monday).

Two uses: `next_followup` (the rep's own next contact, a future day plus an optional time) and
`period` (the inclusive date range a query asks about).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from nlp.lexicon import Screened, needs_re, starts_re
from nlp.numbers import cn_to_int

_CN = "零〇一二两三四五六七八九十"
_HAS_LATIN = re.compile(r"[A-Za-z]")
_WEEKDAY = {
    "一": 0,
    "二": 1,
    "三": 2,
    "四": 3,
    "五": 4,
    "六": 5,
    "日": 6,
    "天": 6,
    "1": 0,
    "2": 1,
    "3": 2,
    "4": 3,
    "5": 4,
    "6": 5,
    "7": 6,
}
_REL_DAY = {
    "大后天": 3,
    "大后儿个": 3,
    "后天": 2,
    "后儿个": 2,
    "明天": 1,
    "明早": 1,
    "明晚": 1,
    "明儿": 1,
    "明儿个": 1,
    "明日": 1,
    "今天": 0,
    "今早": 0,
    "今晚": 0,
    "今儿": 0,
    "今儿个": 0,
    "今日": 0,
    "昨天": -1,
    "昨晚": -1,
    "昨日": -1,
    "前天": -2,
    "today": 0,
    "tomorrow": 1,
    "yesterday": -1,
}
_NUM = rf"(?:\d{{1,2}}|[{_CN}]{{1,3}})"

# One day: relative words, weekdays with an optional week shift, N天后, 月底, (下个月|N月)N号.
DAY_RE = re.compile(
    rf"(?P<rel>大后天|大后儿个|后天|后儿个|明天|明早|明晚|明儿个|明儿|明日|今天|今早|今晚|今儿个|今儿|今日|昨天|昨晚|昨日|前天"
    rf"|(?<![A-Za-z])(?i:today|tomorrow|yesterday)(?![A-Za-z]))"
    rf"|(?P<wshift>下下个?|下个?|这个?|本|上上个?|上个?)?(?:周|星期|礼拜)(?P<wd>[一二三四五六日天1-7])(?!(?<=一)共)"
    rf"|(?P<ndays>{_NUM})天(?:之后|以后|后)"
    rf"|(?:(?P<mshift>下个?|这个?|本)|(?P<endm>{_NUM})(?=月[底末]))?月(?:底|末)"
    # (not a span of days, after what lasted them or as 两日: "试用了两日", "住了三日" = for two, three days)
    rf"|(?:(?P<nextm>下个?月)|(?P<month>{_NUM})月(?:份)?)?(?<![\d.])(?!(?<=[了咗过])[{_CN}]{{1,3}}日|两日)(?P<day>{_NUM})\s?[号日](?![\d楼线院门机])"
    # month/day in digits, as in English notes ("visit on 12/16", "12/18前"); not a fraction, a share or a
    # part of a path or a version ("3/4的预算", "1/2寸", "v1/2")
    r"|(?<![\dA-Za-z/.:\-])(?P<sm>1[0-2]|0?[1-9])/(?P<sd>3[01]|[12]\d|0?[1-9])(?![\dA-Za-z/%寸分成折的])"
)
# Every character a day expression can start with, read from DAY_RE itself (so a new branch is in it):
# find_days jumps from one to the next in C instead of trying DAY_RE at every position.
_DAY_FIRST = starts_re(DAY_RE)
# ...and the characters one of which every day expression holds (天, 号, 周, 月 ...): a third of
# messages hold none and are done at once.
_DAY_NEEDS = needs_re(DAY_RE)


def _day_matches(text: str) -> Iterator[re.Match[str]]:
    """DAY_RE.finditer(text): the same matches, ~3x faster (DAY_RE cannot match empty)."""
    if _DAY_NEEDS is not None and _DAY_NEEDS.search(text) is None:
        return
    if _DAY_FIRST is None:
        yield from DAY_RE.finditer(text)
        return
    at = _DAY_FIRST.search(text)
    while at is not None:
        m = DAY_RE.match(text, at.start())
        if m is not None:
            yield m
        at = _DAY_FIRST.search(text, m.end() if m is not None else at.start() + 1)


# ("明天一早9点", "周五一大早八点": the early morning; northern 前晌 / 晌午 / 后晌: morning, noon, afternoon)
_PERIOD_WORD = (
    r"(?P<pw>一大早|一早|上午|下午|晚上|中午|早上|凌晨|傍晚|早晨|夜里|前晌|晌午|后晌|下半晌|上半晌|晚|早|午)?"
)
_AFTERNOON_ON = ("下午", "晚上", "傍晚", "夜里", "晚", "后晌", "下半晌")  # "三点" there is 15:00
_NOON = ("中午", "午", "晌午")
TIME_RE = re.compile(
    rf"\s?(?:的)?{_PERIOD_WORD}\s?(?:(?P<h>{_NUM})\s?(?:点钟?|时)(?P<m>半|一刻|三刻|\d{{1,2}}分?|[{_CN}]{{1,3}}分|[{_CN}]{{2,3}}(?![{_CN}]))?"
    rf"|(?P<hh>\d{{1,2}})[:：](?P<mm>\d{{2}})(?:\s?(?P<ap2>[ap]\.?m\.?)(?![A-Za-z]))?"
    # said in English: "10am", "2 pm", "3:30pm"
    rf"|(?P<eh>\d{{1,2}})\s?(?P<ap>[ap]\.?m\.?)(?![A-Za-z]))?",
    re.IGNORECASE,
)
# Periods asked about by queries.
PERIOD_RE = re.compile(
    r"(?P<week>本周|这周|这个?星期|本星期|这礼拜|这个礼拜|上周|上个?星期|上个?礼拜|下周|下个?星期|下个?礼拜"
    # ...and in English as reps mix it in: "this week 团队 new lead 多少个", "last month的回款"
    r"|(?<![A-Za-z])(?i:this|last|next)\s?(?i:week)(?![A-Za-z]))"
    # (a weekday after it is a day, but not the 一 of 一共, "in all": "这周一共新增了几条")
    r"(?!(?!一共)[一二三四五六日天1-7])"
    r"|(?P<month>本月|这个?月|当月|上个?月|下个?月|(?<![A-Za-z])(?i:this|last|next)\s?(?i:month)(?![A-Za-z]))"
    # (a day of that month may follow, "上个月一号"; a word opening with 一 may not: "上个月一共签了几单")
    r"(?!底|末|\d|(?!一[共直般样些起整])[一二三四五六七八九十])"
    r"|(?P<quarter>本季度|这个?季度|上个?季度|下个?季度|(?<![A-Za-z])(?i:this|last|next)\s?(?i:quarter)(?![A-Za-z]))"
    r"|(?P<year>今年|本年度?|去年|明年)"
    rf"|(?P<nmonth>{_NUM})月份?(?![\d{_CN}号日底末])"
)


@dataclass(frozen=True, slots=True)
class DayMention:
    """A resolved day in the text, with the time of day said right after it (HH:MM or None)."""

    day: date
    start: int
    end: int  # end of the day expression plus any time of day
    time: str | None
    deadline: bool = False  # "月底前", "周五之前"


def _num(s: str | None) -> int | None:
    if not s:
        return None
    if s.isdigit():
        return int(s)
    return cn_to_int(s)


def _add_months(d: date, months: int, day: int | None = None) -> date | None:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    last = calendar.monthrange(year, month)[1]
    want = day if day is not None else d.day
    if not 1 <= want <= last:
        return None
    return date(year, month, want)


def _week_shift(word: str | None) -> int:
    if not word:
        return 0
    word = word.lower()
    if word.startswith("next"):
        return 1
    if word.startswith("last"):
        return -1
    if word.startswith("下下"):
        return 2
    if word.startswith("下"):
        return 1
    if word.startswith("上上"):
        return -2
    if word.startswith("上"):
        return -1
    return 0


def _resolve(m: re.Match[str], today: date) -> date | None:
    if m.group("rel"):
        return today + timedelta(days=_REL_DAY[m.group("rel").lower()])
    if m.group("wd"):
        monday = today - timedelta(days=today.weekday())
        return monday + timedelta(weeks=_week_shift(m.group("wshift")), days=_WEEKDAY[m.group("wd")])
    if m.group("ndays"):
        n = _num(m.group("ndays"))
        return today + timedelta(days=n) if n is not None and n <= 366 else None
    if m.group(0).endswith(("月底", "月末")):
        shift = 1 if (m.group("mshift") or "").startswith("下") else 0
        first = _add_months(today.replace(day=1), shift)
        if m.group("endm"):  # "12月底": the end of that month, next year's once it has passed
            month = _num(m.group("endm"))
            if month is None or not 1 <= month <= 12:
                return None
            year = today.year if month >= today.month else today.year + 1
            first = date(year, month, 1)
        if first is None:
            return None
        return first.replace(day=calendar.monthrange(first.year, first.month)[1])
    if m.group("sd"):
        month, day = int(m.group("sm")), int(m.group("sd"))
        d = _safe_date(today.year, month, day)
        # (a day that has passed rolls into next year, as "1月4号" does, unless just past: see _JUST_PAST)
        if d is None or d >= today or today - d <= _JUST_PAST:
            return d
        return _safe_date(today.year + 1, month, day)
    day = _num(m.group("day"))
    if day is None or not 1 <= day <= 31:
        return None
    if m.group("nextm"):
        return _add_months(today.replace(day=1), 1, day)
    if m.group("month"):
        month = _num(m.group("month"))
        if month is None or not 1 <= month <= 12:
            return None
        try:
            d = date(today.year, month, day)
        except ValueError:
            return None
        # A day that has passed rolls into next year ("1月4号" said on 12-30), unless just past.
        return d if d >= today or today - d <= _JUST_PAST else _safe_date(today.year + 1, month, day)
    this = _add_months(today.replace(day=1), 0, day)
    if this is not None and this >= today:
        return this
    return _add_months(today.replace(day=1), 1, day)


# A month and day said that passed less than this ago is that past day, not next year's: a rep dates a
# report ("3月9日在X开了会" sent on 03-10 tells what was done).
_JUST_PAST = timedelta(days=31)


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


# A bare hour below this, said with no period word, is in the afternoon (三点 → 15:00).
_EARLIEST_WORKING_HOUR = 7


def _time(m: re.Match[str]) -> str | None:
    pw = m.group("pw") or ""
    if m.group("eh"):
        h, mi = int(m.group("eh")), 0
    elif m.group("hh"):
        h, mi = int(m.group("hh")), int(m.group("mm"))
    elif m.group("h"):
        h = _num(m.group("h"))
        if h is None:
            return None
        mtxt = m.group("m") or ""
        if mtxt == "半":
            mi = 30
        elif mtxt == "一刻":
            mi = 15
        elif mtxt == "三刻":
            mi = 45
        else:
            mi = _num(mtxt.rstrip("分")) or 0
    else:
        return None
    ap = (m.group("ap") or m.group("ap2") or "").lower()
    if ap:  # "2pm" → 14:00, "12am" → 00:00
        if not 1 <= h <= 12:
            return None
        h = h % 12 + (12 if ap.startswith("p") else 0)
    elif (pw in _AFTERNOON_ON and h <= 11) or (pw in _NOON and h < 6):
        h += 12
    elif not pw and 1 <= h < _EARLIEST_WORKING_HOUR and not m.group("hh"):
        h += 12  # "明天三点再去": nobody meets a customer at 03:00; a bare small hour is the afternoon
    if not (0 <= h <= 23 and 0 <= mi <= 59):
        return None
    return f"{h:02d}:{mi:02d}"


# Days said in English, as reps mix it in: "next Monday", "this Fri", "tomorrow".
_EN_DAY_RE = Screened(
    r"(?<![A-Za-z])(?:(?P<shift>next|this)\s+)?(?P<wd>mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?(?![A-Za-z])"
    # "the Friday after next": the weekday of the week after next week
    r"(?P<after_next>\s+after\s+next(?![A-Za-z]))?"
    r"|(?<![A-Za-z])(?P<rel>tomorrow|day after tomorrow|tmr|tmrw)(?![A-Za-z])"
    # a count of days or weeks from now: "in 3 days", "in two weeks", "in a week"
    r"|(?<![A-Za-z])in\s+(?P<count>\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten)"
    r"\s+(?P<unit>day|week)s?(?![A-Za-z])",
    re.IGNORECASE,
)
_EN_COUNT = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
_EN_COUNT |= {"six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
# (only a clock time in English after the comma: "Friday, 3 rooms" is no time)
_EN_TIME_AFTER_COMMA = re.compile(
    r",\s?(?:(?P<hh>\d{1,2}):(?P<mm>\d{2})\s?(?P<ap2>[ap]\.?m\.?)|(?P<eh>\d{1,2})\s?(?P<ap>[ap]\.?m\.?))(?![A-Za-z])"
    r"(?P<h>)(?P<m>)(?P<pw>)",
    re.IGNORECASE,
)
_EN_WEEKDAY = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}


def _english_days(text: str, today: date) -> list[DayMention]:
    out: list[DayMention] = []
    for m in _EN_DAY_RE.finditer(text):
        if m.group("rel"):
            rel = m.group("rel").lower()
            d = today + timedelta(days=2 if rel.startswith("day after") else 1)
        elif m.group("count"):
            n = _EN_COUNT.get(m.group("count").lower()) or int(m.group("count"))
            d = today + timedelta(days=n * (7 if m.group("unit").lower() == "week" else 1))
        else:
            monday = today - timedelta(days=today.weekday())
            shift = 1 if (m.group("shift") or "").lower() == "next" else 0
            if m.group("after_next"):
                shift = 2
            d = monday + timedelta(weeks=shift, days=_EN_WEEKDAY[m.group("wd").lower()])
            if shift == 0 and not m.group("shift") and d < today:
                d += timedelta(weeks=1)  # "on Monday" said on a Wednesday is the coming one
        end, time = m.end(), None
        tm = TIME_RE.match(text, end)
        if not (tm and (tm.group("h") or tm.group("hh") or tm.group("eh"))):
            tm = _EN_TIME_AFTER_COMMA.match(text, end)  # "the Friday after next, 9:30am"
        if tm and (tm.group("h") or tm.group("hh") or tm.group("eh")):  # "next Tuesday 10am"
            end, time = tm.end(), _time(tm)
        out.append(DayMention(d, m.start(), end, time, False))
    return out


# "明早9点": the period word is in the day word itself.
_IMPLIED_PERIOD = {"明早": "早上", "今早": "早上", "明晚": "晚上", "今晚": "晚上", "昨晚": "晚上"}
_DEADLINE = re.compile(r"\s?(?:之前|以前|前)")


def find_days(text: str, today: date) -> list[DayMention]:
    """Every resolvable day expression with the time that follows it."""
    out: list[DayMention] = _english_days(text, today) if _HAS_LATIN.search(text) else []
    for m in _day_matches(text):
        d = _resolve(m, today)
        if d is None:
            continue
        end = m.end()
        time = None
        rel = m.group("rel") or ""
        tm = TIME_RE.match(text, end)
        if tm and (tm.group("h") or tm.group("hh") or tm.group("eh")):
            # "明早9点": the period word is in the day word itself.
            if not tm.group("pw") and rel in _IMPLIED_PERIOD:
                fixed = TIME_RE.match(_IMPLIED_PERIOD[rel] + text[end : tm.end()])
                time = _time(fixed) if fixed else None
            else:
                time = _time(tm)
            end = tm.end()
        elif tm and tm.group("pw"):
            end = tm.end()
        deadline = bool(_DEADLINE.match(text[end : end + 3]))
        if time is None:
            time = _time_said_last(text, end)
        out.append(DayMention(d, m.start(), end, time, deadline))
    if out and _EVENT_DAY_WORD.search(text) is not None:
        out += _event_days(text, out)
    return sorted(out, key=lambda d: d.start)


# A day named again by what happens on it, said right after it before: "周五验收 … 验收那天上午我过去",
# "15号开业，开业当天我去捧场".
_EVENT_DAY_WORD = re.compile(r"那一?天|当天")
_EVENT_DAY = re.compile(r"(?P<ev>[\u4e00-\u9fff]{2})的?(?:那一?天|当天)")


def _event_days(text: str, days: list[DayMention]) -> list[DayMention]:
    out: list[DayMention] = []
    for m in _EVENT_DAY.finditer(text):
        said = next(
            (d for d in days if d.end <= m.start() and text.startswith(m.group("ev"), d.end)),
            None,
        )
        if said is None or any(d.start <= m.start() < d.end for d in days):
            continue
        end, time = m.end(), None
        tm = TIME_RE.match(text, end)
        if tm and (tm.group("h") or tm.group("hh") or tm.group("eh")):
            time, end = _time(tm), tm.end()
        out.append(DayMention(said.day, m.start(), end, time or said.time, said.deadline))
    return out


# The hour said on its own after what is planned that day, the message's last words: "下周五再去 三点",
# "明天过去一趟，下午2点吧" (not "明天过去 他说三点以后有空": someone's words, nor a bare "一点").
_TIME_SAID_LAST = re.compile(
    rf"[\s，,]{_PERIOD_WORD}\s?(?P<h>(?:\d{{1,2}}|[{_CN}]{{1,3}}))\s?点钟?(?P<m>半|一刻|三刻)?(?:左右|前后)?[吧哈啊呢]?[。.!！~～\s]*$"
)
_TIME_SAID_LAST_REACH = 16  # characters of the plan between the day and its hour


def _time_said_last(text: str, end: int) -> str | None:
    """The hour of the day ending at `end` said as the message's last words, no other day in between."""
    m = _TIME_SAID_LAST.search(text, end, end + _TIME_SAID_LAST_REACH + 12)
    if m is None or m.end() != len(text) or (m.group("h") == "一" and not m.group("pw")):
        return None
    if m.start() - end > _TIME_SAID_LAST_REACH or DAY_RE.search(text, end, m.start()):
        return None
    tm = TIME_RE.match(text, m.start() + 1)
    return _time(tm) if tm else None


def _month_range(first: date) -> tuple[date, date]:
    return first, first.replace(day=calendar.monthrange(first.year, first.month)[1])


_AND_DAY = re.compile(r"\s?(?:和|跟|与|及|、|还有|加)\s?")
_SIDE_BY_SIDE = re.compile(r"\s?")
_TO_DAY = re.compile(r"\s?(?:到|至|-|~|～|—)\s?")


def find_period(text: str, today: date) -> tuple[tuple[date, date], tuple[int, int]] | None:
    """The date range a query asks about: a named week/month/quarter/year or a single day."""
    m = PERIOD_RE.search(text)
    if m is not None:
        word = m.group()
        span = m.span()
        if m.group("week"):
            monday = today - timedelta(days=today.weekday()) + timedelta(weeks=_week_shift(word))
            return (monday, monday + timedelta(days=6)), span
        if m.group("month"):
            first = _add_months(today.replace(day=1), _week_shift(word))
            if first is not None:
                return _month_range(first), span
        if m.group("quarter"):
            q0 = (today.month - 1) // 3 * 3 + 1
            first = _add_months(today.replace(day=1, month=q0), 3 * _week_shift(word))
            if first is not None:
                last = _add_months(first, 2)
                assert last is not None
                return (first, _month_range(last)[1]), span
        if m.group("year"):
            year = today.year + {"去年": -1, "明年": 1}.get(word, 0)
            return (date(year, 1, 1), date(year, 12, 31)), span
        if m.group("nmonth"):
            month = _num(m.group("nmonth"))
            if month is not None and 1 <= month <= 12:
                return _month_range(date(today.year, month, 1)), span
    days = find_days(text, today)
    if days:
        d = days[0]
        # two days asked together ("今天和明天", "周四跟周五"): from the first to the second
        if len(days) > 1 and _AND_DAY.fullmatch(text, d.end, days[1].start) and days[1].day > d.day:
            return (d.day, days[1].day), (d.start, days[1].end)
        # ...or as a span from one to the other ("6月1号到3号", "10号-12号"), a month or so at most
        if (
            len(days) > 1
            and _TO_DAY.fullmatch(text, d.end, days[1].start)
            and 0 < (days[1].day - d.day).days <= 62
        ):
            return (d.day, days[1].day), (d.start, days[1].end)
        # two days side by side with no word between ("明天后天", "周三周四"): a span of one week at most
        if (
            len(days) > 1
            and _SIDE_BY_SIDE.fullmatch(text, d.end, days[1].start)
            and 0 < (days[1].day - d.day).days <= 6
        ):
            return (d.day, days[1].day), (d.start, days[1].end)
        # "明后天": tomorrow and the day after, 明 glued before 后天
        if text[d.start : d.end] == "后天" and text[d.start - 1 : d.start] == "明":
            return (d.day - timedelta(days=1), d.day), (d.start - 1, d.end)
        return (d.day, d.day), (d.start, d.end)
    return None


def find_time(text: str) -> str | None:
    """The first time of day said without a day ("下午三点" → 15:00, "10:30"); None when none is.
    A bare "一点" is left out: it is far more often "a little" (便宜一点) than one o'clock."""
    for m in TIME_RE.finditer(text):
        if not (m.group("h") or m.group("hh") or m.group("eh")):
            continue
        if m.group("h") == "一" and not m.group("pw"):
            continue
        return _time(m)
    return None


# A day named by referring back to one already said ("那天", "那一天"): in a follow-on, the day the
# rep planned in the message before ("下个月8号过去汇报" then "老板那天下午两点有空").
_THAT_DAY = re.compile(r"那一?天|那日")


def time_on_that_day(text: str) -> str | None:
    """The time of day said right after "那天" ("那天下午两点吧" → 14:00); None when none is. The
    day itself is the caller's to know: the plan of the record the message follows."""
    for m in _THAT_DAY.finditer(text):
        tm = TIME_RE.match(text, m.end())
        if tm and (tm.group("h") or tm.group("hh")):
            return _time(tm)
    return None
