"""`salesbot extract`: JSON lines in and out, malformed lines reported and skipped, --eval report."""

from __future__ import annotations

import argparse
import io
import json
from pathlib import Path

import pytest

from bot.cli import extract as extract_cli

CATALOG = """
[[products]]
name = "云ERP"
aliases = ["ERP系统"]

[[competitors]]
name = "用友"
aliases = []
"""


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="salesbot")
    extract_cli.add_parser(parser.add_subparsers(dest="command", required=True))
    return parser.parse_args(argv)


@pytest.fixture
def catalog(tmp_path: Path) -> Path:
    path = tmp_path / "catalog.toml"
    path.write_text(CATALOG, encoding="utf-8")
    return path


def run(argv: list[str], stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = extract_cli.run(parse(argv), io.StringIO(stdin), out, err)
    return code, out.getvalue(), err.getvalue()


def test_parser_sets_func(catalog: Path) -> None:
    args = parse(["extract", "--catalog", str(catalog), "--config", "x.toml"])
    assert callable(args.func)
    assert args.tz == "Asia/Shanghai"


def test_good_lines(catalog: Path) -> None:
    lines = [
        {
            "id": "a",
            "text": "新线索：苏州远航物流有限公司 王总 13812345678，想上ERP系统，预算50到80万",
            "sent_at": "2026-03-10T09:30:00+08:00",
            "channel": "rep",
        },
        {"id": "b", "text": "本周新增多少线索", "sent_at": "2026-03-10T09:30:00+08:00", "channel": "rep"},
    ]
    code, out, err = run(["extract", "--catalog", str(catalog)], "".join(json.dumps(x) + "\n" for x in lines))
    assert (code, err) == (0, "")
    first, second = (json.loads(x) for x in out.splitlines())
    assert first == {
        "id": "a",
        "intent": "new_lead",
        "slots": {
            "company": "苏州远航物流有限公司",
            "contact_name": "王",
            "contact_title": "总",
            "phone": "13812345678",
            "products": ["云ERP"],
            "budget": [500000, 800000],
            "city": "苏州",
        },
    }
    assert second["slots"] == {"period": {"start": "2026-03-09", "end": "2026-03-15"}}
    assert "苏州" in out  # ensure_ascii=False


def test_malformed_lines_are_reported_and_skipped(catalog: Path) -> None:
    good = json.dumps({"id": "ok", "text": "你好", "sent_at": "2026-03-10T09:30:00+08:00", "channel": "rep"})
    stdin = (
        "\n".join(
            [
                "{not json",
                json.dumps({"id": "x", "sent_at": "2026-03-10T09:30:00+08:00"}),
                json.dumps({"id": "y", "text": "你好", "sent_at": "yesterday"}),
                good,
            ]
        )
        + "\n"
    )
    code, out, err = run(["extract", "--catalog", str(catalog)], stdin)
    assert code == 1
    assert [json.loads(x)["id"] for x in out.splitlines()] == ["ok"]
    assert "line 1" in err and "line 2" in err and "line 3" in err
    assert "line 4" not in err


def test_bad_catalog_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[[products]]\nname = 3\n", encoding="utf-8")
    code, out, err = run(["extract", "--catalog", str(bad)], "")
    assert code == 2 and out == ""
    assert str(bad) in err


def test_eval_prints_score_report(catalog: Path, tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    cases = [
        {
            "id": "g1",
            "channel": "rep",
            "sent_at": "2026-03-10T09:30:00+08:00",
            "text": "我的超时线索",
            "intent": "query_overdue",
            "slots": {"scope": "me"},
        },
        {
            "id": "g2",
            "channel": "rep",
            "sent_at": "2026-03-10T09:30:00+08:00",
            "text": "你好",
            "intent": "help",
            "slots": {},
        },
    ]
    gold.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in cases), encoding="utf-8")
    code, out, err = run(["extract", "--catalog", str(catalog), "--eval", str(gold)])
    assert code == 0, err
    assert "intent accuracy 0.500" in out
    assert "help -> other: 1" in out
    assert "scope" in out and "slot micro P 1.000" in out
