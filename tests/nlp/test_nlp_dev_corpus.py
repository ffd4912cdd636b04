"""The dev corpus meets the accuracy targets (skipped when the shared corpus is not beside the repo)."""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from nlp import Extractor, load_catalog
from nlp.scoring import score

ROOT = Path(__file__).resolve().parents[2]
CORPUS = Path(os.environ.get("SALESBOT_CORPUS_DIR", ROOT.parent / "shared" / "corpus"))


@pytest.fixture(scope="module")
def summary() -> dict[str, Any]:
    gold_path, catalog_path = CORPUS / "dev.jsonl", CORPUS / "catalog.toml"
    if not gold_path.exists() or not catalog_path.exists():
        pytest.skip(f"dev corpus not found in {CORPUS} (set SALESBOT_CORPUS_DIR)")
    extractor = Extractor(load_catalog(catalog_path))
    gold: dict[str, dict[str, Any]] = {}
    pred: dict[str, dict[str, Any]] = {}
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        case = json.loads(line)
        gold[case["id"]] = case
        ex = extractor.extract(case["text"], datetime.fromisoformat(case["sent_at"]), case["channel"])
        pred[case["id"]] = {"intent": ex.intent.corpus_label, "slots": ex.to_slots()}
    return score(gold, pred)


def test_intent_accuracy(summary: dict[str, Any]) -> None:
    assert summary["intent_accuracy"] >= 0.97, summary["intent_confusion"]


def test_slot_micro_f1(summary: dict[str, Any]) -> None:
    assert summary["slot_micro_f1"] >= 0.95


def test_every_slot_f1(summary: dict[str, Any]) -> None:
    weak = {k: round(v["f1"], 3) for k, v in summary["per_slot"].items() if v["f1"] < 0.90}
    assert weak == {}
