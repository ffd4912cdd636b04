"""Word lists shipped in nlp/data (titles, surnames, organisation suffixes), loaded once."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from importlib import resources
from typing import Any

_END = sys.maxsize  # re's own default endpos
_Matches = Iterator[re.Match[str]]

# The most common surnames: "张伟那边" names a person, "明泰那边" a customer.
COMMON_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范"
)

# The parts of a customer where a function is done, said before it ("门店运营", "总部采购", "华东区销售"):
# the words say where inside the customer the person works, never another organisation.
OWN_PARTS = r"(?:门店|分店|总店|总部|区域|[华东西南北中]{1,2}区|大区|片区|分部|网点|一线|线上|线下|基层)"

# A speaker taking back what they just said, the word said again after it replacing it: "不对", "说错了",
# "讲错" (the south's 说错), "打错了", "口误", "更正一下". One list for amounts, names and days alike.
TAKEN_BACK = r"(?:不对(?:不对)?|[说讲打写记]?错了|[说讲打写记]错|口误|更正(?:一下)?|纠正(?:一下)?)"


def literal_re(words: Iterable[str]) -> WordTrie:
    """A regex for a set of literal words that matches, at each position, the longest of them.

    Spans are those of the plain alternation sorted longest first (what it used to be), but Python's re
    tries an alternation one word after another at every position, while this trie ("北(?:京|海)")
    walks one branch per character: a few times faster on hundreds of words.
    """
    root: dict[str, dict] = {}
    for w in words:
        if w:
            node = root
            for ch in w:
                node = node.setdefault(ch, {})
            node[""] = {}  # a word ends here
    return WordTrie(root)


class WordTrie:
    """The trie regex of literal_re, tried one first character at a time: its search, finditer,
    match and fullmatch give the trie regex's matches, `pattern` is its source (to build it into a
    longer pattern).

    The trie's first level is an alternation of hundreds of characters, which re walks one by one at
    every position that may start a word; here a character class jumps to such a position in C and
    the trie of the words starting with that character alone is tried there (compiled when first
    needed): twice as fast, and nothing to compile up front.
    """

    __slots__ = ("_firsts", "_pattern", "_root", "_tries")

    def __init__(self, root: dict[str, dict]) -> None:
        self._root = root
        self._firsts = _jump_re(root)
        self._tries: dict[str, re.Pattern[str]] = {}
        self._pattern: str | None = None

    @property
    def pattern(self) -> str:
        if self._pattern is None:
            self._pattern = _trie(self._root)
        return self._pattern

    def _at(self, ch: str) -> re.Pattern[str]:
        trie = self._tries.get(ch)
        if trie is None:  # (the first level's branch for ch, as the whole trie would try it)
            trie = self._tries[ch] = re.compile(re.escape(ch) + _trie(self._root[ch]))
        return trie

    def finditer(self, string: str, pos: int = 0, endpos: int = _END) -> _Matches:
        jump, tries = self._firsts.search, self._tries
        at = jump(string, pos, endpos)
        while at is not None:
            p = at.start()
            m = (tries.get(string[p]) or self._at(string[p])).match(string, p, endpos)
            if m is not None:
                yield m
                at = jump(string, m.end(), endpos)
            else:
                at = jump(string, p + 1, endpos)

    def search(self, string: str, pos: int = 0, endpos: int = _END) -> re.Match[str] | None:
        return next(self.finditer(string, pos, endpos), None)

    def match(self, string: str, pos: int = 0, endpos: int = _END) -> re.Match[str] | None:
        pos, endpos = max(pos, 0), min(max(endpos, 0), len(string))  # as re bounds them
        if pos >= endpos or string[pos] not in self._root:
            return None
        return self._at(string[pos]).match(string, pos, endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int = _END) -> re.Match[str] | None:
        pos, endpos = max(pos, 0), min(max(endpos, 0), len(string))
        if pos >= endpos or string[pos] not in self._root:
            return None
        return self._at(string[pos]).fullmatch(string, pos, endpos)


def _jump_re(root: dict[str, dict]) -> re.Pattern[str]:
    """Where a word of the trie may start: a one-character word, or a word's first character followed
    by a character some word has second.

    Most positions holding a first character hold no word (an organisation suffix's or a city's first
    character is a common one: 10 such positions a message, 1.6 words): testing the second character
    in the same C scan leaves a third of them to try in Python, and skips only positions where no
    word starts, so the matches are the same.
    """

    def chars(cs: Iterable[str]) -> str:
        return "".join(map(re.escape, sorted(cs)))

    singles = chars(ch for ch, node in root.items() if ch and "" in node)
    longer = chars(ch for ch, node in root.items() if ch and any(node))
    seconds = chars({c2 for ch, node in root.items() if ch for c2 in node if c2})
    alternatives = ([f"[{singles}]"] if singles else []) + ([f"[{longer}](?=[{seconds}])"] if longer else [])
    return re.compile("|".join(alternatives) if alternatives else "(?!)")


def _trie(node: dict[str, dict]) -> str:
    alts = [re.escape(ch) + _trie(child) for ch, child in sorted(node.items()) if ch]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    if "" not in node:
        return body
    # A word ends here and longer ones go on: the greedy "?" tries the longer ones first.
    return f"(?:{body})?" if len(alts) > 1 or len(alts[0]) > 1 else body + "?"


def starts_re(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """One character class holding every character a match of `pattern` can start with, read from
    the pattern's syntax tree; None when that cannot be told (a match may be empty, start with any
    character, or the pattern uses something this reader does not know).

    re tries a pattern that starts with optional groups or look-arounds at every position; jumping
    from one possible first character to the next with this class and matching there finds the same
    matches, several times faster. A class that holds more characters than needed is only slower.
    """
    return _starts(pattern, _tree(pattern))


def _tree(pattern: re.Pattern[str]) -> Any:
    return _parsed(pattern.pattern, pattern.flags)


def _parsed(source: str, flags: int) -> Any:
    try:
        from re import _parser  # Python 3.11+; a private module, so any surprise gives None

        return _parser.parse(source, flags)
    except (ImportError, AttributeError, TypeError, ValueError, re.error):
        return None


def _starts(pattern: re.Pattern[str], tree: Any) -> re.Pattern[str] | None:
    return None if tree is None else _first_class(tree, pattern.flags)


def _first_class(tree: Any, flags: int) -> re.Pattern[str] | None:
    first = _first_items(tree, flags)
    try:
        return None if first is None else re.compile("[" + "".join(sorted(first[0])) + "]", first[1])
    except re.error:
        return None


def _first_items(tree: Any, flags: int) -> tuple[set[str], int] | None:
    """The items of the first-character class (characters escaped, ranges, categories) and its flags."""
    try:
        from re import _constants as sre

        found: set[str] = set()
        ignore = [bool(flags & re.IGNORECASE)]
        if _can_be_empty(tree, sre, found, ignore):
            return None
        return found, re.IGNORECASE if ignore[0] else 0
    except (ImportError, AttributeError, TypeError, ValueError, _Unknown):
        return None


def _first_test(tree: Any, flags: int) -> Callable[[str], object] | None:
    """Whether a character can start a match: a set's test when the class is of plain characters read
    with case (most alternatives: "拜访", "打了"), else the class's own match."""
    first = _first_items(tree, flags)
    if first is None:
        return None
    items, case = first
    if not case and all(len(item) == 1 for item in items):  # (re.escape leaves these as they are)
        return frozenset(items).__contains__
    try:
        return re.compile("[" + "".join(sorted(items)) + "]", case).match
    except re.error:
        return None


