"""`company_key`: one key for a customer's full and short names (苏州远航物流有限公司 == 远航物流).

The key drops the place a name starts with, so two companies of one brand in two cities
(成都华信物流 and 绵阳华信物流) share it: `company_place` and `places_differ` tell them apart.
"""

from __future__ import annotations

import re
import unicodedata

from nlp.cities import PROVINCES, gazetteer

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
    key = unicodedata.normalize("NFKC", name).strip().casefold()
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
