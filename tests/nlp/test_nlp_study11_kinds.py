"""Kinds of failure seen on the study11 conversations, each tested with made-up sentences of other
trades (food shops, crafts, pharmacies, textiles, hotels)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from nlp import Extractor

SENT = datetime(2026, 3, 10, 9, 30, tzinfo=ZoneInfo("Asia/Shanghai"))  # a Tuesday


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("新客户 绍兴老街豆腐坊 老板姓沈", "绍兴老街豆腐坊"),
        ("今天去了趟青禾陶艺工作坊，见了周老板", "青禾陶艺工作坊"),
        ("新客户 嘉兴麦香面包坊", "嘉兴麦香面包坊"),
        ("都不是 新客户 湖州南浔烘焙坊", "湖州南浔烘焙坊"),
    ],
)
def test_a_workshop_ending_in_坊_is_an_organisation(extractor: Extractor, text: str, company: str) -> None:
    assert extractor.extract(text, SENT).company == company


def test_a_workshop_attended_is_no_customer(extractor: Extractor) -> None:
    assert extractor.extract("下午参加了一个设计工作坊", SENT).company is None


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("昨天去温州路过瓯江宾馆看了看", "瓯江宾馆"),
        ("下午去嘉兴顺道去了趟禾丰大药房", "禾丰大药房"),
        ("今天去台州顺路到椒江大酒店坐了坐", "椒江大酒店"),
        ("跑绍兴途经柯桥纺织有限公司 进去聊了聊", "柯桥纺织有限公司"),
    ],
)
def test_a_movement_on_the_way_ends_what_comes_before_a_name(
    extractor: Extractor, text: str, company: str
) -> None:
    assert extractor.extract(text, SENT).company == company


@pytest.mark.parametrize(
    "text",
    ["板材的价格他们认了，现在在谈账期", "方案和价格都过了 正在谈付款方式", "合同价定了，付款条件还在谈"],
)
def test_payment_terms_bargained_after_the_price_is_negotiation(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, SENT).stage == "谈判"


@pytest.mark.parametrize("text", ["还没谈账期", "下次去再谈账期", "账期一般多久？"])
def test_payment_terms_not_yet_bargained_are_no_stage(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, SENT).stage is None
