"""`company_key`: one key for a customer's full and short names (苏州远航物流有限公司 == 远航物流).

The key drops the place a name starts with, so two companies of one brand in two cities
(成都华信物流 and 绵阳华信物流) share it: `company_place` and `places_differ` tell them apart.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from nlp.cities import PROVINCES, districts, gazetteer
from nlp.script import simplified

_LEGAL = (
    "股份有限公司",
    "有限责任公司",
    "集团有限公司",
    "有限公司",
    "分公司",
    "公司",
    "集团",
    "股份",
    "控股",
    "连锁",
    "管理",
    "服务",
    "发展",
    "实业",
    "科技",
)
# Provinces that are cities themselves: a name starting with one says where the customer is
# (上海恒跃健身 and 嘉兴恒跃健身 are two customers), as a name starting with any city does.
_MUNICIPALITIES = frozenset({"北京", "天津", "上海", "重庆"})
_PAREN = re.compile(r"[（(][^（()）]*[)）]")


def _fold(name: str) -> str:
    # (a name written in traditional characters is the same customer: 廈門國貿 == 厦门国贸)
    key = simplified(unicodedata.normalize("NFKC", name)).strip().casefold()
    key = _PAREN.sub("", key)
    return re.sub(r"\s+", " ", key)


def company_key(name: str) -> str:
    """A key that is equal for a company's full and short forms (苏州远航物流有限公司 == 远航物流)."""
    key, _ = _strip_places(_fold(name))
    stripped = True
    while stripped:
        stripped = False
        for suffix in _LEGAL:
            if key.endswith(suffix) and len(key) > len(suffix) + 1:
                key = key[: -len(suffix)]
                stripped = True
    return key.strip()


def _strip_places(key: str) -> tuple[str, tuple[str, ...]]:
    """The folded name without the provinces and cities it starts with, and those cities."""
    g = gazetteer()
    places: list[str] = []
    changed = True
    while changed:
        changed = False
        for p in PROVINCES:
            if key.startswith(p) and len(key) > len(p) + 1:
                key = key[len(p) :].lstrip("省市")
                if p in _MUNICIPALITIES:
                    places.append(p)
                changed = True
        m = g.pattern.match(key)
        if m and len(key) > len(m.group()) + 1:
            places.append(g.full_to_short.get(m.group(), m.group()))
            key = key[len(m.group()) :].lstrip("市")
            changed = True
    return key, tuple(places)


def company_places(name: str | None) -> frozenset[str]:
    """The cities (county-level ones too) a company's name starts with, in short forms: what
    `company_key` drops (南京栖霞医院 → {南京, 栖霞})."""
    if not name:
        return frozenset()
    return frozenset(_strip_places(_fold(name))[1])


def company_city(name: str | None) -> str | None:
    """The city a company's name places it in: a city it starts with, or the one city of the county or
    district it starts with (商水县X → 周口); None when the name says none, or a district several
    cities have (鼓楼)."""
    if not name:
        return None
    rest, places = _strip_places(_fold(name))
    cities = gazetteer().cities
    found = {place for place in places if place in cities}
    if not found:
        table = _cities_of_district()
        for length in range(min(districts().longest, len(rest) - 1), 1, -1):
            if (of := table.get(rest[:length])) is not None:
                found = set(of)
                break
    return next(iter(found)) if len(found) == 1 else None


@cache
def _cities_of_district() -> dict[str, frozenset[str]]:
    """District, county and banner forms (商水县, 商水) -> the cities they belong to."""
    out: dict[str, set[str]] = {}
    for city, forms in districts().by_city.items():
        for form in forms:
            out.setdefault(form, set()).add(city)
    return {form: frozenset(cities) for form, cities in out.items()}


def places_differ(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two names with one key say different places, so are two companies (成都华信物流,
    绵阳华信物流); a name saying fewer places (栖霞医院, 南京栖霞医院) is the same one."""
    return bool(a and b and not (a <= b or b <= a))


def short_city(city: str | None) -> str | None:
    """A city field or slot in the short form the gazetteer uses (绵阳市 → 绵阳)."""
    if not city:
        return None
    city = unicodedata.normalize("NFKC", city).strip()
    return gazetteer().full_to_short.get(city, city) or None
