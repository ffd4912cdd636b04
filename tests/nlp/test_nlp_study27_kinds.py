"""Kinds of failure seen on the study27 conversations (laboratory instruments), each tested with
made-up sentences of other trades, with negatives showing the rule does not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor
from tests.nlp.reading import read

# ---- the price agreed for the deal, said with 谈拢/谈妥/谈好/敲定 ----


@pytest.mark.parametrize(
    ("text", "budget"),
    [
        ("和顺达物流吃了个饭 冷链车价格基本谈拢 86万含两年保养", [860000, 860000]),
        ("绿洲物业的保洁外包价格谈妥了 六十万", [600000, 600000]),
        ("鸿福酒楼总价敲定 45万 下周签", [450000, 450000]),
        ("鸿福酒楼价格还没谈拢 他们嫌45万贵", None),  # not agreed: a price they find dear
        ("绿洲物业单价谈好了 3万一台", None),  # a unit's price, not the deal's
    ],
)
def test_the_price_agreed_is_the_budget(extractor: Extractor, text: str, budget: list[int] | None) -> None:
    _, slots = read(extractor, text)
    assert slots.get("budget") == budget


# ---- what the customer gives us by a day is their timeline, not the rep's plan ----


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("刚给远航物流钱总打了电话 运费嫌高 月底前给我答复", None),
        ("华美家具王经理说看完样品 下周五之前给我们结果", None),
        ("蓝海酒店电话里说还要比价 周五前给我个准信", None),
        ("鸿福酒楼嫌贵 下周三前我给他们出新报价", "2026-03-18"),  # what the rep owes: a plan
        ("绿洲物业要改方案 周五之前给新版", "2026-03-13"),
    ],
)
def test_what_the_customer_gives_us_by_a_day_is_no_plan(
    extractor: Extractor, text: str, day: str | None
) -> None:
    _, slots = read(extractor, text)
    assert (slots.get("next_followup") or {}).get("date") == day


# ---- a plan moved with 改 right before the new day ----


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("下周三改下周五了 钱总周三要开会", "2026-03-20"),
        ("鸿福酒楼下周一改下周三 王总周一要开会", "2026-03-18"),
        ("周四改周六上午吧", "2026-03-14"),  # said alone after a report
        ("明天改后天了", "2026-03-12"),
        ("明天 推到 后天", "2026-03-12"),
        ("下周一再去鸿福酒楼 他们周四要盘点", "2026-03-16"),  # no move: the first plan stands
        ("鸿福酒楼下周一改方案 周四给他们送过去", "2026-03-12"),  # 改 of a thing, not of a day
    ],
)
def test_a_plan_moved_with_gai(extractor: Extractor, text: str, day: str) -> None:
    _, slots = read(extractor, text)
    assert (slots.get("next_followup") or {}).get("date") == day
