"""Kinds of failure seen on the held-out conversations twentyone (cold chain), each tested with made-up
sentences of other trades, with negatives showing the rule does not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor
from tests.nlp.reading import read

# ---- a contract sealed, the seal said before the verb: signed ----


@pytest.mark.parametrize(
    "text",
    [
        "海川那边合同章已经盖好了，明天寄回来",
        "宏泰的合同他们那边章也盖了",
        "跟鼎盛李总通了电话 合同财务那边章今天盖完了",
    ],
)
def test_a_contract_whose_seal_is_said_first_is_signed(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[1].get("stage") == "签约"


@pytest.mark.parametrize(
    "text",
    [
        "宏泰的合同章还没盖",  # not yet
        "宏泰合同章盖好了吗",  # asked
        "宏泰合同的章下周盖",  # a plan
        "宏泰的验收单章盖好了",  # no contract: an acceptance note
    ],
)
def test_a_seal_not_affixed_to_a_contract_is_no_signing(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[1].get("stage") != "签约"


# ---- the customer came to a place of ours, named or not: a visit ----


@pytest.mark.parametrize(
    "text",
    [
        "宏泰张总今天来我们基地参观了",
        "宏泰刘工来我们车间考察了一下午",
        "鼎盛王经理下午到我们仓库看了样品",
    ],
)
def test_the_customer_come_to_any_place_of_ours_is_a_visit(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[1].get("kind") == "visit"


@pytest.mark.parametrize(
    "text",
    [
        "宏泰张总想来我们仓库看看",  # a wish
        "宏泰那边说下周轮到我们去看",
        "宏泰张总电话里说我们的样品不错",
    ],
)
def test_no_coming_to_us_is_no_visit(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[1].get("kind") != "visit"


# ---- a function of the customer's ("他们门店运营的X") is no organisation; the person has it as title ----


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("是他们总部采购的孙丽 电话13812345678", "孙丽", "总部采购"),
        ("区域销售的刘强说下周定", "刘强", "区域销售"),
        ("对方财务的江婉婷说发票下周开", "江婉婷", "财务"),
        ("他们品控的刘强说样品没问题", "刘强", "品控"),
        ("他们物流的王芳说下周到货", "王芳", "物流"),  # (an industry word, after their pointer)
    ],
)
def test_a_function_of_theirs_names_the_person_not_a_customer(
    extractor: Extractor, text: str, name: str, title: str
) -> None:
    slots = read(extractor, text)[1]
    assert "company" not in slots
    assert (slots.get("contact_name"), slots.get("contact_title")) == (name, title)


def test_their_place_then_a_function_is_theirs_too(extractor: Extractor) -> None:
    slots = read(extractor, "他们厂里设备的周斌说下周停机")[1]
    assert "company" not in slots and slots.get("contact_name") == "周斌"


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("云岫技术的王总说下周定", "云岫技术"),  # a brand, then an industry word that is also a function
        ("鼎盛物流的王总说下周定", "鼎盛物流"),
        ("鼎盛设备的王总说下周定", "鼎盛设备"),
    ],
)
def test_a_brand_ending_in_a_function_word_stays_a_customer(
    extractor: Extractor, text: str, company: str
) -> None:
    assert read(extractor, text)[1].get("company") == company
