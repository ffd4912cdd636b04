"""A private jieba tokenizer with the catalog, titles and cities in its dictionary, plus word classes.

jieba's own dictionary (~500k prefixes) costs ~60 MB and ~1 s per tokenizer, so it is loaded once per
process (from a copy of jieba's cache that reads 4x faster) and copied into each tokenizer (~15 MB,
~0.05 s: the words themselves are shared), and every extractor built from the same words shares one
tokenizer. Both are held only while some extractor uses them.

jieba's own dictionary carries a part-of-speech tag per word; running jieba.posseg costs ~10x a plain
cut, so instead the few tags we need (is this word a verb, pronoun, adverb, time word...?) are read
once from the dictionary file and cached next to jieba's own cache.
"""

from __future__ import annotations

import logging
import marshal
import os
import sys
import tempfile
import threading
import weakref
from array import array
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from math import log
from pathlib import Path
from typing import Any


def _import_jieba() -> None:
    """jieba imports pkg_resources (~60 ms, an eighth of a cold start) only to open its own data
    files, and opens them by path when it cannot: pkg_resources is kept from jieba's import alone
    (anything importing it later gets it as usual)."""
    hide = "pkg_resources" not in sys.modules
    if hide:
        sys.modules["pkg_resources"] = None  # (its import then fails at once)
    try:
        import jieba  # noqa: F401
    finally:
        if hide and sys.modules.get("pkg_resources", 0) is None:
            del sys.modules["pkg_resources"]


_import_jieba()
import jieba  # noqa: E402

from nlp.lexicon import COMMON_SURNAMES  # noqa: E402

# Tags of words that end an organisation's name when read leftwards: prepositions, conjunctions,
# particles, pronouns, adverbs, measure words, time and direction words, interjections. Verbs are kept
# apart: brand names are often verbs (远航, 丰收), so a verb only ends a name before a place name.
_STRONG_TAGS = frozenset(
    {
        "p",
        "c",
        "u",
        "ud",
        "ug",
        "uj",
        "ul",
        "uv",
        "uz",
        "r",
        "rr",
        "rz",
        "rg",
        "d",
        "dg",
        "q",
        "t",
        "tg",
        "f",
        "y",
        "e",
        "o",
        "ad",
    }
)
_VERB_TAGS = frozenset({"v", "vd", "vg"})
# Dynasties in their order: a period named by them ("明清", "唐宋", "清代") is tagged a time word, yet it is
# a brand's stem ("明清坊家具", "汉唐茶业"), not the edge of a name like "明天" or "现在".
_DYNASTIES = "夏商周秦汉晋隋唐宋元明清"


def _era(word: str) -> bool:
    """A period named by dynasties, in order ("明清", "隋唐") or with 代 / 朝 ("明代", "唐朝")."""
    if len(word) != 2 or word[0] not in _DYNASTIES:
        return False
    return word[1] in "代朝" or _DYNASTIES.find(word[0]) < _DYNASTIES.find(word[1])


_COUNTING = ("一", "这", "那", "几", "两", "每", "某", "半")
# 4: each class one newline-joined string (5x faster to read than a list); 6: people; 7: namesakes;
# 8: periods named by dynasties left out of the strong words
_POS_CACHE_VERSION = 8
_DICT_CACHE_VERSION = 1
_PLACE_TAGS = frozenset({"ns", "nt", "j"})
_GIVEN_NAME_FREQ = 50  # a given name of two characters is no everyday word
_NAMESAKE_FREQ = 1000  # a famous two-character name is rarer than the everyday words tagged as names
_HAN, _SKIP = jieba.re_han_default, jieba.re_skip_default  # jieba's own blocks and whitespace
_ASCII_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


def cache_dir() -> Path:
    """$XDG_CACHE_HOME/salesbot (default ~/.cache/salesbot), or a temp dir when that is not writable."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    path = Path(base) / "salesbot"
    try:
        path.mkdir(parents=True, exist_ok=True)
        if os.access(path, os.W_OK):
            return path
    except OSError:
        pass
    fallback = Path(tempfile.gettempdir()) / f"salesbot-{os.getuid() if hasattr(os, 'getuid') else 0}"
    fallback.mkdir(parents=True, exist_ok=True)
    return fallback


@dataclass(frozen=True, slots=True, weakref_slot=True)
class _Dictionary:
    """jieba's own prefix dictionary, loaded once and copied into every tokenizer."""

    freq: dict[str, int]
    total: int


@dataclass(frozen=True, slots=True, weakref_slot=True)
class Segmenter:
    """An initialised tokenizer with extra words, and those of them that jieba did not know."""

    tokenizer: jieba.Tokenizer
    added: frozenset[str]
    base: _Dictionary  # keeps jieba's dictionary loaded while a segmenter uses it

    def cutter(self) -> Callable[[str], list[str]]:
        """`tokenizer.lcut(text, HMM=False)`, word for word, at about twice the speed."""
        return make_cutter(self.tokenizer.FREQ, self.tokenizer.total)


