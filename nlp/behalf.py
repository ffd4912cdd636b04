"""Who a rep reports for: "帮徐丽记一下", "替王强跑了一趟", or "王强请假，我替他跑了一趟": the customer is
that colleague's.

A rep covering for a team-mate logs the contact under their own name, but the customer is found among
the team-mate's customers, whose lead it stays.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Set
from functools import cache, lru_cache

from nlp.lexicon import surnames

# 帮/替/代 right before the colleague's full name, then what was done for them ("帮徐丽记一下",
# "替王强去了趟", "代李娜回个电话"); not a favour asked of the writer ("王强帮我…" names no 帮 before).
_FOR = re.compile(r"(?:帮|替|代)(?:同事)?$")
# after the name: the doing, not the colleague as the one doing it ("帮王强的客户" is still theirs)
_THEN = re.compile(
    r"(?:[，,\s]?(?:记|登记|录|跑|去|到|见|拜访|打|回|接|跟|联系|问|看|送|签|处理|盯)|的客户|那边)"
)

# 帮/替/代 a pronoun, then what was done ("我替她去了趟X", "帮他回了个电话"): the colleague is the
# one said earlier in the message to be away or to have asked ("王强请假", "林娜出差了", "贺强让我…")
_FOR_PRONOUN = re.compile(r"(?:帮|替|代)(?:他|她)(?=" + _THEN.pattern + ")")
# right after the colleague's name, within the same clause: away (on leave, ill, travelling, busy
# elsewhere) or asking the writer; a colleague merely named ("王强说刘总…") is not covered for
_AWAY = re.compile(
    r"[^，,。！!？?；;\n]{0,8}?"
    r"(?:请假|休假|调休|年假|病假|产假|婚假|生病|病了|住院|不在|出差|外出|在外地|回老家|有事|走不开|抽不开身"
    r"|没空|忙不过来|开会|培训|让我|叫我|托我|请我|拜托我|交代我)"
)


@cache
def given_name(name: str) -> str | None:
    """The two-character given name of a full name (文涛 of 顾文涛, 子涵 of 欧阳子涵): what team-mates
    call each other by."""
    surname = name[:2] if len(name) == 4 and name[:2] in surnames() else name[:1]
    given = name[len(surname) :]
    return given if len(given) == 2 and len(name) >= 3 else None


def names_member(said: str, member: str) -> bool:
    """Whether a person read as `said` (a surname, as 韦 of "韦工", or a full name) is the member
    `member` (their full name)."""
    surname = member[:2] if member[:2] in surnames() else member[:1]
    return said in (member, surname)


@cache
def called(name: str) -> tuple[str, ...]:
    """How team-mates name a member: the full name, the given name, 小 or 老 and a one-character surname
    (小葛, 老葛 for 葛颖)."""
    out = [name]
    if (given := given_name(name)) is not None:
        out.append(given)
    if len(name) in (2, 3) and name[:2] not in surnames():
        out += [f"小{name[0]}", f"老{name[0]}"]
    return tuple(out)


def on_behalf_of(text: str, colleagues: Iterable[str]) -> str | None:
    """The colleague (`colleagues`: full names of other members) the writer says they act for, named
    in full or as team-mates call them: 文涛, or 老/小 and a surname no other colleague has
    ("帮老何记一下")."""
    names = [name for name in colleagues if len(name) >= 2]
    called_by = _called_by(names)
    for said, name in called_by:
        start = text.find(said)
        while start >= 0:
            end = start + len(said)
            if _FOR.search(text, 0, start) and _THEN.match(text, end):
                return name
            start = text.find(said, end)
    pronoun = _FOR_PRONOUN.search(text)
    return _away_before(text, called_by, pronoun.start()) if pronoun else None


def _called_by(names: list[str]) -> list[tuple[str, str]]:
    """(what is said, full name) for every way `called` gives; a 老/小 form two colleagues share names
    neither."""
    pairs = [(form, name) for name in names for form in called(name)]
    owners: dict[str, set[str]] = {}
    for form, name in pairs:
        owners.setdefault(form, set()).add(name)
    return [(form, name) for form, name in pairs if len(owners[form]) == 1 or form == name]


def _away_before(text: str, called_by: list[tuple[str, str]], before: int) -> str | None:
    """The colleague said to be away (or to ask) last before `before`: whom 他/她 stands for."""
    best: tuple[int, str] | None = None
    for said, name in called_by:
        start = text.find(said, 0, before)
        while 0 <= start < before:
            if _AWAY.match(text, start + len(said)) and (best is None or start > best[0]):
                best = (start, name)
            start = text.find(said, start + len(said), before)
    return best[1] if best else None


def member_named(
    text: str, colleagues: Iterable[str], *, not_of: str | None = None
) -> tuple[str, int, int] | None:
    """The member (`colleagues`: full names, `not_of` the writer's own, left out) a message names
    anywhere, as one whose customers a question asks for ("周强南京那几个单子…", "文涛手上有哪些…"): in
    full, else as team-mates call them (`called`: the given name, 小 or 老 and a surname no other member
    has). Their full name and the span said; the first said, the full names before the other forms."""
    pairs = _called_pairs(frozenset(name for name in colleagues if len(name) >= 2))
    for full in (True, False):
        best: tuple[str, int, int] | None = None
        for said, name in pairs:
            if (said == name) is not full or name == not_of:
                continue
            at = text.find(said)
            if at >= 0 and (best is None or at < best[1] or (at == best[1] and at + len(said) > best[2])):
                best = (name, at, at + len(said))
        if best is not None:
            return best
    return None


@lru_cache(maxsize=8)
def _called_pairs(names: frozenset[str]) -> tuple[tuple[str, str], ...]:
    """`_called_by` once per set of names kept for every message."""
    return tuple(_called_by(sorted(names)))


# 他/她 as the subject of a plan for a later day ("他下周一去厂里谈细节"): in a message covering for a
# team-mate, the team-mate, whose plan is the lead's next contact as the writer's own would be.
_THEIR_PLAN = re.compile(
    r"(?<![其吉])[他她](?=\s?(?:明天|后天|大后天|下下?个?(?:周|星期|礼拜|月)|这周|本周|周[一二三四五六日天]|\d{1,2}[号日]|月底))"
)


def as_their_plan(text: str, pronoun: str | None = None) -> str:
    """The words of a message covering for a team-mate with the plan they will carry out said as the
    writer's ("他下周一去" → "我下周一去"), so that it reads as the rep's plan; same length. With
    `pronoun` (他 or 她) only that one stands for the team-mate."""
    return _THEIR_PLAN.sub(lambda m: "我" if pronoun in (None, m.group()) else m.group(), text)


# 他/她 said of one of ours, in a note on a rep's day: the one the writer does it for ("我帮她记下"), the
# one the customer asks or calls ("孔总约她去", "给她打了电话"), or the one who went ("她今天上午去X").
_OURS = re.compile(
    r"(?:帮|替|代|约了?|叫|请|给)([他她])(?![们])"
    r"|(?<![其吉])([他她])(?:今天|昨天|上午|下午|早上|中午|刚才?|刚刚){0,2}(?:去(?!年)|跑了|拜访)"
)


def colleague_pronoun(text: str, said: Iterable[str]) -> str | None:
    """他 or 她 as the message says of the team-mate it reports on (`said`: the ways they are called,
    one of them in the message): the one pronoun so used, none when both are."""
    if not any(name in text for name in said):
        return None
    found = {m.group(1) or m.group(2) for m in _OURS.finditer(text)}
    return found.pop() if len(found) == 1 else None


# After a member's full name, what says the customers meant are theirs: "符强的金棕榈", "何丽那边的X",
# "何丽手上现在一共有哪些客户", "王强负责的X".
_WHOSE_AFTER = re.compile(r"\s?(?:(?:那边|这边|手上|手里|名下)的?|(?:负责|在跟|跟进?)的|的)")


@lru_cache(maxsize=8)
def _longest(names: frozenset[str]) -> int:
    """The longest name's length, once per set kept for every message (thousands of names: measured
    at 2% of a message's processing when taken each time)."""
    return max(map(len, names))


def whose_span(
    text: str, colleagues: Iterable[str], *, not_of: str | None = None
) -> tuple[str, int, int] | None:
    """The member (`colleagues`: full names of members, `not_of` the writer's own, left out) named as
    the one whose customer or customers the message means ("符强的金棕榈最近有人跟吗"): their full name
    and the span of the name with its possessive, which names no customer (a manager's question about a
    rep's book). The words before each possessive are looked up among the names, not every name tried
    against the text; a set given is used as it is (a caller keeps one for every message)."""
    names = colleagues if isinstance(colleagues, Set) else {name for name in colleagues}
    if not names:
        return None
    longest = _longest(names) if isinstance(names, frozenset) else max(map(len, names))
    for m in _WHOSE_AFTER.finditer(text):
        at = m.start()
        for length in range(min(longest, at), 1, -1):
            if (name := text[at - length : at]) in names and name != not_of:
                return name, at - length, m.end()
    return None
