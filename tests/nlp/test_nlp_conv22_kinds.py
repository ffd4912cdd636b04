"""Kinds of failure seen on the held-out conversations twentytwo (dental), each tested with made-up
sentences of other trades, with negatives showing the rule does not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor
from tests.nlp.reading import read

# ---- bought from another supplier: lost ----


@pytest.mark.parametrize(
    "text",
    [
        "宏泰李经理打电话说叉车已经在别家买了",
        "鼎盛那边说货架从别的厂家订了",
        "海川王总说包装机找同行做了",
    ],
)
def test_bought_from_another_supplier_is_lost(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[1].get("stage") == "输单"


@pytest.mark.parametrize(
    "text",
    [
        "宏泰李经理说叉车还在比价 别家也报了",
        "鼎盛那边说货架想从我们这买",
        "海川王总说别家报价比我们高",
    ],
)
def test_other_suppliers_named_without_a_purchase_is_no_loss(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[1].get("stage") != "输单"


# ---- a trial the customer ran, its length in weeks said as 礼拜 / 星期, then its verdict: no demo ----


@pytest.mark.parametrize(
    "text",
    [
        "今天上午去了宏泰那边 见了李经理 叉车他们试用了一个礼拜 反馈说电池不太耐用",
        "下午去了鼎盛 王总说 货架试用了两个星期 没问题",
    ],
)
def test_a_trial_of_the_customers_told_with_its_verdict_is_the_visit(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[1].get("kind") == "visit"


def test_a_trial_held_is_still_a_demo(extractor: Extractor) -> None:
    assert read(extractor, "今天去宏泰给李经理试用了叉车")[1].get("kind") == "demo"


# ---- asked over to their place to talk, on a day come: a visit ----


@pytest.mark.parametrize(
    "text",
    [
        "宏泰李经理今天约我过去谈叉车，他们想要三台",
        "鼎盛王总上午约我们到厂里看了货架的安装位置",
    ],
)
def test_asked_over_to_talk_is_a_visit(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[1].get("kind") == "visit"


def test_asked_over_on_a_later_day_is_no_visit_held(extractor: Extractor) -> None:
    assert read(extractor, "宏泰李经理约我下周三过去谈叉车")[1].get("kind") != "visit"
