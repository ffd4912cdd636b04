"""`company_key`: one key for a customer's full and short names (苏州远航物流有限公司 == 远航物流)."""

from __future__ import annotations

import re
import unicodedata

from nlp.cities import gazetteer

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
_PAREN = re.compile(r"[（(][^（()）]*[)）]")

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


def company_key(name: str) -> str:
    """A key that is equal for a company's full and short forms (苏州远航物流有限公司 == 远航物流)."""
    key = unicodedata.normalize("NFKC", name).strip().casefold()
    key = _PAREN.sub("", key)
    key = re.sub(r"\s+", " ", key)
    g = gazetteer()
    changed = True
    while changed:
        changed = False
        for p in PROVINCES:
            if key.startswith(p) and len(key) > len(p) + 1:
                key = key[len(p) :].lstrip("省市")
                changed = True
        m = g.pattern.match(key)
        if m and len(key) > len(m.group()) + 1:
            key = key[len(m.group()) :].lstrip("市")
            changed = True
    stripped = True
    while stripped:
        stripped = False
        for suffix in _LEGAL:
            if key.endswith(suffix) and len(key) > len(suffix) + 1:
                key = key[: -len(suffix)]
                stripped = True
    return key.strip()