# The commonest characters of written Chinese (the head of the usual character frequency lists, and
# chat particles): a character a match needs says little when it is one of them.
_COMMON_CHARS = frozenset(
    "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后"
    "作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因"
    "只从想实吧吗呢啊把被给与及或"
)


def needs_re(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """One character class holding, for every match of `pattern`, a character the match takes or
    looks ahead at (never one only looked behind at), read from the pattern's syntax tree; None when
    no such class of single characters is known.

    Of the parts each branch needs, the rarest is taken: a character among the commonest counts as 50
    others ("的确认" gives 确, not 的), a range as the characters in it ("[A-Z][a-z]" gives A-Z). A text
    without any character of the class, between the start and end positions a search is given,
    cannot hold a match: the pattern need not be tried.
    """
    return _needs(pattern, _tree(pattern))


def _needs(pattern: re.Pattern[str], tree: Any) -> re.Pattern[str] | None:
    return None if tree is None else _needed_class(tree, pattern.flags)


def _needed_class(tree: Any, flags: int) -> re.Pattern[str] | None:
    try:
        from re import _constants as sre

        ignore = [bool(flags & re.IGNORECASE)]
        needed = _needed(tree, sre, ignore)
        if needed is None or _rarity(needed) >= _TOO_COMMON:
            return None  # (most texts would hold one: a wide range, many common characters)
        items = sorted(
            re.escape(chr(lo)) + ("" if lo == hi else "-" + re.escape(chr(hi))) for lo, hi in needed
        )
        return re.compile("[" + "".join(items) + "]", re.IGNORECASE if ignore[0] else 0)
    except (ImportError, AttributeError, TypeError, ValueError, re.error):
        return None


_TOO_COMMON = 2000


def _rarity(needed: frozenset[tuple[int, int]]) -> int:
    """How common a set of characters (ranges of code points) is: a common character counts as 50
    rare ones, a range as the characters in it (A-Z: 26)."""
    return sum(50 if lo == hi and chr(lo) in _COMMON_CHARS else hi - lo + 1 for lo, hi in needed)


def _needed(seq: Iterable[tuple], sre: Any, ignore: list[bool]) -> frozenset[tuple[int, int]] | None:
    """Characters (ranges of code points) one of which every match of `seq` takes or looks ahead at,
    the rarest such set of its parts; None when no part needs any."""
    best: frozenset[tuple[int, int]] | None = None
    best_rarity = 0
    for op, av in seq:
        chars = _needed_by(op, av, sre, ignore)
        if chars is None:
            continue
        rarity = _rarity(chars)
        if best is None or rarity < best_rarity:
            best, best_rarity = chars, rarity
    return best


def _needed_by(op: Any, av: Any, sre: Any, ignore: list[bool]) -> frozenset[tuple[int, int]] | None:
    if op is sre.LITERAL:
        return frozenset({(av, av)})
    if op is sre.IN:
        chars: set[tuple[int, int]] = set()
        for kind, value in av:
            if kind is sre.LITERAL:
                chars.add((value, value))
            elif kind is sre.RANGE:
                chars.add((value[0], value[1]))
            else:
                return None  # a negated set, a category ...
        return frozenset(chars)
    if op is sre.BRANCH:
        union: set[tuple[int, int]] = set()
        for branch in av[1]:
            chars_ = _needed(branch, sre, ignore)
            if chars_ is None:
                return None
            union |= chars_
        return frozenset(union)
    if op is sre.SUBPATTERN:
        if av[1] & sre.SRE_FLAG_IGNORECASE:
            ignore[0] = True
        return _needed(av[3], sre, ignore)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        return _needed(av[2], sre, ignore) if av[0] > 0 else None
    if op is sre.ASSERT and av[0] == 1:  # a look-ahead reads from where the match stands on
        return _needed(av[1], sre, ignore)
    return None  # look-behinds (they may read before the search's start), anchors, any character ...


class _Unknown(Exception):
    pass


class Screened:
    """A compiled pattern whose search and finditer start at the first character a match of it can
    start with (starts_re), found in C, and give up at once on a text holding none of them.

    For a pattern that starts with a long alternation, look-arounds or optional groups, re tries every
    alternative at every position; most messages hold none of its first characters, or hold the first
    one late. The matches are the pattern's own: every match starts at one of those characters, and
    look-behinds, \\b and \\B still see the text before the position the search starts from (only ^
    and \\A do not, and they can only match at 0, where a match's first character is one of them too).
    The first characters are read on the first search, so a pattern never tried costs nothing more.
    Anything else (match, fullmatch, sub, pattern...) is the compiled pattern's own.
    """

    __slots__ = ("_flags", "_source", "_whole", "finditer", "fullmatch", "match", "search")

    def __init__(self, pattern: str, flags: int | re.RegexFlag = 0) -> None:
        # (compiled when first needed: a long alternation tried by its first characters never is,
        # its alternatives are, one by one, when a text holds their first character)
        self._source, self._flags = pattern, int(flags)
        self._whole: re.Pattern[str] | None = None
        self.match: Callable[..., re.Match[str] | None] = self._first_match
        self.fullmatch: Callable[..., re.Match[str] | None] = self._first_fullmatch
        self.search: Callable[..., re.Match[str] | None] = self._first_search
        self.finditer: Callable[..., _Matches] = self._first_finditer

    @property
    def _compiled(self) -> re.Pattern[str]:
        if self._whole is None:
            self._whole = re.compile(self._source, self._flags)
        return self._whole

    def __getattr__(self, name: str) -> Any:
        return getattr(self._compiled, name)

    def _screen(self) -> None:
        tree = _parsed(self._source, self._flags)
        flags = getattr(getattr(tree, "state", None), "flags", None)  # (as compiled: inline flags too)
        first = None if flags is None else _first_class(tree, flags)
        if first is None:  # (a match may be empty, or start with any character)
            self.search, self.finditer = self._compiled.search, self._compiled.finditer
            return
        needed = _needed_class(tree, flags)
        jump = first.search
        by_first = _ByFirstChar.of(self._source, flags, tree, first)
        if by_first is not None:
            self.search, self.finditer = by_first.screened(jump, None if needed is None else needed.search)
            return
        search, finditer = self._compiled.search, self._compiled.finditer
        if needed is None or needed.pattern == first.pattern:

            def screened_search(string: str, pos: int = 0, endpos: int = _END) -> re.Match[str] | None:
                at = jump(string, pos, endpos)
                return None if at is None else search(string, at.start(), endpos)

            def screened_finditer(string: str, pos: int = 0, endpos: int = _END) -> _Matches:
                at = jump(string, pos, endpos)
                return iter(()) if at is None else finditer(string, at.start(), endpos)
        else:
            need = needed.search

            def screened_search(string: str, pos: int = 0, endpos: int = _END) -> re.Match[str] | None:
                if need(string, pos, endpos) is None:
                    return None
                at = jump(string, pos, endpos)
                return None if at is None else search(string, at.start(), endpos)

            def screened_finditer(string: str, pos: int = 0, endpos: int = _END) -> _Matches:
                if need(string, pos, endpos) is None:
                    return iter(())
                at = jump(string, pos, endpos)
                return iter(()) if at is None else finditer(string, at.start(), endpos)

        self.search, self.finditer = screened_search, screened_finditer

    def _first_match(self, string: str, pos: int = 0, endpos: int = _END) -> re.Match[str] | None:
        self.match = self._compiled.match
        return self.match(string, pos, endpos)

    def _first_fullmatch(self, string: str, pos: int = 0, endpos: int = _END) -> re.Match[str] | None:
        self.fullmatch = self._compiled.fullmatch
        return self.fullmatch(string, pos, endpos)

    def _first_search(self, string: str, pos: int = 0, endpos: int = _END) -> re.Match[str] | None:
        self._screen()
        return self.search(string, pos, endpos)

    def _first_finditer(self, string: str, pos: int = 0, endpos: int = _END) -> _Matches:
        self._screen()
        return self.finditer(string, pos, endpos)


class _ByFirstChar:
    """A long alternation tried at a position by the alternatives that can start with the character
    there: a Screened pattern's search then jumps from one possible first character to the next (in
    C) and tries there those few alternatives, each compiled alone, in their order.

    re tries an alternation one alternative after another at every position it passes, so a pattern of
    a hundred alternatives (the report words) costs a hundred tries a character; most of them start
    with a character the text does not hold there. The match is the same: at a position the first
    alternative that matches wins, and one that cannot start with the character there cannot match.
    Only for patterns without groups (a match's groups would be numbered otherwise) and whose first
    characters are few (with a whole script among them, the jumps in Python would cost more).
    """

    __slots__ = ("_branches", "_by_char", "_compiled", "_firsts", "_flags")

    def __init__(self, branches: list[str], firsts: list[Callable[[str], object]], flags: int) -> None:
        self._branches, self._firsts, self._flags = branches, firsts, flags
        self._by_char: dict[str, Callable[..., re.Match[str] | None]] = {}
        self._compiled: list[Callable[..., re.Match[str] | None] | None] = [None] * len(branches)

    @classmethod
    def of(cls, source: str, flags: int, tree: Any, first: re.Pattern[str]) -> _ByFirstChar | None:
        """`tree`: the pattern's syntax tree (_parsed), `flags` its flags; `first`: its first
        characters (starts_re)."""
        if flags & re.VERBOSE or _INLINE_FLAGS.match(source) or _wide(first):
            return None
        branches = _top_branches(source)
        if len(branches) < 4:  # (a few alternatives cost re little)
            return None
        try:
            from re import _constants as sre

            # (the parsed alternatives, when the tree is the one alternation the source splits into:
            # read, not parsed again)
            ((op, (_, alternatives)),) = tree.data
            if op is not sre.BRANCH or len(alternatives) != len(branches) or tree.state.groups > 1:
                return None  # (with groups, a match's would be numbered otherwise)
        except (ImportError, AttributeError, TypeError, ValueError):
            return None
        firsts = []
        for alternative in alternatives:
            starts = _first_test(alternative, flags)
            if starts is None:
                return None
            firsts.append(starts)
        return cls(branches, firsts, flags)

    def _tried_at(self, ch: str) -> Callable[..., re.Match[str] | None]:
        # (each alternative compiled alone, once: one pattern for every set of them would compile
        # some dear ones, a Han range read without case, over and over)
        tried = [self._branch(k) for k, starts in enumerate(self._firsts) if starts(ch)]
        if len(tried) == 1:
            self._by_char[ch] = tried[0]
            return tried[0]

        def first_of(string: str, pos: int, endpos: int) -> re.Match[str] | None:
            for match in tried:
                m = match(string, pos, endpos)
                if m is not None:
                    return m
            return None

        self._by_char[ch] = first_of
        return first_of

    def _branch(self, k: int) -> Callable[..., re.Match[str] | None]:
        match = self._compiled[k]
        if match is None:
            match = self._compiled[k] = re.compile(self._branches[k], self._flags).match
        return match

    def screened(
        self, jump: Callable[..., re.Match[str] | None], need: Callable[..., re.Match[str] | None] | None
    ) -> tuple[Callable[..., re.Match[str] | None], Callable[..., _Matches]]:
        """search and finditer: `jump` finds the next possible first character; `need`, when given,
        finds a character every match needs (none in the text: no match)."""
        known, tried_at = self._by_char.get, self._tried_at

        def screened_search(string: str, pos: int = 0, endpos: int = _END) -> re.Match[str] | None:
            if need is not None and need(string, pos, endpos) is None:
                return None
            at = jump(string, pos, endpos)
            while at is not None:
                p = at.start()
                m = (known(string[p]) or tried_at(string[p]))(string, p, endpos)
                if m is not None:
                    return m
                at = jump(string, p + 1, endpos)
            return None

        def screened_finditer(string: str, pos: int = 0, endpos: int = _END) -> _Matches:
            if need is not None and need(string, pos, endpos) is None:
                return
            at = jump(string, pos, endpos)
            while at is not None:
                p = at.start()
                m = (known(string[p]) or tried_at(string[p]))(string, p, endpos)
                if m is not None:
                    yield m  # (never empty: a pattern that can match nothing has no first characters)
                    at = jump(string, m.end(), endpos)
                else:
                    at = jump(string, p + 1, endpos)

        return screened_search, screened_finditer


_INLINE_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")  # flags for the whole pattern, said at its start
_WIDE_CLASSES = frozenset({r"\w", r"\W", r"\S", r"\D"})
_RANGE_ITEM = re.compile(r"\\?(.)-\\?(.)", re.DOTALL)


def _wide(first: re.Pattern[str]) -> bool:
    """Whether a first-character class (starts_re) holds a whole script or more (a pattern for "了没"
    after any Han character may start at any of them)."""
    body = first.pattern[1:-1]
    if any(c in body for c in _WIDE_CLASSES):
        return True
    return any(ord(m.group(2)) - ord(m.group(1)) > 256 for m in _RANGE_ITEM.finditer(body))


def _top_branches(source: str) -> list[str]:
    """A pattern's source split at the | that stand outside every group and character set."""
    branches: list[str] = []
    depth = start = i = 0
    n = len(source)
    while i < n:
        c = source[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":  # a set: "]" first in it (after any "^") is a member
            i += 1
            i += source.startswith("^", i)
            i += source.startswith("]", i)
            while i < n and source[i] != "]":
                i += 2 if source[i] == "\\" else 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            branches.append(source[start:i])
            start = i + 1
        i += 1
    branches.append(source[start:])
    return branches


def _can_be_empty(seq: Iterable[tuple], sre: Any, found: set[str], ignore: list[bool]) -> bool:
    """Add what `seq` can start with to `found`; whether it can match the empty string."""
    categories = {
        sre.CATEGORY_DIGIT: r"\d",
        sre.CATEGORY_NOT_DIGIT: r"\D",
        sre.CATEGORY_SPACE: r"\s",
        sre.CATEGORY_NOT_SPACE: r"\S",
        sre.CATEGORY_WORD: r"\w",
        sre.CATEGORY_NOT_WORD: r"\W",
    }
    for op, av in seq:
        if op is sre.LITERAL:
            found.add(re.escape(chr(av)))
            return False
        if op is sre.IN:
            for kind, value in av:
                if kind is sre.LITERAL:
                    found.add(re.escape(chr(value)))
                elif kind is sre.RANGE:
                    found.add(re.escape(chr(value[0])) + "-" + re.escape(chr(value[1])))
                elif kind is sre.CATEGORY and value in categories:
                    found.add(categories[value])
                else:
                    raise _Unknown  # a negated set, a locale category ...
            return False
        if op is sre.BRANCH:
            empty = [_can_be_empty(branch, sre, found, ignore) for branch in av[1]]
            if not any(empty):
                return False
        elif op is sre.SUBPATTERN:
            if av[1] & sre.SRE_FLAG_IGNORECASE:
                ignore[0] = True
            if not _can_be_empty(av[3], sre, found, ignore):
                return False
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            if not _can_be_empty(av[2], sre, found, ignore) and av[0] > 0:
                return False
        elif op not in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):  # anchors and look-arounds take nothing
            raise _Unknown
    return True


