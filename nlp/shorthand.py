"""A busy rep's one-character shorthand for how the contact happened: 拜 (visited), 电 (called), 微
(WeChat), as in "拜X王总，…", "X李经理 电，…", "Y/张主任 微 清单发过去了".

Each character is also the start of many words (拜托, 电梯, 电动, 微调), so it counts only at the start of
a clause (or a numbered item) and as a word of its own: between pauses or spaces, or 拜 said done ("今天拜了
X"), or glued to the name of whom it was where the two characters make no word of the language.
"""

from __future__ import annotations

import re
from functools import cache

from nlp.lexicon import Screened, titles
from nlp.segment import base_word_freq

_KINDS = {"拜": "visit", "电": "call", "微": "online"}
# Where a clause starts: the message's start, a pause, a space or a slash, or a list number ("1.", "2、").
_CLAUSE_START = r"(?:^|(?<=[\s，,。；;：:、/|])|(?<=\d[.、．)）]))"
# ...then maybe the day or its part: "今天拜了X", "下午电X王总".
_WHEN = r"(?:今天|今日|昨天|前天|上午|下午|中午|早上|晚上|刚才|刚刚|刚)?"
# What ends the shorthand said as a word of its own: the end, a pause, a space or a slash.
_END = r"(?=$|[\s，,。；;：:、/|])"
_ALONE = re.compile(_CLAUSE_START + _WHEN + r"(?P<k>[拜电微])" + _END)
# (not 拜了拜, 拜了年, 拜了佛, 拜了师: worship and new year's calls)
_DONE = Screened(_CLAUSE_START + _WHEN + r"(?P<k>拜)了(?![拜年佛师把])")
_GLUED = re.compile(_CLAUSE_START + _WHEN + r"(?P<k>[拜电])(?=[\u4e00-\u9fff])")


def shorthand_kind(text: str) -> tuple[str, tuple[int, int]] | None:
    """The first shorthand kind of contact in `text` and the span of its character; None when none."""
    found = [m for p in (_ALONE, _DONE) if (m := p.search(text))]
    found += [m for m in _GLUED.finditer(text) if _glued(text, m.start("k"))][:1]
    if not found:
        return None
    first = min(found, key=lambda m: m.start("k"))
    return _KINDS[first.group("k")], first.span("k")


def _glued(text: str, at: int) -> bool:
    """Whether the shorthand at `at` and the character after it make no word ("拜X", not "拜托", "电梯"),
    and the rest of its clause is only whom it was: a short name ("拜X，"), or a name and a person
    called by a title ("电X万主任，"); a longer clause is a thing said ("电芯Pack线要上MES").
    """
    if base_word_freq(text[at : at + 2]) or text.startswith("拜了", at):
        return False
    pause = _PAUSE.search(text, at + 1)
    whom = text[at + 1 : pause.start() if pause else len(text)]
    if not _HAN.fullmatch(whom):
        return False
    return len(whom) <= _SHORT_NAME or (len(whom) <= _NAME_AND_PERSON and whom.endswith(_heads()))


_PAUSE = re.compile(r"[\s，,。；;：:、/|！!？?]")
_HAN = re.compile(r"[\u4e00-\u9fff]+")
_SHORT_NAME = 5  # a customer said short, its brand (2-4 characters) and maybe a kind word
_NAME_AND_PERSON = 12  # ...then a surname and a title ("珞南社卫万主任")


@cache
def _heads() -> tuple[str, ...]:
    """Titles a person is called by after a surname, and a head said short (刘院)."""
    return (*titles(), "院")


def glued_shorthand(text: str, at: int) -> bool:
    """Whether text[at] is a shorthand glued to the name after it ("电X万主任": the name starts after it)."""
    return _glued(text, at) and any(m.start("k") == at for m in _GLUED.finditer(text))
