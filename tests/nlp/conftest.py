"""Fixtures for the extractor tests: one extractor with a small catalog of another industry."""

from __future__ import annotations

import pytest

from nlp import Extractor, parse_catalog

# A software / manufacturing catalog: nothing in it comes from the dev corpus.
CATALOG = """
[[products]]
name = "云ERP"
aliases = ["ERP系统", "云端ERP"]
line = "软件"

[[products]]
name = "数控机床"
aliases = ["CNC机床", "CNC"]
line = "设备"

[[products]]
name = "光伏组件"
aliases = ["太阳能板"]
line = "能源"

[[competitors]]
name = "用友"
aliases = ["用友网络", "Yonyou"]

[[competitors]]
name = "金蝶"
aliases = ["Kingdee"]
"""


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    ex = Extractor(parse_catalog(CATALOG, "test-catalog"))
    ex.warm_up()
    return ex
