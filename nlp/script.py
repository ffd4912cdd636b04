"""Traditional characters read as simplified: "打電話給洪經理，報價下礼拜發" → "打电话给洪经理，报价下礼拜发".

A rep or a customer may type traditional characters anywhere (a Taiwanese or Hong Kong input method, a
habit, a pasted form), whole messages or a word here and there, and every rule, word list and the
segmenter's dictionary are written in simplified: the message is read once in simplified, instead of
every rule learning both. Each character is replaced by one, so spans hold, and what is written back
(a name, a title) is taken as written (`as_written`).
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources


@cache
def _table() -> tuple[re.Pattern[str], dict[int, str]]:
    text = (resources.files("nlp") / "data" / "traditional.txt").read_text(encoding="utf-8")
    pairs = [line for line in text.splitlines() if line and not line.startswith("#")]
    return re.compile(f"[{''.join(p[0] for p in pairs)}]"), {ord(p[0]): p[1] for p in pairs}


def simplified(text: str) -> str:
    """The text with its traditional characters in simplified, of the same length; itself when it has
    none (the common case costs one search of a character class, about a microsecond)."""
    traditional, table = _table()
    if traditional.search(text) is None:
        return text
    return text.translate(table)


def as_written(value: str, read: str, written: str, start: int, end: int) -> str:
    """`value`, found in `read[start:end]` (the message as read), with the characters the message wrote
    in traditional given back: "经理" of "洪經理" is "經理". `value` itself when the message does not
    hold it."""
    at = read.find(value, start, end)
    if at < 0:  # a title said apart from the name ("老闆 姓游"): the nearest one of the message
        found = [i for i in range(len(read)) if read.startswith(value, i)]
        if not found:
            return value
        at = min(found, key=lambda i: abs(i - start))
    _, table = _table()
    mine = written[at : at + len(value)]
    return "".join(w if ord(w) in table else r for w, r in zip(mine, value, strict=True))
