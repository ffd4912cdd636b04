"""The product and competitor catalog a company configures (TOML), and finding its words in a text."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal

EntryKind = Literal["product", "competitor"]


@dataclass(frozen=True, slots=True)
class Entry:
    """One catalog item: its canonical name, the other ways people write it and its product line."""

    kind: EntryKind
    name: str
    aliases: tuple[str, ...] = ()
    line: str | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """A catalog item found in a text."""

    kind: EntryKind
    name: str
    start: int
    end: int


_GENERIC_HEAD = re.compile(r"(?:模块|装置|组件)$")
# What is done to a thing, said first in a service's name ("补液氦", "换滤芯", "加药剂"), and how much or how
# often it is done, said between them in speech.
_DOINGS = frozenset("补加换充装配修租洗清测刷贴")
_COUNTS = ("一次", "一回", "一批", "一些", "一点", "一下", "一个", "几次", "次", "点", "些", "个", "批")
_HAN = re.compile(r"[\u4e00-\u9fff]{2,}")


def _is_word_char(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in "._")


def _plural_end(folded: str, surface: str, end: int) -> int:
    """Where an English alias said in the plural ends ("carpet extractors", "brushes"), or -1 when
    the letters after it make another word."""
    if len(surface) < 3 or not surface[-1].isascii() or not surface[-1].isalpha():
        return -1
    for tail in ("s", "es"):
        e = end + len(tail)
        if folded.startswith(tail, end) and (e >= len(folded) or not _is_word_char(folded[e])):
            return e
    return -1


@dataclass(frozen=True)
class Catalog:
    """Products and competitors with their aliases; immutable, built once and shared."""

    products: tuple[Entry, ...] = ()
    competitors: tuple[Entry, ...] = ()
    _lines: Mapping[str, str | None] = field(default_factory=lambda: MappingProxyType({}), repr=False)
    # First character (case-folded) -> surfaces starting with it, longest first: a scan over the text
    # with one dict lookup per character, linear in the text and cheaper than a big alternation.
    _by_first: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}), repr=False)
    _lookup: Mapping[str, Entry] = field(default_factory=lambda: MappingProxyType({}), repr=False)
    # The keys of _by_first as one character class: the scan jumps from one to the next in C.
    _first_chars: re.Pattern[str] = field(init=False, repr=False, compare=False)
    # Every product name and alias, case-folded, joined by a separator no word holds: one substring
    # search tells whether a word is a piece of one of them.
    _product_text: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        chars = "".join(map(re.escape, self._by_first))
        object.__setattr__(self, "_first_chars", re.compile(f"[{chars}]" if chars else "(?!)"))
        surfaces = (s.casefold() for e in self.products for s in (e.name, *e.aliases))
        object.__setattr__(self, "_product_text", "\n".join(surfaces))

    @classmethod
    def build(cls, products: Iterable[Entry] = (), competitors: Iterable[Entry] = ()) -> Catalog:
        prods, comps = tuple(products), tuple(competitors)
        lookup: dict[str, Entry] = {}
        # Canonical names first, then aliases: an alias never takes over another item's name, and
        # an alias listed twice keeps its first owner.
        for entry in (*prods, *comps):
            lookup.setdefault(entry.name.casefold(), entry)
        for entry in (*prods, *comps):
            for alias in entry.aliases:
                lookup.setdefault(alias.casefold(), entry)
        # A product said with its generic head cut, as 的 stands for it: "防遥控的" for "防遥控模块",
        # "恒温的" for "恒温装置" (a stem of three characters or more: "智能的" alone says little).
        for entry in prods:
            for surface in (entry.name, *entry.aliases):
                head = _GENERIC_HEAD.search(surface)
                if head is not None and head.start() >= 3:
                    lookup.setdefault(surface[: head.start()].casefold() + "的", entry)
        # A service named as what is done to something ("补液氦", "换滤芯") said with how much or how often
        # between the doing and the thing: "补一次液氦", "换一批滤芯", "加点液氦".
        for entry in prods:
            for surface in (entry.name, *entry.aliases):
                if len(surface) >= 3 and surface[0] in _DOINGS and _HAN.fullmatch(surface[1:]):
                    for count in _COUNTS:
                        lookup.setdefault((surface[0] + count + surface[1:]).casefold(), entry)
        by_first: dict[str, list[str]] = {}
        for surface in sorted(lookup, key=len, reverse=True):
            by_first.setdefault(surface[0], []).append(surface)
        lines = {p.name: p.line for p in prods}
        return cls(
            prods,
            comps,
            MappingProxyType(lines),
            MappingProxyType({k: tuple(v) for k, v in by_first.items()}),
            MappingProxyType(lookup),
        )

    def line_of(self, product: str) -> str | None:
        """The product line of a canonical product name (or alias), None when unknown."""
        if product in self._lines:
            return self._lines[product]
        entry = self._lookup.get(product.casefold())
        return entry.line if entry is not None and entry.kind == "product" else None

    def entry(self, surface: str) -> Entry | None:
        """The item a whole word names, by its canonical name or an alias (case-insensitive)."""
        return self._lookup.get(surface.strip().casefold())

    def product_piece(self, word: str) -> bool:
        """Whether `word` (two characters or more) is part of a product's name or alias: "污泥" of
        "电镀污泥处置", "门锁" of "智能门锁". Such a word said alone names what is sold, not a customer."""
        folded = word.strip().casefold()
        return len(folded) >= 2 and "\n" not in folded and folded in self._product_text

    def words(self) -> list[str]:
        """Every name and alias, for the segmenter's dictionary."""
        return [s for e in (*self.products, *self.competitors) for s in (e.name, *e.aliases)]

    def find(self, text: str) -> list[Mention]:
        """Non-overlapping mentions, longest alias first at each position, in text order.

        Aliases that start or end with a Latin letter or digit must not be glued to more of the same
        ("GE" is not in "GENE", "1204" is not inside a phone number).
        """
        if not self._by_first:
            return []
        folded = text.casefold() if not text.isascii() or text.lower() != text else text
        if len(folded) != len(text):
            folded = "".join(ch.casefold()[:1] or ch for ch in text)  # keep offsets aligned
        out: list[Mention] = []
        n = len(text)
        by_first = self._by_first
        first_chars = self._first_chars
        at = first_chars.search(folded)
        while at is not None:
            pos = at.start()
            nxt = pos + 1
            surfaces = by_first[folded[pos]]
            # (most positions start none of them: one test in C for all before trying each)
            for surface in surfaces if folded.startswith(surfaces, pos) else ():
                e = pos + len(surface)
                if not folded.startswith(surface, pos):
                    continue
                if _is_word_char(text[pos]) and pos > 0 and _is_word_char(text[pos - 1]):
                    continue
                if _is_word_char(text[e - 1]) and e < n and _is_word_char(text[e]):
                    e = _plural_end(folded, surface, e)
                    if e < 0:
                        continue
                entry = self._lookup[surface]
                out.append(Mention(entry.kind, entry.name, pos, e))
                nxt = e
                break
            at = first_chars.search(folded, nxt)
        return out


