"""Word lists shipped in nlp/data (titles, surnames, organisation suffixes), loaded once."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib import resources

# The most common surnames: "张伟那边" names a person, "明泰那边" a customer.
COMMON_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范"
)


def literal_re(words: Iterable[str]) -> re.Pattern[str]:
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
    return re.compile(_trie(root))


def _trie(node: dict[str, dict]) -> str:
    alts = [re.escape(ch) + _trie(child) for ch, child in sorted(node.items()) if ch]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    if "" not in node:
        return body
    # A word ends here and longer ones go on: the greedy "?" tries the longer ones first.
    return f"(?:{body})?" if len(alts) > 1 or len(alts[0]) > 1 else body + "?"


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
