"""The catalog file: loading, clear errors, aliases, product lines and matching in text."""

from __future__ import annotations

from pathlib import Path

import pytest

from nlp import load_catalog, parse_catalog

GOOD = """
[[products]]
name = "云ERP"
aliases = ["ERP系统"]
line = "软件"

[[products]]
name = "CNC"
aliases = []

[[competitors]]
name = "用友"
aliases = ["Yonyou"]
"""


def test_load_and_line_of(tmp_path: Path) -> None:
    path = tmp_path / "catalog.toml"
    path.write_text(GOOD, encoding="utf-8")
    catalog = load_catalog(path)
    assert catalog.line_of("云ERP") == "软件"
    assert catalog.line_of("ERP系统") == "软件"
    assert catalog.line_of("CNC") is None
    assert catalog.line_of("用友") is None
    assert catalog.line_of("nothing") is None


def test_find_maps_aliases_case_insensitively() -> None:
    catalog = parse_catalog(GOOD)
    found = [(m.kind, m.name) for m in catalog.find("他们用的YONYOU，想换ERP系统和云ERP")]
    assert found == [("competitor", "用友"), ("product", "云ERP"), ("product", "云ERP")]


def test_entry_names_the_item_of_a_whole_word() -> None:
    catalog = parse_catalog(GOOD)
    assert catalog.entry(" erp系统 ") == catalog.products[0]  # an alias, any case, trimmed
    assert catalog.entry("yonyou") == catalog.competitors[0]
    assert catalog.entry("ERP") is None and catalog.entry("云ERP系统") is None  # whole words only


def test_latin_alias_needs_word_boundaries() -> None:
    catalog = parse_catalog(GOOD)
    assert catalog.find("CNCX机床") == []
    assert [m.name for m in catalog.find("要3台CNC")] == ["CNC"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[[products]]\nname = ", "not valid TOML"),
        ("[[products]]\naliases = ['x']\n", "'name' must be a non-empty string"),
        ("[[products]]\nname = 'a'\naliases = 'b'\n", "'aliases' must be a list"),
        ("[[products]]\nname = 'a'\nline = 3\n", "'line' must be a string"),
        ("products = 3\n", "must be an array of tables"),
        ("[extra]\n", "unknown top-level keys"),
    ],
)
def test_bad_catalog_names_file_and_problem(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError) as err:
        load_catalog(path)
    assert str(path) in str(err.value)
    assert message in str(err.value)


def test_missing_catalog(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="cannot read catalog"):
        load_catalog(tmp_path / "nope.toml")


SERVICES = """
[[products]]
name = "滤芯更换"
aliases = ["换滤芯"]

[[products]]
name = "冷媒补充"
aliases = ["加冷媒", "补冷媒"]

[[products]]
name = "清洗服务"
aliases = ["洗地毯"]
"""


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("客户说下个月还要换一批滤芯", "滤芯更换"),
        ("空调不制冷，得补点冷媒", "冷媒补充"),
        ("这次先加一次冷媒看看效果", "冷媒补充"),
        ("会议室顺便洗个地毯", "清洗服务"),
    ],
)
def test_a_service_said_with_how_much_between_the_doing_and_the_thing(text: str, name: str) -> None:
    # "补一次液氦" for "补液氦": speech puts how much or how often inside a service's name
    assert [m.name for m in parse_catalog(SERVICES).find(text)] == [name]


def test_a_count_alone_or_another_doing_is_no_service() -> None:
    catalog = parse_catalog(SERVICES)
    assert catalog.find("换一批人来谈") == []
    assert catalog.find("买一批冷媒罐") == []  # (买 is no doing of the service named 补/加冷媒)
