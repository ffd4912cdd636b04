"""The fast paths give what the slow ones gave: the cutter is jieba's cut, a word trie matches as the
longest-first alternation, a pattern's first characters are all known, the dictionary copy is jieba's.
Sentences are made up (logistics, bakeries, agriculture), not taken from the corpora."""

from __future__ import annotations

import random
import re
from datetime import date
from pathlib import Path

import pytest

from nlp import Extractor, parse_catalog
from nlp.dates import _DAY_FIRST, DAY_RE, find_days
from nlp.lexicon import Screened, literal_re, needs_re, starts_re
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
    whole = re.compile(trie.pattern)  # the source, as built into longer patterns
    for _ in range(500):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 12)))
        assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]
        for i in range(len(text) + 1):
            a, b = trie.match(text, i), plain.match(text, i)
            assert (a and a.span()) == (b and b.span())
            end = rng.randrange(-1, len(text) + 2)
            for way in ("search", "match", "fullmatch"):
                a, b, c = (getattr(p, way)(text, i, end) for p in (trie, plain, whole))
                assert (a and a.span()) == (b and b.span()) == (c and c.span()), (way, text, i, end)
            spans = [m.span() for m in trie.finditer(text, i, end)]
            assert spans == [m.span() for m in plain.finditer(text, i, end)], (text, i, end)
        assert bool(trie.fullmatch(text)) == bool(plain.fullmatch(text))
        assert (trie.search(text) and trie.search(text).group()) == (
            plain.search(text) and plain.search(text).group()
        )


def test_word_trie_with_one_character_words_matches_as_the_alternation() -> None:
    # (the scan jumps to a one-character word or a first character and a possible second one: a
    # character that is a word alone and starts longer ones, words sharing second characters)
    words = ["厂", "厂区", "店", "分店", "馆", "茶馆", "茶楼", "楼", "仓", "仓储中心", "社"]
    trie = literal_re(words)
    plain = re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))
    rng = random.Random(11)
    pieces = [*words, "茶", "分", "储", "区", "中心", "的", " ", "区厂", "x"]
    for _ in range(500):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 12)))
        for i in range(len(text) + 1):
            end = rng.randrange(-1, len(text) + 2)
            spans = [m.span() for m in trie.finditer(text, i, end)]
            assert spans == [m.span() for m in plain.finditer(text, i, end)], (text, i, end)
            a, b = trie.search(text, i, end), plain.search(text, i, end)
            assert (a and a.span()) == (b and b.span()), (text, i, end)


def test_brand_end_scan_matches_as_without_its_first_character_test() -> None:
    from nlp.companies import _brand_end_re

    guarded = _brand_end_re()
    head = "|$)(?:"
    assert guarded.pattern.startswith("(?=[") and head in guarded.pattern
    plain = re.compile(guarded.pattern[guarded.pattern.index(head) + len(head) : -1])
    texts = [
        "去了趟丰禾农机的邹经理那边，谈了拖拉机的价",
        "昌盛冷链那单黄了 换了别家",
        "明珠花艺Cindy说下周来看样",
        "青山茶社的采购 电话聊了",
        "宏远搬家 老板说要两台车",
        "又去了一趟禾丰，",
        "蓝湾民宿欧阳总监让我发方案\n",
        "去美景做了汇报",
        "华泰那个项目还在等",
        "",
    ]
    rng = random.Random(5)
    alphabet = "".join(set("".join(texts))) + "Ab ，"
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 30))) for _ in range(300)]
    for text in texts:
        assert [(m.span(), m.groupdict()) for m in guarded.finditer(text)] == [
            (m.span(), m.groupdict()) for m in plain.finditer(text)
        ], text


@pytest.mark.parametrize(
    ("pattern", "starts", "not_starts"),
    [
        (r"(?:下个?)?(?:周|星期)[一二三]", "下周星", "个一二"),
        (r"(?<![A-Za-z])(?i:today|tomorrow)\b", "tT", "oyd"),
        (r"\d{1,2}\s?[号日]|[元角]", "09٣元角", "号日 "),
        (r"(?:早|晚)?上?(?=好)好的", "早晚上好", "的"),
    ],
)
def test_starts_re_holds_every_first_character(pattern: str, starts: str, not_starts: str) -> None:
    first = starts_re(re.compile(pattern))
    assert first is not None
    assert all(first.match(ch) for ch in starts)
    assert not any(first.match(ch) for ch in not_starts)


@pytest.mark.parametrize("pattern", [r"a?", r"[^a]b", r".x", r"(a)?\1x", r"(?:a|)c?"])
def test_starts_re_gives_up_when_it_cannot_tell(pattern: str) -> None:
    assert starts_re(re.compile(pattern)) is None


