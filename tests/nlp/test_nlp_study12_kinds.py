"""Kinds of failure seen on the study12 corpora, each tested with made-up sentences of other
trades (printing, furniture, car rental, bakeries)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from nlp import Extractor

SENT = datetime(2026, 3, 10, 9, 30, tzinfo=ZoneInfo("Asia/Shanghai"))  # a Tuesday


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("上午在无锡彩虹印务碰了个头，李经理想订一批画册", "visit"),
        ("跟宁波家宜家具的钱总碰了个面，沙发样品他挺满意", "visit"),
        ("和绍兴远航租车的宋经理面对面聊了半小时，要20台商务车", "visit"),
        ("嘉兴麦田烘焙 顾总 面谈 烤箱 下周三再去", "visit"),
        ("Met Linda from 南昌飞扬广告 today, they need 200 banners.", "visit"),
        ("Had a call with Mr. Zhou from 温州东方鞋业, asked for a quote.", "call"),
    ],
)
def test_how_the_contact_happened_said_loosely(extractor: Extractor, text: str, kind: str) -> None:
    assert extractor.extract(text, SENT).kind == kind


def test_a_meeting_planned_is_no_contact_yet(extractor: Extractor) -> None:
    assert extractor.extract("明天下午和常州百味烘焙的唐总碰个头", SENT).kind is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("拜访了常州恒信机械的设备经理周建谈了一上午，要两台数控车床", "周建"),
        ("在扬州瘦西湖酒店见了，前厅经理孙梅留了电话13900001111", "孙梅"),
        ("今天和无锡天成纺织的办公室刘主任见面了，窗帘要换", "刘"),
    ],
)
def test_a_name_ends_before_a_verb_and_after_a_department(extractor: Extractor, text: str, name: str) -> None:
    assert extractor.extract(text, SENT).contact_name == name


def test_a_two_character_given_name_is_kept(extractor: Extractor) -> None:
    assert extractor.extract("拜访了常州恒信机械的经理周建华，要两台车床", SENT).contact_name == "周建华"
