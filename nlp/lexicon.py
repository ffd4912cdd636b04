"""Word lists shipped in nlp/data (titles, surnames, organisation suffixes), loaded once."""

from __future__ import annotations

from functools import cache
from importlib import resources

# The most common surnames: "张伟那边" names a person, "明泰那边" a customer.
COMMON_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范"
)


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
