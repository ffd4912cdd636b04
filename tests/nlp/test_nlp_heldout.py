"""Held-out corpora of other industries (tests/fixtures/heldout, labeled without looking at the extractor)
stay above a floor: a guard against rules that fit the dev corpus and break elsewhere.

software and education were never tuned on (measured at intent 0.917 / 0.900, slot F1 0.979 / 0.976
when written); manufacturing and energy were, so their floor is the same, not their current 1.0."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from nlp import Extractor, load_catalog
from nlp.scoring import score

HELDOUT = Path(__file__).resolve().parents[1] / "fixtures" / "heldout"


def _score(corpus: Path, catalog: Path) -> dict[str, Any]:
    extractor = Extractor(load_catalog(catalog))
    gold: dict[str, dict[str, Any]] = {}
    pred: dict[str, dict[str, Any]] = {}
    for line in corpus.read_text(encoding="utf-8").splitlines():
        if line.strip():
            case = json.loads(line)
            gold[case["id"]] = case
            ex = extractor.extract(case["text"], datetime.fromisoformat(case["sent_at"]), case["channel"])
            pred[case["id"]] = {"intent": str(ex.intent), "slots": ex.to_slots()}
    return score(gold, pred)


@pytest.mark.parametrize("corpus", ["software", "education", "manufacturing", "energy"])
def test_heldout_corpus_stays_above_the_floor(corpus: str) -> None:
    summary = _score(HELDOUT / f"{corpus}.jsonl", HELDOUT / f"{corpus}.toml")
    assert summary["intent_accuracy"] >= 0.88, summary["intent_confusion"]
    assert summary["slot_micro_f1"] >= 0.95


STUDY4 = Path(__file__).resolve().parents[1] / "fixtures" / "study4"


@pytest.mark.parametrize("corpus", ["pv", "dental"])
def test_study_corpus_stays_above_the_floor(corpus: str) -> None:
    """tests/fixtures/study4 was written for study by someone who had not read the code; the kinds of
    failure it showed were fixed (intent 0.86 -> 1.00, slot F1 0.89 / 0.86 -> 0.98 / 0.99). The floor
    keeps those kinds fixed without pinning every case."""
    summary = _score(STUDY4 / f"study4_{corpus}.jsonl", STUDY4 / f"catalog_{corpus}.toml")
    assert summary["intent_accuracy"] >= 0.97, summary["intent_confusion"]
    assert summary["slot_micro_f1"] >= 0.96


HELDOUT3 = Path(__file__).resolve().parents[1] / "fixtures" / "heldout3"


@pytest.mark.parametrize("corpus", ["lab", "elevator", "uniform"])
def test_heldout3_studied_stays_above_the_floor(corpus: str) -> None:
    """tests/fixtures/heldout3 was held out until scored (intent 0.82, slot F1 0.89 before any change;
    0.92 / 0.93 at its honest final score), then studied: its kinds of failure were fixed (intent
    0.97-0.99, slot F1 0.98). The floor keeps those kinds fixed without pinning every case."""
    summary = _score(HELDOUT3 / f"{corpus}.jsonl", HELDOUT3 / f"{corpus}.toml")
    assert summary["intent_accuracy"] >= 0.95, summary["intent_confusion"]
    assert summary["slot_micro_f1"] >= 0.96


STUDY9 = Path(__file__).resolve().parents[1] / "fixtures" / "study9"


@pytest.mark.parametrize("corpus", ["logistics", "rental", "petfood"])
def test_study9_stays_above_the_floor(corpus: str) -> None:
    """tests/fixtures/study9, written for study by someone who had not read the code (intent 0.91-0.98,
    slot F1 0.92-0.95 when written), had its kinds of failure fixed (intent 0.99-1.00, slot F1 0.97-0.98)."""
    summary = _score(STUDY9 / f"{corpus}_study9.jsonl", STUDY9 / f"{corpus}_catalog.toml")
    assert summary["intent_accuracy"] >= 0.97, summary["intent_confusion"]
    assert summary["slot_micro_f1"] >= 0.95


STUDY12 = Path(__file__).resolve().parents[1] / "fixtures" / "study12"


@pytest.mark.parametrize("corpus", ["tea_gift", "waterproofing"])
def test_study12_stays_above_the_floor(corpus: str) -> None:
    """tests/fixtures/study12 (kinds of contact and loose plans stressed; slot F1 0.956 / 0.939 when
    written) had its kinds of failure fixed."""
    summary = _score(STUDY12 / f"{corpus}.jsonl", STUDY12 / f"{corpus}_catalog.toml")
    assert summary["intent_accuracy"] >= 0.95, summary["intent_confusion"]
    assert summary["slot_micro_f1"] >= 0.94
