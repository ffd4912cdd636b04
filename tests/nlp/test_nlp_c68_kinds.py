"""Kinds of failure seen on the conversations sixty-eight (stage lighting and pro audio, casual slang),
each tested with made-up sentences of other trades, with negatives showing the rule does not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor
from tests.nlp.reading import read as _read

# ---- the deal lost, said with the spoken particle for 了: "丢咯", "输啦", "黄喽" ----------------------


@pytest.mark.parametrize(
    "text",
    [
        "老崔那边定了 用的别人家的机床 丢咯😤",
        "宏泰那单输啦 价格没拼过",
        "云端ERP那个项目黄喽 老板不批",
    ],
)
def test_a_loss_said_with_a_spoken_particle_is_lost(extractor: Extractor, text: str) -> None:
    _, slots = _read(extractor, text)
    assert slots.get("stage") == "输单"


@pytest.mark.parametrize("text", ["宏泰那单丢咯？", "宏泰那单输啦吗", "钥匙丢在他们前台了"])
def test_a_loss_asked_or_a_thing_dropped_is_no_loss(extractor: Extractor, text: str) -> None:
    _, slots = _read(extractor, text)
    assert slots.get("stage") != "输单"


# ---- a loss and its reason: "X丢了 老板说朋友介绍了个…" is a rival brought in, no new lead --------


@pytest.mark.parametrize(
    "text",
    [
        "宏泰那单丢了 他们老板说朋友介绍了个做ERP的 便宜",
        "华兴机电丢了 说是亲戚介绍了个卖机床的 唉",
    ],
)
def test_a_friend_introduced_after_a_loss_is_the_loss_s_reason(extractor: Extractor, text: str) -> None:
    intent, slots = _read(extractor, text)
    assert (intent, slots.get("stage")) == ("update_stage", "输单")


def test_a_new_customer_with_a_number_after_a_loss_is_still_a_new_lead(extractor: Extractor) -> None:
    intent, _ = _read(extractor, "宏泰丢了 不过朋友介绍了个新客户 华兴机电 王总 13905551234")
    assert intent == "new_lead"