def test_every_day_expression_starts_with_a_known_character() -> None:
    assert _DAY_FIRST is not None  # the fast path is on
    rng = random.Random(5)
    pieces = [
        "下",
        "个",
        "周",
        "星期",
        "三",
        "12",
        "号",
        "月底",
        "今天",
        "明早",
        " ",
        "，",
        "天后",
        "后",
        "x",
        "1",
    ]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 10)))
        for i in range(len(text)):
            if DAY_RE.match(text, i):
                assert _DAY_FIRST.match(text, i), (text, i)


def test_day_matches_are_finditers() -> None:
    from nlp.dates import _day_matches

    rng = random.Random(9)
    pieces = [
        "下",
        "个",
        "周",
        "星期",
        "三",
        "12",
        "号",
        "月",
        "底",
        "今天",
        "明早",
        " ",
        "天后",
        "Today",
        "x",
        "的",
    ]
    texts = [*SENTENCES, "前天、今天和大后天", "下个月8号 本月底 3月份12日 星期天 礼拜六 十天以后"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randrange(0, 8))) for _ in range(2000)]
    for text in texts:
        assert [m.span() for m in _day_matches(text)] == [m.span() for m in DAY_RE.finditer(text)], text
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


@pytest.mark.parametrize(
    ("pattern", "needs", "not_needs"),
    [
        (r"新线索|的确认", "新确", "线索的认"),  # one character of each word, not a common one
        (r"[\u4e00-\u9fff]{1,4}[部科处](?=[\u4e00-\u9fff])", "部科处", "一"),
        (r"(?P<name>[\u4e00-\u9fff]{2,3}?)(?=那边|那个客户)", "边客", "那"),  # read ahead: still needed
        (r"(?i:call)(?:了|过)", "cC", "了过a"),  # any case of a letter read without case
        (r"(?:跟|和|是)\s?(?=[A-Z][a-z])", "AZ", "跟和是a"),  # a short range before common characters
    ],
)
def test_needs_re_holds_a_character_of_every_match(pattern: str, needs: str, not_needs: str) -> None:
    needed = needs_re(re.compile(pattern))
    assert needed is not None
    assert all(needed.match(ch) for ch in needs)
    assert not any(needed.match(ch) for ch in not_needs)


@pytest.mark.parametrize(
    "pattern", [r"(?<=采购)[\u4e00-\u9fff]", r"(?<=采购)\w", r"a?", r"[\u4e00-\u9fff]+", r"x|.", r"(?!a)."]
)
def test_needs_re_gives_up_when_no_character_is_known(pattern: str) -> None:
    # (read only behind, nothing, a range, a category or any character: no class)
    assert needs_re(re.compile(pattern)) is None


def _screened_patterns() -> list[tuple[str, Screened]]:
    import nlp.companies
    import nlp.dates
    import nlp.followup
    import nlp.intent
    import nlp.numbers
    import nlp.people
    import nlp.phones
    import nlp.shorthand

    found = []
    modules = (
        nlp.intent,
        nlp.numbers,
        nlp.people,
        nlp.phones,
        nlp.dates,
        nlp.followup,
        nlp.companies,
        nlp.shorthand,
    )
    for module in modules:
        for name, value in vars(module).items():
            if isinstance(value, Screened):
                found.append((f"{module.__name__}.{name}", value))
    found += [(f"STAGES[{stage}]", p) for stage, p in nlp.intent.STAGES if isinstance(p, Screened)]
    found.append(("people._minority_alone_re()", nlp.people._minority_alone_re()))
    return found


SCREENED = _screened_patterns()


def test_screened_patterns_are_found() -> None:
    assert len(SCREENED) >= 30


@pytest.mark.parametrize(("name", "pattern"), SCREENED, ids=[name for name, _ in SCREENED])
def test_a_screened_pattern_finds_what_the_pattern_finds(name: str, pattern: Screened) -> None:
    plain: re.Pattern[str] = pattern._compiled
    assert starts_re(plain) is not None  # the screen is on: the pattern's first characters are known
    # Text made of the pattern's own characters, a few others, spaces and punctuation, so that its
    # words occur at the start, in the middle and at the end, whole or cut.
    own = [ch for ch in dict.fromkeys(plain.pattern) if not ch.isascii() or ch.isalnum()]
    alphabet = [*own, "的", "了", "王", "x", "7", " ", "，", "？", "\n", "A"]
    rng = random.Random(name)
    texts = [*SENTENCES, "下周三再去拜访 PO下来了 报价已发 预算50万 电话打了 call了 visited"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 30))) for _ in range(400)]
    for text in texts:
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in plain.finditer(text)]
        for pos in range(0, len(text) + 1, 3):
            end = rng.randrange(pos, len(text) + 1)
            a, b = pattern.search(text, pos, end), plain.search(text, pos, end)
            assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict())), (text, pos, end)
            assert [m.span() for m in pattern.finditer(text, pos, end)] == [
                m.span() for m in plain.finditer(text, pos, end)
            ]


