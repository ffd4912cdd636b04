"""Kinds of failure seen on the held-out conversations thirtyseven (feed and veterinary products), each
tested with made-up sentences of other trades and places, with negatives showing the rule does not
over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor
from nlp.linking import company_aliases, company_key
from tests.nlp.reading import read

# ---- a brand that starts with another district's name of its city, after its own district ----------


def test_a_brand_after_a_district_keeps_a_sibling_districts_name_it_starts_with() -> None:
    # 昆山 is a county-level city of 苏州 as 相城 is a district: one never lies inside the other, so
    # after 相城区 the brand is 昆山桥, not 桥康复.
    aliases = company_aliases("苏州市相城区昆山桥康复医院", company_key("苏州市相城区昆山桥康复医院"), "苏州")
    assert {"昆山桥", "昆山桥康复医院"} <= set(aliases)
    assert "桥康复" not in aliases


def test_a_town_written_with_its_kind_is_still_dropped_after_its_district() -> None:
    key = company_key("佛山市顺德区容桂镇恒丰印染有限公司")
    assert {"恒丰", "恒丰印染"} <= set(company_aliases("佛山市顺德区容桂镇恒丰印染有限公司", key, "佛山"))


# ---- stages reached with no stage word --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        # the deposit moved into our account is a signed deal
        ("王经理说首批50台净水器先定下来，订金今天上午已经转到我们账户了", "签约"),
        ("首付款转过来了", "签约"),
        # the goods unloaded at their place are delivered
        ("两车板材昨天已经全部卸完了，刘老板说质量还行", "交付"),
        # no point going on, said plainly or in the southwest's 莫得
        ("给孙经理打了电话，莫得搞头了，价格差太多", "输单"),
        # a further cut asked and taken to the boss, or the price worn down at length
        ("电话里孙总要每台再降300，我讲要请示一下老板", "谈判"),
        ("和赵总磨了一下午的价钱，他说回去再想想", "谈判"),
        # the price given as a figure
        ("上午在门店跟韩老板聊了，展柜一组报到2600，他说再比比", "报价"),
    ],
)
def test_a_stage_said_by_what_happened(extractor: Extractor, text: str, stage: str) -> None:
    assert read(extractor, text)[1].get("stage") == stage


@pytest.mark.parametrize(
    "text",
    [
        "订金转了吗",  # asked
        "定金下周转过来",  # still to come
        "货卸完了吗",  # asked
        "跟钱总聊了，这单还有没有搞头？",  # asked
        "孙总让我先请示一下领导再报价",  # no cut asked
        "新来的销售小刘明天去公司报到",  # reported for duty
    ],
)
def test_no_stage_when_it_is_asked_or_to_come(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[1].get("stage") is None


# ---- the proposal presented, said with how thoroughly ------------------------------------------------


@pytest.mark.parametrize(
    "text", ["去了华清学校，把方案从头讲了一遍，孙校长挺满意", "跟马总见了一面，方案详细介绍了"]
)
def test_the_proposal_presented_thoroughly_is_a_demo(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[1].get("kind") == "demo"
