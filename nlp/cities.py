"""The city gazetteer: every prefecture-level or bigger Chinese city, and finding the first one in a text."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

from nlp.lexicon import WordTrie, literal_re

# Short forms that are also everyday words or province names; they count only with their 市/州/盟/地区
# form ("吉林市", not the province 吉林; "朝阳市", not the word 朝阳).
AMBIGUOUS = frozenset(
    {
        "吉林",
        "海南",
        "朝阳",
        "白山",
        "兴安",
        "大同",
        "长治",
        "黄山",
        "北海",
        "来宾",
        "白银",
        "阿里",
        "安康",
        "普洱",
        "中山",
        "玉树",
        "红河",
        "文山",
        "海西",
        "海北",
        "海东",
        "黄南",
        "三沙",
        "金昌",
        "中卫",
        "德宏",
        "迪庆",
        "怒江",
        "凉山",
        "甘南",
        "湘西",
        "和田",
        "塔城",
        "山南",
        "吉安",
        "安顺",
        "通化",
        "四平",
        "延安",
        "果洛",
        "临夏",
        "昌吉",
        "伊犁",
        "延边",
        "阿坝",
        "甘孜",
        "楚雄",
        "大理",
        "三明",
        "开封",
    }
)
# Provinces, autonomous regions and the municipalities, as said before a city ("广西南宁", "广东东莞").
PROVINCES = (
    "内蒙古",
    "黑龙江",
    "北京",
    "天津",
    "上海",
    "重庆",
    "河北",
    "山西",
    "辽宁",
    "吉林",
    "江苏",
    "浙江",
    "安徽",
    "福建",
    "江西",
    "山东",
    "河南",
    "湖北",
    "湖南",
    "广东",
    "广西",
    "海南",
    "四川",
    "贵州",
    "云南",
    "西藏",
    "陕西",
    "甘肃",
    "青海",
    "宁夏",
    "新疆",
)
# Words after a city that keep it a city although jieba glues them into one word ("北京大学").
# "去了趟延边，": a trip to the place names it as a place.
_TRAVEL = re.compile(r"(?:去|到|在|回|来|趟)$")
_PLACE_END = re.compile(r"[，,。！!？?\s]|$")
# What is done at a place gone to, said right after it ("去大同玩三天", "到开封出差"): the place is a city.
_DOING_THERE = re.compile(
    r"玩|出差|开会|考察|旅游|过年|度假|住|待[一两三四五六七八九十几]|[一两三四五六七八九十几]天"
)
# A city's downtown said right after its short form, which the scan reads as the full form ("西安市区").
_DOWNTOWN = ("市区", "市中心", "市里", "市内")
# A development zone, park or new district named after a city: the city is where it is.
_ZONE_AFTER = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:开发区|高新区|经开区|保税区|工业园区?|产业园|新区)")
# "北海这边明天停工": a short form the rep speaks of as where things stand is the place, at a clause's
# start (not a province's name, "吉林这边", nor Beijing's 朝阳 or the brand 阿里, which the words hide).
# (also one the rep's customer is of: "大同的白先生", "长治的一家医院", "安康的客户")
_HERE_AFTER = re.compile(
    r"(?:这边|那边)|的(?=客户|一家|那家|这家|老板|[\u4e00-\u9fff](?:先生|女士|总|经理|老板|主任))"
)
_NOT_HERE = frozenset({"吉林", "海南", "朝阳", "阿里"})


def _zone_after(text: str, e: int, city: str) -> bool:
    """A zone or one of the city's own districts right after the city ending at `e`."""
    if _ZONE_AFTER.match(text, e) is not None:
        return True
    return any(text.startswith(d, e) for d in districts().by_city.get(city, ()) if len(d) >= 2)


_ORG_TAILS = ("大学", "医院", "中学", "小学", "学院", "师范", "医科", "理工", "工业", "交通", "科技", "财经")


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """City short forms with their full forms, and county-level cities that must not count."""

    cities: frozenset[str]
    full_to_short: dict[str, str]
    counties: frozenset[str]
    pattern: WordTrie

    def all_forms(self) -> list[str]:
        return [*self.cities, *self.full_to_short, *self.counties]


