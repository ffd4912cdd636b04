"""Kinds of failure seen on the conversations_ten set (commercial vehicles), each tested with made-up
sentences of other trades, with negatives showing the rule does not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor
from tests.nlp.reading import read as _read

# ---- a district whose name starts with a stop character ("从化区") stays in the name ----


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("新客户 广州市从化区翠林食品有限公司 见了老板", "广州市从化区翠林食品有限公司"),
        ("新客户 贵州从江县恒达茶叶有限公司 见了老板", "贵州从江县恒达茶叶有限公司"),
        ("刚从中铁十四局出来 见了项目经理", "中铁十四局"),  # 从 as "from" still ends the name
        ("刚从化工厂出来 见了厂长", "化工厂"),
    ],
)
def test_a_district_starting_with_a_stop_character(extractor: Extractor, text: str, company: str) -> None:
    assert _read(extractor, text)[1].get("company") == company
