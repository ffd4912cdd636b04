"""Kinds seen on whole conversations (issue 16), tested with made-up sentences of other trades: a
correction's stage said as the field's value ("不对，阶段是需求确认"), with no customer read out of
its marker or the field's name; the person a customer hands the rep to as the contact."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from nlp import Extractor, Intent

SENT = datetime(2026, 3, 10, 9, 30, tzinfo=ZoneInfo("Asia/Shanghai"))  # a Tuesday


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        ("不对，阶段是需求确认", "需求确认"),
        ("不对 阶段应该是报价", "报价"),
        ("搞错了，状态还在谈判", "谈判"),
        ("阶段是方案演示", "方案演示"),
    ],
)
def test_the_stage_said_as_the_field_s_value_is_the_stage_and_names_no_customer(
    extractor: Extractor, text: str, stage: str
) -> None:
    ex = extractor.extract(text, SENT)
    assert (ex.intent, ex.stage, ex.company) == (Intent.UPDATE_STAGE, stage, None)


@pytest.mark.parametrize("text", ["他们的采购阶段是报价比选", "招标状态是报价审核中"])
def test_a_stage_word_starting_a_longer_phase_is_no_stage(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, SENT).stage is None


def test_a_customer_first_in_stage_news_is_still_read(extractor: Extractor) -> None:
    ex = extractor.extract("不凡科技那单黄了", SENT)  # a name may start with 不
    assert (ex.stage, ex.company) == ("输单", "不凡科技")


@pytest.mark.parametrize(
    ("text", "contact"),
    [
        ("宏远的郑总让采购主管施文涛跟我对接，下周二我过去", "施文涛"),
        ("郑总安排了仓储经理阎立新和我联系，刚加了微信", "阎立新"),
    ],
)
def test_the_person_handed_to_the_rep_is_the_contact(extractor: Extractor, text: str, contact: str) -> None:
    assert extractor.extract(text, SENT).contact_name == contact


@pytest.mark.parametrize(
    "text", ["郑总说施文涛下周休假", "郑总让施文涛跟他们老板说一下", "郑总跟我对接，施文涛也在"]
)
def test_a_person_only_mentioned_is_not_handed_over(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, SENT).contact_name == "郑"


@pytest.mark.parametrize(
    ("text", "budget"),
    [
        ("打印耗材每年差不多30万，下周二我去送样", (300_000, 300_000)),
        ("保洁外包全年约80万，合同月底到期", (800_000, 800_000)),
    ],
)
def test_a_year_s_purchase_said_without_a_budget_word_is_the_budget(
    extractor: Extractor, text: str, budget: tuple[int, int]
) -> None:
    assert extractor.extract(text, SENT).budget == budget


@pytest.mark.parametrize(
    "text",
    [
        "这家门店房租一年12万",
        "换了节能灯一年能省12万电费",
        "他们一年营收12万",
        "现在一年付别家30万",
        "一年下来大概两万箱",
    ],
)
def test_a_year_s_rent_saving_turnover_or_quantity_is_no_budget(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, SENT).budget is None