_lock = threading.Lock()  # extractors may be built from several threads (the CLI, a thread pool)
_dictionary: weakref.ReferenceType[_Dictionary] | None = None
_segmenters: weakref.WeakValueDictionary[tuple[str, ...], Segmenter] = weakref.WeakValueDictionary()


def _base_dictionary(directory: Path) -> _Dictionary:
    global _dictionary
    base = _dictionary() if _dictionary is not None else None
    if base is None:
        base = _read_dictionary(directory)
        _dictionary = weakref.ref(base)
    return base


@cache
def _held_dictionary() -> _Dictionary:
    return _base_dictionary(cache_dir())  # held for the process: read once, as the extractor's


def base_word_freq(word: str) -> int:
    """How often `word` occurs as a word of jieba's own dictionary (0: no word of the language)."""
    return _held_dictionary().freq.get(word, 0) or 0


def _dictionary_cache(directory: Path) -> Path | None:
    dict_path = Path(jieba.__file__).with_name("dict.txt")
    try:
        st = dict_path.stat()
    except OSError:
        return None
    stamp = f"{jieba.__version__}-{int(st.st_mtime)}-{st.st_size}"
    return directory / f"prefix-dict-v{_DICT_CACHE_VERSION}-{stamp}.marshal"


def _read_dictionary(directory: Path) -> _Dictionary:
    """jieba's prefix dictionary, from our own copy of it when there is one.

    jieba caches it as one marshalled dict, ~0.6 s to read (most of a cold start); the copy holds the
    words as one newline-joined string and the counts as one int64 array, read in ~0.15 s. The copy
    is written from what jieba itself loaded, so the dictionary is the same.
    """
    cache = _dictionary_cache(directory)
    if cache is not None:
        try:
            with cache.open("rb") as f:
                words, counts, total = marshal.load(f)
            freq = dict(zip(words.split("\n"), array("q", counts), strict=True))
            if isinstance(total, int):
                return _Dictionary(freq, total)
        except (OSError, EOFError, ValueError, TypeError):
            pass
    jieba.setLogLevel(logging.WARNING)  # jieba logs "Building prefix dict..." at DEBUG on every start
    tk = jieba.Tokenizer()
    tk.tmp_dir = str(directory)
    tk.initialize()
    if cache is not None:
        _write_dictionary(cache, tk.FREQ, tk.total)
    return _Dictionary(tk.FREQ, tk.total)


def _write_dictionary(cache: Path, freq: dict[str, int], total: int) -> None:
    if any("\n" in w for w in freq):
        return  # not representable; jieba's own cache still works
    try:
        counts = array("q", freq.values()).tobytes()
    except (OverflowError, TypeError):
        return
    tmp = cache.with_suffix(f".{os.getpid()}.tmp")
    try:
        with tmp.open("wb") as f:
            marshal.dump(("\n".join(freq), counts, total), f)
        os.replace(tmp, cache)
    except OSError:
        pass


def segmenter(words: Iterable[str], directory: Path) -> Segmenter:
    """A tokenizer with `words` added, shared with every caller still holding one for the same words
    (a tokenizer is only read once built)."""
    key = tuple(words)
    with _lock:
        shared = _segmenters.get(key)
        if shared is None:
            shared = _build(key, _base_dictionary(directory))
            _segmenters[key] = shared
        return shared


def _build(words: Iterable[str], base: _Dictionary) -> Segmenter:
    tk = jieba.Tokenizer()
    tk.FREQ, tk.total, tk.initialized = dict(base.freq), base.total, True
    added: set[str] = set()
    for w in words:
        if w and len(w) > 1 and w not in added:
            if tk.FREQ.get(w, 0) <= 0:
                added.add(w)
            tk.add_word(w)
    return Segmenter(tk, frozenset(added), base)


_NOT_READ: Any = object()