def _words(name: str) -> list[str]:
    text = (resources.files("nlp") / "data" / name).read_text(encoding="utf-8")
    out: list[str] = []
    for line in text.splitlines():
        line = line.split("#", 1)[0]
        out.extend(line.split())
    return out


@cache
def titles() -> tuple[str, ...]:
    """Base titles, longest first."""
    return tuple(sorted(set(_words("titles.txt")), key=len, reverse=True))


@cache
def title_prefixes() -> tuple[str, ...]:
    return tuple(sorted(set(_words("title_prefixes.txt")), key=len, reverse=True))


@cache
def minority_names() -> tuple[str, ...]:
    """Given-name syllables of minority names that do not start with a Han surname, longest first."""
    return tuple(sorted(set(_words("minority_names.txt")), key=len, reverse=True))


@cache
def company_words(name: str) -> frozenset[str]:
    """A word list of the company finder (stop words, words allowed inside names, measure words)."""
    return frozenset(_words(name))


@cache
def surnames() -> frozenset[str]:
    return frozenset(_words("surnames.txt"))


# A surname that is itself a common word ("高", "于", "向") starts no full name read on its own (the
# segmenter's frequency of the character as a word).
RARE_SURNAME_FREQ = 20000
_RARE_SURNAME_OF_TWO_FREQ = 3000
_GIVEN_WORD_FREQ = 2000
# Characters that end two-character given names far more often than brands' names: "韦娟", "冯丽", "黎强".
_GIVEN_CHARS = frozenset(
    "丽娜娟婷燕霞艳萍玲莉倩颖琳敏静芳梅兰凤雪洁慧琴英秀红伟强军磊勇杰涛斌刚超鹏波峰亮俊毅"
)
# Characters common in given names, of which a rarer surname's given name is made.
_NAME_CHARS = _GIVEN_CHARS | frozenset(
    "国华建志明文平海林玉春小晓新德永金宏庆立成光荣福生东武云辉清桂淑振晨宇浩"
)


