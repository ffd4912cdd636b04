"""Kinds of failure seen on the held-out conversations fortyfour (corporate travel), each tested with
made-up sentences of other trades, with negatives showing the rule does not over-fire."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from nlp import Extractor

SENT = datetime(2026, 3, 10, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("上午Amber打电话过来，冷库那批货架的安装日期要往后挪", "Amber"),
        ("Derek今天打电话来问叉车租赁的续约价格", "Derek"),
        ("仓储新来的Ryan 邹今天加了我微信，想看看托盘的样品", "Ryan"),
    ],
)
def test_an_english_name_that_called_or_wrote_is_the_contact(
    extractor: Extractor, text: str, name: str
) -> None:
    assert extractor.extract(text, SENT).contact_name == name


@pytest.mark.parametrize("text", ["Zoom打电话不太稳定，改成现场聊", "Demo打电话讲不清楚，下周上门演示"])
def test_a_tool_or_a_word_before_a_call_is_no_contact(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, SENT).contact_name is None


def test_a_spaced_surname_then_when_is_no_full_name(extractor: Extractor) -> None:
    # "罗今天" is the surname, then when it happened; not a three-character name
    assert extractor.extract("Ryan 罗今天加了我微信，问冷链车的报价", SENT).contact_name == "Ryan 罗"
    assert extractor.extract("Ryan 罗健今天加了我微信", SENT).contact_name != "Ryan 罗今天"


def test_an_english_title_after_de_is_no_name(extractor: Extractor) -> None:
    ex = extractor.extract("不是Helen，是他们新来的Warehouse Manager Felix 韦，电话13917265408", SENT)
    assert ex.contact_name is not None and ex.contact_name.startswith("Felix")
    assert extractor.extract("约了他们的Kevin下周看样品", SENT).contact_name == "Kevin"