def _entries(data: Mapping[str, Any], key: str, kind: EntryKind, path: str) -> list[Entry]:
    raw = data.get(key, [])
    if not isinstance(raw, list):
        raise ValueError(f"{path}: [[{key}]] must be an array of tables")
    out: list[Entry] = []
    for i, item in enumerate(raw, 1):
        where = f"{path}: {key} #{i}"
        if not isinstance(item, dict):
            raise ValueError(f"{where}: must be a table")
        name = item.get("name")
        if not isinstance(name, str) or not name.strip():
            raise ValueError(f"{where}: 'name' must be a non-empty string")
        aliases = item.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
            raise ValueError(f"{where} ({name}): 'aliases' must be a list of non-empty strings")
        line = item.get("line")
        if line is not None and not isinstance(line, str):
            raise ValueError(f"{where} ({name}): 'line' must be a string")
        unknown = set(item) - {"name", "aliases", "line"}
        if unknown:
            raise ValueError(f"{where} ({name}): unknown keys {sorted(unknown)}")
        out.append(Entry(kind, name.strip(), tuple(a.strip() for a in aliases), line))
    return out


def parse_catalog(text: str, source: str = "<catalog>") -> Catalog:
    """Build a catalog from TOML text; errors name `source`."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise ValueError(f"{source}: not valid TOML: {e}") from e
    unknown = set(data) - {"products", "competitors"}
    if unknown:
        raise ValueError(
            f"{source}: unknown top-level keys {sorted(unknown)} (expected products, competitors)"
        )
    return Catalog.build(
        _entries(data, "products", "product", source), _entries(data, "competitors", "competitor", source)
    )


def load_catalog(path: str | Path) -> Catalog:
    """Read a catalog TOML file; a missing or malformed file raises ValueError naming it."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as e:
        raise ValueError(f"{p}: cannot read catalog: {e.strerror or e}") from e
    except UnicodeDecodeError as e:
        raise ValueError(f"{p}: catalog is not UTF-8: {e}") from e
    return parse_catalog(text, str(p))