def full_name_like(name: str, freq: Callable[[str], int]) -> bool:
    """Whether a word said alone (as what is asked about or reported: "X那边", "X那个项目") is a person's
    full name, none of it a word of the dictionary (`freq`: the segmenter's word frequency): a common
    surname and two characters ("许丽萍"; not a brand the dictionary holds, "周大福"); a rarer surname
    that is no common word and a given name of name characters ("易文斌", not "文和友", "海之源"); or a
    surname and one character that names people far more than brands ("韦娟", "冯丽")."""
    if not 2 <= len(name) <= 3 or freq(name) != 0:
        return False
    first = name[0]
    rare = first not in COMMON_SURNAMES
    if rare and not (first in surnames() and freq(first) < RARE_SURNAME_FREQ):
        return False
    if len(name) == 2:  # (a surname of a common word starts brands of two: "金鹏", "华锐")
        return name[1] in _GIVEN_CHARS and (not rare or freq(first) < _RARE_SURNAME_OF_TWO_FREQ)
    return freq(name[1:]) < _GIVEN_WORD_FREQ and not (rare and not set(name[1:]) <= _NAME_CHARS)


@cache
def org_suffixes() -> dict[str, int]:
    """Organisation suffix -> strength (3 legal form, 2 institution or shop, 1 industry word)."""
    text = (resources.files("nlp") / "data" / "org_suffixes.tsv").read_text(encoding="utf-8")
    out: dict[str, int] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, _, strength = line.partition("\t")
        out[word.strip()] = int(strength)
    for word in _numbered_schools():
        out.setdefault(word, 2)
    return out


def _numbered_schools() -> list[str]:
    """The heads of schools called by their number, as people shorten them: "X一中", "X三十六中", "X二小",
    "X二实小" (the 实验小学), "X三幼", for numbers one to ninety-nine."""
    digits = "一二三四五六七八九"
    numbers = [*digits, "十", *("十" + d for d in digits)]
    numbers += [t + "十" + d for t in digits[1:] for d in ("", *digits)]
    return [n + head for n in numbers for head in ("中", "小", "实小", "幼")]