def make_cutter(freq: dict[str, int], total: int) -> Callable[[str], list[str]]:
    """jieba 0.42's cut without HMM over a frozen dictionary (`freq` holds every prefix of every word).

    Same blocks, same DAG, same float sums in the same order and the same tie-break as jieba (on equal
    route scores the longer word wins), so the words are identical; it runs faster because the DAG and
    the route are built in one pass with no generators, no per-character regex and no attribute look-ups.
    """
    get = freq.get
    logtotal = log(total)
    unknown = log(1) - logtotal  # an unknown character stands alone, with frequency 1
    # Each character's own entry, looked up in this small table before the big one (the characters
    # of a language are few, and the big dictionary's lookups are a third of a cut).
    chars: dict[str, int | None] = {}
    char_get = chars.get

    def cut_block(s: str, out: list[str]) -> None:
        n = len(s)
        score = [0.0] * (n + 1)
        nxt = [0] * (n + 1)  # where the best word from each position ends
        k = n
        for ch in reversed(s):
            k -= 1
            best_p, best_x = 0.0, -1
            j = k + 1  # the word s[k:j]
            f = char_get(ch, _NOT_READ)
            if f is _NOT_READ:
                f = chars[ch] = get(ch)
            while f is not None:
                if f:  # as jieba's max((log(f) - logtotal + score, x)): a later x wins a tie
                    p = log(f) - logtotal + score[j]
                    if best_x < 0 or p >= best_p:
                        best_p, best_x = p, j
                if j >= n:
                    break
                j += 1
                f = get(s[k:j])
            if best_x < 0:
                best_p, best_x = unknown + score[k + 1], k + 1
            score[k] = best_p
            nxt[k] = best_x
        x = 0
        buf = ""
        while x < n:
            y = nxt[x]
            if y - x == 1:
                word = s[x]
                if word in _ASCII_ALNUM:  # single Latin letters and digits run together
                    buf += word
                    x = y
                    continue
            else:
                word = s[x:y]
            if buf:
                out.append(buf)
                buf = ""
            out.append(word)
            x = y
        if buf:
            out.append(buf)

    def cut(text: str) -> list[str]:
        out: list[str] = []
        for n, blk in enumerate(_HAN.split(text)):
            if n % 2:  # split() on one group alternates text between blocks and blocks
                cut_block(blk, out)
            elif blk:
                for x in _SKIP.split(blk):
                    if _SKIP.match(x):
                        out.append(x)
                    else:
                        out.extend(x)
        return out

    return cut


@dataclass(frozen=True, slots=True)
class WordClasses:
    """Word classes read from jieba's dictionary tags."""

    strong: frozenset[str]  # words that end an organisation name (see _STRONG_TAGS)
    verbs: frozenset[str]
    places: frozenset[str]  # place and organisation names of 3+ characters ("宁波港", "西安交大")
    people: frozenset[str] = frozenset()  # full names of three characters the dictionary holds ("刘卫东")
    # full names of two characters the dictionary holds as a person's ("李娜", "张宁"), not everyday words
    namesakes: frozenset[str] = frozenset()


@cache  # ~9 MB of word sets, the same for every extractor
def word_classes(directory: Path) -> WordClasses:
    """Word classes from the dictionary tags, cached as marshal next to jieba's cache."""
    dict_path = Path(jieba.__file__).with_name("dict.txt")
    try:
        stamp = int(dict_path.stat().st_mtime)
    except OSError:
        return WordClasses(frozenset(), frozenset(), frozenset())
    cache = directory / f"stopwords-v{_POS_CACHE_VERSION}-{stamp}.marshal"
    try:
        with cache.open("rb") as f:
            joined = marshal.load(f)
        strong, verbs, places, people, namesakes = (
            frozenset(s.split("\n")) if s else frozenset() for s in joined
        )
        return WordClasses(strong, verbs, places, people, namesakes)
    except (OSError, EOFError, ValueError, TypeError, AttributeError):
        pass
    strong: list[str] = []
    verbs: list[str] = []
    places: list[str] = []
    people: list[str] = []
    namesakes: list[str] = []
    pairs: dict[str, int] = {}
    with dict_path.open(encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) != 3:
                continue
            word, tag = parts[0], parts[2]
            if (tag in _STRONG_TAGS and not (tag == "t" and _era(word))) or (
                tag in ("m", "mq") and word.startswith(_COUNTING)
            ):
                strong.append(word)
            elif tag in _VERB_TAGS:
                verbs.append(word)
            elif tag in _PLACE_TAGS and len(word) >= 3:
                places.append(word)
            elif tag == "nr" and len(word) == 3:
                people.append(word)
            elif tag == "nr" and len(word) == 2 and int(parts[1]) < _NAMESAKE_FREQ:
                namesakes.append(word)
            if len(word) == 2:
                pairs[word] = int(parts[1])
    # (a surname and a given name no common word: "刘卫东", not "白蛋白" nor "龙舟赛"'s kind of noise)
    family = COMMON_SURNAMES
    people = [w for w in people if w[0] in family and pairs.get(w[1:], 0) < _GIVEN_NAME_FREQ]
    namesakes = [w for w in namesakes if w[0] in family]
    tmp = cache.with_suffix(f".{os.getpid()}.tmp")
    try:
        with tmp.open("wb") as f:
            marshal.dump(tuple("\n".join(w) for w in (strong, verbs, places, people, namesakes)), f)
        os.replace(tmp, cache)
    except OSError:
        pass
    return WordClasses(
        frozenset(strong), frozenset(verbs), frozenset(places), frozenset(people), frozenset(namesakes)
    )
