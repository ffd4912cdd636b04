"""The contact person: surname or full name with a title (王主任, 采购经理刘芳, 钱伟科长, 姓孙的老板).

Titles come from a lexicon (nlp/data/titles.txt) with optional function prefixes (采购经理, IT负责人);
names are told from the words around them by a surname list and by what may stand before a name.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from nlp.lexicon import surnames, title_prefixes, titles

_CJK = re.compile(r"[\u4e00-\u9fff]")
# Characters that may stand right before a name: particles, verbs of meeting, department endings.
_BEFORE_NAME = frozenset(
    "的了是找见给跟和与同向让叫为请对到约跟科部处办室组队院司店厂局社堂人：:，,。、 \t\n（("
)
# Characters that do not continue a given name (verbs, adverbs, particles).
_NOT_NAME = frozenset(
    "说很也在要和跟带加打做聊通走喝对看觉说都是的了就还又已让把被给想会能请来去过见问讲"
    "发送回答接表认比挺亲反确沟演一二三四五六七八九十两这那啥呢吗吧啊"
)
_DEPARTMENT_END = frozenset("部科处办室组")
# 总 followed by these is a word (总部, 总预算), not the title 李总.
_ZONG_WORDS = frozenset("部预共是体结务计额价量数店院台包代算之裁监经工")
# 工 after a surname is a title only when the next character does not make a word (员工, 工地).
_GONG_NEXT_OK = frozenset("说打的那这来去也都在觉让问讲聊发，。 ")
_GREETING = re.compile(r"[你您]好|们好")
_EN_NAME = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+)?")
_EN_AFTER = re.compile(r"(?:的|给|找|联系)\s?(?=[A-Z][a-z])")
_HONORIFIC = re.compile(r"(先生|女士|小姐)")
_XING = re.compile(r"姓\s?([\u4e00-\u9fff]{1,2})")
_CONTACT_ROLE = re.compile(r"(?:联系人|对接人|联系)\s?[:：]?\s?")
# Bare titles (no name) that are reported as the contact's title on their own.
_BARE_OK_MIN_LEN = 2


@dataclass(frozen=True, slots=True)
class Person:
    name: str | None
    title: str | None
    start: int
    end: int


@cache
def _title_re() -> re.Pattern[str]:
    prefixes = "|".join(map(re.escape, title_prefixes()))
    base = "|".join(map(re.escape, titles()))
    return re.compile(rf"(?P<prefix>{prefixes})?(?P<title>{base})")


class PersonFinder:
    """Finds the contact; `freq(word)` is the segmenter's word frequency, used to tell names from words."""

    def __init__(self, freq: Callable[[str], int]) -> None:
        self._freq = freq
        self._surnames = surnames()

    def _surname_len(self, text: str, i: int) -> int:
        """Length of the surname starting at i (2 for 欧阳), 0 if none."""
        pair = text[i : i + 2]
        if len(pair) == 2 and pair in self._surnames:
            return 2
        return 1 if text[i : i + 1] in self._surnames else 0

    def _boundary_before(self, text: str, i: int) -> bool:
        if i == 0:
            return True
        ch = text[i - 1]
        if not _CJK.match(ch):
            return True
        if ch in _BEFORE_NAME:
            return True
        return text[:i].endswith(title_prefixes()) or text[:i].endswith(("拜访", "见到", "后勤", "总务"))

    def _name_after(self, text: str, i: int) -> str | None:
        """A full name starting at i (surname + one or two characters), or an English name."""
        m = _EN_NAME.match(text, i)
        if m:
            nxt = text[m.end() : m.end() + 1]
            return None if nxt.isascii() and nxt.isalnum() else m.group()
        sl = self._surname_len(text, i)
        if not sl:
            return None
        g = i + sl
        if g >= len(text) or not _CJK.match(text[g]) or text[g] in _NOT_NAME:
            return None
        first = text[i : g + 1]
        if self._freq(first) > 3000 or text[g] in _DEPARTMENT_END:
            return None  # "应该", "马上": a word, not a name
        g2 = g + 1
        if g2 < len(text) and text[g2] in _DEPARTMENT_END:
            return None  # "安保部": a department, not a person
        # A second given character, unless it starts a word ("马丽沟通了": 沟通) or is "just" (刚).
        if (
            g2 < len(text)
            and _CJK.match(text[g2])
            and text[g2] not in _NOT_NAME
            and text[g2] != "刚"
            and (self._freq(text[g2 : g2 + 2]) <= 50 or g2 + 1 >= len(text))
        ):
            return text[i : g2 + 1]
        return first

    def _title_ok(self, text: str, m: re.Match[str]) -> bool:
        title = m.group("title")
        e = m.end()
        nxt = text[e : e + 1]
        if title == "总" and nxt in _ZONG_WORDS:
            return False
        if title == "工" and nxt and _CJK.match(nxt) and nxt not in _GONG_NEXT_OK:
            return False
        if title.isascii():
            s = m.start()
            if (s > 0 and text[s - 1].isascii() and text[s - 1].isalpha()) or (
                nxt.isascii() and nxt.isalpha()
            ):
                return False
        return True

    def find(self, text: str, company_end: int | None = None) -> Person | None:
        """The first named contact (with its title), else the first bare title; `company_end` is
        where the recognised company ends, since "X公司的张三" names a person without a title."""
        named: list[Person] = []
        bare: list[Person] = []
        if company_end is not None and text.startswith("的", company_end):
            name = self._name_after(text, company_end + 1)
            if (
                name
                and len(name) >= 2
                and self._freq(name) < 100
                and not _title_re().match(text, company_end + 1 + len(name))
            ):
                named.append(Person(name, None, company_end + 1, company_end + 1 + len(name)))
        for m in _EN_AFTER.finditer(text):
            name = self._name_after(text, m.end())
            if name and name.isascii() and not _title_re().match(text, m.end() + len(name)):
                named.append(Person(name, None, m.end(), m.end() + len(name)))
        for m in _title_re().finditer(text):
            if not self._title_ok(text, m):
                continue
            ts, te = m.span()
            title = m.group("title")
            prefix = m.group("prefix") or ""
            # Surname (or full name) right before the title: 王主任, 钱伟科长, 孙晓燕主任.
            if not prefix:
                hit = self._name_before(text, ts)
                if hit is not None and len(title) == 1 and (len(hit) > 1 or self._freq(hit + title) > 500):
                    continue  # "华森化工", "施工": a word, not 王工
                if hit is not None:
                    named.append(Person(hit, title, ts - len(hit), te))
                    continue
            elif len(title) == 1:
                # "采购部王总" is handled from the surname; a prefix with a one-char title is noise.
                hit = self._name_before(text, m.start("title"))
                if hit is not None:
                    named.append(Person(hit, title, m.start("title") - len(hit), te))
                continue
            # Title then name: 采购经理刘芳, 总经理方振华, VP Kevin.
            j = te
            while j < len(text) and text[j] in " :：":
                j += 1
            after = self._name_after(text, j) if len(title) > 1 or prefix else None
            if after is not None and not _title_re().match(text, j + len(after)):
                named.append(Person(after, prefix + title, ts, j + len(after)))
                continue
            if (
                len(prefix + title) >= _BARE_OK_MIN_LEN
                and not _GREETING.match(text, te)
                and not text[max(0, ts - 2) : ts].endswith(("我们", "我是", "你们"))
            ):
                bare.append(Person(None, prefix + title, ts, te))
        for m in _HONORIFIC.finditer(text):
            s = m.start()
            for n in (3, 2, 1):
                cand = text[s - n : s] if s - n >= 0 else ""
                if (
                    cand
                    and self._surname_len(cand, 0)
                    and _CJK.fullmatch(cand[-1])
                    and self._boundary_before(text, s - n)
                ):
                    named.append(Person(cand, None, s - n, m.end()))
                    break
        for m in _CONTACT_ROLE.finditer(text):
            name = self._name_after(text, m.end())
            if (
                name
                and not _title_re().match(text, m.end() + len(name))
                and not _HONORIFIC.match(text, m.end() + len(name))
            ):
                named.append(Person(name, None, m.end(), m.end() + len(name)))
        xing = _XING.search(text)
        if xing is not None:
            surname = xing.group(1)
            sl = self._surname_len(surname, 0)
            if sl:
                title = bare[0].title if bare else None
                named.append(Person(surname[:sl], title, xing.start(), xing.end()))
        if named:
            return min(named, key=lambda p: (p.start, p.title is None))
        return bare[0] if bare else None

    def _name_before(self, text: str, ts: int) -> str | None:
        for n in (3, 2, 1):
            s = ts - n
            if s < 0:
                continue
            cand = text[s:ts]
            if not _CJK.fullmatch(cand[-1]) or any(not _CJK.match(c) for c in cand):
                continue
            sl = self._surname_len(cand, 0)
            if not sl or (n == 3 and sl == 1 and cand[1] in _NOT_NAME) or (n >= 2 and cand[-1] in _NOT_NAME):
                continue
            if n == 1 and sl == 2:
                continue
            if not self._boundary_before(text, s):
                continue
            if n >= 2 and self._freq(cand) > 3000:
                continue
            return cand
        return None