def test_a_screened_pattern_keeps_look_behinds_and_anchors() -> None:
    cases = [
        (r"(?<![A-Za-z])(?:call|phone)(?:了|过)", ["xcall了", "call了", "a phone过", "电话call过"]),
        (r"^\s*(?:帮我)?查|查一下", ["查下X", "  帮我查", "我查一下", "x帮我查"]),
        (r"\bdemo\b|试(?=用)", ["ademo", "a demo b", "试用", "试穿"]),
        (r"(?i:today)|明天", ["TODAY", "ToDay明天", "xtoday"]),
    ]
    for source, texts in cases:
        screened, plain = Screened(source), re.compile(source)
        for text in texts:
            for pos in range(len(text) + 1):
                a, b = screened.search(text, pos), plain.search(text, pos)
                assert (a and a.span()) == (b and b.span()), (source, text, pos)
    assert Screened(r"a?").search("bbb") is not None  # no screen for a pattern that may match nothing
    assert Screened(r".x").search("ax") is not None


def test_a_long_alternation_is_tried_by_its_first_character() -> None:
    """Alternatives split at the top level only (not inside a set, a group or after a backslash), and
    the matches are the whole pattern's, in the order of its alternatives."""
    from nlp.intent import REPORTED
    from nlp.lexicon import _ByFirstChar, _top_branches, _tree

    assert _top_branches(r"a[|]b|(?:c|d)|\||[]|x]|e") == ["a[|]b", "(?:c|d)", "\\|", "[]|x]", "e"]
    REPORTED.search("")

    def by_first(plain: re.Pattern[str]) -> _ByFirstChar | None:
        return _ByFirstChar.of(plain.pattern, plain.flags, _tree(plain), starts_re(plain))

    assert by_first(REPORTED._compiled) is not None
    sources = [
        # a longer alternative later than a shorter one with the same start: the earlier still wins
        r"(?<![A-Za-z])(?:call|phone)|拜访|拜访了客户|^\s*查|(?i:visit)ed|\d+号|[来去]了",
        r"开会|开完.{0,4}会|(?<![没未])开了|会开完了|\s电话|电话(?!号)",
    ]
    texts = [
        "xcall了 拜访了客户",
        "  查一下 VISITED 12号",
        "没开了会 开完大会 会开完了 电话号",
        "来了去了",
        "",
    ]
    for source in sources:
        screened, plain = Screened(source), re.compile(source)
        assert by_first(plain) is not None
        for text in texts:
            assert [m.span() for m in screened.finditer(text)] == [m.span() for m in plain.finditer(text)]
            for pos in range(len(text) + 1):
                for end in range(pos, len(text) + 1):
                    a, b = screened.search(text, pos, end), plain.search(text, pos, end)
                    assert (a and a.span()) == (b and b.span()), (source, text, pos, end)
    # a wide first character (any Han character) keeps the plain search: no jumps in Python
    wide = re.compile(r"[\u4e00-\u9fff]了没|啊啊|哦哦|嗯嗯")
    assert by_first(wide) is None


def test_tokens_reach_the_block_of_the_word_that_ends_last(extractor: Extractor) -> None:
    """The cut stretch ends with the block holding the end of the last organisation word or city of
    any overlap (found here by looking for every word everywhere), and its words are the full cut's."""
    from nlp.cities import gazetteer
    from nlp.companies import suffix_re
    from nlp.extractor import _BLOCK_RUN
    from nlp.lexicon import org_suffixes

    extractor.warm_up()
    words = sorted({*org_suffixes(), *gazetteer().all_forms()})
    rng = random.Random(11)
    pieces = [*rng.sample(words, 60), "物业服务中心", "集团有限公司", "的", "在", "，", " ", "x", "9", "店"]
    full_cut = extractor._segmenter.tokenizer.lcut
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 9)))
        suffixes = [(m.group(), m.start(), m.end()) for m in suffix_re().finditer(text)]
        places = list(gazetteer().pattern.finditer(text))
        tokens = extractor._tokens(text, suffixes, places)
        ends = [i + len(w) for w in words for i in range(len(text)) if text.startswith(w, i)]
        if not ends:
            assert tokens == []
            continue
        assert tokens[-1][2] == _BLOCK_RUN.match(text, max(ends)).end(), text
        lo, pos, whole = tokens[0][1], 0, []
        for w in full_cut(text, HMM=False):
            whole.append((w, pos, pos + len(w)))
            pos += len(w)
        assert [t for t in whole if lo <= t[1] and t[2] <= tokens[-1][2]] == tokens, text
