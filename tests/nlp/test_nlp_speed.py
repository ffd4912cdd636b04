"""The fast paths give what the slow ones gave: the cutter is jieba's cut, a word trie matches as the
longest-first alternation, DAY_RE's first characters are all known, the dictionary copy is jieba's.
Sentences are made up (logistics, bakeries, agriculture), not taken from the corpora."""

from __future__ import annotations

import random
import re
from datetime import date
from pathlib import Path

import pytest

from nlp import Extractor, parse_catalog
from nlp.dates import _DAY_FIRST, DAY_RE, find_days
from nlp.lexicon import literal_re
from nlp.segment import _read_dictionary, cache_dir

SENTENCES = [
    "上周五跟成都蜀道冷链物流有限公司的调度主管聊了两个小时，他们想换一批冷藏车",
    "明早9点去昆明滇池烘焙坊见老板娘，顺便带上新款搅拌机的样品",
    "下下个星期三下午三点半再跟进，AB123型号的报价单 v2.0 已发",
    "12月底前要把合同签下来 ５号以前付首款；10天后复查 ",
    "abc 12 x\r\n中国\t农业大学的温室 -- 3% & C++ #1 100_000",
    "",
    "😀😀 ！！",
]


@pytest.fixture(scope="module")
def cut_pair(extractor: Extractor) -> tuple:
    extractor.warm_up()
    return extractor._segmenter.tokenizer, extractor._segmenter.cutter()


def test_cutter_gives_jiebas_words(cut_pair: tuple) -> None:
    tokenizer, cut = cut_pair
    rng = random.Random(7)
    texts = list(SENTENCES)
    alphabet = "".join(set("".join(SENTENCES))) + "ab1 ,。\n"
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 50))) for _ in range(300)]
    texts += [s[a:b] for s in SENTENCES for a in range(0, len(s), 3) for b in range(a, len(s) + 1, 4)]
    for text in texts:
        assert cut(text) == tokenizer.lcut(text, HMM=False), text


def test_word_trie_matches_as_longest_first_alternation() -> None:
    words = ["物流", "物流园", "物流园区", "冷链", "冷链物流", "有限公司", "公司", "园区", "a.b", "C++"]
    trie = literal_re(words)
    plain = re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))
    rng = random.Random(3)
    pieces = [*words, "的", "在", "x", "物", "冷", "园"]
    for _ in range(500):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 12)))
        assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]
        for i in range(len(text) + 1):
            a, b = trie.match(text, i), plain.match(text, i)
            assert (a and a.span()) == (b and b.span())
        assert bool(trie.fullmatch(text)) == bool(plain.fullmatch(text))


def _first_chars(seq: list) -> tuple[set[str], set, bool]:
    """(characters, categories, can be empty) a pattern's match may start with."""
    from re import _constants as c  # the syntax tree of re (Python 3.11+)

    chars: set[str] = set()
    cats: set = set()
    for op, av in seq:
        nullable = False
        if op is c.LITERAL:
            chars.add(chr(av))
        elif op is c.IN:
            for kind, value in av:
                if kind is c.LITERAL:
                    chars.add(chr(value))
                elif kind is c.RANGE:
                    chars.update(map(chr, range(value[0], value[1] + 1)))
                elif kind is c.CATEGORY:
                    cats.add(value)
                else:
                    raise AssertionError(f"unexpected set item {kind}")
        elif op is c.BRANCH:
            for branch in av[1]:
                ch, ca, empty = _first_chars(branch)
                chars |= ch
                cats |= ca
                nullable = nullable or empty
        elif op is c.SUBPATTERN:
            ch, ca, nullable = _first_chars(av[3])
            chars |= ch
            cats |= ca
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT):
            ch, ca, empty = _first_chars(av[2])
            chars |= ch
            cats |= ca
            nullable = empty or av[0] == 0
        elif op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            nullable = True  # takes no character
        else:
            raise AssertionError(f"unexpected regex node {op}: extend this test")
        if not nullable:
            return chars, cats, False
    return chars, cats, True


def test_every_day_expression_starts_with_a_known_character() -> None:
    from re import _constants as c
    from re import _parser

    chars, cats, empty = _first_chars(_parser.parse(DAY_RE.pattern))
    assert not empty
    missing = sorted(ch for ch in chars if not _DAY_FIRST.match(ch))
    assert not missing, f"add {missing} to _DAY_FIRST"
    assert cats <= {c.CATEGORY_DIGIT}
    assert all(_DAY_FIRST.match(d) for d in "09٣５")  # \d in both


def test_day_matches_are_finditers() -> None:
    from nlp.dates import _day_matches

    for text in [*SENTENCES, "前天、今天和大后天", "下个月8号 本月底 3月份12日 星期天 礼拜六 十天以后"]:
        assert [m.span() for m in _day_matches(text)] == [m.span() for m in DAY_RE.finditer(text)]
    assert find_days("下个月8号", date(2026, 3, 10))


def test_dictionary_copy_is_jiebas(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import nlp.segment as segment

    copy = tmp_path / "copy.marshal"
    monkeypatch.setattr(segment, "_dictionary_cache", lambda directory: copy)
    from_jieba = _read_dictionary(cache_dir())  # no copy yet: jieba loads it, the copy is written
    assert copy.exists()
    from_copy = _read_dictionary(cache_dir())
    assert from_copy.total == from_jieba.total
    assert from_copy.freq == from_jieba.freq
    assert list(from_copy.freq) == list(from_jieba.freq)
    copy.write_bytes(b"broken")
    assert _read_dictionary(cache_dir()).freq == from_jieba.freq  # a bad copy falls back to jieba


def test_catalog_scan_finds_mentions_at_any_character() -> None:
    catalog = parse_catalog(
        '[[products]]\nname = "冷藏车"\naliases = ["冷藏车厢", "-Box"]\n[[competitors]]\nname = "GE"\n', "t"
    )
    text = "买冷藏车厢和冷藏车，还有x-Box与-Box，GENE不算，ge算"
    found = [(m.name, text[m.start : m.end]) for m in catalog.find(text)]
    # longest alias first; "-" glues to nothing, "GE" not inside "GENE"; same as the per-character scan
    assert found == [
        ("冷藏车", "冷藏车厢"),
        ("冷藏车", "冷藏车"),
        ("冷藏车", "-Box"),
        ("冷藏车", "-Box"),
        ("GE", "ge"),
    ]
