"""Kinds of failure seen on the held-out conversations_twenty (office furniture), each tested with
made-up sentences of other trades, with negatives showing the rule does not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor
from tests.nlp.reading import read as _read

# ---- a given name that starts with 一 ("陈一帆"), after a title or on its own ----------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("今天去园区见了他们创始人严一帆，电话13912345678", "严一帆"),
        ("跟幼儿园园长陈一诺聊了 下周再去", "陈一诺"),
        ("店长王一凡说这批货下周签", "王一凡"),
        ("见了他们合伙人骆建国", "骆建国"),  # a name of no 一, as before
    ],
)
def test_a_given_name_starting_with_一_is_read(extractor: Extractor, text: str, name: str) -> None:
    assert _read(extractor, text)[1].get("contact_name") == name


@pytest.mark.parametrize(
    "text",
    [
        "他们老板娘周一说要来看样",  # 周一 is Monday
        "跟采购张一批货的事聊了",  # 一批 is a measure
        "他们主任高一点都不着急",  # 高一 / 一点 are words
        "见了园长 万一他们不批呢",  # 万一
    ],
)
def test_一_after_a_surname_in_a_word_is_no_name(extractor: Extractor, text: str) -> None:
    name = _read(extractor, text)[1].get("contact_name")
    assert name is None or "一" not in name


# ---- a trial the customer held on their own, told over a channel: the channel is the kind ---------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("周经理发邮件说床垫样品他们试睡了三晚 挺满意 要两百张", "online"),
        ("4S店的刘总打电话来说新车他们试驾了 挺满意", "call"),
        ("王工电话里说样机他们试用了一周 挺稳定", "call"),
        ("孙店长微信说鞋样她们试穿了 码数偏小", "online"),
        # the trial held with the rep there is a demo, as before
        ("今天去店里 孙店长她们试穿了新款 码数偏小", "demo"),
        ("今天去了车行 刘总试驾了 挺满意", "demo"),
        # a channel in an earlier sentence tells nothing of the trial
        ("王总昨天微信说了一下。今天去他们厂里给他们试了一下样机", "demo"),
    ],
)
def test_a_trial_told_over_a_channel_is_that_channel(extractor: Extractor, text: str, kind: str) -> None:
    assert _read(extractor, text)[1].get("kind") == kind
