"""Kinds seen on conversations_eight / nine, with made-up sentences of other industries."""

from __future__ import annotations

import pytest

from nlp.intent import find_kind


@pytest.mark.parametrize(
    "text", ["今天给他们做了排班系统的demo，反馈还行", "上午在厂里做过新款叉车的demo", "搞了一场云平台的demo"]
)
def test_a_demo_of_a_named_thing_held_is_a_demo(text: str) -> None:
    found = find_kind(text)
    assert found is not None and found[0] == "demo"


@pytest.mark.parametrize("text", ["他们想看新系统的demo", "做了个报价，下周的demo再约"])
def test_a_demo_wished_for_or_planned_is_no_demo(text: str) -> None:
    assert find_kind(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "今天展会上认识了某物流公司的采购",
        "在行业峰会上跟他们李总加了微信",
        "昨晚的沙龙结识了一个做冷链的老板",
    ],
)
def test_someone_met_at_a_show_or_an_event_is_a_visit(text: str) -> None:
    found = find_kind(text)
    assert found is not None and found[0] == "visit"


@pytest.mark.parametrize("text", ["朋友介绍认识了一个做冷链的老板", "展会的资料发给他了"])
def test_someone_introduced_or_a_show_only_named_is_no_visit(text: str) -> None:
    assert find_kind(text) is None