@cache
def gazetteer() -> Gazetteer:
    data = resources.files("nlp") / "data"
    cities: set[str] = set()
    full: dict[str, str] = {}
    for n, line in enumerate(data.joinpath("cities.tsv").read_text(encoding="utf-8").splitlines()):
        parts = line.split("\t")
        if n == 0 or len(parts) < 2 or not parts[0]:
            continue
        cities.add(parts[0])
        full[parts[1]] = parts[0]
        full.setdefault(parts[0] + "市", parts[0])
    counties: set[str] = set()
    for line in data.joinpath("county_cities.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        counties.update(w for w in line.split() if w not in cities)
    pattern = literal_re({*cities, *full, *counties})  # the longest form at each position
    return Gazetteer(frozenset(cities), full, frozenset(counties), pattern)


def find_city(
    text: str,
    tokens: list[tuple[str, int, int]],
    base_word: Callable[[str], bool],
    blocked: list[tuple[int, int]],
    org_start: int | None = None,
    places: list[re.Match[str]] | None = None,
) -> tuple[str, tuple[int, int]] | None:
    """First prefecture-level city mentioned, skipping county-level cities and cities inside words.

    `tokens` are (word, start, end) from the segmenter; `base_word(w)` tells whether w is a word of the
    segmenter's own dictionary (not one we added), so "三明治" and "大理石" hide the cities inside them.
    `blocked` spans (catalog mentions, e-mail addresses) are skipped. A city that starts the recognised
    organisation (`org_start`) counts even when its short form is also a word ("大同云冈光伏电站").
    `places`: the gazetteer's scan of the text, when the caller has it.
    """
    g = gazetteer()
    by_start = {s: (w, e) for w, s, e in tokens}
    by_end = {e: s for _, s, e in tokens}
    ends = set(by_end)
    # the gazetteer's scan with the places hidden inside a word-straddling match ("今天长沙"); a list, so a
    # city hidden across a province ("河南平顶山") can be put in to be read next
    found = list(_with_inner(text, g.pattern.finditer(text) if places is None else places, by_start))
    k = 0
    while k < len(found):
        m = found[k]
        k += 1
        s, e = m.span()
        form = m.group()
        if any(bs < e and s < be for bs, be in blocked):
            continue
        short = g.full_to_short.get(form, form)
        gone = _TRAVEL.search(text, max(0, s - 3), s) is not None
        travelled = gone and (
            _PLACE_END.match(text, e) is not None
            # (or what is done there said right after: "员工旅游去大同玩三天", "去开封出差")
            or (short not in PROVINCES and _DOING_THERE.match(text, e) is not None)
        )
        # (or a city's zone or district said right after it: "中山翠亨新区", "吉安井冈山经开区")
        zoned = form == short and short in AMBIGUOUS and _zone_after(text, e, short)
        zoned = zoned or (
            form == short
            and short in AMBIGUOUS
            and short not in _NOT_HERE
            and (s == 0 or not text[s - 1].isalnum())
            and _HERE_AFTER.match(text, e) is not None
        )
        named = s == org_start or travelled or zoned or _set_apart(text, s, e, org_start)
        if short not in g.cities or (
            form == short and short in AMBIGUOUS and not named and not _own_district_after(text, e, short)
        ):
            continue  # a county-level city, or a short form that is also a common word
        if s == org_start and form == short and short in PROVINCES and short in AMBIGUOUS:
            continue  # "海南椰风体育发展有限公司": a province's name starting the organisation is no city
        if s == org_start:
            return short, (s, e)  # "拜访无锡华晶光电": the organisation's name starts with the city,
            # however the segmenter glued its first characters to the word before ("访无")
        tok = by_start.get(s)
        if tok is None and _after_province(text, s, e, by_end):
            return short, (s, e)  # "广西南宁": the segmenter glues the province and the city into one word
        if tok is None:
            # starts inside another word ("东莞" is not in "广东莞..."-like runs); a city it hid, starting
            # inside it, is read still ("河南平顶山": 南平 hides 平顶山)
            hidden = next((h for j in range(s + 1, e) if (h := g.pattern.match(text, j)) is not None), None)
            if hidden is not None and hidden.end() > e:
                found.insert(k, hidden)
            continue
        word, te = tok
        if te < e and e not in ends:
            if form != short and te == s + len(short) and text.startswith(_DOWNTOWN, te):
                return short, (s, te)  # "西安市区的": the city, then its downtown (not the full form 西安市)
            continue
        if te > e:
            rest = word[len(form) :]
            if base_word(word) and not rest.startswith(("市", *_ORG_TAILS)) and s != org_start:
                continue  # "三明治", "大理石": a word of its own
        return short, (s, e)
    return None


def _set_apart(text: str, s: int, e: int, org_start: int | None) -> bool:
    """Whether a city at s..e is written as a place of its own: after its province ("山西长治"), or as a
    word of its own right before the organisation, a space apart ("大同 恒盛煤业"); not "大同小异"."""
    before = text[:s].removesuffix("省")
    if before.endswith(PROVINCES):
        return True
    return (
        org_start is not None
        and org_start > e
        and text[e:org_start].isspace()
        and (s == 0 or not text[s - 1].isalnum())
    )


def _with_inner(
    text: str, matches: Iterable[re.Match[str]], by_start: dict[int, tuple[str, int]]
) -> Iterator[re.Match[str]]:
    """The gazetteer's matches, and after one that starts inside a word, a place starting inside it at
    a word's start: the scan is leftmost-longest, so "今天长沙" holds 天长 (a county) and hides 长沙."""
    g = gazetteer()
    for m in matches:
        yield m
        s, e = m.span()
        if s in by_start:
            continue
        for k in range(s + 1, e):
            if k in by_start and (inner := g.pattern.match(text, k)) is not None:
                yield inner
                break


def _own_district_after(text: str, e: int, city: str) -> bool:
    """Whether one of the city's own counties or districts follows it ("开封兰考", "延边珲春"): a
    short form that is also a word is the city there."""
    own = districts().by_city.get(city)
    return own is not None and any(text[e : e + n] in own for n in (2, 3, 4))


def _after_province(text: str, s: int, e: int, by_end: dict[int, int]) -> bool:
    """Whether the city at s..e ends a word that starts with a province, and nothing else ("广西南宁")."""
    start = by_end.get(e)
    return start is not None and start < s and text[start:s].removesuffix("省") in PROVINCES


@dataclass(frozen=True, slots=True)
class Districts:
    """County-level divisions (districts, counties, banners) in full and short forms (临平区, 临平),
    by the city they belong to, and all of them whatever their city."""

    by_city: dict[str, frozenset[str]]
    anywhere: frozenset[str]
    longest: int


def _district_forms(full: str) -> set[str]:
    """The full form and the short form a name is said in (萧山区 → 萧山, 浦东新区 → 浦东, 长阳土家族
    自治县 → 长阳); a two-character full form (东区, 城区) has no short one."""
    forms = {full}
    if "自治" in full:
        forms.add(full[:2])
    elif full.endswith("新区") and len(full) >= 4:
        forms.add(full[:-2])
    elif full.endswith(("区", "县", "市", "旗")) and len(full) >= 3:
        forms.add(full[:-1])
    return forms


@cache
def districts() -> Districts:
    data = resources.files("nlp") / "data"
    by_city: dict[str, set[str]] = {}
    for n, line in enumerate(data.joinpath("districts.tsv").read_text(encoding="utf-8").splitlines()):
        parts = line.split("\t")
        if n == 0 or line.startswith("#") or len(parts) < 2 or parts[0] == "city":
            continue
        by_city.setdefault(parts[0], set()).update(_district_forms(parts[1]))
    anywhere = frozenset(f for forms in by_city.values() for f in forms)
    return Districts(
        {city: frozenset(forms) for city, forms in by_city.items()},
        anywhere,
        max(map(len, anywhere), default=0),
    )


@cache
def _english_cities() -> tuple[re.Pattern[str], dict[str, str]]:
    data = resources.files("nlp") / "data"
    names: dict[str, str] = {}
    for line in data.joinpath("cities_english.tsv").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("#") or len(parts) < 2 or parts[0] == "english":
            continue
        names[parts[0]] = names[parts[0].upper()] = parts[1]
    alternatives = "|".join(re.escape(w) for w in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![A-Za-z'])(?:{alternatives})(?![A-Za-z'])"), names


def find_english_city(text: str, blocked: list[tuple[int, int]]) -> tuple[str, tuple[int, int]] | None:
    """A city spelt in an English message ("a hotel in Haikou", "Guilin Sunshine Resort"): written as a
    name (capitalised), so "xian" inside a word or a lower-case common word never counts."""
    if not any("A" <= c <= "Z" for c in text):
        return None
    pattern, names = _english_cities()
    for m in pattern.finditer(text):
        if not any(bs < m.end() and m.start() < be for bs, be in blocked):
            return names[m.group()], m.span()
    return None
