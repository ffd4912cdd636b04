"""The public API: module-level extract, empty catalogs, spans, intents, the segmenter cache dir and the
segmenters that extractors share."""

from __future__ import annotations

import gc
import weakref
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

import nlp
from nlp import Catalog, Extractor, Intent
from nlp.segment import cache_dir, segmenter

SENT = datetime(2026, 3, 10, 9, 30, tzinfo=ZoneInfo("Asia/Shanghai"))


def test_module_level_extract_with_empty_catalog() -> None:
    ex = nlp.extract("今天上午拜访了苏州仁济医院设备科王主任，预算150万，下周三下午2点再去演示", SENT)
    assert ex.intent == Intent.LOG_FOLLOWUP
    assert ex.to_slots() == {
        "company": "苏州仁济医院",
        "contact_name": "王",
        "contact_title": "主任",
        "budget": [1_500_000, 1_500_000],
        "city": "苏州",
        "kind": "visit",
        "next_followup": {"date": "2026-03-18", "time": "14:00"},
    }
    start, end = ex.spans["company"]
    assert "今天上午拜访了苏州仁济医院设备科王主任"[start:end] == "苏州仁济医院"


def test_default_catalog_object_works() -> None:
    assert Extractor(Catalog()).extract("你好", SENT).intent == Intent.OTHER


def test_naive_send_time_is_read_in_the_configured_zone() -> None:
    ex = Extractor(Catalog(), "Asia/Shanghai").extract("明天要跟进哪些客户", datetime(2026, 3, 10, 23, 30))
    assert ex.period is not None and ex.period.start == "2026-03-11"


def test_send_time_converted_to_the_configured_zone() -> None:
    utc = datetime(2026, 3, 10, 17, 0, tzinfo=ZoneInfo("UTC"))  # already 3-11 01:00 in Shanghai
    ex = Extractor(Catalog()).extract("今天要跟进哪些客户", utc)
    assert ex.period is not None and ex.period.start == "2026-03-11"


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("你能做什么？", Intent.HELP),
        ("我的超时线索", Intent.QUERY_OVERDUE),
        ("今天要跟进哪些客户", Intent.QUERY_TODAY),
        ("本周新增多少线索", Intent.QUERY_STATS),
        ("查一下远航物流", Intent.QUERY_LEAD),
        ("新线索：苏州远航物流有限公司 王总 13812345678", Intent.NEW_LEAD),
        ("远航物流那单已经签约了", Intent.UPDATE_STAGE),
        ("晚上吃啥", Intent.OTHER),
    ],
)
def test_intents(text: str, intent: Intent) -> None:
    assert nlp.extract(text, SENT).intent == intent


def test_cache_dir_falls_back_when_not_writable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    path = cache_dir()
    assert path.is_dir() and not str(path).startswith(str(blocker))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert cache_dir() == tmp_path / "cache" / "salesbot"


def test_extractors_of_the_same_words_share_one_tokenizer_while_in_use() -> None:
    # Made-up words, in no dictionary: each is a word only where it was added.
    one = segmenter(["啵咔嗒机", "嘀嗒哒仪"], cache_dir())
    assert segmenter(["啵咔嗒机", "嘀嗒哒仪"], cache_dir()) is one
    other = segmenter(["嘀嗒哒仪"], cache_dir())
    assert other.tokenizer is not one.tokenizer and other.base is one.base  # jieba's dictionary, once
    assert one.added == {"啵咔嗒机", "嘀嗒哒仪"} and other.added == {"嘀嗒哒仪"}
    assert one.tokenizer.lcut("买啵咔嗒机", HMM=False) == ["买", "啵咔嗒机"]
    assert "啵咔嗒机" not in other.tokenizer.lcut("买啵咔嗒机", HMM=False)
    assert "啵咔嗒机" not in one.base.freq
    unused = weakref.ref(one.tokenizer)
    del one
    gc.collect()
    assert unused() is None  # freed with its last extractor
