"""Scoring predictions against a labeled corpus, the same report as the corpus's score.py.

Slots are scored key by key; list slots item by item; next_followup and period field by field.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping
from typing import Any

LIST_SLOTS = frozenset({"products", "competitors"})
DICT_SLOTS: Mapping[str, tuple[str, str]] = {"next_followup": ("date", "time"), "period": ("start", "end")}


def items(slots: Mapping[str, Any] | None) -> list[tuple[str, str]]:
    """Flatten a slots dict into scorable (key, value) items."""
    out: list[tuple[str, str]] = []
    for key, value in (slots or {}).items():
        if value is None:
            continue
        if key in LIST_SLOTS:
            for v in value if isinstance(value, list) else [value]:
                out.append((key, json.dumps(v, ensure_ascii=False)))
        elif key in DICT_SLOTS and isinstance(value, dict):
            for field in DICT_SLOTS[key]:
                if value.get(field) is not None:
                    out.append((f"{key}.{field}", json.dumps(value[field], ensure_ascii=False)))
        else:
            out.append((key, json.dumps(value, ensure_ascii=False, sort_keys=True)))
    return out


def score(gold: Mapping[str, Mapping[str, Any]], pred: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """Summary dict: per-slot P/R/F1, intent accuracy, micro P/R/F1, exact-case share, confusion."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    intent_ok = perfect = 0
    confusion: Counter[tuple[str, str | None]] = Counter()
    for cid, g in gold.items():
        p = pred.get(cid, {})
        g_items = Counter(items(g.get("slots")))
        p_items = Counter(items(p.get("slots")))
        case_ok = p.get("intent") == g["intent"]
        intent_ok += case_ok
        if not case_ok:
            confusion[(g["intent"], p.get("intent"))] += 1
        for it in g_items | p_items:
            hit = min(g_items[it], p_items[it])
            tp[it[0]] += hit
            fp[it[0]] += p_items[it] - hit
            fn[it[0]] += g_items[it] - hit
            if hit < max(g_items[it], p_items[it]):
                case_ok = False
        perfect += case_ok
    per_slot = {}
    for k in sorted(set(tp) | set(fp) | set(fn)):
        prec = tp[k] / (tp[k] + fp[k]) if tp[k] + fp[k] else 0.0
        rec = tp[k] / (tp[k] + fn[k]) if tp[k] + fn[k] else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per_slot[k] = {"tp": tp[k], "fp": fp[k], "fn": fn[k], "precision": prec, "recall": rec, "f1": f1}
    t, f_p, f_n = sum(tp.values()), sum(fp.values()), sum(fn.values())
    micro_p = t / (t + f_p) if t + f_p else 0.0
    micro_r = t / (t + f_n) if t + f_n else 0.0
    micro_f1 = 2 * micro_p * micro_r / (micro_p + micro_r) if micro_p + micro_r else 0.0
    n = len(gold)
    return {
        "cases": n,
        "missing_predictions": sum(1 for cid in gold if cid not in pred),
        "intent_accuracy": intent_ok / n if n else 0.0,
        "slot_micro_precision": micro_p,
        "slot_micro_recall": micro_r,
        "slot_micro_f1": micro_f1,
        "case_exact": perfect / n if n else 0.0,
        "per_slot": per_slot,
        "intent_confusion": {f"{g} -> {p}": c for (g, p), c in confusion.most_common()},
    }


def report(summary: Mapping[str, Any]) -> str:
    """The text report, line for line as score.py prints it."""
    lines = [f"{'slot':<22}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}"]
    for k, s in summary["per_slot"].items():
        lines.append(
            f"{k:<22}{s['precision']:7.3f}{s['recall']:7.3f}{s['f1']:7.3f}{s['tp']:6}{s['fp']:6}{s['fn']:6}"
        )
    lines.append(f"\ncases {summary['cases']}  missing predictions {summary['missing_predictions']}")
    lines.append(f"intent accuracy {summary['intent_accuracy']:.3f}")
    for pair, c in summary["intent_confusion"].items():
        lines.append(f"  {pair}: {c}")
    lines.append(
        f"slot micro P {summary['slot_micro_precision']:.3f}  R {summary['slot_micro_recall']:.3f}  "
        f"F1 {summary['slot_micro_f1']:.3f}"
    )
    lines.append(f"cases right in every respect {summary['case_exact']:.3f}")
    return "\n".join(lines)
