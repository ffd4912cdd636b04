"""Word lists shipped in nlp/data (titles, surnames, organisation suffixes), loaded once."""

from __future__ import annotations

from functools import cache
from importlib import resources


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
def surnames() -> frozenset[str]:
    return frozenset(_words("surnames.txt"))


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
    return out
