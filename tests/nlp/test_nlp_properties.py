"""Property tests: no text makes the extractor raise, and the work grows about linearly."""

from __future__ import annotations

import time
from datetime import datetime
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp import Extraction, Extractor, Intent

SENT = datetime(2026, 3, 10, 9, 30, tzinfo=ZoneInfo("Asia/Shanghai"))
PIECES = [
    "拜访了",
    "苏州",
    "仁济医院",
    "王主任",
    "预算",
    "150万",
    "到",
    "下周三",
    "下午2点",
    "电话",
    "138",
    "1234",
    "5678",
    "+86",
    "有限公司",
    "采购经理",
    "刘芳",
    "云ERP",
    "用友",
    "😅",
    "\x00",
    "\u200b",
    "\n",
    " ",
    "，",
    "abc",
    "Ωμέγα",
    "١٢٣",
    "号",
    "月底",
    "w",
    "k",
    "亿",
    "—",
    "（",
    "）",
]
texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(PIECES), max_size=80).map("".join),
    st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x2FFFF), max_size=200),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts, channel=st.sampled_from(["rep", "customer"]))
def test_never_raises(extractor: Extractor, text: str, channel: str) -> None:
    ex = extractor.extract(text, SENT, channel)
    assert isinstance(ex, Extraction)
    assert isinstance(ex.intent, Intent)
    ex.to_slots()


def test_empty_and_huge_texts(extractor: Extractor) -> None:
    assert extractor.extract("", SENT).intent == Intent.OTHER
    huge = ("拜访了苏州仁济医院王主任，预算150万，电话13812345678。😅\x07" * 3000)[:100_000]
    assert len(huge) == 100_000
    assert isinstance(extractor.extract(huge, SENT), Extraction)


def _elapsed(extractor: Extractor, text: str) -> float:
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        extractor.extract(text, SENT)
        best = min(best, time.perf_counter() - t0)
    return best


def test_runtime_grows_about_linearly(extractor: Extractor) -> None:
    unit = "今天拜访了苏州仁济医院设备科王主任，电话139-5311-2288，预算50到80万，下周三下午2点再去。"
    small = (unit * 400)[:10_000]
    large = (unit * 4000)[:100_000]
    t_small, t_large = _elapsed(extractor, small), _elapsed(extractor, large)
    # 10x the text may take at most ~30x the time (generous: caches, GC); quadratic would be ~100x.
    assert t_large < max(t_small, 1e-3) * 30
