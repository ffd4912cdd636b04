"""Kinds of failure seen on the held-out conversations thirtynine (used cars and fleet finance), each
tested with made-up sentences of other trades, with negatives showing the rule does not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor
from nlp.intent import find_kind
from nlp.linking import address_span
from tests.nlp.reading import read as _read

TEAM = ("罗小军", "孟洁", "欧阳子涵")


@pytest.mark.parametrize(
    ("text", "colleague"), [("小孟 东方制药那单定了记得告诉我", "孟洁"), ("老罗，报价你再看下", "罗小军")]
)
def test_小_or_老_and_a_colleague_s_surname_is_an_address_when_familiar(text: str, colleague: str) -> None:
    found = address_span(text, TEAM, familiar=True)
    assert found is not None and found[0] == colleague
    assert address_span(text, TEAM) is None  # (not by default: "小孟 今天来电话了" may be the customer's)


def test_a_boss_by_surname_and_总_is_an_address_only_for_a_boss() -> None:
    text = "罗总 今天跟东方制药严工电话过了一遍"
    found = address_span(text, TEAM, bosses=("罗小军",))
    assert found is not None and found[0] == "罗小军" and text[found[1]] == " "
    assert address_span(text, TEAM) is None  # 罗 no boss: a customer's 罗总
    assert address_span("小王 东方制药那单定了", TEAM, familiar=True) is None  # no colleague 王


@pytest.mark.parametrize("text", ["今天跟严工电话过了一遍 报价没问题", "下午和采购电话对了一下交期"])
def test_a_call_said_as_going_over_it_once(text: str) -> None:
    found = find_kind(text)
    assert found is not None and found[0] == "call"


@pytest.mark.parametrize(
    "text",
    ["东方制药的ERP最后给用友装了 价格低一截", "华美服饰那套系统最后还是找金蝶包了", "ERP最后给用友租了"],
)
def test_a_job_done_at_the_end_by_a_competitor_with_the_trade_s_verb_is_lost(
    extractor: Extractor, text: str
) -> None:
    assert _read(extractor, text)[1].get("stage") == "输单"


def test_a_call_to_a_competitor_is_no_loss(extractor: Extractor) -> None:
    assert _read(extractor, "东方制药最后给用友打了电话 问了问价格")[1].get("stage") != "输单"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("东方制药新来的库管蒋丽华刚打电话过来 要补货", "蒋丽华"),
        ("华美服饰新上任的店长助理 今天来电话了", None),
    ],
)
def test_a_person_new_at_the_customer_introduced_by_a_job(
    extractor: Extractor, text: str, name: str | None
) -> None:
    assert _read(extractor, text)[1].get("contact_name") == name
